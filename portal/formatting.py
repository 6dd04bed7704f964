"""Plain-English formatting of dates and numbers, for templates (as filters) and services alike."""

from datetime import datetime


def format_date(value):
    """'3 September 2026' (GOV.UK style), or '' for None."""
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def format_datetime(value):
    """'3 September 2026 at 2:05pm', or '' for None."""
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    return f"{format_date(value)} at {hour}:{value:%M}{'am' if value.hour < 12 else 'pm'}"


def format_percent(value, places=0):
    """0.514 -> '51%'; None -> ''."""
    if value is None:
        return ""
    return f"{value * 100:.{places}f}%"


def format_number(value):
    """1234 -> '1,234'; None -> ''."""
    return "" if value is None else f"{value:,}"
