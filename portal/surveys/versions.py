"""Survey versions: a survey's definition frozen when it opens and again at each edit while it is
open.

New respondents get the latest version; anyone part-way through finishes the one they started
(LimeSurvey's activation rule). A version never changes, so each process keeps it in memory: a
question page reads only the respondent's own rows, never the survey's questions.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from portal.audit.services import record
from portal.clock import utcnow
from portal.extensions import db
from portal.glossary.services import compile_terms, terms_in
from portal.surveys.models import ResponseStatus, Survey, SurveyResponse, SurveyState, SurveyVersion

FIELDS = ("key", "type", "text", "hint", "options", "required", "error_message", "show_if")
# (version id, created_at) -> Frozen; ids alone can come back in a recreated database
_CACHE: dict = {}
_CACHE_LIMIT = 1000


@dataclass(frozen=True)
class FrozenQuestion:
    """A question as a version froze it: read like a Question row (templates and routing use
    both)."""

    key: str
    type: str
    text: str
    hint: str
    options: list
    required: bool
    error_message: str
    show_if: dict | None
    retired: bool = False  # a version holds only the questions live when it was frozen


@dataclass(frozen=True)
class Frozen:
    id: int
    number: int
    questions: tuple
    glossary: Any  # (terms, pattern) from glossary.services.compile_terms
    easy_read: bool

    @property
    def live_questions(self):
        return list(self.questions)


def definition_of(survey):
    """The survey's live definition as plain JSON: questions (routing and wording) and glossary
    terms used."""

    questions = [{name: getattr(q, name) for name in FIELDS} for q in survey.live_questions]
    texts = [q["text"] for q in questions] + [q["hint"] for q in questions]
    texts += [o.get("label", "") for q in questions for o in q["options"] or []]
    return {
        "questions": questions,
        "easy_read": bool(survey.is_easy_read),
        "glossary": terms_in(texts),
    }


def _latest(survey_id):
    return db.session.execute(
        select(SurveyVersion.id, SurveyVersion.number, SurveyVersion.definition)
        .where(SurveyVersion.survey_id == survey_id)
        .order_by(SurveyVersion.number.desc())
        .limit(1)
    ).first()


def freeze(survey, *, actor=None):
    """Freeze the survey's definition as a new version unless the latest one already holds it.

    Returns (version number, True if a version was made). The survey row is locked first, so two
    editors saving at once make versions one after the other. The caller commits.
    """
    db.session.execute(update(Survey).where(Survey.id == survey.id).values(updated_at=utcnow()))
    definition = definition_of(survey)
    latest = _latest(survey.id)
    if latest is not None and latest.definition == definition:
        return latest.number, False
    number = latest.number + 1 if latest else 1
    db.session.add(
        SurveyVersion(
            survey_id=survey.id,
            number=number,
            definition=definition,
            created_by_id=getattr(actor, "id", None),
        )
    )
    if actor is not None:
        record(actor, "survey.version", survey, number=number)
    db.session.flush()
    return number, True


def refreeze_if_open(survey, *, actor):
    """After an edit: an open survey gets a new version for new respondents. Returns its number, or
    None."""
    if survey.state != SurveyState.OPEN:
        return None
    db.session.flush()
    number, made = freeze(survey, actor=actor)
    return number if made else None


def for_new_response(survey):
    """The id of the version a respondent starting now gets (frozen now if the survey has none
    yet)."""
    latest = _latest(survey.id)
    if latest is None:
        freeze(survey)
        latest = _latest(survey.id)
    return latest.id


def frozen(version_id, stamp=None):
    """The Frozen version `version_id`, from this process's memory when it has it.

    `stamp` is the version's created_at when the caller already read it (it tells a cached version
    from another that reused its id); without it the stamp is read.
    """

    if stamp is None:
        stamp = db.session.scalar(
            select(SurveyVersion.created_at).where(SurveyVersion.id == version_id)
        )
    found = _CACHE.get((version_id, stamp))
    if found is None:
        row = db.session.get(SurveyVersion, version_id)
        definition = row.definition
        found = Frozen(
            id=row.id,
            number=row.number,
            questions=tuple(FrozenQuestion(**q) for q in definition["questions"]),
            glossary=compile_terms(definition.get("glossary") or {}),
            easy_read=bool(definition.get("easy_read")),
        )
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[(version_id, row.created_at)] = found
    return found


def edit_notice(survey):
    """What an edit to an open survey means, for the editor: who gets which version. None when not
    open."""
    if survey.state != SurveyState.OPEN:
        return None
    latest = _latest(survey.id)
    if latest is None:
        return None
    part_way = db.session.scalar(
        select(func.count(SurveyResponse.id)).where(
            SurveyResponse.survey_id == survey.id,
            SurveyResponse.status == ResponseStatus.IN_PROGRESS,
            SurveyResponse.version_id != latest.id,
        )
    )
    people = "1 person" if part_way == 1 else f"{part_way} people"
    return f"New respondents get version {latest.number} of this survey. " + (
        f"{people} part-way through an earlier version will finish the one they started, and keep "
        "their answers."
        if part_way
        else "Nobody is part-way through an earlier version."
    )


def version_numbers(survey):
    """{version id: number} for a survey (results and exports say which version each response
    used)."""
    return dict(
        db.session.execute(
            select(SurveyVersion.id, SurveyVersion.number).where(
                SurveyVersion.survey_id == survey.id
            )
        ).all()
    )


def all_questions(survey):
    """Every question any version of the survey asked, by key, the live definition first.

    Results and exports key answers by question key, so a question an edit removed (but someone
    answered on an older version) still gets its column.
    """
    found = {q.key: q for q in survey.questions}
    rows = db.session.scalars(
        select(SurveyVersion.definition)
        .where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number.desc())
    )
    for definition in rows:
        for question in definition["questions"]:
            found.setdefault(question["key"], FrozenQuestion(**question))
    return list(found.values())
