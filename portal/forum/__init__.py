"""The young people's forum: moderated boards, topics and replies for signed-in members and
staff."""
