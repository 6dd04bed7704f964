"""Drafting, versions, four-eyes sign-off, publishing and corrections, with their audit events."""

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from portal.audit.models import AuditEvent
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.insight_summaries import services
from portal.insight_summaries.models import InsightSummary, SummaryVersion
from tests.factories import make_user
from tests.insight_summaries.conftest import (
    OCTOBER,
    SEPTEMBER,
    YOUNG,
    published_summary,
    ready,
    text_of,
)

pytestmark = pytest.mark.usefixtures("reference")


def actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_drafting_writes_four_parts_and_is_audited(editor):
    summary, created = services.draft(OCTOBER, officer=editor)
    assert created and summary.latest.number == 1 and summary.latest.written_by_id == editor.id
    assert all(text_of(summary.latest).values()) and summary.facts["label"] == "October 2026"
    assert "insight_summary.draft" in actions()


def test_drafting_a_month_twice_gives_the_same_summary(editor):
    first, _ = services.draft(OCTOBER, officer=editor)
    again, created = services.draft(OCTOBER, officer=make_user(role="admin"))
    assert again.id == first.id and not created and db.session.query(InsightSummary).count() == 1


def test_two_officers_racing_to_draft_get_one(editor, monkeypatch):
    """The second officer checked before the first committed: the unique month decides, and they get
    the first's."""
    winner, _ = services.draft(OCTOBER, officer=editor)
    real_find, calls = services.find, []

    def find_late(month):
        calls.append(month)
        return None if len(calls) == 1 else real_find(month)

    monkeypatch.setattr(services, "find", find_late)
    summary, created = services.draft(OCTOBER, officer=make_user(role="editor"))
    assert not created and summary.id == winner.id and db.session.query(InsightSummary).count() == 1


@pytest.mark.parametrize("role", ["viewer", "moderator", "young_person"])
def test_only_officers_draft_edit_sign_off_and_publish(role, editor):
    other = make_user(role=role)
    with pytest.raises(NotAllowed):
        services.draft(OCTOBER, officer=other)
    summary, _ = services.draft(OCTOBER, officer=editor)
    with pytest.raises(NotAllowed):
        ready(summary, other)
    with pytest.raises(NotAllowed):
        services.sign_off(summary, officer=other)
    with pytest.raises(NotAllowed):
        services.publish(summary, officer=other)


def test_the_drafter_cannot_sign_off_their_own(editor):
    summary, _ = services.draft(OCTOBER, officer=editor)
    with pytest.raises(NotAllowed, match="someone else must sign it off"):
        services.sign_off(summary, officer=editor)
    assert summary.latest.signed_off_at is None


def test_an_editor_of_the_draft_cannot_sign_it_off_nor_can_the_drafter(editor, admin):
    summary, _ = services.draft(OCTOBER, officer=editor)
    ready(summary, admin)  # the admin edited it
    for person in (editor, admin):
        with pytest.raises(NotAllowed):
            services.sign_off(summary, officer=person)
    third = make_user(role="editor")
    assert services.sign_off(summary, officer=third).signed_off_by_id == third.id


def test_the_database_refuses_a_sign_off_by_the_writer(editor):
    summary, _ = services.draft(OCTOBER, officer=editor)
    with pytest.raises(IntegrityError):
        db.session.execute(
            update(SummaryVersion)
            .where(SummaryVersion.id == summary.latest.id)
            .values(signed_off_by_id=editor.id)
        )
        db.session.flush()
    db.session.rollback()


def test_publishing_needs_a_sign_off_and_the_young_peoples_version(editor, admin):
    summary, _ = services.draft(OCTOBER, officer=editor)
    with pytest.raises(InvalidTransition, match="sign off"):
        services.publish(summary, officer=admin)
    services.sign_off(summary, officer=admin)
    with pytest.raises(InvalidTransition, match="young people's version"):
        services.publish(summary, officer=admin)
    ready(summary, editor)  # a new version: the sign-off was for the old one
    with pytest.raises(InvalidTransition, match="sign off"):
        services.publish(summary, officer=editor)
    services.sign_off(summary, officer=admin)
    services.publish(summary, officer=editor)
    assert summary.current_published.number == 2
    assert actions() == [
        "insight_summary.draft",
        "insight_summary.sign_off",
        "insight_summary.edit",
        "insight_summary.sign_off",
        "insight_summary.publish",
    ]


def test_published_versions_never_change_and_a_correction_is_a_new_published_version():
    summary, drafter, second = published_summary()
    first = summary.current_published
    text = text_of(first)
    correction = services.save_version(
        summary,
        officer=second,
        base_number=first.number,
        data={
            **text,
            "what": "Corrected figures.",
            "young_people": YOUNG,
            "note": "The September count was wrong",
        },
    )
    db.session.refresh(first)
    assert (
        text_of(first) == text and summary.current_published.id == first.id
    )  # the public still sees it
    with pytest.raises(NotAllowed):
        services.sign_off(summary, officer=second)
    services.sign_off(summary, officer=drafter)  # the drafter did not write the correction
    services.publish(summary, officer=drafter)
    assert summary.current_published.id == correction.id and len(summary.published_versions) == 2
    assert (
        db.session.get(AuditEvent, max(e.id for e in db.session.query(AuditEvent))).details[
            "correction"
        ]
        is True
    )


def test_a_published_version_cannot_be_published_or_signed_off_again():
    summary, _, second = published_summary()
    third = make_user(role="editor")
    with pytest.raises(InvalidTransition):
        services.publish(summary, officer=third)
    with pytest.raises(InvalidTransition):
        services.sign_off(summary, officer=third)


def test_saving_from_an_old_version_is_a_conflict_and_saves_nothing(editor, admin):
    summary, _ = services.draft(OCTOBER, officer=editor)
    ready(summary, admin)
    with pytest.raises(services.VersionConflict):
        services.save_version(summary, officer=editor, base_number=1, data=text_of(summary.latest))
    assert [v.number for v in summary.versions] == [1, 2]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("what", "<script>alert(1)</script>", "plain text"),
        ("why", "x" * 4001, "4,000 characters or fewer"),
        ("so_what", "   ", "Enter the"),
        (
            "young_people",
            "This sentence is far too long for a young reader because it keeps going on and on "
            "without stopping anywhere at all.",
            "words",
        ),
        ("young_people", "We changed our interdisciplinary arrangements.", "shorter, easier words"),
    ],
)
def test_bad_text_gets_a_clear_error(editor, field, value, message):
    summary, _ = services.draft(OCTOBER, officer=editor)
    with pytest.raises(ValidationFailed) as error:
        services.save_version(
            summary, officer=editor, base_number=1, data={**text_of(summary.latest), field: value}
        )
    assert message in error.value.errors[field] and len(summary.versions) == 1


def test_control_characters_are_removed(editor):
    summary, _ = services.draft(OCTOBER, officer=editor)
    version = services.save_version(
        summary,
        officer=editor,
        base_number=1,
        data={**text_of(summary.latest), "what": "Line one\x00\x07\r\nline two"},
    )
    assert version.what == "Line one\nline two"


def test_published_summaries_and_the_board_report_window():
    published_summary(OCTOBER)
    services.draft(SEPTEMBER, officer=make_user(role="editor"))
    assert [s.key for s in services.published_summaries()] == ["2026-10"]
    from datetime import date

    assert [s.key for s in services.published_between(date(2026, 10, 1), date(2026, 12, 31))] == [
        "2026-10"
    ]
    assert services.published_between(date(2026, 7, 1), date(2026, 9, 30)) == []


def test_two_officers_drafting_the_same_month_at_the_same_moment_get_one(app):
    """Real threads, each with its own session and transaction, released together."""
    from portal.accounts.models import User
    from tests.fixtures.servers import at_once

    ids = [make_user(role="editor").id, make_user(role="admin").id]
    db.session.commit()

    def drafter(user_id):
        def call():
            with app.app_context():
                summary, created = services.draft(OCTOBER, officer=db.session.get(User, user_id))
                return summary.id, created

        return call

    results = at_once([drafter(i) for i in ids], together=True)
    assert not any(isinstance(r, Exception) for r in results), results
    assert len({summary_id for summary_id, _ in results}) == 1 and sorted(
        c for _, c in results
    ) == [False, True]
    db.session.expire_all()
    assert db.session.query(InsightSummary).count() == 1


def test_two_officers_signing_off_at_once_one_wins(app, editor):
    from portal.accounts.models import User
    from tests.fixtures.servers import at_once

    summary, _ = services.draft(OCTOBER, officer=editor)
    ids = [make_user(role="editor").id, make_user(role="admin").id]
    summary_id = summary.id
    db.session.commit()

    def signer(user_id):
        def call():
            with app.app_context():
                found = db.session.get(InsightSummary, summary_id)
                return services.sign_off(
                    found, officer=db.session.get(User, user_id)
                ).signed_off_by_id

        return call

    results = at_once([signer(i) for i in ids], together=True)
    wins = [r for r in results if isinstance(r, int)]
    assert len(wins) == 1 and isinstance(
        [r for r in results if r not in wins][0], InvalidTransition
    ), results
    db.session.expire_all()
    assert db.session.get(InsightSummary, summary_id).latest.signed_off_by_id == wins[0]


def test_drafting_again_refreshes_the_figures_until_the_first_publication(editor, admin):
    from datetime import datetime

    from tests.insight_summaries.conftest import themed

    summary, _ = services.draft(OCTOBER, officer=editor)
    assert summary.facts["themes"] == []
    themed(20, "transport")
    version = services.redraft(summary, officer=admin)
    assert (
        version.number == 2
        and summary.facts["themes"][0]["this"] == 20
        and "Travel" in version.what
    )
    assert "insight_summary.redraft" in actions()
    with pytest.raises(
        NotAllowed
    ):  # the redrafter wrote a version, so signs off no more than the drafter
        services.sign_off(summary, officer=admin)
    ready(summary, editor)
    services.sign_off(summary, officer=make_user(role="editor"))
    services.publish(summary, officer=editor)
    themed(20, "transport", when=datetime(2026, 10, 20, 12))
    with pytest.raises(InvalidTransition, match="figures stay"):
        services.redraft(summary, officer=admin)
    assert summary.facts["themes"][0]["this"] == 20
