"""The walls as people meet them: the admin setting, the owner's approval, refused pages and
actions, and a safeguarding lead's audited reads that stop when the concern closes."""

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.safeguarding.models import Concern
from portal.safeguarding.services import open_concern
from portal.themes.models import ContributionTheme
from portal.themes.services import seed_themes
from tests.factories import make_user
from tests.walls.helpers import walled_item


def _audits(action):
    return db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    ).all()


def test_admin_page_sets_walls_and_audits(client, login_as, admin):
    login_as(admin)
    page = client.get("/staff/walls/").get_data(as_text=True)
    assert 'value="sendiass" checked' in page and 'value="pcf" checked' not in page
    response = client.post(
        "/staff/walls/", data={"walled": ["sendiass", "pcf"]}, follow_redirects=True
    )
    assert "Walls saved." in response.get_data(as_text=True)
    assert 'value="pcf" checked' in client.get("/staff/walls/").get_data(as_text=True)
    assert [e.details["organisation"] for e in _audits("organisation.wall_on")] == ["pcf"]


def test_admin_page_bad_input_keeps_choices_and_explains(client, login_as, admin):
    login_as(admin)
    response = client.post("/staff/walls/", data={"walled": ["pcf", "nosuchorg"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "govuk-error-summary" in page and "Error:" in page
    assert 'value="pcf" checked' in page  # what was ticked is kept
    assert _audits("organisation.wall_on") == []


def test_only_admins_set_walls(client, login_as):
    for role in ("viewer", "moderator", "editor"):
        login_as(make_user(role=role, organisation="sendiass"))
        assert client.get("/staff/walls/").status_code == 403
        assert client.post("/staff/walls/", data={"walled": []}).status_code == 403
    assert _audits("organisation.wall_off") == []


def test_other_organisations_get_a_page_naming_the_owner_never_the_text(client, login_as):
    item = walled_item("sendiass", "brackenfold")
    login_as(make_user(role="admin", organisation="council"))
    response = client.get(f"/staff/moderation/{item.id}")
    page = response.get_data(as_text=True)
    assert (
        response.status_code == 403
        and "This text belongs to SENDIASS" in page
        and "brackenfold" not in page
    )
    login_as(make_user(role="moderator", organisation="sendiass"))
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "brackenfold" in page and "Whose text" in page


def test_other_organisations_cannot_decide_tag_or_bulk_approve(client, login_as):
    seed_themes()
    item = walled_item("sendiass", "brackenfold")
    item.redacted_text = item.text
    db.session.commit()
    login_as(make_user(role="editor", organisation="council"))
    for action, data in (
        ("approve", {"redacted_text": "anything"}),
        ("reject", {"reason": "off_topic"}),
        ("escalate", {"reason": "worried"}),
    ):
        response = client.post(f"/staff/moderation/{item.id}/{action}", data=data)
        assert response.status_code == 403 and "brackenfold" not in response.get_data(as_text=True)
    client.post("/staff/moderation/bulk-approve", data={"item": [str(item.id)]})
    theme_id = db.session.scalar(select(ContributionTheme.theme_id).limit(1)) or 1
    client.post(f"/staff/themes/tagging/{item.id}/add", data={"theme": str(theme_id)})
    client.post("/staff/themes/tagging/bulk", data={"theme": str(theme_id), "item": [str(item.id)]})
    db.session.refresh(item)
    assert item.status == Status.PENDING and item.confirmed_themes == []
    assert db.session.scalar(select(Concern.id)) is None


def test_owner_approves_for_publication_outside_from_the_item_page(client, login_as):
    item = walled_item("sendiass", "brackenfold", status=Status.APPROVED)
    pcf = make_user(role="moderator", organisation="pcf")
    login_as(pcf)
    client.post(f"/staff/walls/contributions/{item.id}/approve")
    db.session.refresh(item)
    assert item.outside_approved_at is None
    sendiass = make_user(role="moderator", organisation="sendiass")
    login_as(sendiass)
    page = client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    assert "Approve for publication outside SENDIASS" in page
    response = client.post(f"/staff/walls/contributions/{item.id}/approve", follow_redirects=True)
    assert "may now be quoted outside SENDIASS" in response.get_data(as_text=True)
    db.session.refresh(item)
    assert item.outside_approved_by_id == sendiass.id
    assert [e.actor_id for e in _audits("contribution.approve_outside")] == [sendiass.id]


def test_logging_insight_through_the_form_walls_it(client, login_as):
    login_as(make_user(role="moderator", organisation="sendiass"))
    client.post(
        "/staff/insight/new",
        data={
            "text": "Families said the brackenfold panel never wrote back.",
            "channel": "phone",
            "organisation": "sendiass",
            "families_represented": "4",
        },
    )
    item = db.session.scalars(select(Contribution)).one()
    assert item.owner_organisation == "sendiass"
    login_as(make_user(role="moderator", organisation="pcf"))
    queue = client.get("/staff/moderation").get_data(as_text=True)
    assert "brackenfold" not in queue and "Nothing is waiting" in queue
    assert "brackenfold" not in client.get("/staff/themes/tagging").get_data(as_text=True)


def test_lead_from_another_organisation_reads_audited_until_the_concern_closes(client, login_as):
    item = walled_item("sendiass", "brackenfold")
    sendiass = make_user(role="moderator", organisation="sendiass")
    lead = make_user(role="moderator", organisation="pcf", safeguarding_lead=True)
    concern = open_concern(
        item, opened_by="moderator", reasons=["worried"], actor=sendiass, commit=True
    )
    login_as(lead)
    assert "brackenfold" in client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "brackenfold" in client.get(f"/staff/moderation/{item.id}").get_data(as_text=True)
    queue = client.get("/staff/moderation").get_data(as_text=True)
    assert (
        f"/staff/moderation/{item.id}" in queue and "brackenfold" not in queue
    )  # lists never show it
    client.post(
        f"/staff/safeguarding/{concern.id}",
        data={"action": "note", "note": "Called the brackenfold DSL"},
    )
    login_as(make_user(role="moderator", organisation="pcf"))  # not a lead: neither text nor notes
    page = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "brackenfold" not in page and "This text belongs to SENDIASS" in page
    login_as(lead)
    reads = _audits("contribution.read_walled")
    assert [(e.actor_id, e.object_id, e.details["where"]) for e in reads] == [
        (lead.id, str(item.id), "safeguarding concern"),
        (lead.id, str(item.id), "moderation item"),
    ]
    # SENDIASS's own staff read without an audit entry per read.
    login_as(sendiass)
    client.get(f"/staff/moderation/{item.id}")
    assert len(_audits("contribution.read_walled")) == 2
    # The lead closes the concern; from then on the text is gone for them, and nothing more is
    # logged.
    login_as(lead)
    client.post(
        f"/staff/safeguarding/{concern.id}",
        data={"action": "close_handled", "note": "Referred to DSL"},
    )
    db.session.refresh(concern)
    assert concern.state == "closed"
    page = client.get(f"/staff/safeguarding/{concern.id}").get_data(as_text=True)
    assert "brackenfold" not in page and "This text belongs to SENDIASS" in page
    assert "Referred to DSL" not in page and "2 note(s)" in page  # notes stay with the text
    assert client.get(f"/staff/moderation/{item.id}").status_code == 403
    assert len(_audits("contribution.read_walled")) == 2
