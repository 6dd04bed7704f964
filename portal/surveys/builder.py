"""Building surveys (editors): details, questions, routing, order, state, duplicates, seeds."""

import re
import secrets

from sqlalchemy import exists, select

from portal.audit.services import record
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.surveys.content import EASY_READ_OF, ERROR_MESSAGES, NEXT, SURVEYS, WHO_SEES
from portal.surveys.models import (
    DistributionLink,
    Question,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyState,
)
from portal.surveys.questions import CHOICE_TYPES, QUESTION_TYPES
from portal.surveys.versions import freeze, refreeze_if_open

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
NEEDS_OPTIONS = {"single_choice", "multiple_choice", "equality"}


def seed_surveys(state=SurveyState.DRAFT):
    """Create the three Big Listen 2026 surveys when missing (idempotent). Returns the slugs
    added."""
    added = []
    for spec in SURVEYS:
        if db.session.scalar(select(Survey.id).where(Survey.slug == spec["slug"])):
            continue
        survey = Survey(
            slug=spec["slug"],
            title=spec["title"],
            description=spec["description"],
            audience=spec["audience"],
            is_easy_read=spec.get("easy_read", False),
            state=state,
            minutes_to_complete=spec["minutes"],
            who_sees_answers=spec.get("who_sees", WHO_SEES),
            what_happens_next=spec.get("next", NEXT),
        )
        messages = ERROR_MESSAGES.get(spec["slug"], {})
        for position, (key, kind, text, hint, required, options, show_if) in enumerate(
            spec["questions"]
        ):
            survey.questions.append(
                Question(
                    key=key,
                    type=kind,
                    text=text,
                    hint=hint,
                    required=required,
                    options=options or [],
                    show_if=show_if,
                    position=position,
                    error_message=messages.get(key, ""),
                )
            )
        db.session.add(survey)
        added.append(spec["slug"])
    db.session.flush()
    for easy_slug, standard_slug in EASY_READ_OF.items():
        standard = db.session.scalar(select(Survey).where(Survey.slug == standard_slug))
        easy = db.session.scalar(select(Survey).where(Survey.slug == easy_slug))
        if standard and easy and standard.easy_read_variant_id is None:
            standard.easy_read_variant_id = easy.id
    db.session.commit()
    return added


def save_survey(
    survey,
    *,
    actor,
    title,
    slug,
    description,
    audience,
    is_easy_read,
    opens_at,
    closes_at,
    minutes_to_complete,
    easy_read_variant_id=None,
    who_sees_answers=None,
    what_happens_next=None,
):
    """Create (survey=None) or change a survey's details. Raises ValidationFailed."""
    slug = (slug or "").strip().lower()
    errors = {}
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,79}", slug):
        errors["slug"] = "Use lower-case letters, numbers and hyphens only, like big-listen-2027"
    clash = db.session.scalar(select(Survey).where(Survey.slug == slug))
    if clash is not None and clash is not survey:
        errors["slug"] = "Another survey already uses this web address"
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = "The closing date must be after the opening date"
    if easy_read_variant_id and survey is not None and easy_read_variant_id == survey.id:
        errors["easy_read_variant_id"] = "A survey cannot be its own easy read version"
    if errors:
        raise ValidationFailed("Check the survey details", errors)
    created = survey is None
    if created:
        survey = Survey(state=SurveyState.DRAFT)
        db.session.add(survey)
    survey.title, survey.slug, survey.description = title.strip(), slug, (description or "").strip()
    survey.audience, survey.is_easy_read = audience, is_easy_read
    survey.opens_at, survey.closes_at, survey.minutes_to_complete = (
        opens_at,
        closes_at,
        minutes_to_complete,
    )
    survey.easy_read_variant_id = easy_read_variant_id or None
    if who_sees_answers is not None:
        survey.who_sees_answers = who_sees_answers.strip()
    if what_happens_next is not None:
        survey.what_happens_next = what_happens_next.strip()
    record(actor, "survey.create" if created else "survey.update", survey, slug=slug)
    if not created:
        refreeze_if_open(survey, actor=actor)  # easy read on or off is part of what respondents get
    db.session.commit()
    return survey


def set_state(survey, state, *, actor):
    """Open, close or reopen a survey. Raises InvalidTransition for an empty survey."""
    if state == SurveyState.OPEN and not survey.live_questions:
        raise InvalidTransition("Add at least one question before opening the survey")
    survey.state = SurveyState(state)
    record(actor, f"survey.{state}", survey)
    if state == SurveyState.OPEN:
        freeze(
            survey, actor=actor
        )  # opening freezes the definition (a new version only if it changed)
    db.session.commit()


def duplicate_survey(survey, *, actor, slug, title):
    """Copy a survey with its live questions (same keys, so next year compares like with like) as a
    draft."""
    copy = save_survey(
        None,
        actor=actor,
        title=title,
        slug=slug,
        description=survey.description,
        audience=survey.audience,
        is_easy_read=survey.is_easy_read,
        opens_at=None,
        closes_at=None,
        minutes_to_complete=survey.minutes_to_complete,
    )
    copy.who_sees_answers, copy.what_happens_next = (
        survey.who_sees_answers,
        survey.what_happens_next,
    )
    for position, q in enumerate(survey.live_questions):
        copy.questions.append(
            Question(
                key=q.key,
                type=q.type,
                text=q.text,
                hint=q.hint,
                options=list(q.options),
                required=q.required,
                show_if=q.show_if,
                position=position,
            )
        )
    record(actor, "survey.duplicate", copy, source=survey.slug)
    db.session.commit()
    return copy


def parse_options(text):
    """'code | label' lines -> [{"code", "label"}]. Raises ValidationFailed naming the bad line."""
    options = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        code, _, label = (part.strip() for part in line.partition("|"))
        if not KEY_PATTERN.match(code) and not re.fullmatch(r"[0-9][0-9a-z_-]{0,19}", code):
            raise ValidationFailed(
                "Bad option",
                {
                    "options": f"Line {number}: start with a code in lower case, "
                    "like very_satisfied | Very satisfied"
                },
            )
        if any(o["code"] == code for o in options):
            raise ValidationFailed(
                "Bad option", {"options": f"Line {number}: the code {code} is used twice"}
            )
        options.append({"code": code, "label": label or code.replace("_", " ").capitalize()})
    return options


def format_options(options):
    return "\n".join(f"{o['code']} | {o['label']}" for o in options or [])


def has_answers(survey, key):
    """True when any response to this survey has answered question `key` (so it must never be
    deleted)."""
    return db.session.scalar(
        select(
            exists().where(
                SurveyAnswer.question_key == key,
                SurveyAnswer.response_id == SurveyResponse.id,
                SurveyResponse.survey_id == survey.id,
            )
        )
    )


def save_question(
    survey,
    question,
    *,
    actor,
    key,
    type,
    text,
    hint,
    options_text,
    required,
    show_if_key,
    show_if_codes,
    error_message=None,
):
    """Create (question=None) or change a question. A key with stored answers never changes.

    Raises ValidationFailed with messages per field.
    """
    key = (key or "").strip()
    errors = {}
    if type not in QUESTION_TYPES:
        errors["type"] = "Choose a question type"
    if question is not None and key != question.key and has_answers(survey, question.key):
        errors["key"] = "This question already has answers, so its key cannot change"
    elif not KEY_PATTERN.match(key):
        errors["key"] = "Use lower-case letters, numbers and underscores, starting with a letter"
    elif any(q.key == key and q is not question for q in survey.questions):
        errors["key"] = "Another question in this survey uses this key"
    options = parse_options(options_text) if type in CHOICE_TYPES | NEEDS_OPTIONS else []
    if type in NEEDS_OPTIONS and not options:
        errors["options"] = "Add at least one answer option, one per line"
    codes = [c.strip() for c in (show_if_codes or "").split(",") if c.strip()]
    if show_if_key and not codes:
        errors["show_if_codes"] = "Enter the answer codes that show this question"
    error_message = (
        error_message if error_message is not None else question.error_message if question else ""
    )
    error_message = error_message.strip()
    if required and not error_message:
        errors["error_message"] = (
            "Enter the message people see if they leave this question out, saying what to "
            "do, like 'Select if you are answering as a parent or carer'"
        )
    if errors:
        raise ValidationFailed("Check the question", errors)
    if question is None:
        question = Question(position=len(survey.questions))
        survey.questions.append(question)
    question.key, question.type, question.text, question.hint = (
        key,
        type,
        text.strip(),
        (hint or "").strip(),
    )
    question.options, question.required, question.error_message = options, required, error_message
    question.show_if = {"key": show_if_key, "in": codes} if show_if_key else None
    record(actor, "survey.question.save", survey, key=key)
    refreeze_if_open(survey, actor=actor)
    db.session.commit()
    return question


def move_question(survey, question, direction, *, actor):
    """Swap a question with its neighbour above (direction -1) or below (+1)."""
    ordered = list(survey.questions)
    index = ordered.index(question)
    other = index + direction
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        for position, q in enumerate(ordered):
            q.position = position
        record(actor, "survey.question.move", survey, key=question.key, direction=direction)
        refreeze_if_open(survey, actor=actor)
        db.session.commit()


def remove_question(survey, question, *, actor):
    """Delete a question with no answers; retire (hide) one that has answers, so none are lost.

    Returns "retired" or "deleted".
    """
    if has_answers(survey, question.key):
        question.retired = True
        outcome = "retired"
    else:
        survey.questions.remove(question)
        outcome = "deleted"
    record(actor, f"survey.question.{outcome}", survey, key=question.key)
    refreeze_if_open(survey, actor=actor)
    db.session.commit()
    return outcome


def restore_question(survey, question, *, actor):
    question.retired = False
    record(actor, "survey.question.restore", survey, key=question.key)
    refreeze_if_open(survey, actor=actor)
    db.session.commit()


def create_link(survey, *, actor, route, label):
    """A tagged distribution link for one outreach route (family hub, newsletter ...)."""
    if not (label or "").strip():
        raise ValidationFailed(
            "Enter a name", {"label": "Enter a name for this link, like Oswestry family hub"}
        )
    link = DistributionLink(
        survey_id=survey.id,
        route=route,
        label=label.strip(),
        created_by_id=actor.id,
        code=secrets.token_urlsafe(6).replace("-", "x").replace("_", "y"),
    )
    db.session.add(link)
    record(actor, "survey.link.create", survey, route=route, label=link.label)
    db.session.commit()
    return link
