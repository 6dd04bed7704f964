"""Small factories for survey responses and answers, written straight to the tables (no survey
services)."""

import itertools
from datetime import datetime

from sqlalchemy import insert, select

from portal.extensions import db
from portal.measures.models import Measure
from portal.measures.queries import answers, responses

_codes = itertools.count(1)


def _survey_id(survey_id=None):
    from portal.surveys.models import Survey

    if survey_id is not None:
        return survey_id
    survey = db.session.scalar(select(Survey).where(Survey.slug == "test-big-listen"))
    if survey is None:
        survey = Survey(slug="test-big-listen", title="Test Big Listen", state="open")
        db.session.add(survey)
        db.session.commit()
    return survey.id


def make_responses(
    count,
    *,
    question_key="overall_satisfaction",
    code="satisfied",
    role="parent_carer",
    locality_id=None,
    age_band=None,
    cohort=None,
    channel="online",
    submitted_at=datetime(2026, 8, 1, 12),
    status="submitted",
    survey_id=None,
):
    """Add `count` responses with one answer each to `question_key`; returns their ids."""
    from portal.surveys.models import SurveyResponse

    survey_id = _survey_id(survey_id)
    rows = [
        dict(
            survey_id=survey_id,
            status=status,
            resume_code=f"R{next(_codes):09d}",
            channel=channel,
            role=role,
            locality_id=locality_id,
            age_band=age_band,
            cohort=cohort,
            submitted_at=submitted_at if status == "submitted" else None,
            started_at=submitted_at,
            updated_at=submitted_at,
        )
        for _ in range(count)
    ]
    ids = [
        db.session.execute(insert(SurveyResponse.__table__).values(**row)).inserted_primary_key[0]
        for row in rows
    ]
    if code is not None and ids:
        db.session.execute(
            insert(answers),
            [dict(response_id=i, question_key=question_key, code=code) for i in ids],
        )
    db.session.commit()
    return ids


def make_mixed(favourable, unfavourable, dont_know=0, **kwargs):
    """favourable "satisfied", unfavourable "dissatisfied" and dont_know "dont_know" responses."""
    good, bad = kwargs.pop("good", "satisfied"), kwargs.pop("bad", "dissatisfied")
    make_responses(favourable, code=good, **kwargs)
    make_responses(unfavourable, code=bad, **kwargs)
    make_responses(dont_know, code="dont_know", **kwargs)


def make_measure(slug="parent-carer-satisfaction", **kw):
    fields = dict(
        slug=slug,
        name="Parent carer satisfaction",
        audience="parent_carer",
        question_key="overall_satisfaction",
        favourable_codes=["very_satisfied", "satisfied"],
        source="survey",
        polarity="higher_is_better",
    )
    fields.update(kw)
    measure = Measure(**fields)
    db.session.add(measure)
    db.session.commit()
    return measure


__all__ = ["make_measure", "make_mixed", "make_responses", "responses"]
