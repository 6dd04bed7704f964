"""Signed-cookie sessions, re-signed when they change or once an hour, not on every page.

Flask re-signs a permanent session's cookie on every response so its 30 days count from the last
visit; signing and setting it costs more than a question page's own work. Here an unchanged session
is re-sent only when its signature is over REFRESH_AFTER old, so the lifetime still counts from the
last visit (to within that hour). A changed session is sent at once, as before; a staff session
changes on every page (its idle clock), so nothing about signing out changes.
"""

from datetime import UTC, datetime, timedelta

from flask import session
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from itsdangerous import BadSignature

REFRESH_AFTER = timedelta(hours=1)


class PortalSessionInterface(SecureCookieSessionInterface):
    def get_signing_serializer(self, app):
        """Flask's serializer, built once per secret key rather than twice a request."""
        key = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept = app.extensions.get("portal.session_serializer")
        if kept is None or kept[0] != key:
            kept = (key, super().get_signing_serializer(app))
            app.extensions["portal.session_serializer"] = kept
        return kept[1]

    def open_session(self, app, request):
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(self.get_cookie_name(app))
        if not value:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        try:
            data, signed_at = serializer.loads(value, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        session = self.session_class(data)
        session.signed_at = signed_at
        return session

    def should_set_cookie(self, app, session):
        if session.modified:
            return True
        if not (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return False
        signed_at = getattr(session, "signed_at", None)
        return signed_at is None or datetime.now(UTC) - signed_at >= REFRESH_AFTER


def signed_in():
    """Whether someone is signed in, without loading a user for a visitor who is not.

    Flask-Login loads the user, and hashes the visitor's address and browser for its session
    check, the first time anything reads current_user: a twentieth of a plain page's time. Nobody
    is signed in unless the session names a user, as the portal sets no remember-me cookie and has
    no request loader (tests/test_sessions.py checks both), so a visitor's session, naming none, is
    known without the load."""
    return "_user_id" in session and current_user.is_authenticated
