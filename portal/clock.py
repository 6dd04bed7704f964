"""The one clock: naive UTC datetimes, as every timestamp column stores them."""

from datetime import UTC, datetime


def utcnow():
    """Now in UTC without tzinfo (columns are naive UTC); a callable default for timestamps."""
    return datetime.now(UTC).replace(tzinfo=None)
