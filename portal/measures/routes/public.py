"""The public results page."""

from flask import current_app, render_template, request
from markupsafe import Markup

from portal.measures import published
from portal.measures.charts import breakdown_chart, interval_chart
from portal.measures.periods import UnknownWindow, period_options, resolve_window
from portal.measures.results import measure_result, prefetch_counts
from portal.measures.routes.blueprint import bp
from portal.measures.services import list_measures
from portal.permissions import public
from portal.templating import render_ready


def _never(measure):
    return False


def results_for(measures, window, dimensions=("locality",), exact_for=_never):
    """measure_result for each measure in one closed reporting window, with breakdowns and charts
    for pages.

    exact_for(measure) says whether the reader may see that measure's exact counts; everyone else
    gets protected figures. Survey counts are read first with one query per dimension for all the
    measures.
    """
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    dims_of = {
        m.slug: [d for d in dimensions if d != "role" or m.audience == "all"] if m.is_survey else []
        for m in measures
    }
    periods = {m.slug: (window.start, window.end) for m in measures}
    counts = prefetch_counts(
        [(m, by) for m in measures for by in (dims_of[m.slug] or [None])], periods
    )
    items = []
    for measure in measures:
        dims, exact = dims_of[measure.slug], exact_for(measure)
        first = dims[0] if dims else None
        common = dict(
            date_from=window.start,
            date_to=window.end,
            threshold=threshold,
            since_baseline=False,
            exact=exact,
        )
        result = measure_result(
            measure, by=first, counts=counts.get((measure.slug, first)), **common
        )
        result["breakdowns"] = {first: result["breakdown"]} if dims else {}
        for dim in dims[1:]:
            if (
                dim == "quarter"
            ):  # the trend: every closed quarter up to this one, each its own published figure
                result["breakdowns"][dim] = measure_result(
                    measure, by=dim, **{**common, "date_from": None}
                )["breakdown"]
                continue
            result["breakdowns"][dim] = measure_result(
                measure, by=dim, counts=counts.get((measure.slug, dim)), **common
            )["breakdown"]
        result["chart"] = interval_chart(
            f"{measure.name}: value, interval, baseline and target", result, threshold
        )
        result["charts"] = {
            dim: breakdown_chart(f"{measure.name} by {dim.replace('_', ' ')}", rows, threshold)
            for dim, rows in result["breakdowns"].items()
            if rows
        }
        items.append(result)
    return items


def window_or_error(key):
    """(Window, None) for a period asked for in the query string, or (None, error message)."""
    try:
        return resolve_window(key), None
    except UnknownWindow as error:
        return None, str(error)


def results_figures(window):
    """The /results figures of one closed window as HTML: stored, or rendered and stored
    (Markup)."""
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]

    def render():
        items = results_for(list_measures(public_only=True), window, ("locality", "role"))
        return render_template("measures/_results_figures.html", items=items, threshold=threshold)

    html, _ = published.stored("results", period=window.key, threshold=threshold, compute=render)
    return Markup(html)


@bp.route("/results")
@public
def results():
    period = request.args.get("period", "")
    window, error = window_or_error(period)
    page = dict(
        figures=results_figures(window) if window else "",
        window=window,
        error=error,
        period=period,
        options=period_options(),
        threshold=current_app.config["SMALL_NUMBER_THRESHOLD"],
    )
    if error:
        return render_template("measures/results.html", **page), 400
    # Kept per period while the stored figures and the periods on offer are the same.
    ready_key = (page["figures"], page["options"], page["threshold"])
    return render_ready(
        "measures/results.html", ready_key, variant=window.key if window else "", **page
    )
