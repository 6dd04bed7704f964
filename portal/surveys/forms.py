"""Forms a respondent sees besides the question pages (those are built per question in
questions.py)."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextInput
from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired, Length

from portal.mail.addresses import EmailAddress

CSRF_MESSAGE = (
    "We could not save this page because it was open for a long time or in another window. "
    "Check your answer and select Continue again"
)


class StartForm(FlaskForm):
    submit = SubmitField("Start now", widget=GovSubmitInput())


class SubmitForm(FlaskForm):
    submit = SubmitField("Send your answers", widget=GovSubmitInput())


class ResumeForm(FlaskForm):
    code = StringField(
        "Your resume code",
        widget=GovTextInput(),
        description="It has 8 letters and numbers, like ACDE-7FGH. Capital letters and spaces do "
        "not matter.",
        validators=[
            InputRequired(message="Enter your resume code"),
            Length(max=40, message="Your resume code has 8 letters and numbers"),
        ],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class EmailForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        description="We will send you a link to carry on. We keep your email address apart from "
        "your answers and delete it when you send them, or after 30 days.",
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            EmailAddress(),
        ],
    )
    submit = SubmitField("Send me a link", widget=GovSubmitInput())
