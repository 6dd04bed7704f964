"""Email addresses: exactly one address, checked by email-validator without DNS, so no header can
carry a line break and a comma can never add a second recipient."""

from email_validator import EmailNotValidError, validate_email
from flask import current_app, has_app_context
from wtforms.validators import ValidationError

FORMAT = "Enter an email address in the correct format, like name@example.com"


def clean_address(value):
    """`value` as one normalised ASCII address (lower case), or raise ValueError with a message a
    person can act on. Display names, quoted parts, lists and line breaks are all refused."""
    value = (value or "").strip()
    if not value or len(value) > 254:
        raise ValueError(FORMAT if value else "Enter an email address")
    test_domains = has_app_context() and current_app.config.get("MAIL_ALLOW_TEST_DOMAINS", False)
    try:
        result = validate_email(
            value, check_deliverability=False, allow_smtputf8=False, test_environment=test_domains
        )
    except EmailNotValidError as error:
        raise ValueError(FORMAT) from error
    return (result.ascii_email or result.normalized).lower()


def is_address(value):
    try:
        clean_address(value)
    except ValueError:
        return False
    return True


class EmailAddress:
    """WTForms validator: one valid address (an empty field is left to InputRequired/Optional)."""

    def __init__(self, message=FORMAT):
        self.message = message

    def __call__(self, form, field):
        if (field.data or "").strip() and not is_address(field.data):
            raise ValidationError(self.message)


def one_line(text):
    """A header value with every line break (and other control character) turned into a space."""
    return " ".join("".join(c if c.isprintable() else " " for c in (text or "")).split())
