"""The SQL aggregation: favourable among valid answers of submitted responses, grouped in the database."""
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
    make_mixed(2, 1, submitted_at=datetime(2026, 4, 2))   # 2026/27 Q1
    make_mixed(1, 1, submitted_at=datetime(2026, 9, 30))  # Q2
    make_mixed(4, 0, submitted_at=datetime(2027, 1, 5))   # 2026/27 Q4
    make_mixed(1, 0, submitted_at=datetime(2026, 3, 31))  # 2025/26 Q4
    assert queries.measure_breakdown(measure, "quarter") == [
        ("2025/26 Q4", 1, 1), ("2026/27 Q1", 2, 3), ("2026/27 Q2", 1, 2), ("2026/27 Q4", 4, 4)]


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
