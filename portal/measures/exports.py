"""Board report and quarterly-return rows, written as CSV or XLSX (protected like the public
pages)."""

import csv
import io

from openpyxl import Workbook

from portal.measures.results import measure_result
from portal.metrics.calculations import rag_status

REPORT_COLUMNS = [
    "measure",
    "name",
    "audience",
    "source",
    "period_from",
    "period_to",
    "value",
    "n",
    "favourable",
    "ci_low",
    "ci_high",
    "suppressed",
    "baseline_period",
    "baseline_value",
    "baseline_n",
    "change",
    "change_ci_low",
    "change_ci_high",
    "verdict",
    "target_year",
    "target",
    "rag",
]
RETURN_COLUMNS = [
    "measure",
    "name",
    "financial_year",
    "quarter",
    "value",
    "n",
    "ci_low",
    "ci_high",
    "suppressed",
    "target",
    "rag",
]


def report_rows(items):
    """One flat dict per measure_result (for CSV/XLSX); suppressed figures stay empty."""
    rows = []
    for item in items:
        baseline, change = item["baseline"] or {}, item["change"] or {}
        rows.append(
            {
                "measure": item["measure"],
                "name": item["name"],
                "audience": item["audience"],
                "source": item["source"],
                "period_from": item["date_from"],
                "period_to": item["date_to"],
                "value": item["value"],
                "n": item["n"],
                "favourable": item["favourable"],
                "ci_low": item["ci_low"],
                "ci_high": item["ci_high"],
                "suppressed": item["suppressed"],
                "baseline_period": baseline.get("period"),
                "baseline_value": baseline.get("value"),
                "baseline_n": baseline.get("n"),
                "change": change.get("difference"),
                "change_ci_low": change.get("ci_low"),
                "change_ci_high": change.get("ci_high"),
                "verdict": change.get("verdict"),
                "target_year": item["target_year"],
                "target": item["target"],
                "rag": item["rag"],
            }
        )
    return rows


def quarterly_rows(measures, threshold=10, last_day=None):
    """One row per measure per closed financial-year quarter (up to last_day) with any data,
    protected as on the public pages (each quarter's figure is the same as that quarter's own
    published figure)."""
    rows = []
    if last_day is None:
        return rows
    for measure in measures:
        result = measure_result(
            measure, by="quarter", threshold=threshold, since_baseline=False, date_to=last_day
        )
        targets = {t.financial_year: t.value for t in measure.targets}
        for cell in result["breakdown"]:
            year, quarter = cell["key"].split(" ")
            target = targets.get(year)
            rows.append(
                {
                    "measure": measure.slug,
                    "name": measure.name,
                    "financial_year": year,
                    "quarter": quarter,
                    "value": cell["value"],
                    "n": cell["n"],
                    "ci_low": cell["ci_low"],
                    "ci_high": cell["ci_high"],
                    "suppressed": cell["suppressed"],
                    "target": target,
                    "rag": rag_status(
                        cell["value"],
                        target,
                        measure.amber_margin,
                        measure.polarity,
                        cell["suppressed"],
                        (cell["ci_low"], cell["ci_high"]),
                    ),
                }
            )
    return rows


def _safe(value):
    """Blank for None; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    if isinstance(value, float):
        return round(value, 6)
    return value if isinstance(value, (int, bool)) else str(value)


def to_csv(rows, columns):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_safe(row[column]) for column in columns])
    return out.getvalue()


def to_xlsx(rows, columns, title="Measures", notes=()):
    """An XLSX workbook (bytes): the figures on one sheet, definitions and notes on another."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(columns)
    for row in rows:
        sheet.append([_safe(row[column]) for column in columns])
    notes_sheet = book.create_sheet("Notes")
    for note in notes:
        notes_sheet.append([_safe(part) for part in note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
