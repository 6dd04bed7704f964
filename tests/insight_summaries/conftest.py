"""Helpers for insight summary tests: themed contributions and survey answers in a given month."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.insight_summaries import services
from portal.themes.models import Theme
from portal.themes.services import seed_themes
from tests.factories import make_contribution, make_reference_data, make_user

OCTOBER, SEPTEMBER = date(2026, 10, 1), date(2026, 9, 1)
YOUNG = "You told us about buses. We are looking at the buses. We will tell you what we find."


@pytest.fixture
def reference():
    make_reference_data()
    seed_themes()


def theme_id(slug):
    return db.session.scalar(select(Theme.id).where(Theme.slug == slug))


def themed(
    count,
    slug,
    *,
    role="parent_carer",
    when=datetime(2026, 10, 10, 12),
    also=None,
    status="approved",
):
    """`count` contributions from `role` on `when`, with `slug` (and `also`, if given) confirmed."""
    for _ in range(count):
        make_contribution(
            "Said something.",
            status=status,
            themes=[slug] + ([also] if also else []),
            analysed=False,
            author_role=role,
            created_at=when,
        )


def text_of(version):
    return {name: getattr(version, name) for name in ("what", "why", "so_what", "next_steps")}


def ready(summary, officer, young=YOUNG):
    """Save a version with the young people's version, as `officer`."""
    return services.save_version(
        summary,
        officer=officer,
        base_number=summary.latest.number,
        data={**text_of(summary.latest), "young_people": young},
    )


def published_summary(month=OCTOBER):
    """A summary drafted and edited by one editor, signed off and published by another."""
    drafter, second = make_user(role="editor"), make_user(role="editor")
    summary, _ = services.draft(month, officer=drafter)
    ready(summary, drafter)
    services.sign_off(summary, officer=second)
    services.publish(summary, officer=second)
    return summary, drafter, second
