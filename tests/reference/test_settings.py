"""Admins keep a list of schools and settings; redaction removes them beside a child's name."""

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.reference.models import EducationSetting
from portal.reference.services import save_setting


def test_admin_adds_a_setting_and_it_is_audited(client, login_as, admin):
    login_as(admin)
    response = client.post(
        "/staff/reference/settings/new", data={"name": "  Meole   Brace School ", "active": "y"}
    )
    assert response.status_code == 302
    setting = db.session.scalar(select(EducationSetting))
    assert setting.name == "Meole Brace School" and setting.active
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "setting.create"))
    page = client.get("/staff/reference/").get_data(as_text=True)
    assert "Settings and schools" in page and "Meole Brace School" in page


def test_short_and_duplicate_names_get_clear_errors(client, login_as, admin):
    login_as(admin)
    save_setting(None, actor=admin, name="Meole Brace School")
    page = client.post(
        "/staff/reference/settings/new", data={"name": "meole brace school"}
    ).get_data(as_text=True)
    assert "already on the list" in page and "govuk-error-summary" in page
    page = client.post("/staff/reference/settings/new", data={"name": "Abc"}).get_data(as_text=True)
    assert "4 characters or more" in page and 'value="Abc"' in page
    assert len(db.session.scalars(select(EducationSetting)).all()) == 1


def test_only_admins_edit_the_list(client, login_as, moderator):
    login_as(moderator)
    assert client.get("/staff/reference/settings/new").status_code == 403
    assert (
        client.post(
            "/staff/reference/settings/new", data={"name": "Meole Brace School"}
        ).status_code
        == 403
    )
    assert db.session.scalar(select(EducationSetting)) is None


def test_a_listed_setting_is_redacted_beside_a_childs_name(app, admin):
    # No cue word gives "Meole Brace" away: only the admin's list knows it is a school.
    save_setting(None, actor=admin, name="Meole Brace")
    item = submit_contribution(
        source="feedback", text="My son Kai hates Meole Brace, nobody helps him"
    )
    assert item.redacted_text == "My son [name] hates [school or setting], nobody helps him"
    alone = submit_contribution(source="feedback", text="Meole Brace has a lovely inclusion base")
    assert alone.redacted_text == "Meole Brace has a lovely inclusion base"


def test_a_setting_switched_off_is_no_longer_looked_for(app, admin):
    setting = save_setting(None, actor=admin, name="Meole Brace")
    save_setting(setting, actor=admin, name="Meole Brace", active=False)
    item = submit_contribution(source="feedback", text="My son Kai hates Meole Brace")
    assert item.redacted_text == "My son [name] hates Meole Brace"
