"""Importing responses gathered in another tool: every row validated first, all or nothing."""

import csv
from datetime import datetime

from sqlalchemy import insert, select

from portal.audit.services import record
from portal.contributions.services import submit_contribution
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.reference.services import find_locality
from portal.surveys.models import SurveyAnswer, SurveyResponse
from portal.surveys.questions import TEXT_TYPES, question_options
from portal.surveys.services import drop_answer_copies, new_resume_code, reference_options
from portal.surveys.versions import for_new_response

CHANNELS = {"online", "paper", "event", "phone", "sendiass", "pcf"}
ROLES = {"parent_carer", "young_person", "professional"}
PROFILE = ("role", "locality", "age_band", "cohort", "channel", "submitted_at", "setting_type")


def read_csv(path):
    """(header, [(line number, row dict)]) from a UTF-8 (or Excel UTF-8 with BOM) CSV file."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        rows = [(reader.line_num, row) for row in reader]
        return reader.fieldnames or [], rows


def _lookup(options):
    table = {}
    for option in options:
        table[option["code"].lower()] = option["code"]
        table[option["label"].strip().lower()] = option["code"]
    return table


def _parse_time(value):
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return (
        moment.replace(tzinfo=None)
        if moment.tzinfo is None
        else moment.astimezone().replace(tzinfo=None)
    )


def validate(survey, header, rows):
    """Check every row; return the parsed rows. Raises ValidationFailed listing "line N: problem"
    errors."""
    questions = {q.key: q for q in survey.questions}
    reference = reference_options()
    lookups = {
        key: _lookup(question_options(q, reference))
        for key, q in questions.items()
        if q.type not in TEXT_TYPES
    }
    errors = [
        f"line 1: unknown column {name!r}"
        for name in header
        if name not in questions and name not in PROFILE
    ]
    if "role" not in header:
        errors.append("line 1: a role column is needed")
    parsed = []
    for line, row in rows:
        problems, item = [], {"answers": []}
        for name, raw in row.items():
            value = (raw or "").strip() if isinstance(raw, str) else ""
            if name is None:
                problems.append("more cells than columns")
            elif name in PROFILE and name not in questions:
                _profile_cell(name, value, item, problems)
            elif name in questions and value:
                _answer_cell(questions[name], value, lookups.get(name), item, problems)
        if not item.get("role"):
            problems.append("role is missing (parent_carer, young_person or professional)")
        errors.extend(f"line {line}: {problem}" for problem in problems)
        parsed.append(item)
    if errors:
        raise ValidationFailed("The file has errors; nothing was imported", {"rows": errors})
    return parsed


def _profile_cell(name, value, item, problems):
    if not value and name != "role":
        return
    if name == "channel" and value.lower() not in CHANNELS:
        problems.append(f"channel {value!r} is not one of {', '.join(sorted(CHANNELS))}")
    elif name == "submitted_at":
        item["submitted_at"] = _parse_time(value) or problems.append(
            f"submitted_at {value!r} is not a date"
        )
    elif name == "role" and value.lower() not in ROLES:
        problems.append(f"role {value!r} is not parent_carer, young_person or professional")
    elif name == "locality":
        locality = find_locality(value)
        item["locality"] = locality or problems.append(
            f"locality {value!r} is not a known locality"
        )
    else:
        item[name] = value.lower()


def _answer_cell(question, value, lookup, item, problems):
    if question.type in TEXT_TYPES:
        if len(value) > 5000:
            problems.append(f"{question.key} is longer than 5,000 characters")
        item["answers"].append((question.key, None, value, None))
        return
    parts = [p.strip() for p in value.split(";")] if question.type == "multiple_choice" else [value]
    for part in parts:
        code = lookup.get(part.lower())
        if code is None:
            problems.append(f"{question.key}: {part!r} is not one of its answers")
            continue
        number = float(code) if question.type == "rating_0_10" else None
        item["answers"].append((question.key, code, None, number))
        if question.type in ("role", "age_band", "cohort", "setting_type"):
            item.setdefault(question.type, code)
        if question.type == "locality":
            item.setdefault("locality", find_locality(code))


def import_responses(survey, path, *, actor=None):
    """Import a CSV of responses into `survey` as submitted responses. Returns how many were
    imported.

    Raises ValidationFailed (errors under "rows", each "line N: ...") and imports nothing if any row
    is bad.
    """

    header, rows = read_csv(path)
    parsed = validate(survey, header, rows)
    now = datetime.now().replace(microsecond=0)
    version_id = for_new_response(survey)  # paper answers the questions as they are now
    records = [
        {
            "survey_id": survey.id,
            "version_id": version_id,
            "status": "submitted",
            "resume_code": new_resume_code(),
            "channel": item.get("channel", "paper"),
            "role": item["role"],
            "locality_id": getattr(item.get("locality"), "id", None),
            "age_band": item.get("age_band"),
            "cohort": item.get("cohort"),
            "setting_type": item.get("setting_type"),
            "entered_by_id": getattr(actor, "id", None),
            "started_at": item.get("submitted_at") or now,
            "updated_at": now,
            "submitted_at": item.get("submitted_at") or now,
        }
        for item in parsed
    ]
    ids = (
        db.session.scalars(
            insert(SurveyResponse).returning(SurveyResponse.id, sort_by_parameter_order=True),
            records,
        ).all()
        if records
        else []
    )
    answers = [
        {"response_id": rid, "question_key": key, "code": code, "text": text, "number": number}
        for rid, item in zip(ids, parsed, strict=True)
        for key, code, text, number in item["answers"]
    ]
    if answers:
        db.session.execute(insert(SurveyAnswer), answers)
    for rid, row, item in zip(ids, records, parsed, strict=True):
        for key, _, text, _ in item["answers"]:
            if text:
                submit_contribution(
                    source="survey",
                    text=text,
                    channel=row["channel"],
                    author_role=row["role"],
                    locality=row["locality_id"],
                    age_band=row["age_band"],
                    cohort=row["cohort"],
                    entered_by=actor,
                    commit=False,
                    survey_id=survey.id,
                    response_id=rid,
                    question_key=key,
                )
    drop_answer_copies(select(SurveyResponse.id).where(SurveyResponse.survey_id == survey.id))
    record(actor, "survey.import", survey, rows=len(ids), file=str(path).rsplit("/", 1)[-1])
    db.session.commit()
    return len(ids)
