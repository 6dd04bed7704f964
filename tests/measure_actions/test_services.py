"""The deterioration check and the action's life: opened once, owner emailed, closed only with a
note."""

from datetime import date

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.measure_actions import services
from portal.measure_actions.check import check_measures
from portal.measure_actions.models import MeasureAction
from portal.measures.periods import UnknownWindow
from portal.metrics.deterioration import RAG_DROP, WORSE_THAN_BASELINE, WORSE_THAN_PREVIOUS
from tests.factories import make_user
from tests.fixtures.servers import at_once
from tests.measure_actions.factories import AFTER_Q3, recover, worse_measure


def _actions():
    db.session.expire_all()
    return db.session.scalars(select(MeasureAction).order_by(MeasureAction.id)).all()


def _outbox():
    db.session.expire_all()
    return db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_a_deterioration_opens_exactly_one_action_with_its_evidence(editor):
    measure, owner = worse_measure()
    opened = check_measures(today=AFTER_Q3)
    assert [(a.measure_id, a.period, a.trigger) for a in opened] == [
        (measure.id, "2026-27-Q3", WORSE_THAN_BASELINE)
    ]
    action = _actions()[0]
    assert action.owner_id == owner.id and action.owner_organisation == "council"
    assert "2026/27 Q3 (October to December 2026)" in action.evidence
    assert "was 40% (about 40 of about 100 valid answers" in action.evidence
    assert "baseline (Spring 2026), 80%" in action.evidence
    assert (
        "Verdict: worse, because the whole interval is below zero, and higher is better"
        in action.evidence
    )
    assert action.review_by == date(2027, 1, 19)  # 10 working days
    assert (
        action.follow_up_period == "2026-27-Q4"
        and "January to March 2027" in action.follow_up_label
    )
    assert action.figures["current"]["value"] == pytest.approx(0.4)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "measure_action.open"))
    assert event.object_id == str(action.id) and event.actor_id is None


def test_the_owner_is_emailed_through_the_outbox_not_sent(editor):
    worse_measure()
    check_measures(today=AFTER_Q3)
    [message] = _outbox()
    assert message.to == "owner@example.test" and message.sent_at is None and message.attempts == 0
    assert "Parent carer satisfaction" in message.subject
    assert "Review it by 19 January 2027" in message.body
    assert f"/staff/measures/actions/{_actions()[0].id}" in message.body


def test_running_the_check_twice_opens_one_action_and_sends_one_email():
    worse_measure()
    assert len(check_measures(today=AFTER_Q3)) == 1
    assert check_measures(today=AFTER_Q3) == []
    assert len(_actions()) == 1 and len(_outbox()) == 1


def test_two_checks_at_the_same_moment_open_one_action(app):
    worse_measure()
    db.session.remove()

    def run():
        with app.app_context():
            return len(check_measures(today=AFTER_Q3))

    results = at_once([run, run], together=True)
    assert sorted(results) == [0, 1], results
    assert len(_actions()) == 1 and len(_outbox()) == 1


def test_the_unique_constraint_holds_without_the_check(editor):
    measure, _ = worse_measure()
    fields = dict(
        period="2026-27-Q3",
        period_label="Q3",
        evidence="x",
        follow_up_period="2026-27-Q4",
        follow_up_label="Q4",
    )
    assert (
        services.open_action(measure, trigger=WORSE_THAN_BASELINE, figures={}, **fields) is not None
    )
    db.session.add(
        MeasureAction(
            measure_id=measure.id, trigger=WORSE_THAN_BASELINE, review_by=date(2027, 1, 1), **fields
        )
    )
    with pytest.raises(Exception, match="(?i)unique|duplicate"):
        db.session.commit()
    db.session.rollback()


def test_a_recovery_closes_nothing():
    worse_measure()
    check_measures(today=AFTER_Q3)
    recover()
    assert check_measures(today=date(2027, 4, 5)) == []  # Q4 is far better than the baseline
    [action] = _actions()
    assert action.is_open and action.closed_at is None


def test_each_trigger_kind_and_period_opens_its_own_action():
    worse_measure()
    check_measures(today=AFTER_Q3)
    recover(favourable=10)  # Q4 is worse again: against the baseline and against Q3
    opened = check_measures(today=date(2027, 4, 5))
    assert sorted(a.trigger for a in opened) == sorted([WORSE_THAN_BASELINE, WORSE_THAN_PREVIOUS])
    assert {a.period for a in _actions()} == {"2026-27-Q3", "2026-27-Q4"}


def test_a_status_drop_opens_an_action_for_a_staff_figure(editor):
    from portal.measures import services as measures
    from portal.measures.models import Measure

    measure = Measure(
        slug="complaints-per-month",
        name="SEND complaints per month",
        source="staff",
        polarity="lower_is_better",
        unit="complaints a month",
        owner_organisation="council",
        amber_margin=1.0,
    )
    db.session.add(measure)
    db.session.commit()
    measures.set_target(measure, actor=editor, financial_year="2026/27", value=10)
    measures.record_figure(
        measure, actor=editor, period_start=date(2026, 7, 1), period_end=date(2026, 7, 31), value=9
    )
    measures.record_figure(
        measure,
        actor=editor,
        period_start=date(2026, 10, 1),
        period_end=date(2026, 10, 31),
        value=14,
    )
    [action] = check_measures(today=AFTER_Q3)
    assert action.trigger == RAG_DROP
    assert (
        "fell from Green in 2026/27 Q2" in action.evidence
        and "to Red against the 2026/27 target of 10" in action.evidence
    )


def test_an_unknown_or_open_period_is_refused():
    with pytest.raises(UnknownWindow, match="2026-27-Q3"):
        check_measures(period="2027-28-Q1", today=AFTER_Q3)


def test_closing_needs_a_note_and_an_officer(viewer, moderator):
    worse_measure()
    [action] = check_measures(today=AFTER_Q3)
    officer = make_user(role="editor", organisation="council")
    with pytest.raises(ValidationFailed) as error:
        services.close_action(action, actor=officer, note="   ")
    assert error.value.errors == {"note": "Enter what was done before closing the action"}
    for person in (viewer, moderator):
        with pytest.raises(NotAllowed):
            services.close_action(action, actor=person, note="Reviewed")
    assert _actions()[0].is_open
    services.close_action(
        action, actor=officer, note="Reviewed with WS1; extra drop-in sessions added."
    )
    closed = _actions()[0]
    assert (
        not closed.is_open
        and closed.closed_by_id == officer.id
        and closed.closing_note.startswith("Reviewed")
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "measure_action.close"))
    assert event.actor_id == officer.id and event.details["note"].startswith("Reviewed with WS1")
    with pytest.raises(InvalidTransition):
        services.close_action(closed, actor=officer, note="Again")


def test_the_database_refuses_a_closed_action_without_a_note():
    worse_measure()
    [action] = check_measures(today=AFTER_Q3)
    action.state = "closed"
    with pytest.raises(Exception, match="(?i)check|closed_with_a_note"):
        db.session.commit()
    db.session.rollback()


def test_naming_another_owner_emails_them_and_is_audited(admin):
    worse_measure()
    [action] = check_measures(today=AFTER_Q3)
    other = make_user(role="editor", organisation="council", email="second@example.test")
    services.assign_action(
        action, actor=admin, owner_id=other.id, review_by=date(2027, 2, 1), today=AFTER_Q3
    )
    assert [m.to for m in _outbox()] == ["owner@example.test", "second@example.test"]
    assert _actions()[0].owner_id == other.id and _actions()[0].review_by == date(2027, 2, 1)
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "measure_action.assign")
        )
        == 1
    )
    young = make_user(role="young_person")
    with pytest.raises(ValidationFailed) as error:
        services.assign_action(
            action, actor=admin, owner_id=young.id, review_by=date(2026, 1, 1), today=AFTER_Q3
        )
    assert set(error.value.errors) == {"owner_id", "review_by"}


def test_overdue_means_open_past_the_review_date():
    worse_measure()
    [action] = check_measures(today=AFTER_Q3)
    assert services.overdue_actions(today=date(2027, 1, 19)) == []
    assert services.overdue_actions(today=date(2027, 1, 20)) == [action]
    assert services.action_counts(today=date(2027, 1, 20)) == (1, 1)


def test_the_follow_up_shows_the_next_quarters_figures_once_it_has_closed():
    from portal.measure_actions.check import follow_up

    worse_measure()
    [action] = check_measures(today=AFTER_Q3)
    assert follow_up(action, today=AFTER_Q3) is None  # Q4 has not ended
    recover()
    found = follow_up(action, today=date(2027, 4, 5))
    assert found["label"].startswith("2026/27 Q4") and found["figure"].startswith("90%")
    assert (
        found["change"] == "improved" and found["status"] is None
    )  # no target set: grey, no status
    assert _actions()[0].is_open


def test_the_named_owner_is_the_organisations_editor_else_an_admin():
    admin = make_user(role="admin", organisation="icb")
    make_user(role="editor", organisation="pcf")
    council_editor = make_user(role="editor", organisation="council")
    assert services.default_owner("council") == council_editor
    assert (
        services.default_owner("sendiass") == admin
    )  # no editor there: an admin, never another body's editor
    assert services.default_owner(None) == admin  # a measure no organisation owns: an admin
