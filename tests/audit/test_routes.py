"""The audit log page."""

from portal.audit.services import record
from portal.extensions import db


def test_admin_reads_and_filters(client, login_as, admin):
    record(admin, "thing.happened", None, colour="green")
    record(admin, "other.event", None)
    db.session.commit()
    login_as(admin)
    page = client.get("/staff/audit/?action=thing.happened").get_data(as_text=True)
    assert "thing.happened" in page and "green" in page
    assert "other.event" not in page


def test_details_are_escaped(client, login_as, admin):
    record(admin, "x.y", None, note="<script>alert(1)</script>")
    db.session.commit()
    login_as(admin)
    page = client.get("/staff/audit/").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page


def test_viewer_cannot_read(client, login_as, viewer):
    login_as(viewer)
    assert client.get("/staff/audit/").status_code == 403
