"""Domain exceptions and the error pages."""
import logging

from flask import render_template
from flask_wtf.csrf import CSRFError

from portal.extensions import db

log = logging.getLogger(__name__)


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


def register_error_handlers(app):
    """Render friendly, accessible pages for the errors a visitor can meet."""

    def render(code):
        return lambda error: (render_template(f"errors/{code}.html"), code)

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
        db.session.rollback()
        log.exception("Unhandled error: %s", getattr(error, "original_exception", error))
        return render_template("errors/500.html"), 500
