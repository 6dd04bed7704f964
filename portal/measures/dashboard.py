"""Read helpers for the staff dashboard: representativeness and co-production figures."""
from portal.measures import queries
from portal.metrics.calculations import representativeness
from portal.reference.services import all_localities

RESPONSE_TARGET = 200  # Big Listen / confidence survey: "200+ responses" (seeds-digest 3.1)


def representativeness_view(date_from=None, date_to=None):
    """Responses per locality against its share of the SEND population, plus the 200 target.

    Returns a dict: result (metrics Representativeness), not_given (responses with no locality),
    total, target and progress (0 to 1).
    """
    counts = queries.responses_by_locality(date_from, date_to)
    places = [place for place in all_localities() if place.active or counts.get(place.id)]
    result = representativeness({place.name: counts.get(place.id, 0) for place in places},
                                {place.name: place.send_population for place in places})
    total = sum(counts.values())
    return {"result": result, "not_given": counts.get(None, 0), "total": total, "target": RESPONSE_TARGET,
            "progress": min(1.0, total / RESPONSE_TARGET)}


def participation_view(date_from=None, date_to=None):
    """Co-production participants by group and locality from the activity log."""
    names = {place.id: place.name for place in all_localities()}
    rows = [{"locality": names.get(locality_id, "No locality"), "parent_carers": parents,
             "young_people": young, "professionals": professionals, "activities": activities}
            for locality_id, parents, young, professionals, activities
            in queries.coproduction_totals(date_from, date_to)]
    rows.sort(key=lambda row: row["locality"])
    totals = {key: sum(row[key] for row in rows)
              for key in ("parent_carers", "young_people", "professionals", "activities")}
    return {"rows": rows, "totals": totals}


def you_said_we_did_figures():
    """Entries published and completed, and median days from contribution to response, as a sentence."""
    from portal.you_said_we_did.queries import coproduction_figures
    figures = coproduction_figures()
    median = figures["median_days"]
    return (f"{figures['published']:,} published, {figures['completed']:,} completed; median "
            + (f"{median:.0f} days" if median is not None else "not available (nothing published yet)"))
