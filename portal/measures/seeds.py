"""The seeded KPI dictionary: survey measures for parent carers and young people, and staff
figures."""

from datetime import date

from portal.audit.services import record
from portal.extensions import db
from portal.measures.models import Baseline, Measure, MeasureFigure, Target

SATISFIED = ["very_satisfied", "satisfied"]
AGREE = ["strongly_agree", "agree"]
OWNER = "WS1 Inclusive Practice"

# (slug part, question key, favourable codes, parent carer name, young people name, definition)
SURVEY_MEASURES = [
    (
        "satisfaction",
        "overall_satisfaction",
        SATISFIED,
        "Parent carer satisfaction",
        "Young people's satisfaction",
        "The share who are very satisfied or satisfied with SEND support overall.",
    ),
    (
        "confidence",
        "confidence_needs_met",
        AGREE,
        "Parent carer confidence that needs will be met",
        "Young people's confidence that needs will be met",
        "The share who agree or strongly agree that they are confident their (or their child's) "
        "needs will be met.",
    ),
    (
        "listened-to",
        "feel_listened_to",
        AGREE,
        "Parent carers feeling listened to",
        "Young people feeling listened to",
        "The share who agree or strongly agree that they feel listened to.",
    ),
    (
        "included-in-decisions",
        "included_in_decisions",
        AGREE,
        "Parent carers included in decisions",
        "Young people included in decisions",
        "The share who agree or strongly agree that they are included in decisions about their "
        "(or their child's) support and about services.",
    ),
    (
        "know-where-to-find-information",
        "know_where_to_find_information",
        AGREE,
        "Parent carers who know where to find information",
        "Young people who know where to find information",
        "The share who agree or strongly agree that they know where to find information about SEND "
        "support.",
    ),
]
VALID_NOTE = ' Answers of "don\'t know", "prefer not to say" and blanks are left out.'

# Staff-entered measures with their baselines and trajectories (research/seeds-digest.md 3.1).
STAFF_MEASURES = [
    {
        "slug": "complaints-per-month",
        "name": "SEND complaints per month",
        "unit": "complaints a month",
        "definition": "The number of formal complaints about SEND services received in a month, "
        "entered by the complaints team.",
        "owner": "WS3 EHCP Quality and Timeliness",
        "amber_margin": 1.0,
        "figures": [
            (date(2025, 9, 1), date(2025, 9, 30), 5, "Reported as 4 to 6 a month"),
            (date(2026, 6, 1), date(2026, 6, 30), 11, "Reported as 10 to 12 a month"),
        ],
        "baseline": (
            "June 2026 (reported as 10 to 12 a month)",
            date(2026, 6, 1),
            date(2026, 6, 30),
            11,
        ),
        "targets": {"2026/27": 10, "2027/28": 6, "2028/29": 2},
    },
    {
        "slug": "tribunal-rate",
        "name": "SEND tribunal appeal rate",
        "unit": "rate",
        "definition": "The SEND tribunal appeal rate as published for the year (the national rate "
        "is 0.4), entered by the SEND service.",
        "owner": "SEND service",
        "amber_margin": 0.05,
        "figures": [(date(2025, 1, 1), date(2025, 12, 31), 0.7, "2025 rate")],
        "baseline": ("2025", date(2025, 1, 1), date(2025, 12, 31), 0.7),
        "targets": {"2026/27": 0.6, "2027/28": 0.5, "2028/29": 0.4},
    },
]


def survey_measure_rows():
    """The ten survey measures as dicts of Measure fields, parent carer versions first."""
    rows = []
    for audience, prefix, name_index in (
        ("parent_carer", "parent-carer", 3),
        ("young_person", "young-people", 4),
    ):
        for position, measure in enumerate(SURVEY_MEASURES):
            part, key, codes, definition = measure[0], measure[1], measure[2], measure[5]
            rows.append(
                {
                    "slug": f"{prefix}-{part}",
                    "name": measure[name_index],
                    "audience": audience,
                    "question_key": key,
                    "favourable_codes": list(codes),
                    "owner": OWNER,
                    "owner_organisation": "council",
                    "definition": definition + VALID_NOTE,
                    "source": "survey",
                    "polarity": "higher_is_better",
                    "position": position + (0 if audience == "parent_carer" else 10),
                }
            )
    return rows


def seed_measures():
    """Add the seeded measures that are missing, with staff figures, baselines and targets.

    Idempotent: existing measures (matched by slug) are left as editors changed them.
    Returns the number of measures added.
    """
    from sqlalchemy import select

    added = 0
    existing = set(db.session.scalars(select(Measure.slug)))
    for row in survey_measure_rows():
        if row["slug"] not in existing:
            db.session.add(Measure(**row))
            added += 1
    for position, spec in enumerate(STAFF_MEASURES, start=30):
        if spec["slug"] in existing:
            continue
        measure = Measure(
            slug=spec["slug"],
            name=spec["name"],
            definition=spec["definition"],
            audience="all",
            source="staff",
            polarity="lower_is_better",
            unit=spec["unit"],
            owner=spec["owner"],
            owner_organisation="council",
            amber_margin=spec["amber_margin"],
            position=position,
        )
        db.session.add(measure)
        db.session.flush()
        for start, end, value, note in spec["figures"]:
            db.session.add(
                MeasureFigure(
                    measure_id=measure.id,
                    period_start=start,
                    period_end=end,
                    value=value,
                    note=note,
                )
            )
        label, start, end, value = spec["baseline"]
        baseline = Baseline(
            measure_id=measure.id,
            label=label,
            date_from=start,
            date_to=end,
            value=value,
            n=1,
            favourable=None,
            ci_low=None,
            ci_high=None,
        )
        db.session.add(baseline)
        for year, target in spec["targets"].items():
            db.session.add(Target(measure_id=measure.id, financial_year=year, value=target))
        record(
            None,
            "baseline.lock",
            baseline,
            measure=measure.slug,
            label=label,
            value=value,
            seeded=True,
        )
        added += 1
    db.session.commit()
    return added
