"""Signing in and out, throttling, idle timeout and user administration through HTTP."""

import time

from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.extensions import db
from tests.factories import PASSWORD, make_user


def _sign_in(client, email, password=PASSWORD):
    return client.post("/sign-in", data={"email": email, "password": password})


def test_sign_in_and_out(client):
    user = make_user(email="mo@example.test")
    response = _sign_in(client, "MO@example.test ")
    assert response.status_code == 302 and response.headers["Location"] == "/staff"
    assert client.get("/staff").status_code == 200
    assert db.session.get(User, user.id).last_login_at is not None
    assert client.post("/sign-out").status_code == 302
    assert client.get("/staff").status_code == 302


def test_wrong_password_keeps_email_and_shows_error(client):
    make_user(email="mo@example.test")
    response = _sign_in(client, "mo@example.test", "wrong-password-here")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Enter a correct email address and password" in page
    assert 'value="mo@example.test"' in page
    assert "<title>Error: Staff sign in" in page


def test_empty_form_lists_both_errors(client):
    page = client.post("/sign-in", data={}).get_data(as_text=True)
    assert "Enter your email address" in page and "Enter your password" in page
    assert 'href="#email"' in page


def test_deactivated_user_cannot_sign_in(client):
    make_user(email="gone@example.test", active=False)
    assert _sign_in(client, "gone@example.test").status_code == 200


def test_sign_in_is_throttled(client):
    make_user(email="mo@example.test")
    statuses = [
        _sign_in(client, f"mo{n}@example.test", "not-the-password").status_code for n in range(11)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert "You have tried too many times" in _sign_in(client, "mo@example.test").get_data(
        as_text=True
    )


def test_staff_idle_timeout(app, client, login_as):
    login_as(make_user(role="editor"))
    assert client.get("/staff").status_code == 200
    with client.session_transaction() as session:
        session["seen_at"] = time.time() - app.config["STAFF_IDLE_MINUTES"] * 60 - 5
    response = client.get("/staff")
    assert response.status_code == 302 and response.headers["Location"].startswith(
        "/sign-in?next=/staff"
    )
    assert client.get("/staff").status_code == 302


def test_signed_in_pages_are_not_cached(client, login_as, viewer):
    login_as(viewer)
    assert client.get("/staff").headers["Cache-Control"] == "no-store"


def test_admin_creates_user_with_audit(client, login_as, admin):
    login_as(admin)
    response = client.post(
        "/staff/users/new",
        data={
            "email": "New.Person@Example.test",
            "name": "New Person",
            "role": "moderator",
            "organisation": "sendiass",
            "password": "copper-kettle-marsh-river",
            "safeguarding_lead": "y",
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.person@example.test"))
    assert (
        user.role == "moderator" and user.is_safeguarding_lead and user.organisation == "sendiass"
    )
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.create"))
    assert event.actor_id == admin.id and event.object_id == str(user.id)


def test_weak_password_refused_and_input_kept(client, login_as, admin):
    login_as(admin)
    response = client.post(
        "/staff/users/new",
        data={
            "email": "weak@example.test",
            "role": "viewer",
            "organisation": "icb",
            "password": "password1234",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Password is too common" in page
    assert 'value="weak@example.test"' in page
    assert db.session.scalar(select(User).where(User.email == "weak@example.test")) is None


def test_duplicate_email_refused(client, login_as, admin):
    login_as(admin)
    make_user(email="taken@example.test")
    response = client.post(
        "/staff/users/new",
        data={
            "email": "TAKEN@example.test",
            "role": "viewer",
            "organisation": "icb",
            "password": "copper-kettle-marsh-river",
        },
    )
    assert "A user with this email address already exists" in response.get_data(as_text=True)


def test_admin_changes_role_and_deactivates(client, login_as, admin):
    login_as(admin)
    user = make_user(role="viewer", email="v@example.test")
    response = client.post(
        f"/staff/users/{user.id}",
        data={"email": "v@example.test", "role": "editor", "organisation": "council"},
    )
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.role == "editor" and user.active is False
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.update"))
    assert event.details["changes"]["role"] == ["viewer", "editor"]


def test_admin_cannot_demote_self(client, login_as, admin):
    login_as(admin)
    response = client.post(
        f"/staff/users/{admin.id}",
        data={"email": admin.email, "role": "viewer", "organisation": "council", "active": "y"},
    )
    assert "You cannot remove your own admin role" in response.get_data(as_text=True)
    db.session.refresh(admin)
    assert admin.role == "admin"


def test_non_admin_cannot_manage_users(client, login_as, editor):
    login_as(editor)
    assert client.get("/staff/users").status_code == 403
    assert client.post("/staff/users/new", data={"email": "x@example.test"}).status_code == 403


def test_change_own_password(client, login_as, viewer):
    login_as(viewer)
    response = client.post(
        "/staff/account/password", data={"current_password": PASSWORD, "password": "short"}
    )
    assert "at least 12 characters" in response.get_data(as_text=True)
    response = client.post(
        "/staff/account/password",
        data={"current_password": PASSWORD, "password": "meadow-violin-candle-42"},
    )
    assert response.status_code == 302
    db.session.refresh(viewer)
    assert viewer.check_password("meadow-violin-candle-42")
