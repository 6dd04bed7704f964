"""The theme taxonomy in the database, seeded from the built-in one, and storing suggestions."""

import logging
import re
from urllib.parse import urlsplit

from sqlalchemy import select

from portal.audit.services import record
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.text.taxonomy import BUILTIN_THEMES
from portal.text.taxonomy import Theme as TaxonomyTheme
from portal.themes.models import ContributionTheme, TagState, Theme

log = logging.getLogger(__name__)


def seed_themes():
    """Add any built-in theme missing from the database (idempotent). Returns how many were
    added."""
    existing = set(db.session.scalars(select(Theme.slug)))
    added = 0
    for theme in BUILTIN_THEMES:
        if theme.slug not in existing:
            db.session.add(
                Theme(
                    slug=theme.slug,
                    label=theme.label,
                    description=theme.description,
                    keywords=list(theme.keywords),
                    aliases=list(theme.aliases),
                )
            )
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
    taxonomy = tuple(
        TaxonomyTheme(
            slug=r.slug,
            label=r.label,
            description=r.description or "",
            keywords=tuple(r.keywords or ()),
            aliases=tuple(r.aliases or ()),
        )
        for r in rows
    )
    return taxonomy, {r.slug: r for r in rows}


def store_suggestions(contribution, scored_slugs, themes_by_slug):
    """Replace the contribution's suggested themes; confirmed and dismissed ones stay as staff left
    them.

    Existing suggestion rows are updated in place (deleting and re-inserting the same theme in one
    flush would break the one-tag-per-theme constraint on re-analysis).
    """
    wanted = {}
    for slug, score in scored_slugs:
        theme = themes_by_slug.get(slug)
        if theme is not None:
            wanted.setdefault(theme.id, round(float(score), 3))
    by_theme = {t.theme_id: t for t in contribution.themes}
    for tag in list(contribution.themes):
        if tag.state == TagState.SUGGESTED and tag.theme_id not in wanted:
            contribution.themes.remove(tag)
    for theme_id, score in wanted.items():
        tag = by_theme.get(theme_id)
        if tag is None:
            contribution.themes.append(
                ContributionTheme(theme_id=theme_id, score=score, state=TagState.SUGGESTED)
            )
        elif tag.state == TagState.SUGGESTED:
            tag.score = score


SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TERMS = 300


def parse_lines(text):
    """One term a line -> a list of lowercased, trimmed, de-duplicated terms (blank lines
    ignored)."""
    terms = [line.strip().lower() for line in (text or "").splitlines()]
    return list(dict.fromkeys(t for t in terms if t))


def _check_url(url):
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in url


def save_theme(
    theme,
    *,
    actor,
    label,
    description="",
    keywords=(),
    aliases=(),
    local_offer_url=None,
    active=True,
    slug=None,
):
    """Create (theme=None, slug required) or change a theme. The slug never changes once created.

    keywords and aliases are lists of terms. Audited. The next analysis reads the change.
    Raises ValidationFailed (field errors) for a bad or taken slug, an empty label or a bad URL.
    Returns the Theme.
    """
    errors, label = {}, (label or "").strip()
    local_offer_url = (local_offer_url or "").strip() or None
    if theme is None:
        slug = (slug or "").strip().lower()
        if not SLUG_PATTERN.match(slug):
            errors["slug"] = (
                "Slug must be lower-case letters, numbers and single hyphens, like waiting-times"
            )
        elif db.session.scalar(select(Theme.id).where(Theme.slug == slug)) is not None:
            errors["slug"] = "A theme with this slug already exists"
    if not label:
        errors["label"] = "Enter a label in plain words"
    if local_offer_url and not _check_url(local_offer_url):
        errors["local_offer_url"] = "Enter a full web address starting with https:// or http://"
    for name, terms in (("keywords", keywords), ("aliases", aliases)):
        if len(terms) > MAX_TERMS or any(len(t) > 100 for t in terms):
            errors[name] = f"Enter at most {MAX_TERMS} {name}, each at most 100 characters"
    if errors:
        raise ValidationFailed("Check the theme", errors)
    created = theme is None
    if created:
        theme = Theme(slug=slug)
        db.session.add(theme)
    before = {
        "label": theme.label,
        "active": theme.active,
        "keywords": list(theme.keywords or []),
        "aliases": list(theme.aliases or []),
        "local_offer_url": theme.local_offer_url,
    }
    theme.label, theme.description, theme.active = label, (description or "").strip(), bool(active)
    theme.keywords, theme.aliases, theme.local_offer_url = (
        list(keywords),
        list(aliases),
        local_offer_url,
    )
    changed = (
        [k for k, v in before.items() if v != getattr(theme, k)] if not created else ["created"]
    )
    record(
        actor,
        "theme.create" if created else "theme.update",
        theme,
        slug=theme.slug,
        changed=changed,
    )
    db.session.commit()
    log.info("theme %s %s by %s", theme.slug, "created" if created else "changed", actor.id)
    return theme


def theme_form_data(theme):
    """A theme's fields as form data, with keywords and aliases one a line ({} for a new theme)."""
    if theme is None:
        return {"active": True}
    return {
        "slug": theme.slug,
        "label": theme.label,
        "description": theme.description,
        "keywords": "\n".join(theme.keywords or []),
        "aliases": "\n".join(theme.aliases or []),
        "local_offer_url": theme.local_offer_url or "",
        "active": theme.active,
    }


def all_themes():
    """Every theme, active first, then by label."""
    return db.session.scalars(select(Theme).order_by(Theme.active.desc(), Theme.label)).all()


def active_themes():
    """Active themes by label (the choices staff tag with)."""
    return db.session.scalars(
        select(Theme).where(Theme.active.is_(True)).order_by(Theme.label)
    ).all()
