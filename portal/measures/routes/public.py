"""The public results page."""
from flask import current_app, render_template, request

from portal.measures.charts import breakdown_chart, interval_chart
from portal.measures.periods import ALL, period_options, resolve_period
from portal.measures.results import measure_period, measure_result, prefetch_counts
from portal.measures.routes.blueprint import bp
from portal.measures.services import list_measures
from portal.permissions import public


def results_for(measures, period, dimensions=("locality",)):
    """measure_result for each measure in a named period, with breakdowns and charts for pages.

    Survey counts are read first with one query per period and dimension for all the measures.
    """
    date_from, date_to, label = resolve_period(period)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    since_baseline = period != ALL
    dims_of = {m.slug: [d for d in dimensions if d != "role" or m.audience == "all"] if m.is_survey else []
               for m in measures}
    periods = {m.slug: measure_period(m, date_from, date_to, since_baseline) for m in measures}
    counts = prefetch_counts([(m, by) for m in measures for by in (dims_of[m.slug] or [None])], periods)
    items = []
    for measure in measures:
        dims = dims_of[measure.slug]
        first = dims[0] if dims else None
        start, end = periods[measure.slug]
        result = measure_result(measure, by=first, date_from=start, date_to=end, threshold=threshold,
                                since_baseline=False, counts=counts.get((measure.slug, first)))
        result["breakdowns"] = {first: result["breakdown"]} if dims else {}
        for dim in dims[1:]:
            result["breakdowns"][dim] = measure_result(
                measure, by=dim, date_from=start, date_to=end, threshold=threshold, since_baseline=False,
                counts=counts.get((measure.slug, dim)))["breakdown"]
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
