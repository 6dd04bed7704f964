"""Walled contributions for the wall tests, each carrying a word found nowhere else."""

from portal.clock import utcnow
from portal.contributions.models import Contribution, Status
from portal.extensions import db


def walled_item(owner, word, *, status=Status.PENDING, source="insight", outside=False, **fields):
    """A contribution owned by `owner` whose text and redacted text both carry `word`."""
    text = f"Families told us about the {word} waiting list and the letters that never came."
    item = Contribution(
        source=source,
        channel=owner if source == "insight" else "online",
        text=text,
        redacted_text=text,
        status=status,
        owner_organisation=owner,
        sentiment="negative",
        families_represented=2 if source == "insight" else None,
        outside_approved_at=utcnow() if outside else None,
        **fields,
    )
    if status != Status.PENDING:
        item.moderated_at = utcnow()
    db.session.add(item)
    db.session.commit()
    return item
