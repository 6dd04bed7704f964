"""Per-survey results (counted in the database) and exports: one row per response, a column per
key."""

import csv
import io

from sqlalchemy import func, select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.reference.models import Locality
from portal.surveys.models import DistributionLink, ResponseStatus, SurveyAnswer, SurveyResponse
from portal.surveys.questions import PROFILE_TYPES, TEXT_TYPES
from portal.surveys.versions import all_questions, version_numbers
from portal.walls.rules import quotable_filter, readable_filter

# Profile answers (role, area, age band, cohort, setting) are stored on the response, so they appear
# once, here, and their questions get no answer column of their own.
PROFILE_COLUMNS = [
    "Response number",
    "Status",
    "How it was given",
    "Answering as",
    "Area",
    "Age band",
    "Plan or support in place",
    "Setting",
    "Survey link",
    "Started",
    "Sent",
    "Survey version",
]
REDACTED = "[free text withheld: ask a moderator]"
WALLED = "[free text withheld: it belongs to another organisation]"


def _count_by(survey, column, status=ResponseStatus.SUBMITTED):
    rows = db.session.execute(
        select(column, func.count(SurveyResponse.id))
        .where(SurveyResponse.survey_id == survey.id, SurveyResponse.status == status)
        .group_by(column)
        .order_by(func.count(SurveyResponse.id).desc())
    )
    return [(value, count) for value, count in rows]


def survey_results(survey):
    """Counts for the results page: totals, by locality/role/channel/link, and where people stop."""
    totals = dict(
        db.session.execute(
            select(SurveyResponse.status, func.count(SurveyResponse.id))
            .where(SurveyResponse.survey_id == survey.id)
            .group_by(SurveyResponse.status)
        ).all()
    )
    submitted, in_progress = (
        totals.get(ResponseStatus.SUBMITTED, 0),
        totals.get(ResponseStatus.IN_PROGRESS, 0),
    )
    started = submitted + in_progress
    return {
        "submitted": submitted,
        "in_progress": in_progress,
        "started": started,
        "completion": submitted / started if started else None,
        "by_locality": _by_locality(survey),
        "by_role": _count_by(survey, SurveyResponse.role),
        "by_channel": _count_by(survey, SurveyResponse.channel),
        "by_link": _by_link(survey),
        "stopped_at": _stopped_at(survey),
    }


def _by_locality(survey):
    rows = db.session.execute(
        select(Locality.name, func.count(SurveyResponse.id))
        .select_from(SurveyResponse)
        .outerjoin(Locality, Locality.id == SurveyResponse.locality_id)
        .where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.status == ResponseStatus.SUBMITTED
        )
        .group_by(Locality.name)
        .order_by(func.count(SurveyResponse.id).desc())
    )
    return [(name or "Not given", count) for name, count in rows]


def _by_link(survey):
    rows = db.session.execute(
        select(DistributionLink.label, func.count(SurveyResponse.id))
        .select_from(SurveyResponse)
        .join(DistributionLink, DistributionLink.id == SurveyResponse.distribution_link_id)
        .where(
            SurveyResponse.survey_id == survey.id, SurveyResponse.status == ResponseStatus.SUBMITTED
        )
        .group_by(DistributionLink.label)
        .order_by(func.count(SurveyResponse.id).desc())
    )
    return list(rows)


def _stopped_at(survey):
    """Unfinished responses by the last page they saved, in question order (where people stop)."""
    counts = dict(
        _count_by(survey, SurveyResponse.last_question_key, status=ResponseStatus.IN_PROGRESS)
    )
    ordered = [(q, counts.pop(q.key)) for q in all_questions(survey) if q.key in counts]
    if None in counts:
        ordered.insert(0, (None, counts.pop(None)))
    return ordered


def export_rows(survey, *, show_free_text, viewer=None):
    """(header, rows) for CSV/XLSX: one row per response, profile and channel once, then a column
    per question (headed by its wording) that is not a profile question, from every version of the
    survey (answers are keyed by question key, so one column holds a question's answers whatever the
    version).

    Free text is the moderator-approved redacted version unless `show_free_text` (moderators), and
    never text `viewer` may not read or see quoted (portal/walls).
    """
    questions = [q for q in all_questions(survey) if q.type not in PROFILE_TYPES]
    numbers = version_numbers(survey)
    keys = [q.key for q in questions]
    text_keys = {q.key for q in questions if q.type in TEXT_TYPES}
    responses = db.session.execute(
        select(SurveyResponse, Locality.slug, DistributionLink.label)
        .select_from(SurveyResponse)
        .outerjoin(Locality, Locality.id == SurveyResponse.locality_id)
        .outerjoin(DistributionLink, DistributionLink.id == SurveyResponse.distribution_link_id)
        .where(SurveyResponse.survey_id == survey.id)
        .order_by(SurveyResponse.id)
    ).all()
    answers = {}
    for response_id, key, code, text in db.session.execute(
        select(
            SurveyAnswer.response_id,
            SurveyAnswer.question_key,
            SurveyAnswer.code,
            # A sent answer's free text lives only on its contribution (gone once that is erased).
            func.coalesce(SurveyAnswer.text, Contribution.text),
        )
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .outerjoin(
            Contribution,
            (Contribution.source == "survey")
            & (Contribution.response_id == SurveyAnswer.response_id)
            & (Contribution.question_key == SurveyAnswer.question_key),
        )
        .where(SurveyResponse.survey_id == survey.id)
        .order_by(SurveyAnswer.id)
    ):
        if code is not None or text is not None:
            answers.setdefault((response_id, key), []).append(code if code is not None else text)
    walled = _walled_keys(survey, viewer)
    redacted = {} if show_free_text else _redacted_texts(survey, viewer)
    rows = []
    for response, locality_slug, link_label in responses:
        row = [
            response.id,
            response.status,
            response.channel,
            response.role,
            locality_slug,
            response.age_band,
            response.cohort,
            response.setting_type,
            link_label,
            _iso(response.started_at),
            _iso(response.submitted_at),
            numbers.get(response.version_id, ""),
        ]
        for key in keys:
            values = answers.get((response.id, key), [])
            if key in text_keys and values and (response.id, key) in walled:
                values = [redacted.get((response.id, key), WALLED)]
            elif key in text_keys and values and not show_free_text:
                values = [redacted.get((response.id, key), REDACTED)]
            row.append(";".join(str(v) for v in values))
        rows.append(row)
    return PROFILE_COLUMNS + _headings(questions), rows


def _headings(questions):
    """Each question's wording as its column heading; the key is added where two wordings are the
    same."""
    texts = [" ".join(q.text.split()) or q.key for q in questions]
    taken = set(PROFILE_COLUMNS)
    headings = []
    for question, text in zip(questions, texts, strict=True):
        heading = (
            text if texts.count(text) == 1 and text not in taken else f"{text} ({question.key})"
        )
        taken.add(heading)
        headings.append(heading)
    return headings


def _redacted_texts(survey, viewer):
    """{(response_id, key): redacted text} for approved survey contributions `viewer` may see quoted
    (the only text fit to share)."""
    rows = db.session.execute(
        select(
            Contribution.response_id, Contribution.question_key, Contribution.redacted_text
        ).where(
            Contribution.survey_id == survey.id,
            Contribution.status == "approved",
            quotable_filter(viewer),
        )
    )
    return {(response_id, key): text for response_id, key, text in rows if text}


def _walled_keys(survey, viewer):
    """{(response_id, key)} of the survey's free text `viewer` may not read in full (portal/walls).
    A lead's open-concern access does not extend to exports: that read happens, audited, on the
    item's page."""
    rows = db.session.execute(
        select(Contribution.response_id, Contribution.question_key).where(
            Contribution.survey_id == survey.id,
            ~readable_filter(viewer, include_safeguarding=False),
        )
    )
    return {(response_id, key) for response_id, key in rows}


def _iso(value):
    return value.isoformat(timespec="seconds") if value else ""


def _safe_cell(value):
    """Stop spreadsheet formula injection: text starting with = + - @ is prefixed with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[_safe_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def to_xlsx(header, rows, title):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append([_safe_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
