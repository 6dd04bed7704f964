"""The theme taxonomy in the database, seeded from the built-in one, and storing suggestions."""
from sqlalchemy import select

from portal.extensions import db
from portal.text.taxonomy import BUILTIN_THEMES
from portal.text.taxonomy import Theme as TaxonomyTheme
from portal.themes.models import ContributionTheme, TagState, Theme


def seed_themes():
    """Add any built-in theme missing from the database (idempotent). Returns how many were added."""
    existing = set(db.session.scalars(select(Theme.slug)))
    added = 0
    for theme in BUILTIN_THEMES:
        if theme.slug not in existing:
            db.session.add(Theme(slug=theme.slug, label=theme.label, description=theme.description,
                                 keywords=list(theme.keywords), aliases=list(theme.aliases)))
            added += 1
    db.session.commit()
    return added


def active_taxonomy():
    """(taxonomy for the analyser, {slug: Theme row}) from the active themes in the database.

    Falls back to the built-in taxonomy when the table is empty, so analysis never silently stops.
    """
    rows = db.session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.id)).all()
    if not rows:
        return BUILTIN_THEMES, {}
    taxonomy = tuple(TaxonomyTheme(slug=r.slug, label=r.label, description=r.description or "",
                                   keywords=tuple(r.keywords or ()), aliases=tuple(r.aliases or ()))
                     for r in rows)
    return taxonomy, {r.slug: r for r in rows}


def store_suggestions(contribution, scored_slugs, themes_by_slug):
    """Replace the contribution's suggested themes; confirmed ones stay as staff left them."""
    confirmed = {t.theme_id for t in contribution.themes if t.state == TagState.CONFIRMED}
    contribution.themes[:] = [t for t in contribution.themes if t.state == TagState.CONFIRMED]
    for slug, score in scored_slugs:
        theme = themes_by_slug.get(slug)
        if theme is not None and theme.id not in confirmed:
            contribution.themes.append(ContributionTheme(theme_id=theme.id, score=round(float(score), 3),
                                                         state=TagState.SUGGESTED))
