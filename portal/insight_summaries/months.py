"""Calendar months a summary may be written for: closed months only (a month still open keeps
changing)."""

import re
from datetime import date, timedelta

FIRST_MONTH = date(2025, 4, 1)  # the portal's first reporting year (portal/measures/periods.py)
_KEY = re.compile(r"^(\d{4})-(\d{2})$")


class UnknownMonth(ValueError):
    """Not a closed calendar month the portal can summarise."""


def month_end(start):
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - timedelta(days=1)


def previous_month(start):
    return (start - timedelta(days=1)).replace(day=1)


def closed_months(today=None):
    """First days of every closed month since FIRST_MONTH, newest first."""
    today = today or date.today()
    found, month = [], previous_month(today.replace(day=1))
    while month >= FIRST_MONTH:
        found.append(month)
        month = previous_month(month)
    return found


def parse_month(key, today=None):
    """The first day of the month named "YYYY-MM"; UnknownMonth unless it is a closed month."""
    match = _KEY.match(key or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise UnknownMonth("Enter the month as year and month, for example 2026-10")
    month = date(int(match[1]), int(match[2]), 1)
    if month not in closed_months(today):
        raise UnknownMonth(
            f"{month:%B %Y} is not a closed month: a summary can only be written once the month "
            "has ended"
        )
    return month


def quarter_months(start):
    """The three months of the financial-year quarter a month falls in (Q1 April to June ... Q4
    January to March)."""
    first = (start.month - 1) // 3 * 3 + 1
    return [date(start.year, first + offset, 1) for offset in range(3)]
