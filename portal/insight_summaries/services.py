"""Drafting, editing, signing off and publishing monthly insight summaries. Every write is audited.

Four eyes: whoever wrote any version since the last publication (the drafter included) cannot sign
the summary off. Published versions never change; a correction is a new version, signed off and
published in its turn.
"""

import re

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from portal.audit.services import record
from portal.clock import utcnow
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.insight_summaries.drafting import draft_parts
from portal.insight_summaries.facts import month_facts
from portal.insight_summaries.models import PARTS, InsightSummary, SummaryVersion
from portal.permissions import can_edit
from portal.you_said_we_did.easy_read import easy_read_problems

PART_LIMIT = 4000
NOTE_LIMIT = 500
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class VersionConflict(ValidationFailed):
    """Someone saved a newer version while this one was being edited."""


def _check_officer(user):
    if not can_edit(user):
        raise NotAllowed("Only editors and admins can write insight summaries")


def find(month):
    return db.session.scalar(select(InsightSummary).where(InsightSummary.month == month))


def draft(month, *, officer):
    """The month's summary, drafted now from the data unless it exists. Returns (summary, created).

    Two officers drafting the same month at once get the same one: the month is unique, and the
    loser of the race gets the winner's summary.
    """
    _check_officer(officer)
    existing = find(month)
    if existing is not None:
        return existing, False
    facts = month_facts(month, current_app.config["SMALL_NUMBER_THRESHOLD"])
    summary = InsightSummary(month=month, facts=facts, drafted_by_id=officer.id)
    summary.versions.append(
        SummaryVersion(
            number=1,
            written_by_id=officer.id,
            note="First draft from the data",
            **draft_parts(facts),
        )
    )
    db.session.add(summary)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return find(month), False
    record(officer, "insight_summary.draft", summary, month=summary.key)
    db.session.commit()
    return summary, True


def redraft(summary, *, officer):
    """Work the facts out again and write a new draft version from them (before the first
    publication only: a published summary's facts never change). For a month whose quarter was still
    filling up."""
    _check_officer(officer)
    if summary.current_published is not None:
        raise InvalidTransition(
            "This summary has been published, so its figures stay as they were: "
            "edit the text to correct it"
        )
    facts = month_facts(summary.month, current_app.config["SMALL_NUMBER_THRESHOLD"])
    number = summary.latest.number + 1
    db.session.add(
        SummaryVersion(
            summary_id=summary.id,
            number=number,
            written_by_id=officer.id,
            note="Drafted again from the data",
            **draft_parts(facts),
        )
    )
    summary.facts = facts
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise InvalidTransition(
            "Someone else saved a version at the same moment: try again"
        ) from error
    record(officer, "insight_summary.redraft", summary, month=summary.key, version=number)
    db.session.commit()
    db.session.refresh(summary)
    return summary.latest


def clean_text(value, limit, label):
    """(text, error): plain text with control characters removed; markup and overlong text are
    errors."""
    text = _CONTROL.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if _TAG.search(text):
        return text, f"{label} must be plain text: remove the HTML tags (the parts between < and >)"
    if len(text) > limit:
        return text, f"{label} must be {limit:,} characters or fewer (it is {len(text):,})"
    return text, None


def check_version_text(data):
    """(values, errors) for the five text fields and the note."""
    values, errors = {}, {}
    for name, label in PARTS:
        values[name], error = clean_text(data.get(name), PART_LIMIT, label)
        if error:
            errors[name] = error
        elif not values[name]:
            errors[name] = f"Enter the \u201c{label}\u201d part"
    values["young_people"], error = clean_text(
        data.get("young_people"), 1200, "The young people's version"
    )
    if error:
        errors["young_people"] = error
    elif values["young_people"] and (problems := easy_read_problems(values["young_people"])):
        errors["young_people"] = problems[0]
    values["note"], error = clean_text(data.get("note"), NOTE_LIMIT, "What you changed")
    if error:
        errors["note"] = error
    return values, errors


def save_version(summary, *, officer, data, base_number):
    """A new version from the edit form. `base_number` is the version the officer started from: if
    someone saved a newer one meanwhile, VersionConflict (nothing is lost: the form keeps its
    text)."""
    _check_officer(officer)
    values, errors = check_version_text(data)
    if errors:
        raise ValidationFailed("The summary is not valid", errors)
    latest = summary.latest
    if latest is None or latest.number != base_number:
        raise VersionConflict(
            "Someone else saved a newer version",
            {
                "what": f"Someone else saved version {latest.number if latest else 0} while you "
                "were editing. Your text is still below: compare it with the newer version, then "
                "save again."
            },
        )
    version = SummaryVersion(
        summary_id=summary.id, number=base_number + 1, written_by_id=officer.id, **values
    )
    db.session.add(version)
    try:
        db.session.flush()
    except IntegrityError as error:
        db.session.rollback()
        raise VersionConflict(
            "Someone else saved a newer version",
            {
                "what": "Someone else saved a version at the same moment. Your text is still "
                "below: save again."
            },
        ) from error
    record(officer, "insight_summary.edit", summary, month=summary.key, version=version.number)
    db.session.commit()
    return version


def _unpublished(summary):
    """Versions written since the last published one."""
    last = summary.current_published
    return [v for v in summary.versions if last is None or v.number > last.number]


def writers(summary):
    """Ids of everyone who wrote a version since the last publication (they cannot sign it off)."""
    return {v.written_by_id for v in _unpublished(summary)} | (
        {summary.drafted_by_id} if summary.current_published is None else set()
    )


def may_sign_off(summary, user):
    return can_edit(user) and getattr(user, "id", None) not in writers(summary)


def sign_off(summary, *, officer):
    """A second officer signs off the latest version. Raises NotAllowed or InvalidTransition."""
    _check_officer(officer)
    latest = summary.latest
    if latest is None or latest.published_at is not None:
        raise InvalidTransition(
            "There is no new version to sign off: edit the summary to write one"
        )
    if latest.signed_off_at is not None:
        raise InvalidTransition("This version is already signed off")
    if not may_sign_off(summary, officer):
        raise NotAllowed("You wrote or edited this summary, so someone else must sign it off")
    claimed = db.session.execute(
        update(SummaryVersion)
        .where(SummaryVersion.id == latest.id, SummaryVersion.signed_off_at.is_(None))
        .values(signed_off_by_id=officer.id, signed_off_at=utcnow())
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise InvalidTransition("Someone else signed this version off first")
    record(officer, "insight_summary.sign_off", summary, month=summary.key, version=latest.number)
    db.session.commit()
    db.session.refresh(latest)
    return latest


def publish_problems(summary):
    latest = summary.latest
    if latest is None or latest.published_at is not None:
        return ["There is no new version to publish"]
    problems = []
    if latest.signed_off_at is None:
        problems.append("A second officer must sign off this version before it is published")
    if not latest.young_people:
        problems.append("Write the young people's version before publishing")
    return problems


def publish(summary, *, officer):
    """Publish the latest, signed-off version (to the board report and the public page). Two
    officers publishing at once: one wins. Raises NotAllowed, InvalidTransition or
    ValidationFailed."""
    _check_officer(officer)
    if problems := publish_problems(summary):
        raise InvalidTransition(problems[0])
    latest = summary.latest
    claimed = db.session.execute(
        update(SummaryVersion)
        .where(
            SummaryVersion.id == latest.id,
            SummaryVersion.published_at.is_(None),
            SummaryVersion.signed_off_at.is_not(None),
        )
        .values(published_by_id=officer.id, published_at=utcnow())
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise InvalidTransition("Someone else published this version first")
    record(
        officer,
        "insight_summary.publish",
        summary,
        month=summary.key,
        version=latest.number,
        correction=len(summary.published_versions) > 0,
    )
    db.session.commit()
    db.session.refresh(latest)
    return latest


def published_summaries():
    """Summaries with at least one published version, newest month first."""
    ids = select(SummaryVersion.summary_id).where(SummaryVersion.published_at.is_not(None))
    return db.session.scalars(
        select(InsightSummary)
        .where(InsightSummary.id.in_(ids))
        .order_by(InsightSummary.month.desc())
    ).all()


def all_summaries():
    return db.session.scalars(select(InsightSummary).order_by(InsightSummary.month.desc())).all()


def published_between(start, end):
    """Published summaries for months from `start` to `end` (the board report's window)."""
    return [s for s in published_summaries() if start <= s.month <= end]
