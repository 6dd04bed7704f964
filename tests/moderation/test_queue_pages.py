"""The moderation queue's pages: the count and the pager agree, filtered or not."""

from datetime import datetime, timedelta

from portal.contributions.models import Status
from tests.factories import make_contribution


def _waiting(n, source="feedback"):
    for i in range(n):
        make_contribution(
            f"words number {i:03d}.",
            source=source,
            analysed=False,
            created_at=datetime(2026, 9, 1) + timedelta(minutes=i),
        )
    make_contribution("done", source=source, status=Status.APPROVED, analysed=False)


def test_unfiltered_queue_pages_by_the_waiting_count(client, login_as, moderator):
    _waiting(51)
    login_as(moderator)
    first = client.get("/staff/moderation").get_data(as_text=True)
    assert "51 waiting" in first and "Page 1 of 2" in first
    assert "words number 049." in first and "words number 050." not in first
    second = client.get("/staff/moderation?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in second and "words number 050." in second


def test_filtered_queue_counts_only_what_matches(client, login_as, moderator):
    _waiting(51)
    _waiting(3, source="forum")
    login_as(moderator)
    page = client.get("/staff/moderation?source=forum").get_data(as_text=True)
    assert "54 waiting" in page  # the summary is everything waiting
    assert "Page 1 of" not in page  # three forum items fit on one page
