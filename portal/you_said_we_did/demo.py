"""Demo "you said, we did" entries in every status and stage, each backed by its own approved
voices.

The content lives in demo_content.py; this module loads it through the real services (so every rule
is applied) and then dates it as it would have happened: voices weeks before the response, history
in order.
"""

import secrets
from datetime import datetime, time, timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.clock import utcnow
from portal.contributions.models import Source, Status
from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.reference.models import Locality
from portal.themes.models import Theme
from portal.you_said_we_did import services
from portal.you_said_we_did.demo_content import ENTRIES
from portal.you_said_we_did.models import Entry, EntryStatus, Subscriber

RECORD_FIELDS = (
    "decision",
    "options_considered",
    "what_changed",
    "decided_by",
    "decided_on",
    "young_checked_on",
)


def _at(day, hour=10):
    return datetime.combine(day, time(hour))


def _voices(moderator, localities):
    """Every entry's voices as contributions, analysed as usual, dated when they were said and
    approved two days later by the demo moderator (one commit for all, to keep the demo quick to
    load)."""
    found = []
    for spec in ENTRIES:
        contributions = []
        for text, role, locality, said_on in spec["voices"]:
            contribution = submit_contribution(
                source=Source.FEEDBACK,
                text=text,
                author_role=role,
                locality=localities.get(locality),
                commit=False,
            )
            contribution.created_at = _at(said_on, 19)
            if contribution.status == Status.PENDING and not contribution.safeguarding_flag:
                contribution.status, contribution.moderated_by_id = Status.APPROVED, moderator.id
                contribution.redacted_text = contribution.redacted_text or text
                contribution.moderated_at = _at(said_on + timedelta(days=2))
            contributions.append(contribution)
        found.append(contributions)
    db.session.commit()
    # A voice the analysis flags (the learned layer errs towards the safeguarding lead) waits for a
    # lead like any other; only approved voices become evidence.
    return [[c.id for c in contributions if c.status == Status.APPROVED] for contributions in found]


def _data(spec, ids, localities):
    data = {
        "title": spec["title"],
        "you_said": spec["you_said"],
        "we_did": spec["we_did"],
        "status": spec["status"],
        "owner_organisation": spec["owner"],
        "due_on": spec["due_on"],
        "young_text": spec["young_text"],
        "young_title": spec["young_title"],
        "theme_ids": list(
            db.session.scalars(select(Theme.id).where(Theme.slug.in_(spec["themes"])))
        ),
        "locality_ids": [localities[s].id for s in spec["localities"] if s in localities],
        "evidence_ids": ids,
        "quote_ids": ids[: spec["quotes"]],
    }
    data.update({name: spec[name] for name in RECORD_FIELDS if name in spec})
    return data


def _load(spec, ids, editor, reviewer, localities):
    entry = services.save_entry(editor=editor, data=_data(spec, ids, localities))
    said = max(voice[3] for voice in spec["voices"])
    entry.created_at = _at(spec.get("published_on", said + timedelta(days=21)) - timedelta(days=12))
    if spec["stage"] != "draft":
        services.request_review(entry, editor=editor)
    if spec["stage"] == "returned":
        services.return_to_draft(entry, reviewer=reviewer, note=spec["review_note"])
    if spec["stage"] == "published":
        event = services.publish(entry, editor=reviewer)
        entry.published_at = event.created_at = _at(spec["published_on"])
        for day, status, note in spec["history"]:
            reason = spec.get("not_possible_reason") if status == EntryStatus.NOT_POSSIBLE else None
            event = services.change_status(
                entry,
                editor=editor,
                status=status,
                note=note,
                reason=reason,
                completed_on=spec.get("completed_on"),
            )
            event.created_at = _at(day, 14)
    entry.updated_at = max(
        [entry.created_at, entry.published_at or entry.created_at]
        + [_at(day, 14) for day, _, _ in spec.get("history", [])]
    )
    db.session.commit()


def load_you_said_we_did_demo():
    editor = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    reviewer = db.session.scalar(select(User).where(User.email == "admin@example.org"))
    if editor is None or db.session.scalar(select(Entry.id).limit(1)) is not None:
        return []
    localities = {loc.slug: loc for loc in db.session.scalars(select(Locality))}
    moderator = (
        db.session.scalar(select(User).where(User.email == "moderator@example.org")) or editor
    )
    for spec, ids in zip(ENTRIES, _voices(moderator, localities), strict=True):
        _load(spec, ids, editor, reviewer, localities)
    _subscribers()
    published = sum(spec["stage"] == "published" for spec in ENTRIES)
    return [
        f'"You said, we did": {published} published entries and {len(ENTRIES) - published} in '
        "draft or review at /you-said-we-did (editors: /staff/you-said-we-did)"
    ]


def _subscribers():
    """One confirmed and one unconfirmed demo subscriber (example.org addresses), so every page has
    data."""
    for email, confirmed in (("updates@example.org", True), ("pending@example.org", False)):
        db.session.add(
            Subscriber(
                email=email,
                theme_slugs=["transport"],
                locality_slugs=[],
                confirm_token=secrets.token_urlsafe(32),
                unsubscribe_token=secrets.token_urlsafe(32),
                confirmed_at=utcnow() if confirmed else None,
            )
        )
    db.session.commit()
