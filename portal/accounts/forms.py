"""Forms for signing in and for user administration."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovPasswordInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import InputRequired, Length

from portal.accounts.models import ORGANISATION_LABELS
from portal.permissions import ROLE_LABELS, STAFF_ROLES


def role_choices():
    return [SelectChoice("", "Select a role")] + [
        SelectChoice(r.value, ROLE_LABELS[r]) for r in STAFF_ROLES
    ]


def organisation_choices():
    return [SelectChoice("", "Select an organisation")] + [
        SelectChoice(o.value, label) for o, label in ORGANISATION_LABELS.items()
    ]


class SignInForm(FlaskForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your email address"), Length(max=254)],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your password"), Length(max=200)],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class StaffUserForm(FlaskForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter an email address"), Length(max=254)],
    )
    name = StringField("Full name (optional)", widget=GovTextInput(), validators=[Length(max=120)])
    role = SelectField(
        "Role", widget=GovSelect(), validators=[InputRequired(message="Select a role")]
    )
    organisation = SelectField(
        "Organisation",
        widget=GovSelect(),
        validators=[InputRequired(message="Select an organisation")],
    )
    safeguarding_lead = BooleanField(
        "Safeguarding lead (gets safeguarding alerts by email)", widget=GovCheckboxInput()
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()
        self.organisation.choices = organisation_choices()


class NewStaffUserForm(StaffUserForm):
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        description="At least 12 characters. Three or four random words work well.",
        validators=[InputRequired(message="Enter a password"), Length(max=200)],
    )


class EditStaffUserForm(StaffUserForm):
    active = BooleanField("Account is active (untick to deactivate)", widget=GovCheckboxInput())


class PasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password"), Length(max=200)],
    )
    password = PasswordField(
        "New password",
        widget=GovPasswordInput(),
        description="At least 12 characters. Three or four random words work well.",
        validators=[InputRequired(message="Enter a new password"), Length(max=200)],
    )
    submit = SubmitField("Change password", widget=GovSubmitInput())
