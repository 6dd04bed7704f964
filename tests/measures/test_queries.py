"""The SQL aggregation: favourable among valid answers of submitted responses, grouped in the
database."""

from datetime import date, datetime

from portal.measures import queries
from portal.reference.services import active_localities
from tests.factories import make_reference_data
from tests.measures.factories import make_measure, make_mixed, make_responses


def test_value_counts_only_valid_answers_of_submitted_responses():
    measure = make_measure()
    make_responses(3, code="very_satisfied")
    make_responses(2, code="satisfied")
    make_responses(4, code="neither")
    make_responses(5, code="dont_know")
    make_responses(1, code="prefer_not_to_say")
    make_responses(1, code="")
    make_responses(2, code=None)  # no answer row at all
    make_responses(6, code="satisfied", status="in_progress")
    assert queries.measure_value(measure) == (5, 9)


def test_value_reads_only_the_measures_audience_and_question():
    measure = make_measure()
    make_responses(4, code="satisfied", role="young_person")
    make_responses(3, code="agree", question_key="feel_listened_to")
    make_responses(2, code="satisfied", role="parent_carer")
    assert queries.measure_value(measure) == (2, 2)


def test_dates_are_inclusive_and_whole_days():
    measure = make_measure()
    make_responses(1, submitted_at=datetime(2026, 6, 30, 23, 59))
    make_responses(2, submitted_at=datetime(2026, 7, 1, 0, 0))
    make_responses(3, submitted_at=datetime(2026, 9, 30, 23, 59, 59))
    make_responses(4, submitted_at=datetime(2026, 10, 1, 0, 0))
    assert queries.measure_value(measure, date(2026, 7, 1), date(2026, 9, 30)) == (5, 5)
    assert queries.measure_value(measure, None, date(2026, 6, 30)) == (1, 1)


def test_breakdown_by_locality_groups_in_one_query():
    make_reference_data()
    first, second = active_localities()[:2]
    measure = make_measure()
    make_mixed(3, 1, locality_id=first.id)
    make_mixed(0, 2, dont_know=5, locality_id=second.id)
    make_mixed(1, 0)
    rows = {key: (f, n) for key, f, n in queries.measure_breakdown(measure, "locality")}
    assert rows == {first.id: (3, 4), second.id: (0, 2), None: (1, 1)}


def test_breakdown_by_financial_quarter():
    measure = make_measure()
    make_mixed(2, 1, submitted_at=datetime(2026, 4, 2))  # 2026/27 Q1
    make_mixed(1, 1, submitted_at=datetime(2026, 9, 30))  # Q2
    make_mixed(4, 0, submitted_at=datetime(2027, 1, 5))  # 2026/27 Q4
    make_mixed(1, 0, submitted_at=datetime(2026, 3, 31))  # 2025/26 Q4
    assert queries.measure_breakdown(measure, "quarter") == [
        ("2025/26 Q4", 1, 1),
        ("2026/27 Q1", 2, 3),
        ("2026/27 Q2", 1, 2),
        ("2026/27 Q4", 4, 4),
    ]


def test_unknown_breakdown_is_refused():
    import pytest

    with pytest.raises(ValueError):
        queries.measure_breakdown(make_measure(), "postcode")


def test_responses_by_locality_counts_submitted_responses():
    make_reference_data()
    place = active_localities()[0]
    make_responses(3, locality_id=place.id)
    make_responses(2, locality_id=place.id, status="in_progress")
    make_responses(1)
    assert queries.responses_by_locality() == {place.id: 3, None: 1}


def test_many_measures_in_one_scan_match_one_query_each():
    """measures_breakdown (measures read together) gives exactly measure_breakdown's counts."""
    import pytest

    make_reference_data()
    first, second = active_localities()[:2]
    parents = make_measure()
    young = make_measure(slug="young-people-satisfaction", audience="young_person")
    everyone = make_measure(slug="all-satisfaction", audience="all")
    agree = make_measure(
        slug="parent-carer-listened-to",
        question_key="feel_listened_to",
        favourable_codes=["agree", "strongly_agree"],
    )
    make_mixed(3, 1, locality_id=first.id, submitted_at=datetime(2026, 4, 2))
    make_mixed(
        2,
        4,
        dont_know=2,
        locality_id=second.id,
        role="young_person",
        submitted_at=datetime(2026, 9, 30),
    )
    make_mixed(1, 0, role="professional", submitted_at=datetime(2027, 1, 5))
    make_mixed(
        2, 3, question_key="feel_listened_to", good="agree", bad="disagree", locality_id=first.id
    )
    make_mixed(
        5, 0, question_key="feel_listened_to", good="satisfied", submitted_at=datetime(2026, 5, 1)
    )
    make_mixed(4, 4, status="in_progress", locality_id=first.id)  # never counted
    measures = [parents, young, everyone, agree]
    for by in [None, "locality", "role", "age_band", "channel", "quarter"]:
        for date_from, date_to in [(None, None), (date(2026, 4, 1), date(2026, 9, 30))]:
            batch = queries.measures_breakdown(measures, by, date_from, date_to)
            for measure in measures:
                if by is None:
                    expected = [(None, *queries.measure_value(measure, date_from, date_to))]
                    expected = [row for row in expected if row[2]]
                else:
                    expected = queries.measure_breakdown(measure, by, date_from, date_to)
                assert sorted(batch[measure.slug], key=str) == sorted(expected, key=str), (
                    measure.slug,
                    by,
                )
    assert dict(
        (k, (f, n))
        for k, f, n in queries.measures_breakdown(measures, "locality")["parent-carer-listened-to"]
    ) == {first.id: (2, 5), None: (0, 5)}
    with pytest.raises(ValueError):
        queries.measures_breakdown(measures, "postcode")


def test_prefetch_reads_measures_of_one_question_in_one_scan_with_the_same_counts():
    from sqlalchemy import event

    from portal.extensions import db
    from portal.measures.results import prefetch_counts

    make_reference_data()
    first = active_localities()[0]
    parents, everyone = make_measure(), make_measure(slug="all-satisfaction", audience="all")
    make_mixed(3, 1, locality_id=first.id)
    make_mixed(2, 4, role="young_person")
    period = (None, None)
    wanted = [(parents, "locality"), (everyone, "locality"), (everyone, "role"), (parents, None)]
    scans = []
    listener = lambda *args: scans.append(args[2]) if "survey_answers" in args[2] else None  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        found = prefetch_counts(wanted, {m.slug: period for m, _ in wanted})
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len(scans) == 1
    for measure, by in wanted:
        expected = (
            [(None, *queries.measure_value(measure))]
            if by is None
            else queries.measure_breakdown(measure, by)
        )
        assert sorted(found[(measure.slug, by)], key=str) == sorted(expected, key=str)
