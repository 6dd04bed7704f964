"""Migration 3b8f1d2c4e6a moves forum topic titles onto the opening post's contribution,
unchanged."""

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from portal.extensions import db
from tests.fixtures.migrations import MIGRATIONS, migration_database

BEFORE = "a7c3e5d1f9b2"


def _contribution(connection, text):
    table = sa.Table("contributions", sa.MetaData(), autoload_with=connection)
    row = {
        "source": "forum",
        "channel": "online",
        "text": text,
        "redacted_text": text,
        "status": "approved",
        "pii_spans": [],
        "safeguarding_flag": False,
        "safeguarding_reasons": [],
        "abusive_flag": False,
        "abuse_reasons": [],
        "pii_suspected": False,
        "created_at": sa.func.now(),
    }
    return connection.execute(
        table.insert().values(**{k: v for k, v in row.items() if k in table.c})
    ).inserted_primary_key[0]


def _seed(connection):
    """Two topics: one published with a moderator's redacted title and a reply; one still
    waiting."""
    meta = sa.MetaData()
    boards, topics, posts = (
        sa.Table(n, meta, autoload_with=connection)
        for n in ("forum_boards", "forum_topics", "forum_posts")
    )
    board = connection.execute(
        boards.insert().values(slug="b", name="B", description="", position=0)
    ).inserted_primary_key[0]
    ids = {}
    for key, title, redacted in (
        ("published", "Ring Sam on 07700 900123", "Ring [name] on [phone]"),
        ("waiting", "Quiet room", None),
    ):
        topic = connection.execute(
            topics.insert().values(
                board_id=board,
                title=title,
                title_redacted=redacted,
                have_your_say=False,
                created_at=sa.func.now(),
            )
        ).inserted_primary_key[0]
        for n in range(2 if key == "published" else 1):
            contribution = _contribution(connection, f"{key} post {n}")
            connection.execute(
                posts.insert().values(
                    topic_id=topic,
                    contribution_id=contribution,
                    by_staff=False,
                    created_at=sa.func.now(),
                )
            )
            ids[(key, n)] = contribution
        ids[key] = topic
    return ids


def test_titles_move_to_the_opening_contribution_and_back():
    with migration_database("titles"):
        upgrade(directory=MIGRATIONS, revision=BEFORE)
        with db.engine.begin() as connection:
            ids = _seed(connection)
        upgrade(directory=MIGRATIONS, revision="3b8f1d2c4e6a")
        with db.engine.connect() as connection:
            rows = {
                row.id: (row.title, row.redacted_title)
                for row in connection.execute(
                    sa.text("SELECT id, title, redacted_title FROM contributions")
                )
            }
        downgrade(directory=MIGRATIONS, revision=BEFORE)
        with db.engine.connect() as connection:
            back = {
                row.id: (row.title, row.title_redacted)
                for row in connection.execute(
                    sa.text("SELECT id, title, title_redacted FROM forum_topics")
                )
            }
    assert rows[ids[("published", 0)]] == ("Ring Sam on 07700 900123", "Ring [name] on [phone]")
    assert rows[ids[("published", 1)]] == (None, None)  # a reply has no title
    assert rows[ids[("waiting", 0)]] == ("Quiet room", None)
    assert back[ids["published"]] == ("Ring Sam on 07700 900123", "Ring [name] on [phone]")
    assert back[ids["waiting"]] == ("Quiet room", None)
