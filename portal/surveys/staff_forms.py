"""Staff forms: survey details, questions, duplicates, paper/phone entry, kiosks and distribution
links."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovPasswordInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.surveys.questions import QUESTION_TYPES

AUDIENCES = [
    SelectChoice("parent_carer", "Parent carers"),
    SelectChoice("young_person", "Children and young people"),
    SelectChoice("all", "Everyone"),
]
ENTRY_CHANNELS = [
    SelectChoice("paper", "Paper form"),
    SelectChoice("phone", "Phone call"),
    SelectChoice("event", "At an event"),
    SelectChoice("sendiass", "Through SENDIASS"),
    SelectChoice("pcf", "Through the Parent and Carer Council (PACC)"),
]
ROUTES = [
    SelectChoice("family_hub", "A family hub"),
    SelectChoice("pcf_newsletter", "The PACC newsletter"),
    SelectChoice("sendiass_mailing", "A SENDIASS mailing"),
    SelectChoice("social_media", "Social media"),
    SelectChoice("school", "A school or college"),
    SelectChoice("health", "A health service"),
    SelectChoice("event", "An event"),
    SelectChoice("other", "Somewhere else"),
]
ROUTE_LABELS = {c.value: c.label for c in ROUTES}


class SurveyForm(FlaskForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a title"), Length(max=200)],
    )
    slug = StringField(
        "Web address",
        widget=GovTextInput(),
        description="The end of the survey's address, like big-listen-2027-parent-carers",
        validators=[InputRequired(message="Enter a web address"), Length(max=80)],
    )
    description = TextAreaField(
        "What the survey is for", widget=GovTextArea(), validators=[Length(max=2000)]
    )
    who_sees_answers = TextAreaField(
        "Who will see the answers",
        widget=GovTextArea(),
        validators=[Length(max=2000)],
        description="Shown on the start page. Leave empty for the standard wording.",
    )
    what_happens_next = TextAreaField(
        "What happens next",
        widget=GovTextArea(),
        validators=[Length(max=2000)],
        description="Shown on the start and confirmation pages. Leave empty for the standard "
        "wording.",
    )
    audience = RadioField(
        "Who it is for",
        widget=GovRadioInput(),
        choices=AUDIENCES,
        default="all",
        validators=[InputRequired(message="Choose who the survey is for")],
    )
    is_easy_read = BooleanField("This is an easy read version", widget=GovCheckboxInput())
    easy_read_variant_id = SelectField(
        "Easy read version of this survey",
        widget=GovSelect(),
        coerce=str,
        choices=[],
        validators=[Optional()],
    )
    minutes_to_complete = IntegerField(
        "Minutes it takes",
        widget=GovTextInput(),
        default=10,
        validators=[
            InputRequired(message="Enter how many minutes it takes"),
            NumberRange(min=1, max=120, message="Enter a number of minutes from 1 to 120"),
        ],
    )
    opens_at = DateField(
        "Opens on (optional)", widget=GovDateInput(), validators=[Optional()], format="%d %m %Y"
    )
    closes_at = DateField(
        "Closes on (optional)", widget=GovDateInput(), validators=[Optional()], format="%d %m %Y"
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class QuestionForm(FlaskForm):
    key = StringField(
        "Key",
        widget=GovTextInput(),
        description="A stable name used by measures and exports, "
        "like overall_satisfaction. Keep the same key when you repeat the survey.",
        validators=[InputRequired(message="Enter a key"), Length(max=60)],
    )
    type = SelectField(
        "Type", widget=GovSelect(), choices=[SelectChoice(k, v) for k, v in QUESTION_TYPES.items()]
    )
    text = TextAreaField(
        "Question",
        widget=GovTextArea(),
        validators=[InputRequired(message="Enter the question"), Length(max=500)],
    )
    hint = TextAreaField("Hint (optional)", widget=GovTextArea(), validators=[Length(max=500)])
    options_text = TextAreaField(
        "Answer options",
        widget=GovTextArea(),
        validators=[Length(max=5000)],
        description="One per line: a code, a bar, then the label, like very_satisfied |"
        " Very satisfied. Scales, localities, age bands and cohorts have standard options: leave "
        "blank to use them, or relabel the same codes in easier words.",
    )
    required = BooleanField("People must answer this question", widget=GovCheckboxInput())
    error_message = StringField(
        "Error message if it is left out",
        widget=GovTextInput(),
        validators=[Length(max=200)],
        description="Needed when people must answer. Say what to do, like 'Select if you are "
        "answering as a parent or carer', not 'Select an answer'.",
    )
    show_if_key = SelectField(
        "Only show this question if the answer to",
        widget=GovSelect(),
        choices=[],
        validators=[Optional()],
    )
    show_if_codes = StringField(
        "was one of these codes",
        widget=GovTextInput(),
        description="Separate codes with commas, like ehcp, sen_support",
        validators=[Length(max=300)],
    )
    submit = SubmitField("Save question", widget=GovSubmitInput())


class DuplicateForm(FlaskForm):
    title = StringField(
        "Title of the copy",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a title"), Length(max=200)],
    )
    slug = StringField(
        "Web address of the copy",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a web address"), Length(max=80)],
    )
    submit = SubmitField("Make a copy", widget=GovSubmitInput())


class EntryForm(FlaskForm):
    channel = RadioField(
        "How did this response reach you?",
        widget=GovRadioInput(),
        choices=ENTRY_CHANNELS,
        validators=[InputRequired(message="Choose how the response reached you")],
    )
    submit = SubmitField("Start entering responses", widget=GovSubmitInput())


class KioskForm(FlaskForm):
    locality = SelectField(
        "Where is the event?",
        widget=GovSelect(),
        choices=[],
        validators=[InputRequired(message="Choose where the event is")],
    )
    submit = SubmitField("Start event mode on this device", widget=GovSubmitInput())


class LinkForm(FlaskForm):
    route = RadioField(
        "Where will this link be shared?",
        widget=GovRadioInput(),
        choices=ROUTES,
        validators=[InputRequired(message="Choose where the link will be shared")],
    )
    label = StringField(
        "Name for this link",
        widget=GovTextInput(),
        description="Shown in results, like Oswestry family hub poster. Do not name a person.",
        validators=[InputRequired(message="Enter a name for this link"), Length(max=120)],
    )
    submit = SubmitField("Create link and QR code", widget=GovSubmitInput())


class EndKioskForm(FlaskForm):
    password = PasswordField(
        "Your staff password",
        widget=GovPasswordInput(),
        description="So that only staff can end event mode on this device.",
        validators=[InputRequired(message="Enter your staff password")],
    )
    submit = SubmitField("End event mode", widget=GovSubmitInput())
