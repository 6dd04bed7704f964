"""The printable "what you told us and what we did" report for a period, and the same as CSV."""

import csv
import io
from datetime import date

from flask import Response, current_app, render_template, request

from portal.accounts.models import ORGANISATION_LABELS
from portal.metrics.disclosure import published_count, published_counts
from portal.permissions import Role, role_required
from portal.you_said_we_did import queries
from portal.you_said_we_did.evidence import public_quotes
from portal.you_said_we_did.models import STATUS_LABELS
from portal.you_said_we_did.routes.blueprint import bp

CSV_COLUMNS = [
    "id",
    "title",
    "status",
    "owner",
    "themes",
    "localities",
    "contributions",
    "you_said",
    "we_did",
    "not_possible_reason",
    "due_on",
    "completed_on",
    "published_on",
    "decision",
    "young_version",
]


def _period():
    """(start, end, error) from ?start=&end= (ISO dates); defaults to this financial year so far."""
    default_start, today = queries.financial_year_start(), date.today()
    try:
        start = date.fromisoformat(request.args.get("start") or default_start.isoformat())
        end = date.fromisoformat(request.args.get("end") or today.isoformat())
    except ValueError:
        return default_start, today, "Enter dates like 2026-04-01"
    if end < start:
        return default_start, today, "The end date must be the same as or after the start date"
    return start, end, None


def _cell(value):
    """Text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _row(entry, count):
    return [
        entry.id,
        entry.title,
        STATUS_LABELS[entry.status],
        ORGANISATION_LABELS.get(entry.owner_organisation),
        "; ".join(t.label for t in entry.themes),
        "; ".join(loc.name for loc in entry.localities) or "Whole area",
        count,
        entry.you_said,
        entry.we_did,
        entry.not_possible_reason,
        entry.due_on,
        entry.completed_on,
        entry.published_at.date(),
        entry.decision,
        entry.young_text,
    ]


@bp.route("/staff/you-said-we-did/report")
@role_required(Role.VIEWER)
def report():
    start, end, error = _period()
    entries, counts = queries.report_entries(start, end)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    total = published_count(sum(counts.values()), threshold)
    return render_template(
        "you_said_we_did/manage/report.html",
        entries=entries,
        counts=published_counts(counts, threshold),
        total=total,
        start=start,
        end=end,
        error=error,
        quotes_by_entry={e.id: public_quotes(e) for e in entries},
        organisations=ORGANISATION_LABELS,
    )


@bp.route("/staff/you-said-we-did/report.csv")
@role_required(Role.VIEWER)
def report_csv():
    start, end, _ = _period()
    entries, counts = queries.report_entries(start, end)
    counts = published_counts(counts, current_app.config["SMALL_NUMBER_THRESHOLD"])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        writer.writerow([_cell(v) for v in _row(entry, counts.get(entry.id, 0))])
    name = f"you-said-we-did-{start}-to-{end}.csv"
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
