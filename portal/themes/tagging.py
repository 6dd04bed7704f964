"""Staff tagging: confirm, remove or add a contribution's themes, one at a time or in bulk. All
audited."""

import logging

from sqlalchemy import exists, select
from sqlalchemy.orm import aliased

from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.textmodel import capture
from portal.themes.models import ContributionTheme, TagState, Theme
from portal.walls.rules import can_read_text, readable_filter

log = logging.getLogger(__name__)
MAX_BULK = 200


def _active_theme(theme_id):
    theme = db.session.get(Theme, theme_id) if theme_id else None
    if theme is None or not theme.active:
        raise ValidationFailed("Choose a theme", {"theme": "Select a theme that is in use"})
    return theme


def _tag_for(contribution, theme_id):
    return next((t for t in contribution.themes if t.theme_id == theme_id), None)


def _check_readable(contribution, actor):
    if not can_read_text(actor, contribution):
        raise NotAllowed("Only the organisation that owns this text can tag it")


def _confirm(contribution, theme, actor):
    """Make `theme` a confirmed theme of `contribution` (no commit). Returns the previous state or
    None."""
    tag = _tag_for(contribution, theme.id)
    previous = tag.state if tag is not None else None
    if tag is None:
        tag = ContributionTheme(theme_id=theme.id, state=TagState.CONFIRMED)
        contribution.themes.append(tag)
    tag.state, tag.tagged_by_id, tag.tagged_at = TagState.CONFIRMED, actor.id, utcnow()
    return previous


def confirm_theme(contribution, *, actor, theme_id):
    """Confirm a suggested theme, or add a theme staff chose, on one contribution. Audited.

    Raises ValidationFailed when the theme does not exist or is not in use, NotAllowed when `actor`
    may not read the text (portal/walls).
    """
    _check_readable(contribution, actor)
    theme = _active_theme(theme_id)
    previous = _confirm(contribution, theme, actor)
    if previous != TagState.CONFIRMED:
        capture.theme_confirmed(contribution, theme.slug)
    action = "theme.confirm" if previous == TagState.SUGGESTED else "theme.add"
    record(actor, action, contribution, theme=theme.slug, previous=previous)
    db.session.commit()
    log.info("theme %s on contribution %s confirmed by %s", theme.slug, contribution.id, actor.id)
    return theme


def remove_theme(contribution, *, actor, theme_id):
    """Remove a suggested or confirmed theme. It is kept as dismissed so re-analysis won't suggest
    it again.

    Raises NotAllowed when the contribution does not carry that theme, or `actor` may not read the
    text.
    """
    _check_readable(contribution, actor)
    tag = _tag_for(contribution, theme_id)
    if tag is None or tag.state == TagState.DISMISSED:
        raise NotAllowed("This item does not have that theme")
    previous = tag.state
    tag.state, tag.tagged_by_id, tag.tagged_at = TagState.DISMISSED, actor.id, utcnow()
    capture.theme_removed(contribution, tag.theme.slug)
    record(actor, "theme.remove", contribution, theme=tag.theme.slug, previous=previous)
    db.session.commit()
    log.info(
        "theme %s removed from contribution %s by %s", tag.theme.slug, contribution.id, actor.id
    )
    return tag.theme


def bulk_confirm_theme(contribution_ids, *, actor, theme_id):
    """Confirm one theme on every listed contribution `actor` may read (at most MAX_BULK). Returns
    how many changed.

    Raises ValidationFailed for a bad theme or when nothing is selected.
    """
    theme = _active_theme(theme_id)
    ids = list(dict.fromkeys(contribution_ids))[:MAX_BULK]
    if not ids:
        raise ValidationFailed("Select items", {"item": "Select at least one item to tag"})
    items = db.session.scalars(
        select(Contribution).where(Contribution.id.in_(ids), readable_filter(actor))
    ).all()
    changed = 0
    for contribution in items:
        previous = _confirm(contribution, theme, actor)
        if previous != TagState.CONFIRMED:
            changed += 1
            capture.theme_confirmed(contribution, theme.slug)
            record(
                actor,
                "theme.confirm" if previous == TagState.SUGGESTED else "theme.add",
                contribution,
                theme=theme.slug,
                previous=previous,
                bulk=True,
            )
    db.session.commit()
    log.info("theme %s confirmed on %s contributions by %s", theme.slug, changed, actor.id)
    return changed


def has_confirmed_theme():
    """SQL condition: the contribution has at least one confirmed theme (usable beside a join on
    tags)."""
    tag = aliased(ContributionTheme)
    return (
        select(tag.id)
        .where(tag.contribution_id == Contribution.id, tag.state == TagState.CONFIRMED)
        .correlate(Contribution)
        .exists()
    )


def tagging_query(
    *, viewer=None, untagged=False, theme_id=None, source=None, locality_id=None, status=None
):
    """Contributions `viewer` may read (portal/walls) for the tagging page, newest first, filtered;
    untagged means no confirmed theme."""
    query = select(Contribution).where(readable_filter(viewer))
    if untagged:
        query = query.where(~has_confirmed_theme())
    if theme_id:
        query = query.where(
            exists().where(
                ContributionTheme.contribution_id == Contribution.id,
                ContributionTheme.theme_id == theme_id,
                ContributionTheme.state != TagState.DISMISSED,
            )
        )
    if source:
        query = query.where(Contribution.source == source)
    if locality_id:
        query = query.where(Contribution.locality_id == locality_id)
    if status:
        query = query.where(Contribution.status == status)
    return query.order_by(Contribution.created_at.desc(), Contribution.id.desc())
