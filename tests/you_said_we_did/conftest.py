"""Helpers for "you said, we did" tests: approved contributions, ready entries, a real SMTP
server."""

from datetime import date

import pytest
from sqlalchemy import select

from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.moderation.services import approve
from portal.reference.models import Locality
from portal.themes.models import Theme
from portal.themes.services import seed_themes
from portal.you_said_we_did import services
from tests.factories import make_reference_data, make_user

YOUNG = "You told us the bus was late. We asked for a new bus. It starts in May."


@pytest.fixture
def reference():
    make_reference_data()
    seed_themes()


def theme_id(slug):
    return db.session.scalar(select(Theme.id).where(Theme.slug == slug))


def locality_id(slug):
    return db.session.scalar(select(Locality.id).where(Locality.slug == slug))


def approved(
    text="The school bus is always late and my daughter misses registration.", locality=None
):
    """An approved contribution (approved by a throwaway moderator)."""
    contribution = submit_contribution(
        source="feedback", text=text, author_role="parent_carer", locality=locality
    )
    return approve(
        contribution,
        moderator=make_user(role="moderator"),
        redacted_text=contribution.redacted_text,
    )


def entry_data(**changes):
    data = {
        "title": "Buses on time",
        "you_said": "Buses to school are late.",
        "we_did": "We will change the timetable.",
        "status": "planned",
        "owner_organisation": "council",
        "due_on": date(2027, 5, 1),
        "young_text": YOUNG,
        "young_title": "Buses that come on time",
        "theme_ids": [theme_id("transport")],
        "locality_ids": [],
        "evidence_ids": [],
        "quote_ids": [],
    }
    return {**data, **changes}


def draft(editor, **changes):
    if "evidence_ids" not in changes:
        changes["evidence_ids"] = [approved().id]
    return services.save_entry(editor=editor, data=entry_data(**changes))


def published(editor, **changes):
    entry = draft(editor, **changes)
    services.publish(entry, editor=editor)
    return entry
