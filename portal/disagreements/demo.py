"""Demo complaints, mediation, tribunal and ombudsman counts for 2026/27 Q2 (July to September
2026)."""

from sqlalchemy import func, select

from portal.accounts.services import find_staff_by_email
from portal.disagreements.models import DisagreementCount
from portal.disagreements.services import record_count
from portal.extensions import db
from portal.reference.services import active_localities
from portal.themes.models import Theme

QUARTER = "2026-27-Q2"
# (theme slug, stage, outcome, locality index or None, count)
DEMO_COUNTS = [
    ("ehcp", "complaint", "upheld", 0, 9),
    ("ehcp", "complaint", "partly_upheld", 1, 8),
    ("ehcp", "complaint", "not_upheld", None, 7),
    ("ehcp", "mediation", "agreed", None, 8),
    ("ehcp", "mediation", "ongoing", 0, 4),
    ("ehcp", "tribunal", "ongoing", None, 4),
    ("waiting-times", "complaint", "upheld", 2, 11),
    ("waiting-times", "complaint", "not_upheld", None, 6),
    ("waiting-times", "mediation", "agreed", None, 3),
    ("transport", "complaint", "upheld", 3, 12),
    ("transport", "complaint", "withdrawn", None, 2),
    ("communication", "complaint", "partly_upheld", None, 13),
    ("communication", "ombudsman", "ongoing", None, 1),
    ("school-support", "complaint", "not_upheld", 1, 5),
    ("specialist-placements", "tribunal", "upheld", None, 6),
    ("specialist-placements", "mediation", "agreed", None, 5),
]


def load_disagreements_demo():
    """Record the demo counts once (as the demo editor), unless any count exists."""
    editor = find_staff_by_email("editor@example.org")
    if editor is None or db.session.scalar(select(func.count(DisagreementCount.id))):
        return []
    themes = {theme.slug: theme.id for theme in db.session.scalars(select(Theme))}
    places = active_localities()
    for slug, stage, outcome, place, count in DEMO_COUNTS:
        if slug in themes:
            record_count(
                actor=editor,
                quarter=QUARTER,
                theme_id=themes[slug],
                stage=stage,
                outcome=outcome,
                locality_id=places[place].id if place is not None and len(places) > place else None,
                count=count,
            )
    return [
        f"Complaints and disagreements: {len(DEMO_COUNTS)} demo counts for {QUARTER} "
        "(see /staff/measures/complaints)."
    ]
