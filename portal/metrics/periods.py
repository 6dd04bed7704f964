"""Financial years and quarters (April to March) and time-to-response in days."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable


def _as_date(value: dt.date) -> dt.date:
    """Return value as a date (a datetime loses its time); TypeError for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"expected a date, not {type(value).__name__}")


def financial_year(day: dt.date) -> str:
    """Return the UK financial year (1 April to 31 March) that holds a date.

    Args:
        day: a date or datetime.

    Returns:
        A label such as "2026/27" (1 April 2026 to 31 March 2027).

    Raises:
        TypeError: day is not a date.
    """
    day = _as_date(day)
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def financial_quarter(day: dt.date) -> tuple[str, str]:
    """Return the financial year and quarter of a date.

    Q1 is April to June, Q2 July to September, Q3 October to December, Q4 January to March
    (so 1 January 2027 is in 2026/27 Q4).

    Args:
        day: a date or datetime.

    Returns:
        (year, quarter), for example ("2026/27", "Q1").

    Raises:
        TypeError: day is not a date.
    """
    day = _as_date(day)
    quarter = (day.month - 4) % 12 // 3 + 1
    return financial_year(day), f"Q{quarter}"


def median_days(pairs: Iterable[tuple[dt.date | None, dt.date | None]]) -> float | None:
    """Return the median number of calendar days from each start date to its end date.

    Used for "median days from contribution to a published response". A pair with None in
    either place (for example, no response published yet) is left out. Datetimes are taken at
    their date, so the answer counts calendar days.

    Args:
        pairs: (start, end) dates.

    Returns:
        The median as a float, or None when no pair is complete.

    Raises:
        TypeError: a value that is not a date or None.
        ValueError: an end date before its start date.
    """
    days = []
    for start, end in pairs:
        if start is None or end is None:
            continue
        gap = (_as_date(end) - _as_date(start)).days
        if gap < 0:
            raise ValueError(f"end {end} is before start {start}")
        days.append(gap)
    if not days:
        return None
    return float(statistics.median(days))
