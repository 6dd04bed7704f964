"""Changing wall settings, approving walled text for publication outside its owner, auditing
reads."""

import logging

from portal.accounts.models import ORGANISATION_LABELS, Organisation
from portal.audit.services import record
from portal.clock import utcnow
from portal.contributions.models import Status
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.walls.models import OrganisationWall
from portal.walls.rules import forget_cached_walls, is_walled, read_reason, walled_organisations

log = logging.getLogger(__name__)


def organisation_label(code):
    return ORGANISATION_LABELS.get(code, code or "the partnership")


def wall_settings():
    """[(code, label, walled)] for every organisation, in the usual order."""
    walled = walled_organisations()
    return [(o.value, ORGANISATION_LABELS[o], o.value in walled) for o in Organisation]


def set_walls(walled_codes, *, actor):
    """Make exactly `walled_codes` walled. Audits each change; returns the codes that changed."""
    known = {o.value for o in Organisation}
    unknown = [c for c in walled_codes if c not in known]
    if unknown:
        raise ValidationFailed(
            "Unknown organisation", {"walled": "Select organisations from the list"}
        )
    before, changed = walled_organisations(), []
    for code in sorted(known):
        now = code in walled_codes
        if now == (code in before):
            continue
        row = db.session.get(OrganisationWall, code) or OrganisationWall(organisation=code)
        row.walled, row.changed_at, row.changed_by_id = now, utcnow(), actor.id
        db.session.add(row)
        record(
            actor,
            "organisation.wall_on" if now else "organisation.wall_off",
            None,
            organisation=code,
        )
        changed.append(code)
    db.session.commit()
    forget_cached_walls()
    log.info("walls changed for %s by %s", changed, actor.id)
    return changed


def approve_outside(contribution, *, moderator):
    """The owning organisation's moderator approves this walled item's redacted text for publication
    outside the organisation (quotes on staff pages, "you said, we did" and anywhere else).

    Raises NotAllowed unless `moderator` is staff of the owner; InvalidTransition unless it is
    approved and not yet approved outside.
    """
    if not is_walled(contribution):
        raise InvalidTransition("This text is not walled: it can already be quoted once approved")
    if not moderator.organisation or moderator.organisation != contribution.owner_organisation:
        raise NotAllowed(
            f"Only {organisation_label(contribution.owner_organisation)} can approve this"
        )
    if contribution.status != Status.APPROVED:
        raise InvalidTransition("Approve the redacted text first")
    if contribution.outside_approved_at is not None:
        raise InvalidTransition(
            "This text is already approved for publication outside the organisation"
        )
    contribution.outside_approved_at, contribution.outside_approved_by_id = utcnow(), moderator.id
    record(
        moderator,
        "contribution.approve_outside",
        contribution,
        organisation=contribution.owner_organisation,
    )
    db.session.commit()
    return contribution


def withdraw_outside(contribution, *, moderator):
    """The owner takes back an approval for publication outside (quotes disappear from then on)."""
    if not moderator.organisation or moderator.organisation != contribution.owner_organisation:
        raise NotAllowed(
            f"Only {organisation_label(contribution.owner_organisation)} can change this"
        )
    if contribution.outside_approved_at is None:
        raise InvalidTransition(
            "This text is not approved for publication outside the organisation"
        )
    contribution.outside_approved_at = contribution.outside_approved_by_id = None
    record(
        moderator,
        "contribution.withdraw_outside",
        contribution,
        organisation=contribution.owner_organisation,
    )
    db.session.commit()
    return contribution


def note_read(user, contribution, *, where):
    """Call before showing walled text in full. Audits (and commits) a safeguarding lead's read of
    another organisation's walled text. Returns True when `user` may read it, else False."""
    reason = read_reason(user, contribution)
    if reason == "safeguarding":
        record(
            user,
            "contribution.read_walled",
            contribution,
            organisation=contribution.owner_organisation,
            where=where,
        )
        db.session.commit()
    return reason is not None
