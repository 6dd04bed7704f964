"""Admins edit localities, age bands and cohorts; every change is audited."""

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.reference.models import Cohort, Locality
from tests.factories import make_reference_data


def test_add_locality(client, login_as, admin):
    login_as(admin)
    response = client.post(
        "/staff/reference/localities/new",
        data={"name": "Church Stretton", "send_population": "420", "active": "y"},
    )
    assert response.status_code == 302
    locality = db.session.scalar(select(Locality).where(Locality.slug == "church-stretton"))
    assert locality.send_population == 420 and locality.active
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "locality.create"))


def test_bad_population_gets_error_and_keeps_name(client, login_as, admin):
    login_as(admin)
    response = client.post(
        "/staff/reference/localities/new", data={"name": "Clun", "send_population": "-3"}
    )
    page = response.get_data(as_text=True)
    assert "SEND population must be a whole number" in page and 'value="Clun"' in page
    assert db.session.scalar(select(Locality).where(Locality.name == "Clun")) is None


def test_duplicate_locality_name(client, login_as, admin):
    make_reference_data()
    login_as(admin)
    response = client.post("/staff/reference/localities/new", data={"name": "shrewsbury"})
    assert "already exists" in response.get_data(as_text=True)


def test_edit_cohort_label_keeps_code(client, login_as, admin):
    make_reference_data()
    login_as(admin)
    cohort = db.session.scalar(select(Cohort).where(Cohort.code == "ehcp"))
    response = client.post(
        f"/staff/reference/cohorts/{cohort.id}", data={"label": "EHC plan", "active": "y"}
    )
    assert response.status_code == 302
    db.session.refresh(cohort)
    assert cohort.label == "EHC plan" and cohort.code == "ehcp"


def test_unknown_kind_is_404(client, login_as, admin):
    login_as(admin)
    assert client.get("/staff/reference/pets/1").status_code == 404


def test_moderator_cannot_edit(client, login_as, moderator):
    make_reference_data()
    login_as(moderator)
    assert client.post("/staff/reference/localities/new", data={"name": "X"}).status_code == 403
