"""The printable board report, its CSV and XLSX downloads, and the quarterly return."""

from datetime import date

from flask import Response, current_app, render_template, request

from portal.accounts.models import ORGANISATION_LABELS
from portal.disagreements.dashboard import disagreements_view
from portal.insight_summaries.models import PARTS
from portal.insight_summaries.services import published_between
from portal.measure_actions.services import list_actions
from portal.measures import exports, services
from portal.measures.dashboard import representativeness_view
from portal.measures.periods import latest_window, period_options
from portal.measures.routes.blueprint import bp
from portal.measures.routes.public import results_for, window_or_error
from portal.permissions import Role, role_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(period):
    """(items, window, error): the board report and its downloads always carry protected figures."""
    window, error = window_or_error(period)
    items = results_for(services.list_measures(), window, ("locality", "quarter")) if window else []
    return items, window, error


def _summaries(window):
    """Published monthly insight summaries for the report's period; the latest period's report also
    carries the months published since it closed (the board meets monthly, quarters close
    slowly)."""
    if window is None:
        return []
    latest = latest_window()
    return published_between(
        window.start, date.today() if latest and latest.key == window.key else window.end
    )


def open_actions():
    """Open measure actions for the report, overdue ones first (by review date)."""
    return list_actions(state="open")


def _bad_period(error):
    return Response(error, status=400, mimetype="text/plain")


def _download(body, mimetype, name):
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


@bp.route("/staff/measures/report")
@role_required(Role.VIEWER)
def report():
    period = request.args.get("period", "")
    items, window, error = _report(period)
    return render_template(
        "measures/manage/report.html",
        items=items,
        period=period,
        window=window,
        error=error,
        options=period_options(),
        actions=open_actions(),
        organisation_labels=ORGANISATION_LABELS,
        representation=representativeness_view(window) if window else None,
        summaries=_summaries(window),
        summary_parts=PARTS,
        disagreements=disagreements_view(window, current_app.config["SMALL_NUMBER_THRESHOLD"])
        if window
        else None,
        threshold=current_app.config["SMALL_NUMBER_THRESHOLD"],
        today=date.today(),
    ), 400 if error else 200


@bp.route("/staff/measures/report.csv")
@role_required(Role.VIEWER)
def report_csv():
    items, window, error = _report(request.args.get("period", ""))
    if error:
        return _bad_period(error)
    body = exports.to_csv(exports.report_rows(items), exports.REPORT_COLUMNS)
    return _download(body, "text/csv", f"measures-report-{date.today()}.csv")


@bp.route("/staff/measures/report.xlsx")
@role_required(Role.VIEWER)
def report_xlsx():
    items, window, error = _report(request.args.get("period", ""))
    if error:
        return _bad_period(error)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    notes = (
        [("measure", "definition")]
        + [(item["measure"], item["definition"]) for item in items]
        + [
            (
                "suppression",
                f"Figures from fewer than {threshold} valid answers are left empty (suppressed); "
                "every other count is rounded to the nearest 5, and shares and intervals are "
                "worked out from the rounded counts.",
            ),
            ("period", window.label),
            ("produced", str(date.today())),
        ]
    )
    body = exports.to_xlsx(exports.report_rows(items), exports.REPORT_COLUMNS, "Measures", notes)
    return _download(body, XLSX, f"measures-report-{date.today()}.xlsx")


@bp.route("/staff/measures/quarterly-return.csv")
@role_required(Role.VIEWER)
def quarterly_return():
    window = latest_window()
    rows = exports.quarterly_rows(
        services.list_measures(),
        current_app.config["SMALL_NUMBER_THRESHOLD"],
        window.end if window else None,
    )
    return _download(
        exports.to_csv(rows, exports.RETURN_COLUMNS),
        "text/csv",
        f"quarterly-return-{date.today()}.csv",
    )
