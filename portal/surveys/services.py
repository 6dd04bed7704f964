"""Taking a survey: starting, saving each page once, resuming, and submitting once."""

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, insert, literal_column, null, select, text, update

from portal.clock import utcnow
from portal.contributions.models import Contribution
from portal.contributions.services import contributions_for_response, submit_contribution
from portal.errors import InvalidTransition
from portal.extensions import db, one_statement_options
from portal.mail.addresses import clean_address
from portal.mail.models import OutboxMessage
from portal.mail.services import queue_email
from portal.reference.models import Locality
from portal.reference.services import active_age_bands, active_cohorts, active_localities
from portal.surveys.models import (
    DistributionLink,
    ResponseStatus,
    ResumeEmail,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyState,
    SurveyVersion,
)
from portal.surveys.questions import PROFILE_TYPES, TEXT_TYPES, visible_questions
from portal.surveys.versions import for_new_response, frozen

log = logging.getLogger(__name__)
# No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read aloud or copied from a phone must not be misread.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
RESPONSE_LIFETIME = timedelta(days=30)
RESUME_KEY = "survey-resume-"  # outbox key prefix of resume-link emails


REFERENCE_KINDS = ("locality", "age_band", "cohort")
_surveys, _versions = Survey.__table__, SurveyVersion.__table__
_responses, _answers = SurveyResponse.__table__, SurveyAnswer.__table__


def reference_options(kinds=REFERENCE_KINDS):
    """Localities, age bands and cohorts as {"code", "label"} lists, for the profile questions.

    `kinds` limits the lists loaded (a question page needs at most its own).
    """
    loaders = {
        "locality": lambda: [(place.slug, place.name) for place in active_localities()],
        "age_band": lambda: [(band.code, band.label) for band in active_age_bands()],
        "cohort": lambda: [(cohort.code, cohort.label) for cohort in active_cohorts()],
    }
    return {
        kind: [{"code": code, "label": label} for code, label in loaders[kind]()] for kind in kinds
    }


def open_surveys():
    """Surveys open for answers now, standard versions first (easy-read versions are linked from
    them)."""
    rows = db.session.scalars(
        select(Survey).where(Survey.state == SurveyState.OPEN).order_by(Survey.title)
    ).all()
    return [s for s in rows if s.is_open()]


def survey_by_slug(slug):
    return db.session.scalar(select(Survey).where(Survey.slug == slug))


def survey_and_response(slug, response_id):
    """(survey, response, version stamp, answers by key) for a question page, in one query when
    `response_id` (held by this browser) belongs to the survey `slug`; else (the survey or None,
    None, None, None).

    On the common path (a response on a frozen version) the survey and response are plain
    PageSurvey and PageResponse values read with Core, not ORM objects: loading two entities was a
    quarter of a question page's time, and the page reads only these columns. When nothing has used
    the session yet, the read works outside a transaction on PostgreSQL
    (extensions.one_statement_options), sparing a BEGIN round trip; there the response carries
    `seen`, the version of its row this read saw, so save_answer can write in one statement only if
    nothing has changed it since."""
    if response_id:
        fresh = not db.session().in_transaction()
        held = _HELD_SEEN if db.engine.dialect.name == "postgresql" else _HELD
        options = one_statement_options(db.engine) if fresh else None
        rows = (
            db.session.connection(execution_options=options)
            .execute(held, {"response_id": response_id, "slug": slug})
            .all()
        )
        if rows and rows[0].version_id is not None:
            first = rows[0]
            answers = {}
            for row in rows:
                if row.question_key is not None:
                    answers.setdefault(row.question_key, []).append(row)
            return PageSurvey.from_row(first), PageResponse.from_row(first), first.stamp, answers
        if rows:  # begun before versions: its questions come from the survey itself
            return survey_by_slug(slug), db.session.get(SurveyResponse, response_id), None, None
    return survey_by_slug(slug), None, None, None


@dataclass(frozen=True, slots=True)
class PageSurvey:
    """What a question page reads of its survey."""

    id: int
    slug: str
    title: str
    state: str
    opens_at: datetime | None
    closes_at: datetime | None
    is_easy_read: bool

    is_open = Survey.is_open  # the model's own rule, on these columns

    @classmethod
    def from_row(cls, row):
        return cls(*(getattr(row, f"survey_{name}") for name in cls.__dataclass_fields__))


@dataclass(frozen=True, slots=True)
class PageResponse:
    """What a question page reads of the response it is answering (always on a frozen version)."""

    id: int
    survey_id: int
    version_id: int
    status: str
    updated_at: datetime
    last_question_key: str | None
    seen: str | None  # PostgreSQL: the row version read (its xmin); SQLite: None

    @classmethod
    def from_row(cls, row):
        return cls(*(getattr(row, name) for name in cls.__dataclass_fields__))


# Built once: a question page runs it on every request. One row per answer given (one row with
# no answer when there are none), each carrying the survey and response.
_HELD = (
    select(
        *(_surveys.c[name].label(f"survey_{name}") for name in PageSurvey.__dataclass_fields__),
        *(_responses.c[name] for name in PageResponse.__dataclass_fields__ if name != "seen"),
        null().label("seen"),
        _versions.c.created_at.label("stamp"),
        _answers.c.question_key,
        _answers.c.code,
        _answers.c.text,
        _answers.c.number,
    )
    .select_from(_responses)
    .join(_surveys, _surveys.c.id == _responses.c.survey_id)
    .outerjoin(_versions, _versions.c.id == _responses.c.version_id)
    .outerjoin(_answers, _answers.c.response_id == _responses.c.id)
    .where(_responses.c.id == bindparam("response_id"), _surveys.c.slug == bindparam("slug"))
    .order_by(_answers.c.id)
)
# PostgreSQL: the same, with the version of the response's row read (xmin, the transaction that
# wrote it last, as text), which every save changes.
_HELD_SEEN = _HELD.with_only_columns(
    *(column for column in _HELD.selected_columns if column.name != "seen"),
    literal_column("CAST(survey_responses.xmin AS TEXT)").label("seen"),
)


def new_resume_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))


def format_code(code):
    """'ACDE7FGH' -> 'ACDE-7FGH' (easier to read out and copy)."""
    return f"{code[:4]}-{code[4:]}" if code else ""


def normalise_code(typed):
    """What someone typed (spaces, dashes, lower case, O for 0 ...) as a stored code, or ''."""
    return "".join(ch for ch in (typed or "").upper() if ch.isalnum())


def start_response(
    survey, *, channel="online", entered_by=None, distribution_link_id=None, locality=None
):
    """Create an in-progress response with a fresh resume code. Kiosks pass the event's locality.

    Returns the SurveyResponse (committed).
    """

    response = SurveyResponse(
        survey_id=survey.id,
        version_id=for_new_response(survey),
        channel=channel,
        resume_code=new_resume_code(),
        entered_by_id=getattr(entered_by, "id", None),
        distribution_link_id=distribution_link_id,
    )
    db.session.add(response)
    if locality is not None:
        response.locality_id = locality.id
        db.session.flush()
        db.session.add(
            SurveyAnswer(response_id=response.id, question_key="locality", code=locality.slug)
        )
    db.session.commit()
    return response


def find_response(code):
    """The response with this resume code (typed in any reasonable way), or None."""
    code = normalise_code(code)
    if len(code) != 8:
        return None
    return db.session.scalar(select(SurveyResponse).where(SurveyResponse.resume_code == code))


def is_expired(response, now=None):
    """An unfinished response untouched for 30 days can no longer be resumed."""
    now = now or utcnow()
    return (
        response.status == ResponseStatus.IN_PROGRESS
        and now - response.updated_at > RESPONSE_LIFETIME
    )


def answers_by_key(response):
    """{question_key: [answer rows with .code, .text, .number]} for one response."""
    found = {}
    # Plain rows through the session's connection (its transaction), not ORM objects: a page only
    # reads them.
    for answer in db.session.connection().execute(_ANSWERS, {"response_id": response.id}):
        found.setdefault(answer.question_key, []).append(answer)
    return found


# Built once (every question page runs them): a page's answers read, and the three statements of a
# save.
_ANSWERS = (
    select(_answers.c.question_key, _answers.c.code, _answers.c.text, _answers.c.number)
    .where(_answers.c.response_id == bindparam("response_id"))
    .order_by(_answers.c.id)
)
_LOCK_AND_MARK = update(_responses).where(
    _responses.c.id == bindparam("response_id"), _responses.c.status == ResponseStatus.IN_PROGRESS
)
_MARK = _LOCK_AND_MARK.values(updated_at=bindparam("at"), last_question_key=bindparam("page"))
_CLEAR_PAGE = delete(_answers).where(
    _answers.c.response_id == bindparam("response_id"), _answers.c.question_key == bindparam("key")
)
# PostgreSQL, for a page read outside a transaction, in one statement, round trip and durable
# commit: the resume state marked, the page's new rows in (a row already there is kept) and its
# other rows out, only if the response's row is as the page read it (its xmin unchanged).
#
# Every save changes that row, so when the mark matches, no save has committed since the read and
# none can commit before this one (the mark holds the row's lock): the statement's snapshot holds
# all the page's rows stored so far, and the DELETE (which reads that snapshot, so never sees the
# rows the INSERT adds, and skips those it kept by their ids) leaves the page exactly as sent. When
# two copies of a page (a double click) read the same row, the second one's mark waits for the
# first, then finds the row changed and does nothing; save_answer then saves it the locking way
# (tests/surveys/test_concurrency.py).
_SAVE_PAGE = text(
    """
    WITH mark AS (
        UPDATE survey_responses SET last_question_key = :key, updated_at = :at
        WHERE id = :response_id AND status = :in_progress AND xmin = CAST(:seen AS xid)
        RETURNING id
    ), kept AS (
        INSERT INTO survey_answers (response_id, question_key, code, text, number)
        SELECT :response_id, :key, given.code, given.text, given.number
        FROM unnest(
            CAST(:codes AS VARCHAR[]), CAST(:texts AS TEXT[]), CAST(:numbers AS FLOAT8[])
        ) AS given (code, text, number)
        WHERE EXISTS (SELECT FROM mark)
        ON CONFLICT (response_id, question_key, code)
        DO UPDATE SET text = EXCLUDED.text, number = EXCLUDED.number
        RETURNING id
    ), gone AS (
        DELETE FROM survey_answers
        WHERE response_id = :response_id AND question_key = :key
        AND EXISTS (SELECT FROM mark) AND id NOT IN (SELECT id FROM kept)
    )
    SELECT count(*) FROM mark
    """
).bindparams(bindparam("at", type_=_responses.c.updated_at.type))


def codes_by_key(answers):
    return {key: [a.code for a in rows if a.code] for key, rows in answers.items()}


def questions_of(response, stamp=None):
    """The live questions of the version this response started on (held in memory), in order.

    Responses begun before survey versions existed use the survey's questions as they are now.
    """

    if response.version_id is None:
        return response.survey.live_questions
    return frozen(response.version_id, stamp).live_questions


def page_state(response, stamp=None, answers=None):
    """(version or None, the version's live questions, visible questions, answers by key) for a
    page; `answers` when they have been read already."""

    version = frozen(response.version_id, stamp) if response.version_id is not None else None
    live = version.live_questions if version else response.survey.live_questions
    if answers is None:
        answers = answers_by_key(response)
    return version, live, visible_questions(live, codes_by_key(answers)), answers


def visible_after_saving(live, answers, key, rows):
    """The visible questions once `rows` replace the answer to `key`, without reading the answers
    back."""
    codes = codes_by_key(answers)
    codes[key] = [code for code, _, _ in rows if code]
    return visible_questions(live, codes)


def route_for(response, stamp=None):
    """(visible questions, answers by key) for this respondent, after routing, on their survey
    version."""
    answers = answers_by_key(response)
    return visible_questions(questions_of(response, stamp), codes_by_key(answers)), answers


def save_answer(response, question, rows, reference):
    """Store one page's answer, replacing what was there, so a page is stored once however often
    sent.

    Args: rows from questions.answer_values; reference from reference_options (for localities).
    Raises InvalidTransition when the response is already submitted.

    On PostgreSQL, a question page (not a profile one) whose response was read with its row
    version (survey_and_response's `seen`) is saved in one statement that applies only if the row
    is unchanged since (_SAVE_PAGE): outside a transaction, that is one round trip and its durable
    commit. Otherwise (SQLite, a profile page, or a row another copy of a page has just saved) one
    durable commit after three statements: the resume state (and any profile answer) in one UPDATE,
    which also locks the response row so two copies of a page queue, not mix, then the page's old
    rows out and its new rows in.
    """

    response_id = response.id  # read before the commit expires the object
    seen = getattr(response, "seen", None)
    if seen is not None and question.type not in PROFILE_TYPES:
        if _save_unchanged_page(response_id, question.key, rows, seen):
            return
        # Not saved: the response was sent, or saved since the read; the locking way says which.
    if _outside_transaction():
        db.session.rollback()  # the three statements below must share one transaction
    mark = {"response_id": response_id, "at": utcnow(), "page": question.key}
    if (
        question.type in PROFILE_TYPES
    ):  # the profile answer is copied onto the response in the same UPDATE
        statement = _MARK.values(_profile(question.type, rows[0][0] if rows else None))
    else:
        statement = _MARK
    connection = (
        db.session.connection()
    )  # Core statements in the session's transaction: no ORM bookkeeping
    marked = connection.execute(statement, mark).rowcount
    if marked != 1:
        db.session.rollback()
        raise InvalidTransition("This response has already been sent")
    connection.execute(_CLEAR_PAGE, {"response_id": response_id, "key": question.key})
    if rows:
        connection.execute(
            insert(_answers),
            [
                {
                    "response_id": response_id,
                    "question_key": question.key,
                    "code": code,
                    "text": text,
                    "number": number,
                }
                for code, text, number in rows
            ],
        )
    db.session.commit()


def _outside_transaction():
    """Whether the session's connection runs each statement on its own (one_statement_options)."""
    return (
        db.session().in_transaction()
        and db.session.connection().get_execution_options().get("isolation_level") == "AUTOCOMMIT"
    )


def _save_unchanged_page(response_id, key, rows, seen):
    """_SAVE_PAGE, then commit; False (nothing written) when the response was sent or its row has
    changed since it was read as `seen` (PostgreSQL)."""
    codes, texts, numbers = (
        (list(column) for column in zip(*rows, strict=True)) if rows else ([], [], [])
    )
    given = {"codes": codes, "texts": texts, "numbers": numbers}  # the arrays it unnests
    marked = (
        db.session.connection()
        .execute(
            _SAVE_PAGE,
            {
                "response_id": response_id,
                "key": key,
                "at": utcnow(),
                "in_progress": ResponseStatus.IN_PROGRESS.value,
                "seen": seen,
                **given,
            },
        )
        .scalar_one()
    )
    if marked != 1:
        return False
    db.session.commit()
    return True


def _profile(kind, code):
    """The response columns a profile answer sets (the locality by slug or name, as find_locality
    reads it)."""
    if kind != "locality":
        return {kind: code}
    if not code:
        return {"locality_id": None}
    value = code.strip().lower()
    return {
        "locality_id": select(Locality.id)
        .where((func.lower(Locality.slug) == value) | (func.lower(Locality.name) == value))
        .limit(1)
        .scalar_subquery()
    }


def missing_required(questions, answers):
    """The first visible required question with no answer, or None."""
    return next((q for q in questions if q.required and not answers.get(q.key)), None)


def submit_response(response):
    """Submit a response once: the first call wins, later calls (double clicks, retries) change
    nothing.

    Free-text answers become contributions waiting for moderation, in the same transaction (the text
    then lives only on the contribution), and any resume email is deleted. Returns True if this call
    submitted it, False if it was already sent.
    """

    won = db.session.execute(
        update(SurveyResponse)
        .where(
            SurveyResponse.id == response.id, SurveyResponse.status == ResponseStatus.IN_PROGRESS
        )
        .values(status=ResponseStatus.SUBMITTED, submitted_at=utcnow(), updated_at=utcnow())
    ).rowcount
    if won != 1:
        db.session.rollback()
        return False
    db.session.expire(response)
    questions, answers = route_for(response)
    _send_free_text(response, questions, answers)
    _forget_resume_emails(ResumeEmail.response_id == response.id)
    _drop_unrouted_answers(response, questions, answers)
    db.session.commit()
    log.info("survey response %s submitted", response.id)
    return True


def _send_free_text(response, questions, answers):
    """Each free-text answer on the respondent's route becomes a contribution waiting for
    moderation, and the answers' own copies are dropped (the text is stored once; not committed).
    Returns the question keys sent."""
    sent = []
    for question in questions:
        if question.type in TEXT_TYPES and _text_of(answers, question.key):
            submit_contribution(
                source="survey",
                text=answers[question.key][0].text,
                channel=response.channel,
                author_role=response.role,
                locality=response.locality_id,
                age_band=response.age_band,
                cohort=response.cohort,
                entered_by=response.entered_by,
                commit=False,
                survey_id=response.survey_id,
                response_id=response.id,
                question_key=question.key,
            )
            sent.append(question.key)
    drop_answer_copies([response.id])
    return sent


def release_free_text(response):
    """An unfinished response that can never be carried on (event mode: handed over or left idle):
    its free-text answers go to moderation now, so a worrying one is read. Once per response.
    Returns the count.
    """

    if response.status != ResponseStatus.IN_PROGRESS or contributions_for_response(response.id):
        return 0
    questions, answers = route_for(response)
    released = _send_free_text(response, questions, answers)
    db.session.commit()
    if released:
        log.info(
            "%s free-text answers of unfinished event response %s sent to moderation",
            len(released),
            response.id,
        )
    return len(released)


def _text_of(answers, key):
    """The free text answered to `key` ('' when none is stored on the answer)."""
    rows = answers.get(key)
    return (rows[0].text or "").strip() if rows else ""


def drop_answer_copies(response_ids):
    """Free text is stored once: an answer whose contribution has been made keeps no copy of the
    text (the row stays, so the question still counts as answered). `response_ids`: a list or a
    select of response ids. The caller commits."""

    made = (
        select(Contribution.id)
        .where(
            Contribution.source == "survey",
            Contribution.response_id == SurveyAnswer.response_id,
            Contribution.question_key == SurveyAnswer.question_key,
        )
        .exists()
    )
    db.session.execute(
        update(SurveyAnswer)
        .where(SurveyAnswer.response_id.in_(response_ids), SurveyAnswer.text.is_not(None), made)
        .values(text=None)
        .execution_options(synchronize_session=False)
    )


def needs_signposting(response):
    """True when any free-text answer of the submitted response needs signposting (the
    Contribution's rule)."""

    return any(item.needs_signposting for item in contributions_for_response(response.id))


def _drop_unrouted_answers(response, questions, answers):
    """Answers to questions routing now hides (they changed an earlier answer) are not kept."""
    shown = {q.key for q in questions} | {"locality"}
    stale = [key for key in answers if key not in shown]
    if stale:
        db.session.execute(
            delete(SurveyAnswer).where(
                SurveyAnswer.response_id == response.id, SurveyAnswer.question_key.in_(stale)
            )
        )


def save_resume_email(response, email, resume_url_for):
    """Keep an email (apart from the answers) and send a resume link to it.

    `resume_url_for(token)` builds the link. The email is deleted on submit or after 30 days. The
    message goes through the outbox in the same transaction: tried once after this request, then
    retried by `portal send-mail` with backoff while the mail server is down.
    """

    email = clean_address(email)  # raises ValueError; the form has already checked it
    token = secrets.token_urlsafe(24)
    _forget_resume_emails(ResumeEmail.response_id == response.id)
    db.session.add(ResumeEmail(response_id=response.id, email=email, token=token))
    queue_email(
        email,
        f"Continue your survey: {response.survey.title}",
        resume_email_body(response, resume_url_for(token)),
        key=f"{RESUME_KEY}{token}",
    )
    db.session.commit()
    return token


def resume_email_body(response, url):
    return (
        f'You started the survey "{response.survey.title}".\n\nTo carry on where you left off, '
        "open "
        f"this link:\n{url}\n\nOr go to the survey website and enter your resume code: "
        f"{format_code(response.resume_code)}\n\nThe link works for 30 days. We delete this email "
        "address when you send your answers, or after 30 days. We never link it to your answers.\n"
    )


def response_for_token(token):
    """The response a resume-email link points at, or None."""
    row = db.session.scalar(select(ResumeEmail).where(ResumeEmail.token == (token or "")))
    if row is None or utcnow() - row.created_at > RESPONSE_LIFETIME:
        return None
    return db.session.get(SurveyResponse, row.response_id)


def purge_resume_emails(now):
    """Retention: delete resume emails (and their outbox messages) older than 30 days (does not
    commit). Returns how many were deleted."""
    return _forget_resume_emails(ResumeEmail.created_at < now - RESPONSE_LIFETIME)


def purge_abandoned_drafts(now):
    """Retention: blank the free text of survey responses left unsent for longer than they can be
    resumed (30 days without a save; does not commit). The chosen options and where the person
    stopped are kept, as neither says anything about who they are. Returns how many answers were
    blanked."""
    abandoned = select(SurveyResponse.id).where(
        SurveyResponse.status == ResponseStatus.IN_PROGRESS,
        SurveyResponse.updated_at < now - RESPONSE_LIFETIME,
    )
    return db.session.execute(
        update(SurveyAnswer)
        .where(SurveyAnswer.response_id.in_(abandoned), SurveyAnswer.text.is_not(None))
        .values(text=None)
        .execution_options(synchronize_session=False)
    ).rowcount


def _forget_resume_emails(condition):
    """Delete matching resume emails and their outbox messages (the address is in both).

    Returns how many resume emails were deleted; the caller commits.
    """

    tokens = db.session.scalars(select(ResumeEmail.token).where(condition)).all()
    if tokens:
        db.session.execute(
            delete(OutboxMessage).where(OutboxMessage.key.in_([f"{RESUME_KEY}{t}" for t in tokens]))
        )
    return db.session.execute(delete(ResumeEmail).where(condition)).rowcount


def distribution_link_by_code(code):
    return db.session.scalar(select(DistributionLink).where(DistributionLink.code == (code or "")))
