"""Moderators teach the model: each decision that corrects or confirms the analysis is stored as a
label, with the redacted text only, through the web as moderators make them."""

from flask import g
from sqlalchemy import select

from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.safeguarding.models import Concern
from portal.textmodel.models import TextLabel
from portal.themes.models import Theme
from portal.themes.services import seed_themes
from tests.factories import make_user


def _labels():
    return {(label.field, label.value) for label in db.session.scalars(select(TextLabel))}


def _as(login_as, user):
    login_as(user)
    g.pop("_login_user", None)


def _item(text, **fields):
    item = submit_contribution(source="feedback", text=text, author_role="parent_carer")
    for name, value in fields.items():
        setattr(item, name, value)
    db.session.commit()
    return item


def test_escalating_an_unflagged_item_teaches_safeguarding(client, moderator, login_as):
    item = _item("The bus driver is lovely but the timetable changed again.")
    assert not item.safeguarding_flag
    _as(login_as, moderator)
    client.post(f"/staff/moderation/{item.id}/escalate", data={"reason": "worried about home"})
    assert ("safeguarding", "true") in _labels()


def test_a_lead_clearing_a_concern_teaches_no_risk(client, login_as):
    lead = make_user(role="moderator", email="lead@example.test", safeguarding_lead=True)
    item = _item("The bus driver is lovely but the timetable changed again.")
    _as(login_as, lead)
    client.post(f"/staff/moderation/{item.id}/escalate", data={"reason": "not sure"})
    concern = db.session.scalar(select(Concern))
    client.post(
        f"/staff/safeguarding/{concern.id}",
        data={"action": "close_no_risk", "note": "Read it: no risk"},
    )
    db.session.expire_all()
    assert concern.state == "closed"
    assert ("safeguarding", "false") in _labels()


def test_redacting_what_analysis_missed_teaches_personal_data_and_keeps_only_redacted_text(
    client, moderator, login_as
):
    item = _item("The lady at the front desk was brilliant with us.")
    assert not item.pii_spans and not item.pii_suspected
    _as(login_as, moderator)
    client.post(
        f"/staff/moderation/{item.id}/approve",
        data={"redacted_text": "The lady at [name] was brilliant with us."},
    )
    label = db.session.scalar(select(TextLabel).where(TextLabel.field == "pii"))
    assert label.value == "true" and label.text == "The lady at [name] was brilliant with us."


def test_approving_as_it_stands_teaches_nothing_new(client, moderator, login_as):
    item = _item("Transport has been much better this term.")
    _as(login_as, moderator)
    client.post(f"/staff/moderation/{item.id}/approve", data={"redacted_text": item.redacted_text})
    assert _labels() == set()


def test_rejecting_an_unflagged_post_as_unkind_teaches_abuse(client, moderator, login_as):
    item = _item("Nobody wants you in the group chat, go away.", abusive_flag=False)
    _as(login_as, moderator)
    client.post(f"/staff/moderation/{item.id}/reject", data={"reason": "unkind"})
    assert ("abusive", "true") in _labels()


def test_confirming_and_removing_themes_teach_themes(client, moderator, login_as):
    seed_themes()
    item = _item("The taxi to school keeps changing drivers.")
    transport = db.session.scalar(select(Theme).where(Theme.slug == "transport"))
    ehcp = db.session.scalar(select(Theme).where(Theme.slug == "ehcp"))
    _as(login_as, moderator)
    client.post(f"/staff/themes/tagging/{item.id}/add", data={"theme": str(ehcp.id)})
    client.post(f"/staff/themes/tagging/{item.id}/remove", data={"theme": str(ehcp.id)})
    client.post(f"/staff/themes/tagging/{item.id}/add", data={"theme": str(transport.id)})
    assert {("theme", "+ehcp"), ("theme", "-ehcp"), ("theme", "+transport")} <= _labels()


def test_walled_insight_is_never_copied_into_labels(client, login_as):
    sendiass = make_user(role="moderator", email="s@example.test", organisation="sendiass")
    item = _item("A family told us the plan review never happened.", owner_organisation="sendiass")
    _as(login_as, sendiass)
    client.post(f"/staff/moderation/{item.id}/escalate", data={"reason": "check"})
    assert _labels() == set()
