"""Demo data for a newcomer's first run. Idempotent: running it twice changes nothing."""

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.accounts.services import create_staff_user, find_staff_by_email
from portal.demo_staff import DEMO_PASSWORD, DEMO_STAFF, give_demo_password, setup_password
from portal.demo_walls import load_walled_insight_demo
from portal.disagreements.demo import load_disagreements_demo
from portal.extensions import db
from portal.forum.demo import load_forum_demo
from portal.insight_summaries.demo import load as load_insight_summary_demo
from portal.insights.demo import load_insight_demo
from portal.measure_actions.demo import load_measure_actions_demo
from portal.measures.demo import load_measures_demo
from portal.reference.models import DEMO_LOCALITIES
from portal.reference.services import ensure_defaults, ensure_demo_settings
from portal.surveys.demo import load_demo_surveys
from portal.themes.services import seed_themes
from portal.you_said_we_did.demo import load_you_said_we_did_demo

# Every feature's demo content, in the order it loads. The order matters: surveys before measures
# (measures lock baselines from survey answers), measure actions after measures (they check
# their figures), and insight summaries last (they draft last month's summary from all of it).
LOADERS = [
    load_forum_demo,
    load_insight_demo,
    load_you_said_we_did_demo,
    load_walled_insight_demo,
    load_demo_surveys,
    load_measures_demo,
    load_measure_actions_demo,
    load_disagreements_demo,
    load_insight_summary_demo,
]


def load_demo_data():
    """Load reference data, demo staff and every feature's demo content. Returns lines to print."""
    ensure_defaults(DEMO_LOCALITIES)
    ensure_demo_settings()
    seed_themes()
    lines = ["Reference data: localities, age bands, cohorts and themes are in place."]
    for email, role, organisation, name, lead in DEMO_STAFF:
        if find_staff_by_email(email) is None:
            give_demo_password(
                create_staff_user(
                    email=email,
                    role=role,
                    organisation=organisation,
                    password=setup_password(),
                    name=name,
                    safeguarding_lead=lead,
                )
            )
    for loader in LOADERS:
        lines.extend(loader())
    return lines + demo_logins()


def demo_logins():
    """Lines that tell a newcomer how to sign in as each demo role."""
    return [f"Demo staff sign-ins (password for each: {DEMO_PASSWORD}):"] + [
        f"  {role:<10} {email}{'  (safeguarding lead)' if lead else ''}"
        for email, role, _, _, lead in DEMO_STAFF
    ]


def database_is_empty():
    """True when no user exists yet (a brand-new database)."""
    return db.session.scalar(select(func.count(User.id))) == 0
