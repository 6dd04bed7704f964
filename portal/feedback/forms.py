"""The "tell us" form."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from portal.idempotency.forms import form_token_field

MESSAGE_LIMIT = 5000


class FeedbackForm(FlaskForm):
    author_role = RadioField(
        "Who are you?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("parent_carer", "A parent or carer"),
            SelectChoice("young_person", "A child or young person"),
            SelectChoice("professional", "Someone who works with children and young people"),
        ],
        validators=[InputRequired(message="Select who you are")],
    )
    about = StringField(
        "What is it about? (optional)",
        widget=GovTextInput(),
        description="In your own words, for example: getting to school, waiting for an assessment",
        validators=[Length(max=200, message="This must be 200 characters or fewer")],
    )
    locality = SelectField(
        "Where do you live? (optional)", widget=GovSelect(), validators=[Optional()]
    )
    message = TextAreaField(
        "Your message",
        widget=GovTextArea(),
        description="Please do not include names. We remove personal details before "
        "anything is shared.",
        validators=[
            InputRequired(message="Enter your message"),
            Length(
                max=MESSAGE_LIMIT,
                message=f"Your message must be {MESSAGE_LIMIT:,} characters or fewer",
            ),
        ],
    )
    contact = SelectMultipleField(
        "Would you like us to contact you? (optional)",
        widget=GovCheckboxesInput(),
        choices=[
            SelectChoice("reply", "Yes, reply to this message"),
            SelectChoice("updates", "Yes, email me when we publish what changed"),
        ],
        validators=[Optional()],
    )
    name = StringField("Your name (optional)", widget=GovTextInput(), validators=[Length(max=120)])
    email = StringField("Email address", widget=GovTextInput(), validators=[Length(max=254)])
    phone = StringField("Phone number", widget=GovTextInput(), validators=[Length(max=40)])
    form_token = form_token_field()  # one store per form, however often it is sent
    website = StringField(
        "Leave this empty", validators=[Length(max=200)]
    )  # honeypot for spam robots
    submit = SubmitField("Send feedback", widget=GovSubmitInput())

    def __init__(self, localities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locality.choices = [SelectChoice("", "Prefer not to say")] + [
            SelectChoice(str(loc.id), loc.name) for loc in localities
        ]
