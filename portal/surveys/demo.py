"""Demo surveys and several hundred realistic, deterministic responses so a newcomer's dashboards
are alive."""

import random
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from portal.accounts.models import User
from portal.clock import utcnow
from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.glossary.services import seed_glossary
from portal.reference.models import Locality
from portal.surveys.builder import seed_surveys
from portal.surveys.demo_text import (
    CHANGE_PARENT,
    CHANGE_YOUNG,
    WORKING_PARENT,
    WORKING_YOUNG,
    Deck,
)
from portal.surveys.models import (
    DistributionLink,
    Survey,
    SurveyAnswer,
    SurveyResponse,
    SurveyState,
)
from portal.surveys.services import drop_answer_copies, new_resume_code
from portal.surveys.versions import for_new_response

PLAN = {
    "big-listen-2026-parent-carers": 300,
    "big-listen-2026-young-people": 110,
    "big-listen-2026-young-people-easy-read": 50,
}
SCALES = {
    "satisfaction_scale": [
        "very_satisfied",
        "satisfied",
        "neither",
        "dissatisfied",
        "very_dissatisfied",
    ],
    "agreement_scale": ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree"],
}
CHANNELS = ["online"] * 12 + ["paper"] * 3 + ["event"] * 3 + ["phone", "sendiass", "pcf"]
DEMO_LINKS = [
    ("family_hub", "Oswestry family hub poster"),
    ("pcf_newsletter", "PACC newsletter, June 2026"),
    ("school", "Secondary schools' parent mailing"),
]


def load_demo_surveys():
    """Seed the glossary and surveys (opened for the demo), then responses once. Returns lines to
    print."""
    seed_glossary()
    seed_surveys()
    surveys = db.session.scalars(select(Survey).where(Survey.slug.in_(PLAN))).all()
    for survey in surveys:
        survey.state = SurveyState.OPEN
    db.session.commit()
    ids = [s.id for s in surveys]
    if db.session.scalar(
        select(func.count(SurveyResponse.id)).where(SurveyResponse.survey_id.in_(ids))
    ):
        return ["Demo surveys: already loaded."]
    rng = random.Random(2026)
    decks, used = _decks(rng), set()  # shared, so no two surveys' contributions repeat a text
    total = sum(_demo_responses(survey, rng, decks, used) for survey in surveys)
    return [f"Demo surveys: 3 Big Listen surveys opened, {total} demo responses added."]


def _demo_links(survey):
    moderator = db.session.scalar(select(User).where(User.email == "moderator@example.org"))
    links = [
        DistributionLink(
            survey_id=survey.id,
            route=route,
            label=label,
            code=f"demo{survey.id}{n}",
            created_by_id=getattr(moderator, "id", None),
        )
        for n, (route, label) in enumerate(DEMO_LINKS)
    ]
    db.session.add_all(links)
    db.session.flush()
    return [link.id for link in links]


def _when(rng, now):
    """Spread over the last 18 months, with the summer 2026 Big Listen (Jul-Sep) as the busiest
    time."""
    if rng.random() < 0.45:
        start = datetime(2026, 7, 1)
        moment = start + timedelta(minutes=rng.randrange(92 * 24 * 60))
    else:
        moment = now - timedelta(minutes=rng.randrange(540 * 24 * 60))
    return min(moment, now - timedelta(minutes=5))


def _demo_responses(survey, rng, decks, used):
    now = utcnow()
    localities = db.session.scalars(select(Locality).order_by(Locality.position)).all()
    entered_by = db.session.scalar(select(User.id).where(User.email == "sendiass@example.org"))
    link_ids = _demo_links(survey) if survey.audience == "parent_carer" else []
    questions = [q for q in survey.questions if not q.retired]
    slugs = {loc.id: loc.slug for loc in localities}
    planned = [
        _profile(survey, rng, localities, link_ids, entered_by, now)
        for _ in range(PLAN[survey.slug])
    ]
    stops = []
    for row, _ in planned:
        stop = len(questions) if row["status"] == "submitted" else rng.randrange(1, len(questions))
        row["last_question_key"] = questions[stop - 1].key
        stops.append(stop)
    version_id = for_new_response(survey)
    ids = db.session.scalars(
        insert(SurveyResponse).returning(SurveyResponse.id, sort_by_parameter_order=True),
        [{**row, "version_id": version_id} for row, _ in planned],
    ).all()
    answers, texts = [], []
    for response_id, (row, mood), stop in zip(ids, planned, stops, strict=True):
        for question in questions[:stop]:
            answers.extend(_answer(question, row, mood, rng, response_id, texts, slugs, decks))
    db.session.execute(insert(SurveyAnswer), answers)
    _demo_contributions(survey, texts, rng, used)
    drop_answer_copies(select(SurveyResponse.id).where(SurveyResponse.survey_id == survey.id))
    db.session.commit()
    return len(ids)


def _profile(survey, rng, localities, link_ids, entered_by, now):
    locality = (
        rng.choices(localities, weights=[5, 3, 8, 3, 2][: len(localities)] or None)[0]
        if localities
        else None
    )
    submitted_at = _when(rng, now)
    channel = rng.choice(CHANNELS)
    finished = rng.random() < 0.88
    role = "parent_carer" if survey.audience == "parent_carer" else "young_person"
    if rng.random() < 0.07:
        role = "professional"
    ages = (
        ["0-4", "5-10", "11-15", "16-18", "19-25"]
        if role == "parent_carer"
        else ["5-10", "11-15", "16-18", "19-25"]
    )
    row = {
        "survey_id": survey.id,
        "status": "submitted" if finished else "in_progress",
        "resume_code": new_resume_code(),
        "channel": channel,
        "entered_by_id": entered_by if channel != "online" else None,
        "distribution_link_id": rng.choice(link_ids)
        if link_ids and channel == "online" and rng.random() < 0.4
        else None,
        "role": role,
        "locality_id": locality.id if locality else None,
        "age_band": rng.choice(ages),
        "setting_type": rng.choice(
            ["mainstream_school", "special_school", "college", "early_years", "inclusion_base"]
        ),
        "cohort": rng.choices(
            ["ehcp", "sen_support", "awaiting_assessment", "no_plan", "dont_know"],
            weights=[40, 30, 15, 10, 5],
        )[0],
        "started_at": submitted_at - timedelta(minutes=rng.randrange(4, 40)),
        "updated_at": submitted_at,
        "submitted_at": submitted_at if finished else None,
        "last_question_key": None,
    }
    # Mood improves a little over time and differs by locality, so trends and breakdowns have shape.
    months = (submitted_at - datetime(2025, 6, 1)).days / 30
    mood = (
        rng.gauss(0.0, 1.0)
        + 0.04 * months
        - (0.4 if row["locality_id"] == getattr(localities[-1], "id", 0) else 0)
    )
    return row, mood


def _decks(rng):
    """{(question key, voice): Deck}: parents' and young people's words for each free-text
    question."""
    pools = {
        ("what_is_working", "parent"): WORKING_PARENT,
        ("what_is_working", "young"): WORKING_YOUNG,
        ("what_should_change", "parent"): CHANGE_PARENT,
        ("what_should_change", "young"): CHANGE_YOUNG,
    }
    return {key: Deck(rng, pool) for key, pool in pools.items()}


def _answer(question, row, mood, rng, response_id, texts, slugs, decks):
    profile = {
        "role": row["role"],
        "age_band": row["age_band"],
        "cohort": row["cohort"],
        "setting_type": row["setting_type"],
    }
    if question.show_if and profile.get(question.show_if["key"]) not in question.show_if["in"]:
        return []
    base = {
        "response_id": response_id,
        "question_key": question.key,
        "code": None,
        "text": None,
        "number": None,
    }
    if question.type in profile:
        code = profile[question.type]
        if question.options and code not in {o["code"] for o in question.options}:
            code = row[question.type] = question.options[0]["code"]
        return [{**base, "code": code}]
    if question.type == "locality":
        slug = slugs.get(row["locality_id"])
        return [{**base, "code": slug}] if slug else []
    if question.type in SCALES:
        if rng.random() < 0.05:
            return [{**base, "code": "dont_know"}]
        index = min(4, max(0, int(round(1.6 - mood + rng.gauss(0, 0.7)))))
        return [{**base, "code": SCALES[question.type][index]}]
    if question.type == "long_text":
        if rng.random() > 0.45 or row["status"] != "submitted":
            return []
        key = "what_is_working" if question.key == "what_is_working" else "what_should_change"
        text = decks[key, "young" if row["role"] == "young_person" else "parent"].deal()
        texts.append((response_id, question.key, text, row))
        return [{**base, "text": text}]
    if question.type == "multiple_choice":
        picks = rng.sample(question.options[:-1], k=rng.randrange(1, 4))
        return [{**base, "code": o["code"]} for o in picks]
    if question.options and rng.random() < 0.8:
        return [{**base, "code": rng.choice(question.options)["code"]}]
    return []


def _demo_contributions(survey, texts, rng, used):
    """Free-text answers become contributions (as a real submission does); most are ready to
    approve."""
    moderator_id = db.session.scalar(select(User.id).where(User.email == "moderator@example.org"))
    for response_id, key, text, row in texts:
        # A share, each text once: enough to fill the moderation queue without anyone repeating
        # another.
        if rng.random() > 0.35 or text in used:
            continue
        used.add(text)
        contribution = submit_contribution(
            source="survey",
            text=text,
            channel=row["channel"],
            author_role=row["role"],
            locality=row["locality_id"],
            age_band=row["age_band"],
            cohort=row["cohort"],
            commit=False,
            survey_id=survey.id,
            response_id=response_id,
            question_key=key,
        )
        contribution.created_at = row["submitted_at"]
        if (
            rng.random() < 0.6
            and not contribution.safeguarding_flag
            and not contribution.abusive_flag
        ):
            contribution.status, contribution.moderated_by_id = "approved", moderator_id
            contribution.moderated_at = row["submitted_at"] + timedelta(days=rng.randrange(1, 10))
