"""The printable board report, its CSV and XLSX downloads, and the quarterly return."""
from datetime import date

from flask import Response, current_app, render_template, request

from portal.measures import exports, services
from portal.measures.dashboard import representativeness_view
from portal.measures.periods import period_options, resolve_period
from portal.measures.routes.blueprint import bp
from portal.measures.routes.public import results_for
from portal.permissions import Role, role_required

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(period):
    items, label = results_for(services.list_measures(), period, ("locality", "quarter"))
    return items, label


def _download(body, mimetype, name):
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/staff/measures/report")
@role_required(Role.VIEWER)
def report():
    period = request.args.get("period", "")
    items, label = _report(period)
    date_from, date_to, _ = resolve_period(period)
    return render_template("measures/manage/report.html", items=items, period=period, period_label=label,
                           options=period_options(), representation=representativeness_view(date_from, date_to),
                           threshold=current_app.config["SMALL_NUMBER_THRESHOLD"], today=date.today())


@bp.route("/staff/measures/report.csv")
@role_required(Role.VIEWER)
def report_csv():
    items, _ = _report(request.args.get("period", ""))
    body = exports.to_csv(exports.report_rows(items), exports.REPORT_COLUMNS)
    return _download(body, "text/csv", f"measures-report-{date.today()}.csv")


@bp.route("/staff/measures/report.xlsx")
@role_required(Role.VIEWER)
def report_xlsx():
    items, label = _report(request.args.get("period", ""))
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    notes = [("measure", "definition")] + [(item["measure"], item["definition"]) for item in items] + [
        ("suppression", f"Figures from fewer than {threshold} valid answers are left empty (suppressed)."),
        ("period", label or "Since each measure's baseline"), ("produced", str(date.today()))]
    body = exports.to_xlsx(exports.report_rows(items), exports.REPORT_COLUMNS, "Measures", notes)
    return _download(body, XLSX, f"measures-report-{date.today()}.xlsx")


@bp.route("/staff/measures/quarterly-return.csv")
@role_required(Role.VIEWER)
def quarterly_return():
    rows = exports.quarterly_rows(services.list_measures(), current_app.config["SMALL_NUMBER_THRESHOLD"])
    return _download(exports.to_csv(rows, exports.RETURN_COLUMNS), "text/csv",
                     f"quarterly-return-{date.today()}.csv")
