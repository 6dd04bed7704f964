"""Named reporting periods (financial years and quarters) for the period pickers on pages."""
from datetime import date

from portal.metrics.calculations import financial_quarter

FIRST_YEAR = 2025  # 2025/26: the earliest year with figures (complaints, tribunal rate)
SINCE_BASELINE = ""
ALL = "all"


def _quarter_dates(start_year, quarter):
    month = (3 * (quarter - 1) + 4 - 1) % 12 + 1
    year = start_year + (1 if quarter == 4 else 0)
    end_month = month + 2
    end_day = 30 if end_month in (6, 9) else 31
    return date(year, month, 1), date(year, end_month, end_day)


def period_options(today=None):
    """[(value, label)] from "since the baseline" and "all" to every year and quarter so far."""
    today = today or date.today()
    fy, _ = financial_quarter(today)
    last_year = int(fy[:4])
    options = [(SINCE_BASELINE, "Since each measure's baseline"), (ALL, "All responses to date")]
    for year in range(last_year, FIRST_YEAR - 1, -1):
        label = f"{year}/{(year + 1) % 100:02d}"
        options.append((f"fy-{year}", f"Financial year {label} (April to March)"))
        for quarter in range(4, 0, -1):
            start, _ = _quarter_dates(year, quarter)
            if start <= today:
                options.append((f"q-{year}-{quarter}", f"{label} Q{quarter}"))
    return options


def resolve_period(value):
    """(date_from, date_to, label) for a period value; (None, None, None) for the default.

    "all" gives (None, None, "All responses to date"); unknown values fall back to the default.
    """
    if value == ALL:
        return None, None, "All responses to date"
    parts = (value or "").split("-")
    try:
        if parts[0] == "fy" and len(parts) == 2:
            year = int(parts[1])
            return date(year, 4, 1), date(year + 1, 3, 31), f"Financial year {year}/{(year + 1) % 100:02d}"
        if parts[0] == "q" and len(parts) == 3 and 1 <= int(parts[2]) <= 4:
            year, quarter = int(parts[1]), int(parts[2])
            start, end = _quarter_dates(year, quarter)
            return start, end, f"{year}/{(year + 1) % 100:02d} Q{quarter}"
    except ValueError:
        pass
    return None, None, None
