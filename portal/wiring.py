"""Explicit wiring (issue 16): every menu entry, home link, staff-home panel and hook, in one place.

Features expose plain functions and values; `wire(app)` (called by the app factory) stores them on
the app. Nothing is registered by importing a module, so building many apps doubles nothing.
"""

from portal.contributions.models import Source
from portal.feedback.services import purge_contacts
from portal.forum.routes import can_read_forum
from portal.forum.services import post_author_for
from portal.hooks import NavItem, Wiring
from portal.insight_summaries.routes import sign_off_panel
from portal.mail.routes import outbox_panel
from portal.measure_actions.routes import overdue_panel
from portal.moderation.routes import queue_panel
from portal.permissions import can_admin, can_edit, can_moderate, can_view_dashboards, is_staff
from portal.privacy.services import purge_rejected, purge_suspended_members
from portal.safeguarding.commands import realert_task
from portal.safeguarding.routes import concerns_panel
from portal.safeguarding.services import flag_from_analysis
from portal.surveys.services import purge_abandoned_drafts, purge_resume_emails
from portal.you_said_we_did.routes.staff import review_panel
from portal.you_said_we_did.subscriptions import erase_subscriptions, purge_unconfirmed


def everyone(user):
    return True


# The main menu, in order. An entry shows when visible(current user) and the endpoint exists.
NAV_ITEMS = (
    NavItem("main.index", "Home", everyone),
    NavItem("surveys.index", "Surveys", everyone),
    NavItem("feedback.tell_us", "Tell us", everyone),
    NavItem("forum.index", "Forum", can_read_forum),
    NavItem("you_said_we_did.index", "You said, we did", everyone),
    NavItem("measures.results", "Results", everyone),
    NavItem("moderation.queue", "Moderation", can_moderate),
    NavItem("you_said_we_did.staff_index", "Manage you said, we did", can_edit),
    NavItem("safeguarding.index", "Safeguarding", can_moderate),
    NavItem("themes.tagging_list", "Tagging", can_moderate),
    NavItem("themes.index", "Themes", can_edit),
    NavItem("insights.index", "Insights", can_view_dashboards),
    NavItem("main.staff_home", "Staff home", is_staff),
    NavItem("measures.dashboard", "Measures", can_view_dashboards),
    NavItem("insight_summaries.index", "Insight summaries", can_view_dashboards),
    NavItem("accounts.list_users", "Users", can_admin),
    NavItem("reference.index", "Reference data", can_admin),
    NavItem("audit.index", "Audit log", can_admin),
    NavItem("privacy.erase", "Erasure", can_admin),
    NavItem("walls.settings", "Walls", can_admin),
    NavItem("textmodel.index", "Text model", can_admin),
    NavItem("outbox.index", "Outbox", can_admin),
)

# The home page's list of things a visitor can do, in order.
HOME_LINKS = (
    ("feedback.tell_us", "Tell us what is working and what should change"),
    ("you_said_we_did.index", "See what changed because of what people told us"),
    ("forum.index", "Young people's forum (for ages 25 and under)"),
    (
        "measures.results",
        "See how confident and satisfied families are, and whether it is improving",
    ),
)

# The staff home page's panels, in order.
STAFF_PANELS = (
    queue_panel,
    concerns_panel,
    overdue_panel,
    review_panel,
    outbox_panel,
    sign_off_panel,
)

# Run after a contribution is analysed: safeguarding opens a concern in the same transaction.
ON_ANALYSED = (flag_from_analysis,)

# Retention: every kind of data deleted after a time, one step each, run by `portal purge` and
# counted under its name. Each is step(now) -> rows deleted, in its own feature, keeping anything
# under an active safeguarding concern. tests/privacy/test_retention.py tests every step listed.
PURGE_STEPS = (
    ("contacts", purge_contacts),
    ("rejected", purge_rejected),
    ("suspended_accounts", purge_suspended_members),
    ("unconfirmed_subscriptions", purge_unconfirmed),
    ("resume_emails", purge_resume_emails),
    ("abandoned_draft_text", purge_abandoned_drafts),
)
# Extra steps for `portal erase-person`, counted under their names.
ERASURE_STEPS = (("subscriptions", erase_subscriptions),)

# Run on every pass of `portal send-mail` before the outbox is delivered.
MAIL_PASSES = (realert_task,)

# Who wrote a contribution of a source that keeps its author (moderators may suspend a forum
# member).
AUTHOR_LOOKUPS = ((Source.FORUM, post_author_for),)


def wire(app):
    """Store the wiring on `app` (replacing, never adding to, what was there)."""
    app.extensions["portal.wiring"] = Wiring(
        nav_items=NAV_ITEMS,
        home_links=HOME_LINKS,
        staff_panels=STAFF_PANELS,
        on_analysed=ON_ANALYSED,
        purge_steps=PURGE_STEPS,
        erasure_steps=ERASURE_STEPS,
        mail_passes=MAIL_PASSES,
        author_lookups=AUTHOR_LOOKUPS,
    )
