"""The wall rule, in one place: who may read a contribution's text, as a predicate and as SQL.

A contribution's text (what was written, and its redacted version) is walled when its owning
organisation is walled (see `walled_organisations`). Walled text is readable in full only by:
- staff of the owning organisation, and
- safeguarding leads, while a safeguarding concern on that item is not closed.
Anyone else may see it only as a quote, and only once the owner has approved it for publication
outside the organisation (`Contribution.outside_approved_at`). Text with no owner, or whose
owner is not walled, is partnership-wide: the usual role rules apply.
"""

from flask import g, has_app_context
from sqlalchemy import and_, or_, select

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.safeguarding.models import active_concern_exists, has_active_concern
from portal.walls.models import WALLED_BY_DEFAULT, OrganisationWall


def walled_organisations():
    """The set of organisation codes whose text is walled (cached for the request)."""
    cached = g.get("_walled_organisations") if has_app_context() else None
    if cached is not None:
        return cached
    walled = set(WALLED_BY_DEFAULT)
    for organisation, is_walled in db.session.execute(
        select(OrganisationWall.organisation, OrganisationWall.walled)
    ):
        (walled.add if is_walled else walled.discard)(organisation)
    walled = frozenset(walled)
    if has_app_context():
        g._walled_organisations = walled
    return walled


def forget_cached_walls():
    if has_app_context():
        g.pop("_walled_organisations", None)


def is_walled(contribution):
    """True when the contribution's text belongs to a walled organisation."""
    return (
        bool(contribution.owner_organisation)
        and contribution.owner_organisation in walled_organisations()
    )


def _staff(user):
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "is_staff", False)
    )


def has_open_concern(contribution):
    return has_active_concern(contribution.id)


def read_reason(user, contribution):
    """Why `user` may read the text in full: "open" (not walled), "owner", "safeguarding", or
    None."""
    if not is_walled(contribution):
        return "open"
    if not _staff(user):
        return None
    if user.organisation and user.organisation == contribution.owner_organisation:
        return "owner"
    if user.is_safeguarding_lead and has_open_concern(contribution):
        return "safeguarding"
    return None


def can_read_text(user, contribution):
    """May `user` read this contribution's text (as written, and redacted) in full?"""
    return read_reason(user, contribution) is not None


def is_published_outside(contribution):
    """Approved, and either not walled or approved by its owner for publication outside it."""
    return contribution.status == Status.APPROVED and (
        not is_walled(contribution) or contribution.outside_approved_at is not None
    )


def can_quote(user, contribution):
    """May `user` see this contribution's redacted text as a quote? (Not whether it is fit to
    quote.)"""
    return can_read_text(user, contribution) or is_published_outside(contribution)


def readable_filter(user, *, include_safeguarding=True):
    """SQL condition on Contribution: the rows whose text `user` may read in full (can_read_text).

    include_safeguarding=False leaves out what only a safeguarding lead's open concern makes
    readable: for bulk surfaces (exports, quotes) where a lead's read could not be audited item by
    item.
    """
    walled = sorted(walled_organisations())
    allowed = [
        Contribution.owner_organisation.is_(None),
        Contribution.owner_organisation.not_in(walled)
        if walled
        else Contribution.owner_organisation.is_not(None),
    ]
    if _staff(user) and user.organisation:
        allowed.append(Contribution.owner_organisation == user.organisation)
    if _staff(user) and user.is_safeguarding_lead and include_safeguarding:
        allowed.append(active_concern_exists(Contribution.id))
    return or_(*allowed)


def quotable_filter(user):
    """SQL condition on Contribution: rows whose redacted text `user` may see quoted (can_quote),
    less what only an open concern lets a lead read (that read belongs on the item's page, where it
    is audited)."""
    return or_(readable_filter(user, include_safeguarding=False), published_outside_filter())


def published_outside_filter():
    """SQL condition: approved text anyone may see quoted (not walled, or approved outside by its
    owner)."""
    return and_(
        Contribution.status == Status.APPROVED,
        or_(readable_filter(None), Contribution.outside_approved_at.is_not(None)),
    )
