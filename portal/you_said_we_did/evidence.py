"""Which contributions may be evidence or quoted, and the quotes the public sees."""

from sqlalchemy import or_, select

from portal.contributions.models import Contribution, Status
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.themes.models import ContributionTheme
from portal.walls.rules import is_walled, published_outside_filter
from portal.walls.services import organisation_label
from portal.you_said_we_did.models import MAX_QUOTES, Evidence


def _usable():
    # Evidence and quotes go public, so walled text needs its owner's approval for use outside
    # (portal/walls), whoever the editor is.
    return (
        Contribution.status == Status.APPROVED,
        Contribution.safeguarding_flag.is_(False),
        Contribution.redacted_text.is_not(None),
        published_outside_filter(),
    )


def parse_ids(raw):
    """'1, 2,3' or ['1', '2'] -> [1, 2, 3] (order kept, duplicates dropped). Raises
    ValidationFailed."""
    parts = raw.replace(",", " ").split() if isinstance(raw, str) else [str(p) for p in raw or []]
    ids = []
    for part in parts:
        if not part.isdigit():
            raise ValidationFailed(
                "Not a number", {"contributions": f"'{part[:20]}' is not a contribution number"}
            )
        if int(part) not in ids:
            ids.append(int(part))
    return ids


def check_evidence(ids):
    """The contributions for `ids`, each approved, with redacted text and no safeguarding flag.

    Raises ValidationFailed naming the first id that cannot be evidence.
    """
    found = {
        c.id: c
        for c in db.session.scalars(
            select(Contribution).where(Contribution.id.in_(ids), *_usable())
        )
    }
    for contribution_id in ids:
        if contribution_id not in found:
            message = (
                f"Contribution {contribution_id} cannot be used: it is not an approved, "
                "published contribution"
            )
            walled = db.session.get(Contribution, contribution_id)
            if walled is not None and walled.status == Status.APPROVED and is_walled(walled):
                owner = organisation_label(walled.owner_organisation)
                message = (
                    f"Contribution {contribution_id} cannot be used: {owner} has not approved it "
                    f"for publication outside {owner}"
                )
            raise ValidationFailed(message, {"contributions": message})
    return [found[i] for i in ids]


def check_selection(evidence_ids, quote_ids):
    """Raise ValidationFailed unless every quote is also evidence, there are at most MAX_QUOTES, and
    every contribution is approved, carries redacted text and has no safeguarding flag."""
    if len(quote_ids) > MAX_QUOTES:
        raise ValidationFailed("Too many quotes", {"quotes": f"Choose at most {MAX_QUOTES} quotes"})
    stray = [q for q in quote_ids if q not in evidence_ids]
    if stray:
        raise ValidationFailed(
            "Quote is not evidence",
            {"quotes": f"Contribution {stray[0]} is quoted but not linked as evidence"},
        )
    check_evidence(evidence_ids)


def set_evidence(entry, evidence_ids, quote_ids):
    """Replace the entry's evidence and quotes after check_selection (does not commit)."""
    evidence_ids, quote_ids = list(evidence_ids), list(quote_ids)
    check_selection(evidence_ids, quote_ids)
    existing = {
        e.contribution_id: e for e in entry.evidence
    }  # reused: a row is never deleted and re-added
    rows = [existing.get(cid) or Evidence(contribution_id=cid) for cid in evidence_ids]
    for row in rows:
        row.quote_position = (
            quote_ids.index(row.contribution_id) + 1 if row.contribution_id in quote_ids else None
        )
    entry.evidence[:] = rows


def public_quotes(entry):
    """The redacted texts of the entry's chosen quotes that are still approved and unflagged, in
    order."""
    rows = db.session.scalars(
        select(Contribution.redacted_text)
        .join(Evidence, Evidence.contribution_id == Contribution.id)
        .where(Evidence.entry_id == entry.id, Evidence.quote_position.is_not(None), *_usable())
        .order_by(Evidence.quote_position)
        .limit(MAX_QUOTES)
    )
    return list(rows)


def evidence_count(entry):
    """How many linked contributions are still approved (the number the public sees)."""
    return db.session.scalar(
        select(db.func.count(Evidence.id))
        .join(Contribution, Evidence.contribution_id == Contribution.id)
        .where(Evidence.entry_id == entry.id, Contribution.status == Status.APPROVED)
    )


def candidates(entry, limit=200):
    """Approved contributions an editor might link: those sharing a theme (suggested or confirmed)
    or a locality with the entry (or the latest, when it has neither), plus those already linked."""
    theme_ids = [t.id for t in entry.themes]
    locality_ids = [loc.id for loc in entry.localities]
    query = select(Contribution).where(*_usable())
    conditions = []
    if theme_ids:
        conditions.append(
            Contribution.id.in_(
                select(ContributionTheme.contribution_id).where(
                    ContributionTheme.theme_id.in_(theme_ids)
                )
            )
        )
    if locality_ids:
        conditions.append(Contribution.locality_id.in_(locality_ids))
    linked = [e.contribution_id for e in entry.evidence]
    if conditions:
        query = query.where(or_(*conditions, Contribution.id.in_(linked)))
    found = list(db.session.scalars(query.order_by(Contribution.created_at.desc()).limit(limit)))
    missing = [i for i in linked if i not in {c.id for c in found}]
    if missing:
        found += list(
            db.session.scalars(
                select(Contribution).where(Contribution.id.in_(missing), published_outside_filter())
            )
        )
    return found
