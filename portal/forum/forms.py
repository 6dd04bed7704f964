"""Forum forms: joining, signing in, posting, reporting and suspending."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    PasswordField,
    RadioField,
    SelectChoice,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length

from portal.forum.models import AGE_BANDS, REPORT_REASONS
from portal.idempotency.forms import form_token_field

POST_LIMIT = 5000


class JoinForm(FlaskForm):
    username = StringField(
        "Choose a username",
        widget=GovTextInput(),
        description="Make one up. Do not use your real name. 3 to 30 letters or numbers.",
        validators=[InputRequired(message="Choose a username"), Length(max=30)],
    )
    keep_name = BooleanField("This is not my real name", widget=GovCheckboxInput())
    password = PasswordField(
        "Choose a password",
        widget=GovPasswordInput(),
        description="At least 8 characters. Three words you will remember work well.",
        validators=[InputRequired(message="Choose a password"), Length(max=200)],
    )
    age_band = RadioField(
        "How old are you?",
        widget=GovRadioInput(),
        choices=[SelectChoice(k, v) for k, v in AGE_BANDS.items()],
        validators=[InputRequired(message="Select how old you are")],
    )
    parental_consent = BooleanField(
        "If you are 12 or younger: my parent or carer has read the house rules and says I can join",
        widget=GovCheckboxInput(),
    )
    house_rules = BooleanField(
        "I have read the house rules and will follow them", widget=GovCheckboxInput()
    )
    submit = SubmitField("Join the forum", widget=GovSubmitInput())


class MemberSignInForm(FlaskForm):
    username = StringField(
        "Username",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your username"), Length(max=30)],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your password"), Length(max=200)],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class PostForm(FlaskForm):
    text = TextAreaField(
        "Your message",
        widget=GovTextArea(),
        description="Do not put names, schools or where you live. A moderator reads every "
        "post before others can see it.",
        validators=[
            InputRequired(message="Write your message"),
            Length(
                max=POST_LIMIT, message=f"Your message must be {POST_LIMIT:,} characters or fewer"
            ),
        ],
    )
    form_token = form_token_field()  # one post per form, however often it is sent
    submit = SubmitField("Send for checking", widget=GovSubmitInput())


class TopicForm(PostForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Give your topic a title"),
            Length(max=120, message="The title must be 120 characters or fewer"),
        ],
    )


class ReportForm(FlaskForm):
    reason = RadioField(
        "Why are you reporting this post?",
        widget=GovRadioInput(),
        choices=[SelectChoice(k, v) for k, v in REPORT_REASONS.items()],
        validators=[InputRequired(message="Select why you are reporting this post")],
    )
    details = TextAreaField(
        "Tell us more (optional)", widget=GovTextArea(), validators=[Length(max=1000)]
    )
    submit = SubmitField("Send report", widget=GovSubmitInput())


class SuspendForm(FlaskForm):
    reason = StringField(
        "Reason (the member will see this)",
        widget=GovTextInput(),
        validators=[InputRequired(message="Give a reason the member will see"), Length(max=500)],
    )
    submit = SubmitField("Suspend account", widget=GovSubmitInput())
