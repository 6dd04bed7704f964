"""Demo content: last month's summary, drafted, signed off by a second officer and published."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.extensions import db
from portal.insight_summaries import services
from portal.insight_summaries.months import closed_months

YOUNG = (
    "This is what you told us last month. More of you told us about getting to school. "
    "We are looking at the buses. We will tell you what we find out."
)


def load():
    months = closed_months()
    if not months:
        return []
    editor = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    admin = db.session.scalar(select(User).where(User.email == "admin@example.org"))
    if editor is None or admin is None:
        return []
    summary, created = services.draft(months[0], officer=editor)
    if not created:
        return []
    latest = summary.latest
    data = {name: getattr(latest, name) for name in ("what", "why", "so_what", "next_steps")}
    services.save_version(
        summary,
        officer=editor,
        base_number=latest.number,
        data={**data, "young_people": YOUNG, "note": "Young people's version added"},
    )
    services.sign_off(summary, officer=admin)
    services.publish(summary, officer=admin)
    return [f"Insight summaries: {summary.label} drafted, signed off and published."]
