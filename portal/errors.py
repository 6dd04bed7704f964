"""Domain exceptions and the error pages."""

import logging

from flask import g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError

from portal.extensions import db, login_manager

log = logging.getLogger(__name__)
FALLBACK_500 = (
    '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
    "<title>Sorry, there is a problem with the service</title></head><body><main>"
    "<h1>Sorry, there is a problem with the service</h1><p>Try again later. Answers you "
    "already saved have not been lost.</p></main></body></html>"
)


class PortalError(Exception):
    """Base class for errors a service raises for a handler to translate."""


class NotAllowed(PortalError):
    """The acting user may not do this."""


class InvalidTransition(PortalError):
    """The object is not in a state that allows this change."""


class ValidationFailed(PortalError):
    """Input was rejected; `errors` maps field names to messages."""

    def __init__(self, message, errors=None):
        super().__init__(message)
        self.errors = errors or {}


class TextNotAccepted(ValidationFailed, ValueError):
    """submit_contribution refused the free text (empty or too long). `errors` names the form field
    the text came from, so a handler shows it with apply_errors like any ValidationFailed. Still a
    ValueError for callers that only need to skip bad text (imports)."""

    def __init__(self, message, field="text"):
        super().__init__(message, {field: message})


def register_error_handlers(app):
    """Render friendly, accessible pages for the errors a visitor can meet."""

    def render(code):
        def handler(error):
            # Keep what the error says about itself (Allow on a 405, Retry-After on a 429).
            headers = [
                (name, value) for name, value in error.get_headers() if name != "Content-Type"
            ]
            if request.path.startswith("/api/"):
                return jsonify({"error": error.description}), code, headers
            return render_template(f"errors/{code}.html"), code, headers

        return handler

    for code in (403, 404, 405, 413, 429):
        app.register_error_handler(code, render(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template("errors/csrf.html"), 400

    @app.errorhandler(400)
    def bad_request(error):
        return render_template("errors/400.html"), 400

    @app.errorhandler(500)
    def server_error(error):
        original = getattr(error, "original_exception", error)
        log.error("Unhandled error: %r", original, exc_info=original)
        try:
            db.session.rollback()
        except SQLAlchemyError:  # the connection itself may be gone
            db.session.close()
        if isinstance(original, SQLAlchemyError):
            g._login_user = (
                login_manager.anonymous_user()
            )  # do not ask the broken database who this is
        try:
            return render_template("errors/500.html"), 500
        except Exception:  # the last line of defence must not fail
            return FALLBACK_500, 500, {"Content-Type": "text/html; charset=utf-8"}
