"""Demo content for measure actions: complaints figures for April to September 2026, then the
deterioration check run over every closed quarter (complaints rose from Green to Red)."""

from datetime import date

from sqlalchemy import select

from portal.accounts.services import find_staff_by_email
from portal.extensions import db
from portal.measure_actions.check import check_measures
from portal.measures import services
from portal.measures.models import MeasureFigure
from portal.measures.periods import closed_windows

COMPLAINTS = [
    (date(2026, 4, 1), date(2026, 4, 30), 9),
    (date(2026, 5, 1), date(2026, 5, 31), 10),
    (date(2026, 7, 1), date(2026, 7, 31), 13),
    (date(2026, 8, 1), date(2026, 8, 31), 14),
    (date(2026, 9, 1), date(2026, 9, 30), 12),
]


def _enter_complaints(editor):
    measure = services.find_measure("complaints-per-month")
    if measure is None or editor is None:
        return
    entered = set(
        db.session.scalars(
            select(MeasureFigure.period_start).where(MeasureFigure.measure_id == measure.id)
        )
    )
    for start, end, value in COMPLAINTS:
        if start not in entered:
            services.record_figure(
                measure,
                actor=editor,
                period_start=start,
                period_end=end,
                value=value,
                note="Demo figure from the complaints team",
            )


def load_measure_actions_demo():
    """Enter the demo complaints figures, then run the check for each closed quarter, oldest first,
    as the daily job would have (safe to run again: each action opens once)."""
    _enter_complaints(find_staff_by_email("editor@example.org"))
    opened = sum(len(check_measures(period=window.key)) for window in reversed(closed_windows()))
    return [
        f"Measure actions: {opened} opened by the deterioration check (see "
        "/staff/measures/actions)."
    ]
