"""Demo content for measures: the seeded KPI dictionary, baselines from the summer 2026 Big Listen,
targets, a co-production log."""

from datetime import date

from flask import current_app
from sqlalchemy import func, select

from portal.accounts.services import find_staff_by_email
from portal.errors import PortalError
from portal.extensions import db
from portal.measures import services
from portal.measures.models import CoproductionActivity
from portal.measures.seeds import seed_measures
from portal.reference.services import active_localities

BIG_LISTEN = (
    "Summer 2026 Big Listen (July to September 2026)",
    date(2026, 7, 1),
    date(2026, 9, 30),
)
DEMO_ACTIVITIES = [
    (
        "Big Listen event at the family hub",
        date(2026, 7, 18),
        0,
        34,
        6,
        9,
        "service",
        "Parents asked for evening sessions; the hub now opens until 7pm on Thursdays.",
    ),
    (
        "Young people's forum: transition to college",
        date(2026, 9, 24),
        2,
        3,
        11,
        2,
        "strategic",
        "Young people rewrote the preparing-for-adulthood leaflet in plain words.",
    ),
    (
        "EHCP process review workshop",
        date(2026, 10, 15),
        None,
        12,
        0,
        8,
        "strategic",
        "Families' feedback set the order of work for the EHCP timeliness plan.",
    ),
]


def _lock_big_listen(editor, threshold):
    """Lock a Big Listen baseline and set targets for each survey measure with enough answers."""
    locked = 0
    for measure in services.list_measures():
        if not measure.is_survey or services.locked_baseline(measure) is not None:
            continue
        label, start, end = BIG_LISTEN
        try:
            baseline = services.lock_baseline(
                measure,
                actor=editor,
                label=label,
                date_from=start,
                date_to=end,
                threshold=threshold,
            )
        except PortalError:
            continue  # too few answers in the demo data: leave it for an editor
        for step, year in enumerate(services.FINANCIAL_YEARS, start=1):
            services.set_target(
                measure,
                actor=editor,
                financial_year=year,
                value=round(min(1.0, baseline.value + 0.05 * step), 2),
            )
        locked += 1
    return locked


def _log_activities(editor):
    if db.session.scalar(select(func.count(CoproductionActivity.id))):
        return 0
    places = active_localities()
    for title, held_on, place, parents, young, professionals, level, changed in DEMO_ACTIVITIES:
        services.log_activity(
            actor=editor,
            title=title,
            held_on=held_on,
            locality_id=places[place].id if place is not None and places else None,
            parent_carers=parents,
            young_people=young,
            professionals=professionals,
            decision_level=level,
            what_changed=changed,
        )
    return len(DEMO_ACTIVITIES)


def load_measures_demo():
    """Seed measures; lock Big Listen baselines when survey answers exist; log co-production."""
    added = seed_measures()
    editor = find_staff_by_email("editor@example.org")
    locked = _lock_big_listen(editor, current_app.config["SMALL_NUMBER_THRESHOLD"]) if editor else 0
    logged = _log_activities(editor) if editor else 0
    return [
        f"Measures: {added} added, {locked} baselines locked from the Big Listen, "
        f"{logged} co-production activities logged."
    ]
