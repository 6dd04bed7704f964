"""Read helpers for the staff dashboard: representativeness and co-production figures."""

from portal.measures import queries
from portal.metrics.calculations import Cell, representativeness
from portal.metrics.disclosure import protect_breakdown, round_count
from portal.reference.services import all_localities
from portal.you_said_we_did.queries import coproduction_figures

RESPONSE_TARGET = 200  # Big Listen / confidence survey: "200+ responses" (seeds-digest 3.1)
#: The organisation that runs the surveys: its moderators, editors and admins see exact response
# counts.
SURVEY_OWNER = "council"


def _protected(counts, places):
    """Response counts by locality as published: small cells hidden, the rest rounded to 5.

    Returns (counts to compute shares from, hidden locality names, published total).
    """
    keys = [place.id for place in places] + [None]
    cells = protect_breakdown([Cell(str(key), str(key), 0, counts.get(key, 0)) for key in keys])
    names = {place.id: place.name for place in places}
    shown = {key: cell.n for key, cell in zip(keys, cells, strict=True) if not cell.suppressed}
    hidden = {
        names.get(key, "not_given")
        for key, cell in zip(keys, cells, strict=True)
        if cell.suppressed and cell.reason != "no data"
    }
    return shown, hidden, round_count(sum(counts.values()))


def representativeness_view(window=None, exact=False):
    """Responses per locality in a window against its share of the SEND population, plus the 200
    target.

    Returns a dict: result (metrics Representativeness), not_given (responses with no locality),
    total, target, progress (0 to 1) and hidden (localities whose count is not shown). Unless
    `exact`, counts are protected like every published figure and shares come from the protected
    counts.
    """
    counts = queries.responses_by_locality(
        window.start if window else None, window.end if window else None
    )
    places = [place for place in all_localities() if place.active or counts.get(place.id)]
    hidden, total = set(), sum(counts.values())
    if not exact:
        counts, hidden, total = _protected(counts, places)
    result = representativeness(
        {place.name: counts.get(place.id, 0) for place in places},
        {place.name: place.send_population for place in places},
    )
    return {
        "result": result,
        "not_given": counts.get(None, 0),
        "total": total,
        "target": RESPONSE_TARGET,
        "progress": min(1.0, total / RESPONSE_TARGET),
        "hidden": hidden,
        "exact": exact,
    }


def participation_view(date_from=None, date_to=None):
    """Co-production participants by group and locality from the activity log."""
    names = {place.id: place.name for place in all_localities()}
    rows = [
        {
            "locality": names.get(locality_id, "No locality"),
            "parent_carers": parents,
            "young_people": young,
            "professionals": professionals,
            "activities": activities,
        }
        for locality_id, parents, young, professionals, activities in queries.coproduction_totals(
            date_from, date_to
        )
    ]
    rows.sort(key=lambda row: row["locality"])
    totals = {
        key: sum(row[key] for row in rows)
        for key in ("parent_carers", "young_people", "professionals", "activities")
    }
    return {"rows": rows, "totals": totals}


def you_said_we_did_figures():
    """Entries published and completed, and median days from contribution to response, as a
    sentence."""

    figures = coproduction_figures()
    median = figures["median_days"]
    return f"{figures['published']:,} published, {figures['completed']:,} completed; median " + (
        f"{median:.0f} days" if median is not None else "not available (nothing published yet)"
    )
