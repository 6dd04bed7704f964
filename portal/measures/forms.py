"""Forms for measures, baselines, targets, staff figures and the co-production log."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovDateInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from portal.accounts.models import ORGANISATION_LABELS
from portal.measures.models import AUDIENCE_LABELS, DECISION_LEVELS

_DATE_FORMAT = "%d %m %Y"
_WHOLE = "Enter a whole number, 0 or more"


class DateRequired(InputRequired):
    """InputRequired without the HTML `required` flag, which is not valid on the date boxes'
    wrapper."""

    def __init__(self, message=None):
        super().__init__(message)
        self.field_flags = {}


class DayMonthYearField(DateField):
    """A GOV.UK date (day, month, year boxes) that copes with boxes missing from the request."""

    def __init__(self, label, **kwargs):
        kwargs.setdefault("format", _DATE_FORMAT)
        kwargs.setdefault("widget", GovDateInput())
        super().__init__(label, **kwargs)

    def process_formdata(self, valuelist):
        if len(valuelist) != 3:
            valuelist = (list(valuelist) + ["", "", ""])[:3]
            self.raw_data = valuelist
        if all(not value.strip() for value in valuelist):
            self.data = None
            return
        try:
            super().process_formdata([" ".join(value.strip() for value in valuelist)])
        except ValueError:
            self.data = None
            raise ValueError("Enter a real date, for example 27 3 2026") from None


def _choices(mapping):
    return [SelectChoice(value, label) for value, label in mapping.items()]


class MeasureForm(FlaskForm):
    slug = StringField(
        "Slug (used in links and the API)",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter a slug"), Length(max=80)],
    )
    name = StringField(
        "Name",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the name"), Length(max=160)],
    )
    definition = StringField(
        "Plain-English definition", widget=GovTextArea(), validators=[Length(max=2000)]
    )
    audience = SelectField("Audience", widget=GovSelect(), choices=_choices(AUDIENCE_LABELS))
    source = SelectField(
        "Source",
        widget=GovSelect(),
        choices=_choices(
            {"survey": "Survey answers", "staff": "Figures staff enter each month or quarter"}
        ),
    )
    question_key = StringField(
        "Question key (survey measures)", widget=GovTextInput(), validators=[Length(max=60)]
    )
    favourable_codes = StringField(
        "Favourable answer codes, separated by commas",
        widget=GovTextInput(),
        validators=[Length(max=400)],
    )
    polarity = SelectField(
        "Which way is better",
        widget=GovSelect(),
        choices=_choices(
            {"higher_is_better": "Higher is better", "lower_is_better": "Lower is better"}
        ),
    )
    unit = StringField(
        "Unit (staff figures, for example complaints a month)",
        widget=GovTextInput(),
        validators=[Length(max=40)],
    )
    owner = StringField("Owner", widget=GovTextInput(), validators=[Length(max=160)])
    owner_organisation = SelectField(
        "Organisation that owns the figures",
        widget=GovSelect(),
        description="Its moderators, editors and admins see exact counts on staff pages; everyone "
        "else sees rounded figures. Only admins can change this.",
        choices=[SelectChoice("", "None (only admins see exact counts)")]
        + [SelectChoice(code, label) for code, label in ORGANISATION_LABELS.items()],
    )
    public = BooleanField(
        "Show on the public results page and API", widget=GovCheckboxInput(), default=True
    )
    submit = SubmitField("Save measure", widget=GovSubmitInput())


class BaselineForm(FlaskForm):
    label = StringField(
        "Name of the period",
        widget=GovTextInput(),
        description="For example, Summer 2026 Big Listen",
        validators=[InputRequired(message="Enter a name for the period"), Length(max=160)],
    )
    date_from = DayMonthYearField(
        "From (optional)", validators=[Optional()], description="For example, 1 7 2026"
    )
    date_to = DayMonthYearField(
        "To (optional)", validators=[Optional()], description="For example, 30 9 2026"
    )
    survey_id = SelectField(
        "Survey (optional)", widget=GovSelect(), coerce=int, validators=[Optional()]
    )
    preview = SubmitField("Preview baseline", widget=GovSubmitInput())
    lock = SubmitField("Lock baseline", widget=GovSubmitInput())


class UnlockForm(FlaskForm):
    reason = StringField(
        "Why are you unlocking this baseline?",
        widget=GovTextArea(),
        validators=[
            InputRequired(message="Enter why the baseline is being unlocked"),
            Length(max=1000),
        ],
    )
    submit = SubmitField("Unlock baseline", widget=GovSubmitInput())


class TargetsForm(FlaskForm):
    """One target per financial year; survey targets are percentages, staff ones plain figures."""

    target_2026 = DecimalField(
        "2026/27", widget=GovTextInput(), places=None, validators=[Optional()]
    )
    target_2027 = DecimalField(
        "2027/28", widget=GovTextInput(), places=None, validators=[Optional()]
    )
    target_2028 = DecimalField(
        "2028/29", widget=GovTextInput(), places=None, validators=[Optional()]
    )
    submit = SubmitField("Save targets", widget=GovSubmitInput())


class FigureForm(FlaskForm):
    period_start = DayMonthYearField(
        "First day of the month or quarter",
        validators=[DateRequired(message="Enter the first day of the period")],
    )
    period_end = DayMonthYearField(
        "Last day of the month or quarter",
        validators=[DateRequired(message="Enter the last day of the period")],
    )
    value = DecimalField(
        "Figure",
        widget=GovTextInput(),
        places=None,
        validators=[
            InputRequired(message="Enter the figure"),
            NumberRange(min=0, message="Enter a figure of 0 or more"),
        ],
    )
    note = StringField("Note (optional)", widget=GovTextInput(), validators=[Length(max=500)])
    submit = SubmitField("Save figure", widget=GovSubmitInput())


class ActivityForm(FlaskForm):
    title = StringField(
        "Event or group",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter the event or group"), Length(max=200)],
    )
    held_on = DayMonthYearField(
        "Date", validators=[DateRequired(message="Enter the date it was held")]
    )
    locality_id = SelectField("Locality", widget=GovSelect(), coerce=int)
    parent_carers = IntegerField(
        "Parent carers who took part",
        widget=GovTextInput(),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=100000, message=_WHOLE)],
    )
    young_people = IntegerField(
        "Children and young people who took part",
        widget=GovTextInput(),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=100000, message=_WHOLE)],
    )
    professionals = IntegerField(
        "Professionals who took part",
        widget=GovTextInput(),
        default=0,
        validators=[Optional(), NumberRange(min=0, max=100000, message=_WHOLE)],
    )
    decision_level = SelectField(
        "Level of decision it informed", widget=GovSelect(), choices=_choices(DECISION_LEVELS)
    )
    what_changed = StringField(
        "What it changed", widget=GovTextArea(), validators=[Length(max=4000)]
    )
    submit = SubmitField("Add to the log", widget=GovSubmitInput())
