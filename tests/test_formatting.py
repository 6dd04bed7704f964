"""portal.formatting: the plain-English dates and numbers shown on pages and in e-mails."""

from datetime import datetime

import pytest

from portal.clock import utcnow
from portal.formatting import format_date, format_datetime, format_number, format_percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (datetime(2026, 9, 3), "3 September 2026"), ("2026-09-03", "3 September 2026")],
)
def test_format_date(value, expected):
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (datetime(2026, 9, 3, 0, 5), "3 September 2026 at 12:05am"),
        (datetime(2026, 9, 3, 12, 0), "3 September 2026 at 12:00pm"),
        (datetime(2026, 9, 3, 14, 5), "3 September 2026 at 2:05pm"),
    ],
)
def test_format_datetime(value, expected):
    assert format_datetime(value) == expected


def test_format_percent_and_number():
    assert format_percent(0.514) == "51%"
    assert format_percent(0.5125, places=1) == "51.2%"
    assert format_percent(None) == "" and format_number(None) == ""
    assert format_number(1234567) == "1,234,567"


def test_utcnow_is_naive_utc():
    assert utcnow().tzinfo is None


def test_templates_use_the_same_filters(app):
    env = app.jinja_env
    assert env.filters["date"] is format_date and env.filters["percent"] is format_percent
    assert env.globals["now"] is utcnow
