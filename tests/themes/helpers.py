"""Helpers for theme tests: seeded themes and contributions with tags."""

from sqlalchemy import select

from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.themes.models import ContributionTheme, TagState, Theme
from portal.themes.services import seed_themes


def theme(slug):
    if db.session.scalar(select(Theme.id).limit(1)) is None:
        seed_themes()
    return db.session.scalar(select(Theme).where(Theme.slug == slug))


def contribution(text="The school bus is always late and nobody rings us back.", **kwargs):
    theme("transport")  # make sure the taxonomy is seeded before analysis
    kwargs.setdefault("source", "feedback")
    return submit_contribution(text=text, **kwargs)


def tag(item, slug, state=TagState.CONFIRMED):
    """Give `item` the theme `slug` in `state` directly (test set-up, not the service under
    test)."""
    found = theme(slug)
    existing = next((t for t in item.themes if t.theme_id == found.id), None)
    if existing is None:
        item.themes.append(ContributionTheme(theme_id=found.id, state=state))
    else:
        existing.state = state
    db.session.commit()
    return found


def states(item):
    db.session.refresh(item)
    return {t.theme.slug: t.state for t in item.themes}
