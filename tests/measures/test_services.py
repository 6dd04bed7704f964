"""Baselines lock once and never change; unlocking is for admins and audited; targets and RAG; the
result dict."""

from datetime import date, datetime

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.measures import services
from portal.measures.models import Baseline
from portal.measures.results import measure_result
from portal.measures.seeds import seed_measures
from tests.measures.factories import make_measure, make_mixed, make_responses

SUMMER = dict(date_from=date(2026, 7, 1), date_to=date(2026, 9, 30))


def test_locked_baseline_never_changes_after_new_responses(editor):
    measure = make_measure()
    make_mixed(30, 20, dont_know=7, submitted_at=datetime(2026, 8, 10))
    baseline = services.lock_baseline(
        measure, actor=editor, label="Summer 2026 Big Listen", **SUMMER
    )
    assert (baseline.favourable, baseline.n, baseline.value) == (30, 50, 0.6)
    stored = (baseline.value, baseline.n, baseline.ci_low, baseline.ci_high)
    # Late arrivals and an import of paper responses dated inside the baseline period.
    make_mixed(0, 40, submitted_at=datetime(2026, 9, 1), channel="paper")
    make_mixed(10, 0, submitted_at=datetime(2026, 11, 1))
    db.session.expire_all()
    again = db.session.get(Baseline, baseline.id)
    assert (again.value, again.n, again.ci_low, again.ci_high) == stored
    result = measure_result(measure)
    assert result["baseline"]["value"] == 0.6 and result["baseline"]["n"] == 50
    assert services.preview_baseline(measure, **SUMMER)["n"] == 90  # a fresh preview would differ


def test_lock_needs_enough_answers_and_one_at_a_time(editor):
    measure = make_measure()
    make_mixed(5, 4, submitted_at=datetime(2026, 8, 1))
    with pytest.raises(ValidationFailed):
        services.lock_baseline(measure, actor=editor, label="Too small", **SUMMER)
    make_mixed(5, 0, submitted_at=datetime(2026, 8, 1))
    services.lock_baseline(measure, actor=editor, label="Summer", **SUMMER)
    with pytest.raises(InvalidTransition):
        services.lock_baseline(measure, actor=editor, label="Again", **SUMMER)


def test_only_editors_lock_and_only_admins_unlock_with_an_audit_record(editor, admin, viewer):
    measure = make_measure()
    make_mixed(12, 3, submitted_at=datetime(2026, 8, 1))
    with pytest.raises(NotAllowed):
        services.lock_baseline(measure, actor=viewer, label="Summer", **SUMMER)
    baseline = services.lock_baseline(measure, actor=editor, label="Summer", **SUMMER)
    with pytest.raises(NotAllowed):
        services.unlock_baseline(baseline, actor=editor, reason="wrong period")
    with pytest.raises(ValidationFailed):
        services.unlock_baseline(baseline, actor=admin, reason="  ")
    services.unlock_baseline(baseline, actor=admin, reason="Wrong survey chosen")
    assert services.locked_baseline(measure) is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "baseline.unlock"))
    assert event.actor_id == admin.id and event.details["reason"] == "Wrong survey chosen"
    assert services.lock_baseline(measure, actor=editor, label="Summer, again", **SUMMER).n == 15


def test_change_is_compared_only_outside_the_baseline_period(editor):
    measure = make_measure()
    make_mixed(40, 60, submitted_at=datetime(2026, 8, 1))
    services.lock_baseline(measure, actor=editor, label="Summer", **SUMMER)
    make_mixed(70, 30, submitted_at=datetime(2026, 11, 1))
    since = measure_result(measure)  # default: since the baseline
    assert since["date_from"] == date(2026, 10, 1) and since["n"] == 100
    assert since["change"]["verdict"] == "improved" and since["change"]["ci_low"] > 0
    overlapping = measure_result(measure, date_from=date(2026, 4, 1), date_to=date(2027, 3, 31))
    assert overlapping["change"] is None and overlapping["overlaps_baseline"]


def test_rag_against_the_years_target(editor):
    measure = make_measure()
    make_mixed(
        310, 190, submitted_at=datetime(2026, 11, 1)
    )  # 62% of 500: interval about 58% to 66%
    services.set_target(measure, actor=editor, financial_year="2026/27", value=0.665)
    result = measure_result(measure, date_from=date(2026, 10, 1), date_to=date(2026, 12, 31))
    assert (result["target"], result["rag"]) == (0.665, "amber")
    for target, rag in ((0.70, "red"), (0.65, "unclear")):  # unclear: the interval holds the target
        services.set_target(measure, actor=editor, financial_year="2026/27", value=target)
        db.session.expire_all()
        assert (
            measure_result(measure, date_from=date(2026, 10, 1), date_to=date(2026, 12, 31))["rag"]
            == rag
        )
    with pytest.raises(ValidationFailed):
        services.set_target(measure, actor=editor, financial_year="2026/27", value=1.5)
    with pytest.raises(ValidationFailed):
        services.set_target(measure, actor=editor, financial_year="2031/32", value=0.5)


@pytest.mark.parametrize("count,shown", [(0, False), (9, False), (10, True)])
def test_small_numbers_hide_value_and_n(count, shown):
    measure = make_measure()
    make_responses(count, submitted_at=datetime(2026, 8, 1))
    result = measure_result(measure, since_baseline=False)
    assert result["suppressed"] is not shown
    assert (result["value"], result["n"]) == ((1.0, 10) if shown else (None, None))


def test_complementary_suppression_in_a_breakdown():
    from portal.reference.services import active_localities
    from tests.factories import make_reference_data

    make_reference_data()
    places = active_localities()
    measure = make_measure()
    for place, count in zip(places, (40, 30, 20, 12, 4), strict=False):
        make_mixed(count // 2, count - count // 2, locality_id=place.id)
    rows = {
        row["key"]: row
        for row in measure_result(measure, by="locality", since_baseline=False)["breakdown"]
    }
    smallest, next_smallest = places[4].slug, places[3].slug
    assert rows[smallest]["suppressed"] and rows[smallest]["n"] is None
    assert rows[next_smallest]["suppressed"] and rows[next_smallest]["value"] is None
    assert not rows[places[0].slug]["suppressed"] and rows[places[0].slug]["n"] == 40


def test_all_and_none_favourable():
    measure = make_measure()
    make_responses(12, code="very_satisfied", submitted_at=datetime(2026, 8, 1))
    top = measure_result(measure, since_baseline=False)
    assert (top["value"], top["ci_high"]) == (1.0, 1.0) and top["ci_low"] < 1
    other = make_measure(slug="young-people-satisfaction", audience="young_person")
    make_responses(
        12, code="very_dissatisfied", role="young_person", submitted_at=datetime(2026, 8, 1)
    )
    bottom = measure_result(other, since_baseline=False)
    assert (bottom["value"], bottom["ci_low"]) == (0.0, 0.0) and bottom["ci_high"] > 0


def test_seeded_measures_and_staff_baselines_are_idempotent():
    assert seed_measures() == 12
    assert seed_measures() == 0
    complaints = services.find_measure("complaints-per-month")
    assert services.locked_baseline(complaints).value == 11
    assert {t.financial_year: t.value for t in complaints.targets} == {
        "2026/27": 10,
        "2027/28": 6,
        "2028/29": 2,
    }
    assert (
        services.find_measure("young-people-included-in-decisions").question_key
        == "included_in_decisions"
    )


def test_staff_figures_feed_their_measure(editor):
    seed_measures()
    complaints = services.find_measure("complaints-per-month")
    services.record_figure(
        complaints,
        actor=editor,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        value=9,
    )
    result = measure_result(
        complaints, date_from=date(2026, 10, 1), date_to=date(2026, 10, 31), today=date(2026, 11, 1)
    )
    assert (result["value"], result["target"], result["rag"]) == (9, 10, "green")
    with pytest.raises(ValidationFailed):
        services.record_figure(
            complaints,
            actor=editor,
            period_start=date(2026, 10, 1),
            period_end=date(2026, 9, 1),
            value=3,
        )


def test_co_production_log_checks_its_input(moderator):
    with pytest.raises(ValidationFailed) as error:
        services.log_activity(
            actor=moderator,
            title="",
            held_on=date(2026, 7, 1),
            locality_id=None,
            parent_carers=-1,
            young_people=0,
            professionals=0,
            decision_level="x",
            what_changed="",
        )
    assert set(error.value.errors) == {"title", "decision_level", "parent_carers"}
