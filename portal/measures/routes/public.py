"""The public results page."""
from flask import current_app, render_template, request

from portal.measures.charts import breakdown_chart, interval_chart
from portal.measures.periods import ALL, period_options, resolve_period
from portal.measures.results import measure_result
from portal.measures.routes.blueprint import bp
from portal.measures.services import list_measures
from portal.permissions import public


def results_for(measures, period, dimensions=("locality",)):
    """measure_result for each measure in a named period, with breakdowns and charts for pages."""
    date_from, date_to, label = resolve_period(period)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    items = []
    for measure in measures:
        dims = [d for d in dimensions if d != "role" or measure.audience == "all"] if measure.is_survey else []
        result = measure_result(measure, by=dims[0] if dims else None, date_from=date_from, date_to=date_to,
                                threshold=threshold, since_baseline=period != ALL)
        result["breakdowns"] = {dims[0]: result["breakdown"]} if dims else {}
        for dim in dims[1:]:
            result["breakdowns"][dim] = measure_result(
                measure, by=dim, date_from=result["date_from"], date_to=result["date_to"],
                threshold=threshold, since_baseline=False)["breakdown"]
        result["chart"] = interval_chart(f"{measure.name}: value, interval, baseline and target", result, threshold)
        result["charts"] = {dim: breakdown_chart(f"{measure.name} by {dim.replace('_', ' ')}", rows, threshold)
                            for dim, rows in result["breakdowns"].items() if rows}
        items.append(result)
    return items, label


@bp.route("/results")
@public
def results():
    period = request.args.get("period", "")
    measures = list_measures(public_only=True)
    items, label = results_for(measures, period, ("locality", "role"))
    return render_template("measures/results.html", items=items, period=period, period_label=label,
                           options=period_options(), threshold=current_app.config["SMALL_NUMBER_THRESHOLD"])
