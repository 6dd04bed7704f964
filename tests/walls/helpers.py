"""Walled contributions for the wall tests, each carrying a word found nowhere else."""

from portal.clock import utcnow
from portal.contributions.models import Status
from tests.factories import make_contribution


def walled_item(owner, word, *, status=Status.PENDING, source="insight", outside=False, **fields):
    """A contribution owned by `owner` whose text and redacted text both carry `word`."""
    text = f"Families told us about the {word} waiting list and the letters that never came."
    return make_contribution(
        text,
        source=source,
        status=status,
        analysed=False,
        channel=owner if source == "insight" else "online",
        owner_organisation=owner,
        sentiment="negative",
        families_represented=2 if source == "insight" else None,
        outside_approved_at=utcnow() if outside else None,
        **fields,
    )
