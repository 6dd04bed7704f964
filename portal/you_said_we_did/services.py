"""Writing entries and moving them through draft, review, publication and status changes."""

import logging

from sqlalchemy import select, update

from portal.accounts.models import Organisation
from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.permissions import can_edit
from portal.reference.models import Locality
from portal.themes.models import Theme
from portal.you_said_we_did.easy_read import easy_read_problems
from portal.you_said_we_did.evidence import check_selection, set_evidence
from portal.you_said_we_did.models import Entry, EntryEvent, EntryState, EntryStatus
from portal.you_said_we_did.notify import notify_event

log = logging.getLogger(__name__)
TEXT_FIELDS = (
    "title",
    "you_said",
    "we_did",
    "not_possible_reason",
    "young_title",
    "young_text",
    "decision",
    "options_considered",
    "what_changed",
    "decided_by",
)
OTHER_FIELDS = ("owner_organisation", "due_on", "completed_on", "young_checked_on", "decided_on")
LIMITS = {"title": 150, "young_title": 150, "decided_by": 200}
REQUIRED = {
    "title": "Enter a short title",
    "you_said": "Enter what people told us",
    "we_did": "Enter what we did or will do",
}


def _check_editor(user):
    if not can_edit(user):
        raise NotAllowed('Only editors can write "you said, we did" entries')


def _clean(data):
    values = {name: (data.get(name) or "").strip() or None for name in TEXT_FIELDS}
    values.update({name: data.get(name) or None for name in OTHER_FIELDS})
    errors = {name: message for name, message in REQUIRED.items() if not values[name]}
    errors.update(
        {
            name: f"Must be {limit} characters or fewer"
            for name, limit in LIMITS.items()
            if values[name] and len(values[name]) > limit
        }
    )
    if values["owner_organisation"] not in set(Organisation):
        errors["owner_organisation"] = "Select the organisation that owns this action"
    if values["young_text"] and (problems := easy_read_problems(values["young_text"])):
        errors["young_text"] = problems[0]
    if values["young_title"] and (problems := easy_read_problems(values["young_title"])):
        errors["young_title"] = problems[0]
    record_fields = ("options_considered", "what_changed", "decided_by", "decided_on")
    if any(values[f] for f in record_fields) and not values["decision"]:
        errors["decision"] = "Enter what was decided, or leave the whole decision record empty"
    return values, errors


def _check_status(status, reason, errors):
    if status not in set(EntryStatus):
        errors["status"] = "Select a status"
    elif status == EntryStatus.NOT_POSSIBLE and not reason:
        errors["not_possible_reason"] = "Say why it is not possible"


def save_entry(entry=None, *, editor, data):
    """Create (entry=None) or edit an entry from `data` (form values; theme_ids, locality_ids and,
    when given, evidence_ids and quote_ids). The status of a published entry changes only through
    change_status. Raises NotAllowed or ValidationFailed. Returns the Entry."""
    _check_editor(editor)
    values, errors = _clean(data)
    published = entry is not None and entry.is_published
    status = entry.status if published else data.get("status")
    _check_status(status, values["not_possible_reason"], errors)
    if errors:
        raise ValidationFailed("The entry is not valid", errors)
    if data.get("evidence_ids") is not None:
        check_selection(data["evidence_ids"], data.get("quote_ids") or [])
    entry = entry or Entry(created_by_id=editor.id, state=EntryState.DRAFT)
    for name, value in values.items():
        setattr(entry, name, value)
    entry.status = status
    entry.young_text = values["young_text"] or ""
    entry.young_title = values["young_title"] or ""
    entry.themes = list(
        db.session.scalars(select(Theme).where(Theme.id.in_(data.get("theme_ids") or [])))
    )
    entry.localities = list(
        db.session.scalars(select(Locality).where(Locality.id.in_(data.get("locality_ids") or [])))
    )
    if data.get("evidence_ids") is not None:
        set_evidence(entry, data["evidence_ids"], data.get("quote_ids") or [])
    db.session.add(entry)
    record(editor, "ysywd.edit" if entry.id else "ysywd.create", entry, published=published)
    db.session.commit()
    return entry


def save_evidence(entry, *, editor, evidence_ids, quote_ids):
    """Replace the evidence and quotes (see evidence.set_evidence). Raises
    NotAllowed/ValidationFailed."""
    _check_editor(editor)
    set_evidence(entry, evidence_ids, quote_ids)
    record(editor, "ysywd.evidence", entry, evidence=len(evidence_ids), quotes=len(quote_ids))
    db.session.commit()
    return entry


def request_review(entry, *, editor):
    """Draft -> waiting for review by a second person."""
    _check_editor(editor)
    if entry.state != EntryState.DRAFT:
        raise InvalidTransition("Only a draft can be sent for review")
    entry.state, entry.review_requested_by_id, entry.review_note = (
        EntryState.IN_REVIEW,
        editor.id,
        None,
    )
    record(editor, "ysywd.request_review", entry)
    db.session.commit()
    return entry


def may_review(entry, user):
    """False for the person who asked for the review: a second editor must approve or send it
    back."""
    return entry.review_requested_by_id != getattr(user, "id", None)


def _check_reviewer(entry, reviewer):
    if not may_review(entry, reviewer):
        raise NotAllowed("Someone other than the person who asked for the review must review it")


def return_to_draft(entry, *, reviewer, note):
    """The reviewer sends the entry back with a note saying what to change."""
    _check_editor(reviewer)
    if entry.state != EntryState.IN_REVIEW:
        raise InvalidTransition("This entry is not waiting for review")
    _check_reviewer(entry, reviewer)
    if not (note or "").strip():
        raise ValidationFailed("Say what to change", {"note": "Say what needs to change"})
    entry.state, entry.review_note = EntryState.DRAFT, note.strip()[:2000]
    record(reviewer, "ysywd.return_to_draft", entry)
    db.session.commit()
    return entry


def ready_problems(entry):
    """What stops the entry being published: [] when it is ready."""
    problems = []
    if not entry.evidence:
        problems.append("Link at least one approved contribution as evidence")
    if not entry.young_text:
        problems.append("Write the young people's version")
    if not entry.young_title:
        problems.append("Write the title in easy words for the young people's version")
    if not entry.themes and not entry.localities:
        problems.append("Choose at least one theme or locality")
    return problems


def publish(entry, *, editor):
    """Publish a draft, or approve and publish an entry waiting for review (by a second person).

    Writes a "published" history event and queues one email per matching subscriber and per
    consenting contributor, in the same transaction. Two editors publishing at once: only one wins.
    Raises NotAllowed, InvalidTransition or ValidationFailed.
    """
    _check_editor(editor)
    if entry.state == EntryState.PUBLISHED:
        raise InvalidTransition("This entry is already published")
    if entry.state == EntryState.IN_REVIEW:
        _check_reviewer(entry, editor)
    if problems := ready_problems(entry):
        raise ValidationFailed(problems[0], {"publish": problems[0]})
    now = utcnow()
    claimed = db.session.execute(
        update(Entry)
        .where(
            Entry.id == entry.id, Entry.state == entry.state, Entry.state != EntryState.PUBLISHED
        )
        .values(
            state=EntryState.PUBLISHED,
            published_at=now,
            published_by_id=editor.id,
            reviewed_by_id=editor.id if entry.state == EntryState.IN_REVIEW else None,
        )
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise InvalidTransition("This entry was published or changed by someone else")
    db.session.refresh(entry)
    event = _add_event(entry, "published", editor, "")
    record(editor, "ysywd.publish", entry, reviewed=entry.reviewed_by_id is not None)
    db.session.commit()
    log.info("ysywd entry %s published by %s", entry.id, editor.id)
    return event


def change_status(entry, *, editor, status, note="", reason=None, completed_on=None):
    """Change a published entry's status; the change joins the public history and subscribers are
    told.

    `reason` is required for "not possible"; "done" records `completed_on` (today when not given).
    """
    _check_editor(editor)
    if not entry.is_published:
        raise InvalidTransition("Set the status of a draft by editing it")
    errors = {}
    _check_status(status, (reason or "").strip(), errors)
    if not errors and status == entry.status:
        errors["status"] = "Choose a different status from the current one"
    if errors:
        raise ValidationFailed("The status change is not valid", errors)
    entry.status = status
    if status == EntryStatus.NOT_POSSIBLE:
        entry.not_possible_reason = reason.strip()
    if status == EntryStatus.DONE:
        entry.completed_on = completed_on or utcnow().date()
    event = _add_event(entry, "status", editor, (note or "").strip()[:2000])
    record(editor, "ysywd.status", entry, status=status)
    db.session.commit()
    return event


def _add_event(entry, kind, actor, note):
    event = EntryEvent(
        entry_id=entry.id, kind=kind, status=entry.status, note=note, actor_id=actor.id
    )
    db.session.add(event)
    db.session.flush()
    notify_event(entry, event)
    return event
