"""Small helpers shared by forms and handlers."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField

from portal.errors import ValidationFailed


class ConfirmForm(FlaskForm):
    """An empty form for a POST-only button, so every state change carries a CSRF token."""

    submit = SubmitField("Confirm", widget=GovSubmitInput())


def apply_errors(form, error):
    """Copy a service's ValidationFailed (or NotAllowed) messages onto the form's fields."""
    field_errors = error.errors if isinstance(error, ValidationFailed) else {}
    if not field_errors:
        first = next(iter(form._fields.values()))
        field_errors = {first.name: str(error)}
    for name, message in field_errors.items():
        field = form._fields.get(name) or next(iter(form._fields.values()))
        field.errors = list(field.errors) + [message]
