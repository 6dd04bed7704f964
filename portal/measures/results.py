"""A measure's figures for a period, as one plain dict shared by pages, exports and the API."""

from dataclasses import asdict
from datetime import date, timedelta

from portal.measures import queries
from portal.measures.services import locked_baseline
from portal.metrics.calculations import (
    Cell,
    change_verdict,
    financial_year,
    newcombe_difference,
    rag_status,
    summary,
    suppress,
    wilson_interval,
)
from portal.metrics.disclosure import protect_breakdown, protect_counts, round_count
from portal.reference.services import active_age_bands, active_cohorts, active_localities

NOT_GIVEN = "not_given"
ROLE_LABELS = {
    "parent_carer": "Parent carers",
    "young_person": "Children and young people",
    "professional": "Professionals",
}
CHANNEL_LABELS = {
    "online": "Online",
    "paper": "Paper form",
    "event": "At an event",
    "phone": "By phone",
    "sendiass": "Through SENDIASS",
    "pcf": "Through the Parent Carer Forum",
}
BREAKDOWN_LABELS = {
    "locality": "Locality",
    "role": "Who answered",
    "age_band": "Age band",
    "cohort": "Support (cohort)",
    "channel": "How they answered",
    "quarter": "Quarter",
}


def dimension_labels(by):
    """[(raw key, public key, label)] for every known value of a dimension, in display order."""
    if by == "locality":
        return [(place.id, place.slug, place.name) for place in active_localities()]
    if by in ("age_band", "cohort"):
        labels = active_age_bands() if by == "age_band" else active_cohorts()
        return [(item.code, item.code, item.label) for item in labels]
    labels = {"role": ROLE_LABELS, "channel": CHANNEL_LABELS}.get(by, {})
    return [(key, key, label) for key, label in labels.items()]


def default_period(baseline):
    """With no dates asked for: everything since a locked baseline's period, else everything."""
    if baseline is not None and baseline.date_to is not None:
        return baseline.date_to + timedelta(days=1), None
    return None, None


def overlaps(date_from, date_to, baseline):
    """Whether a period shares any day with the baseline's (unknown baseline dates count as
    overlap)."""
    start, end = (
        (baseline["date_from"], baseline["date_to"])
        if isinstance(baseline, dict)
        else (baseline.date_from, baseline.date_to)
    )
    if start is None or end is None:
        return True
    return (date_from is None or date_from <= end) and (date_to is None or date_to >= start)


def _cells(measure, by, date_from, date_to, counts=None):
    """Breakdown counts as metrics Cells, known values first (zeros kept), then anything else.

    `counts` is [(key, favourable, n)] already read (by measures_breakdown), else it is queried.
    """
    rows = (
        counts if counts is not None else queries.measure_breakdown(measure, by, date_from, date_to)
    )
    counts = {key: (f, n) for key, f, n in rows}
    if by == "quarter":
        return [Cell(key, key, f, n) for key, (f, n) in counts.items()]
    cells = [
        Cell(str(public), label, *counts.pop(raw, (0, 0)))
        for raw, public, label in dimension_labels(by)
    ]
    for raw, (f, n) in counts.items():
        key = NOT_GIVEN if raw is None else str(raw)
        cells.append(Cell(key, "Not given" if raw is None else str(raw), f, n))
    return cells


def _breakdown(measure, by, date_from, date_to, threshold, cells, exact=False):
    """Rows of one breakdown: exact counts with suppression, or (published) protected figures."""
    if not measure.is_survey:
        return [
            {
                "key": key,
                "label": key,
                "value": mean,
                "n": count,
                "ci_low": None,
                "ci_high": None,
                "suppressed": False,
                "reason": None,
            }
            for key, mean, count in queries.figure_breakdown(measure, by, date_from, date_to)
        ]
    # Published: a quarter trend is read without a total (each quarter is that window's own figure);
    # every other breakdown sits beside the figure it adds up to.
    shown_cells = (
        suppress(cells, threshold)
        if exact
        else protect_breakdown(cells, threshold, by != "quarter")
    )
    rows = []
    for shown in shown_cells:
        low = high = None
        if not shown.suppressed:
            low, high = wilson_interval(shown.favourable, shown.n)
        rows.append(
            {
                "key": shown.key,
                "label": shown.label,
                "value": shown.value,
                "n": shown.n,
                "ci_low": low,
                "ci_high": high,
                "suppressed": shown.suppressed,
                "reason": shown.reason,
            }
        )
    return rows


def _baseline_dict(baseline, exact=False):
    """The locked baseline as stored; published with rounded counts (value and interval from
    them)."""
    if baseline is None:
        return None
    found = {
        "value": baseline.value,
        "n": baseline.n,
        "ci_low": baseline.ci_low,
        "ci_high": baseline.ci_high,
        "period": baseline.label,
        "favourable": baseline.favourable,
        "date_from": baseline.date_from,
        "date_to": baseline.date_to,
    }
    if not exact and baseline.favourable is not None:
        figure = protect_counts(baseline.favourable, baseline.n)
        found.update(
            value=figure.value,
            n=figure.n,
            favourable=figure.favourable,
            ci_low=figure.ci_low,
            ci_high=figure.ci_high,
        )
    elif not exact and baseline.ci_low is not None:
        found["n"] = round_count(baseline.n)
    return found


def _change(measure, figure, baseline, date_from, date_to):
    """Newcombe interval and verdict against the baseline, or None when it cannot be honest."""
    if (
        baseline is None
        or not measure.is_survey
        or figure["suppressed"]
        or baseline.get("favourable") is None
        or overlaps(date_from, date_to, baseline)
    ):
        return None
    difference, low, high = newcombe_difference(
        figure["favourable"], figure["n"], baseline["favourable"], baseline["n"]
    )
    return {
        "difference": difference,
        "ci_low": low,
        "ci_high": high,
        "verdict": change_verdict((low, high), measure.polarity),
    }


def _figure(measure, date_from, date_to, threshold, cells=None, exact=False):
    """The headline figure; with a breakdown's cells it is their sum (every answer is in one
    cell)."""
    if measure.is_survey:
        counts = (
            (sum(c.favourable for c in cells), sum(c.n for c in cells))
            if cells is not None
            else queries.measure_value(measure, date_from, date_to)
        )
        figure = (
            summary(*counts, threshold).as_dict()
            if exact
            else asdict(protect_counts(*counts, threshold))
        )
        if figure["suppressed"]:
            figure["n"] = None
        return figure
    mean, count = queries.figure_summary(measure, date_from, date_to)
    return {
        "value": mean,
        "n": count,
        "favourable": None,
        "ci_low": None,
        "ci_high": None,
        "suppressed": False,
    }


def prefetch_counts(wanted, periods):
    """Read survey measures' counts with one query per period and breakdown, not one per measure.

    wanted: [(measure, by or None)]; periods: {slug: (date_from, date_to)}. Totals and the role
    split come free with any other breakdown (every scan groups by role).
    Returns {(slug, by): [(key, favourable, n)]} to pass to measure_result as `counts`.
    """
    groups = {}
    for measure, by in wanted:
        if measure.is_survey:
            groups.setdefault(periods[measure.slug], {}).setdefault(measure.slug, (measure, set()))[
                1
            ].add(by)
    found = {}
    for (date_from, date_to), members in groups.items():
        measures = [measure for measure, _ in members.values()]
        needed = set().union(*(dims for _, dims in members.values()))
        scans = sorted(needed - {None, "role"}) or [None]
        rows_by_scan = {
            scan: queries.breakdown_rows(measures, scan, date_from, date_to) for scan in scans
        }
        for measure, dims in members.values():
            for by in dims:
                rows = rows_by_scan[by if by in rows_by_scan else scans[0]]
                found[(measure.slug, by)] = queries.fold_measure(rows, measure, by)
    return found


def measure_result(
    measure,
    *,
    by=None,
    date_from=None,
    date_to=None,
    threshold=10,
    today=None,
    since_baseline=True,
    counts=None,
    exact=False,
):
    """Everything shown about one measure for a period: the API's fields plus a few for pages.

    Dates are inclusive; with neither given the period is "since the locked baseline" (see
    default_period), or everything when since_baseline is False. The change against the
    baseline is None when the periods overlap, so answers are never compared with themselves.
    Figures are protected (portal.metrics.disclosure: rounded to 5, small cells hidden, shares and
    intervals from the rounded counts) unless `exact` (staff with a right to exact counts).
    """
    baseline = locked_baseline(measure)
    if since_baseline and date_from is None and date_to is None:
        date_from, date_to = default_period(baseline)
    if counts is not None and not by:
        cells = [Cell("all", "All", sum(c[1] for c in counts), sum(c[2] for c in counts))]
    else:
        cells = (
            _cells(measure, by, date_from, date_to, counts) if by and measure.is_survey else None
        )
    figure = _figure(measure, date_from, date_to, threshold, cells, exact)
    year = financial_year(date_to or today or date.today())
    target = next((t.value for t in measure.targets if t.financial_year == year), None)
    published_baseline = _baseline_dict(baseline, exact)
    change = _change(measure, figure, published_baseline, date_from, date_to)
    return {
        "measure": measure.slug,
        "name": measure.name,
        **figure,
        "exact": exact,
        "baseline": published_baseline,
        "change": change,
        "target": target,
        "rag": rag_status(
            figure["value"],
            target,
            measure.amber_margin,
            measure.polarity,
            figure["suppressed"],
            (figure["ci_low"], figure["ci_high"]),
        ),
        "breakdown": _breakdown(measure, by, date_from, date_to, threshold, cells, exact)
        if by
        else [],
        "by": by,
        "date_from": date_from,
        "date_to": date_to,
        "target_year": year,
        "overlaps_baseline": baseline is not None
        and measure.is_survey
        and overlaps(date_from, date_to, baseline),
        "source": measure.source,
        "unit": measure.unit,
        "polarity": measure.polarity,
        "definition": measure.definition,
        "audience": measure.audience_label,
    }


API_FIELDS = (
    "measure",
    "name",
    "value",
    "n",
    "favourable",
    "ci_low",
    "ci_high",
    "suppressed",
    "baseline",
    "change",
    "target",
    "rag",
    "breakdown",
)


def api_view(result):
    """The public JSON shape of a measure_result (exactly the documented fields)."""
    view = {field: result[field] for field in API_FIELDS}
    if view["baseline"] is not None:
        view["baseline"] = {
            k: view["baseline"][k] for k in ("value", "n", "ci_low", "ci_high", "period")
        }
    view["breakdown"] = [
        {k: row[k] for k in ("key", "label", "value", "n", "ci_low", "ci_high", "suppressed")}
        for row in view["breakdown"]
    ]
    return view
