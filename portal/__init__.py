"""The SEND voice portal: an application factory."""

import importlib
import os
from datetime import UTC, datetime

from flask import abort, flash, redirect, request, session, url_for
from flask_login import current_user, logout_user
from werkzeug.middleware.proxy_fix import ProxyFix

from portal.accounts.models import User
from portal.caching import register_cache_rules
from portal.config import CONFIGS
from portal.errors import register_error_handlers
from portal.extensions import CSP, csrf, db, limiter, login_manager, migrate, talisman
from portal.flask_app import PortalFlask
from portal.requests import PortalRequest
from portal.sessions import PortalSessionInterface, signed_in
from portal.urls import IdConverter

# Each feature's routes module defines `bp`; the order is the order routes are matched.
BLUEPRINTS = [
    "portal.main.routes",
    "portal.accounts.routes",
    "portal.audit.routes",
    "portal.reference.routes",
    "portal.feedback.routes",
    "portal.forum.routes",
    "portal.moderation.routes",
    "portal.safeguarding.routes",
    "portal.privacy.routes",
    "portal.surveys.routes",
    "portal.glossary.routes",
    "portal.themes.routes",
    "portal.insights.routes",
    "portal.measures.routes",
    "portal.measures.api",
    "portal.measure_actions.routes",
    "portal.disagreements.routes",
    "portal.you_said_we_did.routes",
    "portal.mail.routes",
    "portal.walls.routes",
    "portal.textmodel.routes",
    "portal.insight_summaries.routes",
    "portal.contributions.routes",
]


def create_app(config=None):
    """Build the app. `config` is a config class, a mapping of overrides, or None (PORTAL_ENV)."""
    app = PortalFlask(
        __name__,
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    app.request_class = PortalRequest
    app.session_interface = PortalSessionInterface()
    configure(app, config)
    register_extensions(app)
    register_blueprints(app)
    # These five import every feature, and every feature module imports this package first: at the
    # top they would close that cycle and make any `import portal.x` load the whole app.
    from portal.cli import register_cli
    from portal.jinja import register_jinja
    from portal.main.front_door import watch_front_door
    from portal.textmodel.services import register_text_model
    from portal.wiring import wire

    watch_front_door()
    register_text_model(app)
    register_error_handlers(app)
    register_cli(app)
    wire(app)
    register_jinja(app)
    register_session_rules(app)
    return app


def configure(app, config):
    if isinstance(config, type):
        base = config
    elif isinstance(config, dict) and config.get("TESTING"):
        base = CONFIGS["testing"]
    else:
        base = CONFIGS[os.environ.get("PORTAL_ENV", "development")]
    app.config.from_object(base)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("PORTAL")
    if isinstance(config, dict):
        app.config.update(config)
    if url := app.config.get("DATABASE_URL"):
        app.config["SQLALCHEMY_DATABASE_URI"] = url
    if str(app.config["SQLALCHEMY_DATABASE_URI"]).startswith("sqlite"):
        # A file on this machine: no server can drop the connection, so no ping before each use
        # and no renewal (which would empty an in-memory database).
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        options.pop("pool_recycle", None)
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**options, "pool_pre_ping": False}
    if not app.config.get("SECRET_KEY"):
        raise RuntimeError(
            "Set PORTAL_SECRET_KEY (or SECRET_KEY in instance/config.py) before starting"
        )
    if not str(app.config.get("PUBLIC_BASE_URL") or "").startswith(("http://", "https://")):
        raise RuntimeError(
            "Set PORTAL_PUBLIC_BASE_URL to the portal's address, like https://send.example.org"
        )
    os.makedirs(app.instance_path, exist_ok=True)


def register_extensions(app):
    # Every model registered before the first query; in the function for the same package cycle.
    import portal.models  # noqa: F401

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    # Templates get the lazy current_user proxy, not Flask-Login's processor that loads the user
    # for every render: a visitor's page that never asks who they are loads nobody.
    login_manager.init_app(app, add_context_processor=False)
    app.context_processor(lambda: {"current_user": current_user})
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = "Sign in to see this page."
    login_manager.session_protection = "basic"
    # Talisman first: its nonce must exist even when CSRF rejects a request.
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        referrer_policy="strict-origin-when-cross-origin",
        frame_options="DENY",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
    csrf.init_app(app)
    limiter.init_app(app)
    proxies = int(app.config.get("PROXY_FIX") or 0)  # only as many as really stand in front
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)

    @login_manager.user_loader
    def load_user(session_id):
        return User.from_session_id(session_id)


def register_blueprints(app):
    app.url_map.converters["int"] = IdConverter  # before any rule is added
    for module in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(module).bp)


def register_session_rules(app):
    """Sign staff out after a period of inactivity; keep pages about people out of caches."""

    @app.before_request
    def refuse_control_characters_in_path():
        if "\x00" in request.path:
            abort(404)

    @app.before_request
    def staff_idle_timeout():
        if request.endpoint == "static" or not signed_in():
            return None
        now = datetime.now(UTC).timestamp()
        last = session.get("seen_at", now)
        if current_user.is_staff and now - last > app.config["STAFF_IDLE_MINUTES"] * 60:
            logout_user()
            session.clear()
            flash(
                "You were signed out because you had not done anything for a while.", "information"
            )
            return redirect(url_for("accounts.sign_in", next=request.full_path.rstrip("?")))
        session["seen_at"] = now
        return None

    register_cache_rules(app)
