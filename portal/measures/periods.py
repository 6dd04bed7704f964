"""The fixed reporting windows figures are published for: closed financial-year quarters.

A window is named like "2026-27-Q2" (July to September 2026). Only quarters that ended before
today are offered, so a published figure never changes as answers arrive
(docs/disclosure-control.md).
"""

import functools
from dataclasses import dataclass
from datetime import date, timedelta

FIRST_YEAR = 2025  # 2025/26: the earliest year with figures (complaints, tribunal rate)


class UnknownWindow(ValueError):
    """A window that is not offered; the message lists the windows that are."""


@dataclass(frozen=True)
class Window:
    key: str
    label: str
    start: date
    end: date


@functools.lru_cache(maxsize=256)
def quarter_window(start_year, quarter):
    """The Window of one financial-year quarter (Q1 April to June ... Q4 January to March)."""
    month = 3 * quarter + 1 if quarter < 4 else 1
    year = start_year + (1 if quarter == 4 else 0)
    end_month = month + 2
    end_day = 30 if end_month in (6, 9) else 31
    fy = f"{start_year}-{(start_year + 1) % 100:02d}"
    months = f"{date(year, month, 1):%B} to {date(year, end_month, 1):%B %Y}"
    label = f"{start_year}/{(start_year + 1) % 100:02d} Q{quarter} ({months})"
    return Window(f"{fy}-Q{quarter}", label, date(year, month, 1), date(year, end_month, end_day))


def closed_windows(today=None):
    """Every closed quarter from 2025/26 Q1, newest first."""
    return list(_closed_windows(today or date.today()))


@functools.lru_cache(maxsize=16)  # /results and the API ask on every request; the answer is a day's
def _closed_windows(today):
    found = []
    year = FIRST_YEAR
    while date(year, 4, 1) < today:
        for quarter in (1, 2, 3, 4):
            window = quarter_window(year, quarter)
            if window.end < today:
                found.append(window)
        year += 1
    return tuple(found[::-1])


def latest_window(today=None):
    """The most recent closed quarter, or None before the first one has closed."""
    windows = closed_windows(today)
    return windows[0] if windows else None


def resolve_window(key, today=None):
    """The Window called `key` ("" or None: the latest closed quarter).

    Raises UnknownWindow, whose message says which windows exist, for anything else (a quarter
    still open, a date, a typo).
    """
    windows = closed_windows(today)
    if not key:
        if not windows:
            raise UnknownWindow(
                "No reporting period has closed yet, so there are no figures to publish"
            )
        return windows[0]
    for window in windows:
        if window.key == key:
            return window
    names = window_names(today)
    raise UnknownWindow(
        f"'{key}' is not a reporting period we publish. Figures are published for closed "
        f"financial-year quarters only: {names}"
    )


def window_names(today=None):
    """The keys of every closed quarter, newest first, as one line for error messages."""
    return ", ".join(window.key for window in closed_windows(today)) or "none yet"


def period_options(today=None):
    """[(key, label)] for the period picker on pages, newest first."""
    return [(window.key, window.label) for window in closed_windows(today)]


def _window_holding(day):
    start_year = day.year if day.month >= 4 else day.year - 1
    quarter = (day.month - 4) % 12 // 3 + 1
    return quarter_window(start_year, quarter)


def next_window(window):
    """The quarter after `window` (the next reporting cycle), whether or not it has closed."""
    return _window_holding(window.end + timedelta(days=1))


def previous_window(window):
    """The quarter before `window`."""
    return _window_holding(window.start - timedelta(days=1))
