"""Evidence and quote rules, the workflow and its permissions, and the easy-read check."""

import pytest

from portal.contributions.models import Status
from portal.contributions.services import submit_contribution
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.you_said_we_did import services
from portal.you_said_we_did.easy_read import easy_read_problems
from portal.you_said_we_did.evidence import evidence_count, public_quotes
from portal.you_said_we_did.models import EntryEvent, EntryState
from tests.factories import make_user
from tests.you_said_we_did.conftest import approved, draft, entry_data, published

pytestmark = pytest.mark.usefixtures("reference")


def test_quotes_are_the_approved_redacted_text(editor):
    contribution = approved("Call me on 07700 900982, the bus is always late.")
    assert "07700" not in contribution.redacted_text
    entry = published(editor, evidence_ids=[contribution.id], quote_ids=[contribution.id])
    assert public_quotes(entry) == [contribution.redacted_text]


def test_pending_contribution_cannot_be_evidence_or_quote(editor):
    pending = submit_contribution(source="feedback", text="Not moderated yet")
    with pytest.raises(ValidationFailed) as error:
        draft(editor, evidence_ids=[pending.id], quote_ids=[pending.id])
    assert "not an approved" in error.value.errors["contributions"]


def test_safeguarding_flagged_contribution_is_refused_even_if_approved(editor):
    contribution = approved()
    contribution.safeguarding_flag = True
    db.session.commit()
    with pytest.raises(ValidationFailed):
        draft(editor, evidence_ids=[contribution.id], quote_ids=[contribution.id])


def test_at_most_three_quotes_and_each_must_be_evidence(editor):
    ids = [approved(f"The bus was late on day {n}.").id for n in range(4)]
    with pytest.raises(ValidationFailed) as error:
        draft(editor, evidence_ids=ids, quote_ids=ids)
    assert "at most 3" in error.value.errors["quotes"]
    with pytest.raises(ValidationFailed) as error:
        draft(editor, evidence_ids=ids[:1], quote_ids=ids[1:2])
    assert "not linked as evidence" in error.value.errors["quotes"]


def test_saving_evidence_again_keeps_links_and_reorders_quotes(editor):
    first, second = approved("First: the bus is late."), approved("Second: the driver is kind.")
    entry = draft(editor, evidence_ids=[first.id, second.id], quote_ids=[first.id])
    services.save_evidence(
        entry, editor=editor, evidence_ids=[first.id, second.id], quote_ids=[second.id, first.id]
    )
    services.save_evidence(entry, editor=editor, evidence_ids=[second.id], quote_ids=[second.id])
    assert [(e.contribution_id, e.quote_position) for e in entry.evidence] == [(second.id, 1)]


def test_quote_disappears_when_its_contribution_is_unpublished(editor):
    first, second = approved("First: the bus is late."), approved("Second: the driver is kind.")
    entry = published(editor, evidence_ids=[first.id, second.id], quote_ids=[second.id, first.id])
    assert public_quotes(entry) == [second.redacted_text, first.redacted_text]
    second.status = Status.REJECTED
    db.session.commit()
    assert public_quotes(entry) == [first.redacted_text] and evidence_count(entry) == 1


def test_publish_needs_evidence_and_a_young_version(editor):
    entry = services.save_entry(editor=editor, data=entry_data(young_text=""))
    with pytest.raises(ValidationFailed) as error:
        services.publish(entry, editor=editor)
    assert "evidence" in str(error.value)
    assert entry.state == EntryState.DRAFT


def test_publish_needs_a_title_in_easy_words_and_checks_it(editor):
    entry = services.save_entry(
        editor=editor, data=entry_data(young_title="", evidence_ids=[approved().id])
    )
    assert (
        "Write the title in easy words for the young people's version"
        in services.ready_problems(entry)
    )
    with pytest.raises(ValidationFailed) as error:
        draft(editor, young_title="Comprehensive reconfiguration of transportation arrangements")
    assert "young_title" in error.value.errors


def test_review_needs_a_second_person(editor):
    entry = draft(editor)
    services.request_review(entry, editor=editor)
    with pytest.raises(NotAllowed):
        services.publish(entry, editor=editor)
    with pytest.raises(NotAllowed):
        services.return_to_draft(entry, reviewer=editor, note="fix")
    second = make_user(role="editor")
    services.publish(entry, editor=second)
    assert entry.state == EntryState.PUBLISHED and entry.reviewed_by_id == second.id


def test_reviewer_can_send_back_with_a_note(editor):
    entry = draft(editor)
    services.request_review(entry, editor=editor)
    with pytest.raises(ValidationFailed):
        services.return_to_draft(entry, reviewer=make_user(role="admin"), note="  ")
    services.return_to_draft(entry, reviewer=make_user(role="admin"), note="Say when it starts")
    assert entry.state == EntryState.DRAFT and entry.review_note == "Say when it starts"


def test_moderators_and_viewers_cannot_write(moderator, viewer):
    for user in (moderator, viewer):
        with pytest.raises(NotAllowed):
            services.save_entry(editor=user, data=entry_data())


def test_publishing_twice_is_refused_and_makes_one_event(editor):
    entry = published(editor)
    with pytest.raises(InvalidTransition):
        services.publish(entry, editor=editor)
    assert db.session.query(EntryEvent).filter_by(entry_id=entry.id).count() == 1


def test_status_changes_after_publication_keep_a_history(editor):
    entry = draft(editor)
    with pytest.raises(InvalidTransition):
        services.change_status(entry, editor=editor, status="done")
    services.publish(entry, editor=editor)
    with pytest.raises(ValidationFailed) as error:
        services.change_status(entry, editor=editor, status="not_possible", reason="")
    assert "not_possible_reason" in error.value.errors
    with pytest.raises(ValidationFailed):
        services.change_status(entry, editor=editor, status="planned")
    services.change_status(entry, editor=editor, status="in_progress", note="Work started")
    services.change_status(entry, editor=editor, status="done")
    assert [(e.kind, e.status) for e in entry.events] == [
        ("published", "planned"),
        ("status", "in_progress"),
        ("status", "done"),
    ]
    assert entry.completed_on is not None


def test_published_entry_edit_does_not_change_status(editor):
    entry = published(editor)
    services.save_entry(
        entry, editor=editor, data=entry_data(title="Buses on time, all year", status="done")
    )
    assert entry.title == "Buses on time, all year" and entry.status == "planned"


def test_not_possible_needs_a_reason_and_decision_record_needs_a_decision(editor):
    with pytest.raises(ValidationFailed) as error:
        draft(editor, status="not_possible", options_considered="A or B")
    assert {"not_possible_reason", "decision"} <= set(error.value.errors)


def test_easy_read_check():
    assert easy_read_problems("We listened. We will fix the bus.") == []
    long = " ".join(["word"] * 25) + "."
    assert "25 words" in easy_read_problems(long)[0]
    assert "characteristically" in easy_read_problems("It was characteristically late.")[0]


def test_young_version_with_long_sentences_is_refused(editor):
    with pytest.raises(ValidationFailed) as error:
        draft(editor, young_text=" ".join(["very"] * 30) + ".")
    assert "young_text" in error.value.errors
