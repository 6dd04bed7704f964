"""Sign-out, password change, role change and deactivation end every session of the account."""

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.extensions import db
from tests.factories import PASSWORD, make_user

NEW_PASSWORD = "meadow-violin-candle-42"


def _staff_browser(app, email, password=PASSWORD):
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": password})
    assert response.status_code == 302
    return client


def _copy(app, client):
    """Another browser holding a copy of `client`'s session cookie (as an attacker would)."""
    other = app.test_client()
    other.set_cookie(
        app.config["SESSION_COOKIE_NAME"],
        client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value,
    )
    return other


def _signed_in(client, path="/staff"):
    return client.get(path).status_code == 200


def test_cookie_copied_before_sign_out_no_longer_opens_staff_pages(app):
    make_user(role="admin", email="a@example.test")
    browser = _staff_browser(app, "a@example.test")
    copy = _copy(app, browser)
    assert _signed_in(copy, "/staff/users")  # the copy works while the session lasts
    browser.post("/sign-out")
    for path in ["/staff", "/staff/users", "/staff/audit/"]:
        response = copy.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")


def test_sign_out_ends_sessions_on_other_devices_and_is_audited(app):
    user = make_user(role="editor", email="e@example.test")
    laptop, phone = _staff_browser(app, "e@example.test"), _staff_browser(app, "e@example.test")
    phone.post("/sign-out")
    assert not _signed_in(laptop)
    assert (
        db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.sign_out")).actor_id
        == user.id
    )
    assert _signed_in(_staff_browser(app, "e@example.test"))  # signing in again works


def test_forum_cookie_copied_before_sign_out_no_longer_opens_the_forum(app):
    make_user(role="young_person", username="skyblue42", email=None)
    browser = app.test_client()
    assert (
        browser.post(
            "/forum/sign-in", data={"username": "skyblue42", "password": PASSWORD}
        ).status_code
        == 302
    )
    copy = _copy(app, browser)
    assert _signed_in(copy, "/forum/")
    browser.post("/sign-out")
    response = copy.get("/forum/")
    assert response.status_code == 302 and "/forum/sign-in" in response.headers["Location"]


def test_password_change_asks_for_the_current_password(client, app):
    user = make_user(role="viewer", email="v@example.test")
    browser = _staff_browser(app, "v@example.test")
    response = browser.post(
        "/staff/account/password",
        data={"current_password": "not-my-password", "password": NEW_PASSWORD},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Your current password is not right" in page and 'href="#current_password"' in page
    missing = browser.post("/staff/account/password", data={"password": NEW_PASSWORD}).get_data(
        as_text=True
    )
    assert "Enter your current password" in missing
    db.session.refresh(user)
    assert user.check_password(PASSWORD) and not user.check_password(NEW_PASSWORD)


def test_password_change_keeps_this_browser_and_ends_the_others(app):
    user = make_user(role="moderator", email="m@example.test")
    here, elsewhere = _staff_browser(app, "m@example.test"), _staff_browser(app, "m@example.test")
    stolen = _copy(app, elsewhere)
    response = here.post(
        "/staff/account/password", data={"current_password": PASSWORD, "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert _signed_in(here)
    assert not _signed_in(elsewhere) and not _signed_in(stolen)
    db.session.refresh(user)
    assert user.check_password(NEW_PASSWORD)
    assert _signed_in(_staff_browser(app, "m@example.test", NEW_PASSWORD))


@pytest.mark.parametrize(
    "password", ["purple-lantern-otter-41", "Purple Lantern Otter 41!", "PurpleLanternOtter2027"]
)
def test_the_published_demo_password_is_refused(app, password):
    make_user(role="viewer", email="v@example.test")
    browser = _staff_browser(app, "v@example.test")
    page = browser.post(
        "/staff/account/password", data={"current_password": PASSWORD, "password": password}
    ).get_data(as_text=True)
    assert "published" in page and "govuk-error-summary" in page


def test_forum_join_refuses_the_demo_password(client):
    response = client.post(
        "/forum/join",
        data={
            "username": "quietotter9",
            "password": "purple-lantern-otter-41",
            "age_band": "16-18",
            "house_rules": "y",
        },
    )
    assert "too easy to guess" in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.username == "quietotter9")) is None


@pytest.mark.parametrize(
    "change",
    [{"role": "editor", "active": "y"}, {"role": "viewer"}],
    ids=["role change", "deactivation"],
)
def test_role_change_and_deactivation_end_the_users_sessions(app, client, login_as, admin, change):
    user = make_user(role="viewer", email="v@example.test")
    theirs = _staff_browser(app, "v@example.test")
    login_as(admin)
    response = client.post(
        f"/staff/users/{user.id}",
        data={"email": "v@example.test", "organisation": "council", **change},
    )
    assert response.status_code == 302
    assert not _signed_in(theirs)
    assert _signed_in(client)  # the admin's own session is untouched


def test_saving_a_name_leaves_sessions_alone(app, client, login_as, admin):
    user = make_user(role="viewer", email="v@example.test")
    theirs = _staff_browser(app, "v@example.test")
    login_as(admin)
    client.post(
        f"/staff/users/{user.id}",
        data={
            "email": "v@example.test",
            "name": "Vic",
            "role": "viewer",
            "organisation": "icb",
            "active": "y",
        },
    )
    assert _signed_in(theirs)


@pytest.mark.parametrize(
    "forged", ["1", "1:", "1:wrong", ":", "x:y", "99999999999999999999:a", "-1:a"]
)
def test_a_session_id_without_the_current_token_signs_no_one_in(client, forged):
    user = make_user(role="admin", email="a@example.test")
    with client.session_transaction() as session:
        session["_user_id"] = forged.replace("1", str(user.id), 1) if forged[0] == "1" else forged
    assert client.get("/staff").status_code == 302
