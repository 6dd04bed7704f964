"""Retention (`portal purge`): for every step in PURGE_STEPS, data just past its setting is deleted,
data just inside it is kept, and anything under an active safeguarding concern is kept."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.clock import utcnow
from portal.contributions.models import Contribution, Status
from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.feedback.models import FeedbackContact
from portal.feedback.services import submit_feedback
from portal.forum import members
from portal.forum import services as forum
from portal.forum.models import ForumProfile, Post
from portal.mail.models import OutboxMessage
from portal.privacy.services import purge
from portal.safeguarding.models import Concern, ConcernState
from portal.surveys.models import ResumeEmail, Survey, SurveyAnswer, SurveyResponse
from portal.surveys.services import RESPONSE_LIFETIME, RESUME_KEY
from portal.wiring import PURGE_STEPS
from portal.you_said_we_did import subscriptions
from portal.you_said_we_did.models import Subscriber

MARGIN = timedelta(seconds=5)


def _config_days(name):
    return lambda: timedelta(days=current_app.config[name])


def _concern(contribution_id):
    concern = Concern(contribution_id=contribution_id, opened_by="moderator", reasons=["test"])
    db.session.add(concern)
    db.session.commit()
    return concern


# One builder per step: make(at, n) stores the thing the step deletes, dated `at`, and returns a
# way to find it again; exists(key) says whether it is still stored; concern(key) puts it under
# an active safeguarding concern and returns the Concern (None where the data holds no free text).
def _make_contact(at, n):
    item = submit_feedback(
        author_role="parent_carer",
        about="",
        locality=None,
        message=f"Message {n} about transport",
        contact_choices=["reply"],
        email=f"person{n}@example.test",
    )
    contact = db.session.scalar(
        select(FeedbackContact).where(FeedbackContact.contribution_id == item.id)
    )
    contact.created_at = at
    db.session.commit()
    return contact.id


def _contact_exists(contact_id):
    return db.session.get(FeedbackContact, contact_id) is not None


def _contact_concern(contact_id):
    return _concern(db.session.get(FeedbackContact, contact_id).contribution_id)


def _make_rejected(at, n):
    item = submit_contribution(source="feedback", text=f"Rejected message {n} about buses")
    item.status, item.moderated_at = Status.REJECTED, at
    db.session.commit()
    return item.id


def _contribution_exists(contribution_id):
    return db.session.get(Contribution, contribution_id) is not None


def _make_suspended(at, n):
    forum.ensure_boards()
    member = members.register_member(
        username=f"comet{n}x",
        password="tiger-bus-cloud",
        age_band="16-18",
        parental_consent=False,
        house_rules=True,
    )
    forum.start_topic(forum.boards()[0], author=member, title="Hi", text="Hello all")
    profile = db.session.scalar(select(ForumProfile).where(ForumProfile.user_id == member.id))
    profile.suspended_at = at
    db.session.commit()
    return member.id


def _member_exists(user_id):
    return db.session.get(User, user_id) is not None


def _member_concern(user_id):
    post = db.session.scalar(select(Post).where(Post.author_id == user_id))
    return _concern(post.contribution_id)


def _make_subscription(at, n):
    subscriber = subscriptions.subscribe(email=f"reader{n}@example.test")
    subscriber.created_at = at
    db.session.commit()
    return subscriber.id


def _subscription_exists(subscriber_id):
    return db.session.get(Subscriber, subscriber_id) is not None


def _make_resume_email(at, n):
    survey = Survey(slug=f"survey-{n}", title="A survey")
    db.session.add(survey)
    db.session.flush()
    response = SurveyResponse(survey_id=survey.id, resume_code=f"ACDEFG{n:02d}")
    db.session.add(response)
    db.session.flush()
    token = f"token-{n}"
    row = ResumeEmail(response_id=response.id, email=f"r{n}@example.test", token=token)
    row.created_at = at
    db.session.add(row)
    db.session.add(
        OutboxMessage(to=row.email, subject="Continue", body="link", key=f"{RESUME_KEY}{token}")
    )
    db.session.commit()
    return row.id


def _resume_email_exists(row_id):
    row = db.session.get(ResumeEmail, row_id)
    if row is None:
        return False
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.to == row.email))
    return True


def _make_draft(at, n):
    """An unsent response, last saved at `at`, with one free-text and one chosen answer."""
    survey = Survey(slug=f"draft-survey-{n}", title="A survey")
    db.session.add(survey)
    db.session.flush()
    response = SurveyResponse(survey_id=survey.id, resume_code=f"DRAFTG{n:02d}", updated_at=at)
    db.session.add(response)
    db.session.flush()
    db.session.add_all(
        [
            SurveyAnswer(response_id=response.id, question_key="what_should_change", text=f"T{n}"),
            SurveyAnswer(response_id=response.id, question_key="role", code="parent_carer"),
        ]
    )
    db.session.commit()
    return response.id


def _draft_text_exists(response_id):
    answers = db.session.scalars(
        select(SurveyAnswer).where(SurveyAnswer.response_id == response_id)
    ).all()
    assert [a.code for a in answers if a.code] == ["parent_carer"]  # the chosen option stays
    return any(a.text for a in answers)


@dataclass(frozen=True)
class Case:
    setting: object  # () -> timedelta the data is kept for
    make: object
    exists: object
    concern: object = None  # None: the data holds no free text a concern could be about


CASES = {
    "contacts": Case(
        _config_days("RETENTION_CONTACT_DAYS"), _make_contact, _contact_exists, _contact_concern
    ),
    "rejected": Case(
        _config_days("RETENTION_REJECTED_DAYS"),
        _make_rejected,
        _contribution_exists,
        _concern,
    ),
    "suspended_accounts": Case(
        _config_days("RETENTION_SUSPENDED_DAYS"), _make_suspended, _member_exists, _member_concern
    ),
    "unconfirmed_subscriptions": Case(
        lambda: timedelta(days=subscriptions.UNCONFIRMED_DAYS),
        _make_subscription,
        _subscription_exists,
    ),
    "resume_emails": Case(lambda: RESPONSE_LIFETIME, _make_resume_email, _resume_email_exists),
    "abandoned_draft_text": Case(lambda: RESPONSE_LIFETIME, _make_draft, _draft_text_exists),
}


def test_every_retention_step_has_a_test():
    assert [name for name, _ in PURGE_STEPS] == list(CASES), (
        "a step was added to or removed from PURGE_STEPS: give it a Case here"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_data_just_past_its_setting_is_deleted_and_just_inside_kept(name):
    case, now = CASES[name], utcnow()
    old = case.make(now - case.setting() - MARGIN, 1)
    young = case.make(now - case.setting() + MARGIN, 2)
    counts = purge(now=now)
    assert counts[name] == 1
    assert not case.exists(old)
    assert case.exists(young)
    assert sum(counts.values()) == 1  # no other step touched this data


@pytest.mark.parametrize("name", [n for n, case in CASES.items() if case.concern])
def test_data_under_an_active_concern_is_kept_until_the_concern_is_closed(name):
    case, now = CASES[name], utcnow()
    held = case.make(now - case.setting() - MARGIN, 1)
    concern = case.concern(held)
    for state in (ConcernState.OPEN, ConcernState.ACKNOWLEDGED, ConcernState.REFERRED_ON):
        concern.state = state
        db.session.commit()
        assert purge(now=now)[name] == 0
        assert case.exists(held)
    concern.state = ConcernState.CLOSED
    db.session.commit()
    assert purge(now=now)[name] == 1
    assert not case.exists(held)
    assert db.session.get(Concern, concern.id) is not None  # the safeguarding record outlives it


def test_suspended_member_under_concern_keeps_the_post_that_worries_us():
    now = utcnow()
    user_id = _make_suspended(now - timedelta(days=400), 1)
    concern = _member_concern(user_id)
    purge(now=now)
    post = db.session.scalar(select(Post).where(Post.author_id == user_id))
    assert post is not None and post.contribution_id == concern.contribution_id


def test_purge_is_audited_with_every_count():
    counts = purge(now=utcnow())
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "privacy.purge"))
    assert set(counts) == set(CASES)
    assert all(str(name) in str(event.details) for name in CASES)


def test_purge_command_runs_every_step(runner):
    output = runner.invoke(args=["purge"]).output
    for name in CASES:
        assert f"{name.replace('_', ' ')}: 0" in output


def test_the_survey_only_purge_command_is_gone(runner):
    assert runner.invoke(args=["purge-survey-emails"]).exit_code != 0


def test_a_sent_response_keeps_nothing_to_blank_and_a_recent_draft_is_untouched():
    now = utcnow()
    recent = _make_draft(now - timedelta(days=29), 1)
    sent = _make_draft(now - timedelta(days=400), 2)
    response = db.session.get(SurveyResponse, sent)
    response.status, response.submitted_at = "submitted", now - timedelta(days=400)
    db.session.commit()
    assert purge(now=now)["abandoned_draft_text"] == 0
    assert _draft_text_exists(recent)
    assert db.session.scalar(select(SurveyAnswer.text).where(SurveyAnswer.response_id == sent))
