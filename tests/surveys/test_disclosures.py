"""A survey response with disclosures: one concern, one alert per lead, helplines once on
confirmation."""

from sqlalchemy import select

from portal.contributions.models import Contribution
from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.moderation.services import approve
from portal.safeguarding.models import Concern
from portal.safeguarding.services import active_concern_for, close
from tests.factories import make_user
from tests.surveys.helpers import PARENTS, open_seeded_surveys, walk

HITS = "My dad hits me when he is drunk and I am scared to go home."
HURT = "Some nights I cut my arms so nobody sees and I want to die."
HELPLINE = "You do not have to deal with this on your own"


def _send(client, working, change):
    walk(client, PARENTS, {"what_is_working": working, "what_should_change": change})
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302


def test_two_disclosures_in_one_response_open_one_concern_with_both_reasons(client):
    open_seeded_surveys()
    leads = [make_user(safeguarding_lead=True), make_user(safeguarding_lead=True)]
    _send(client, HITS, HURT)
    [concern] = db.session.scalars(select(Concern)).all()
    items = db.session.scalars(select(Contribution).order_by(Contribution.id)).all()
    assert len(items) == 2 and all(item.status == "escalated" for item in items)
    assert all(active_concern_for(item) is concern for item in items)
    first_reasons = set(items[0].safeguarding_reasons)
    assert set(concern.reasons) == first_reasons | set(items[1].safeguarding_reasons)
    assert (
        set(items[1].safeguarding_reasons) - first_reasons
    )  # the second answer's reasons were added
    alerts = db.session.scalars(select(OutboxMessage)).all()
    assert sorted(m.to for m in alerts) == sorted(lead.email for lead in leads)  # one each
    assert concern.alerts_sent == 1


def test_the_lead_sees_both_answers_and_closing_as_no_risk_returns_both(client, login_as):
    open_seeded_surveys()
    lead = make_user(safeguarding_lead=True)
    _send(client, HITS, HURT)
    concern = db.session.scalar(select(Concern))
    login_as(lead)
    page = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert (
        "My dad hits me" in page
        and "I cut my arms" in page
        and "Also written in the same survey response" in page
    )
    close(concern, actor=lead, outcome="no_risk", note="Spoke to school; a story they were writing")
    items = db.session.scalars(select(Contribution)).all()
    assert all(item.status == "pending" and not item.safeguarding_flag for item in items)


def test_one_disclosure_and_one_ordinary_answer_escalate_only_the_disclosure(client):
    open_seeded_surveys()
    make_user(safeguarding_lead=True)
    _send(client, "The SENCO listens to us.", HURT)
    assert len(db.session.scalars(select(Concern)).all()) == 1
    statuses = {c.question_key: c.status for c in db.session.scalars(select(Contribution))}
    assert statuses == {"what_is_working": "pending", "what_should_change": "escalated"}
    ordinary = db.session.scalar(
        select(Contribution).where(Contribution.question_key == "what_is_working")
    )
    assert active_concern_for(ordinary) is None
    approve(ordinary, moderator=make_user(), redacted_text=ordinary.text)  # moderated as usual
    assert ordinary.status == "approved"


def test_separate_responses_still_get_separate_concerns(client, app):
    open_seeded_surveys()
    _send(client, HITS, "Shorter waits please.")
    with app.test_client() as other:
        _send(other, HURT, "Shorter waits please.")
    assert len(db.session.scalars(select(Concern)).all()) == 2


def test_confirmation_shows_helplines_once_after_a_disclosure(client):
    open_seeded_surveys()
    _send(client, "The SENCO listens to us.", HURT)
    first = client.get(f"/surveys/{PARENTS}/sent").get_data(as_text=True)
    assert HELPLINE in first and "0800 1111" in first
    again = client.get(f"/surveys/{PARENTS}/sent").get_data(as_text=True)
    assert (
        "Your answers have been sent" in again and HELPLINE not in again
    )  # a shared phone later shows nothing


def test_no_helplines_without_a_disclosure(client):
    open_seeded_surveys()
    _send(client, "The SENCO listens to us.", "Shorter waits for speech and language therapy.")
    assert HELPLINE not in client.get(f"/surveys/{PARENTS}/sent").get_data(as_text=True)


def test_reanalysis_after_the_lead_closed_the_response_opens_nothing_new(client):
    from portal.contributions.services import apply_analysis

    open_seeded_surveys()
    lead = make_user(safeguarding_lead=True)
    _send(client, HITS, HURT)
    close(
        db.session.scalar(select(Concern)),
        actor=lead,
        outcome="handled",
        note="Referred to children's services",
    )
    for item in db.session.scalars(select(Contribution)).all():
        apply_analysis(item)
    db.session.commit()
    assert len(db.session.scalars(select(Concern)).all()) == 1
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 1
