"""Forms for writing entries, choosing evidence, changing status and asking for updates."""

from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    DateField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length

from portal.accounts.models import ORGANISATION_LABELS
from portal.you_said_we_did.models import STATUS_LABELS

LONG = 5000


class DayMonthYearField(DateField):
    """A GOV.UK date input (day, month, year boxes); blank is None, anything else must be a real
    date."""

    def process_formdata(self, valuelist):
        if not valuelist:
            self.raw_data = None  # not sent: the widget shows `data` (the saved date, if any)
            return
        parts = [str(p).strip() for p in (list(valuelist) + ["", "", ""])[:3]]
        self.raw_data, self.data = parts, None
        if not any(parts):
            return
        try:
            self.data = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError as error:
            raise ValueError("Enter a real date, for example 27 3 2027") from error


def _status_choices():
    return [SelectChoice(value, label) for value, label in STATUS_LABELS.items()]


def _text(label, limit=LONG, hint=None, required=None):
    validators = [Length(max=limit, message=f"Must be {limit:,} characters or fewer")]
    if required:
        validators.insert(0, InputRequired(message=required))
    return TextAreaField(label, widget=GovTextArea(), description=hint, validators=validators)


class EntryForm(FlaskForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        description="Short and plain, for example: Shorter waits for autism assessments",
        validators=[
            InputRequired(message="Enter a short title"),
            Length(max=150, message="Must be 150 characters or fewer"),
        ],
    )
    you_said = _text(
        "You said", hint="What people told us, in plain words", required="Enter what people told us"
    )
    we_did = _text(
        "We did, or we will",
        hint="The action, in plain words",
        required="Enter what we did or will do",
    )
    status = RadioField(
        "Status",
        widget=GovRadioInput(),
        choices=_status_choices(),
        validators=[InputRequired(message="Select a status")],
    )
    not_possible_reason = _text("Why it is not possible (only for \u201cnot possible\u201d)")
    owner_organisation = SelectField(
        "Owner organisation",
        widget=GovSelect(),
        choices=[SelectChoice(value, label) for value, label in ORGANISATION_LABELS.items()],
    )
    due_on = DayMonthYearField("Due date (optional)", widget=GovDateInput())
    completed_on = DayMonthYearField("Date completed (optional)", widget=GovDateInput())
    themes = SelectMultipleField("Themes", widget=GovCheckboxesInput(), coerce=int)
    localities = SelectMultipleField(
        "Localities (leave empty for the whole area)", widget=GovCheckboxesInput(), coerce=int
    )
    young_title = StringField(
        "Title in easy words",
        widget=GovTextInput(),
        validators=[Length(max=150)],
        description="For example: Shorter waits for help with talking",
    )
    young_text = _text(
        "Young people's version",
        limit=1200,
        hint="Easy words and short sentences (20 words or fewer each). Say what young people told "
        "us and what we are doing.",
    )
    young_checked_on = DayMonthYearField(
        "Date the young people's forum checked it (optional)", widget=GovDateInput()
    )
    decision = _text("What was decided (optional decision record)")
    options_considered = _text("Options considered")
    what_changed = _text("What changed because of what people said")
    decided_by = StringField(
        "Who decided",
        widget=GovTextInput(),
        description="A role or a board, for example: SEND partnership board",
        validators=[Length(max=200)],
    )
    decided_on = DayMonthYearField("When it was decided", widget=GovDateInput())
    contributions = StringField(
        "Evidence: contribution numbers (optional)",
        widget=GovTextInput(),
        description="Separated by commas, for example 12, 15, 31. You can also choose "
        "evidence after saving.",
        validators=[Length(max=2000)],
    )
    submit = SubmitField("Save draft", widget=GovSubmitInput())

    def __init__(self, themes, localities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = [SelectChoice(t.id, t.label) for t in themes]
        self.localities.choices = [SelectChoice(loc.id, loc.name) for loc in localities]

    def values(self):
        """The form as the `data` mapping save_entry takes."""
        data = {
            name: field.data
            for name, field in self._fields.items()
            if name not in ("csrf_token", "submit", "themes", "localities", "contributions")
        }
        return {
            **data,
            "theme_ids": self.themes.data or [],
            "locality_ids": self.localities.data or [],
        }


class EvidenceForm(FlaskForm):
    evidence = SelectMultipleField("Evidence", coerce=int)
    quotes = SelectMultipleField("Quotes", coerce=int)
    submit = SubmitField("Save evidence and quotes", widget=GovSubmitInput())

    def __init__(self, contributions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [SelectChoice(c.id, str(c.id)) for c in contributions]
        self.evidence.choices, self.quotes.choices = choices, list(choices)


class StatusForm(FlaskForm):
    status = RadioField(
        "New status",
        widget=GovRadioInput(),
        choices=_status_choices(),
        validators=[InputRequired(message="Select the new status")],
    )
    note = _text("What changed (shown in the public history)", limit=2000)
    not_possible_reason = _text(
        "Why it is not possible (only for \u201cnot possible\u201d)", limit=2000
    )
    completed_on = DayMonthYearField(
        "Date completed (for \u201cdone\u201d; today if left empty)", widget=GovDateInput()
    )
    submit = SubmitField("Change status", widget=GovSubmitInput())


class ReturnForm(FlaskForm):
    note = _text("What needs to change", limit=2000, required="Say what needs to change")
    submit = SubmitField("Send back to the author", widget=GovSubmitInput())


class SubscribeForm(FlaskForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your email address"), Length(max=254)],
    )
    themes = SelectMultipleField(
        "Topics (optional)",
        widget=GovCheckboxesInput(),
        description="Choose none to hear about every topic",
    )
    localities = SelectMultipleField(
        "Areas (optional)",
        widget=GovCheckboxesInput(),
        description="Choose none to hear about every area",
    )
    website = StringField(
        "Leave this empty", validators=[Length(max=200)]
    )  # honeypot for spam robots
    submit = SubmitField("Ask for updates", widget=GovSubmitInput())

    def __init__(self, themes, localities, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes.choices = [SelectChoice(t.slug, t.label) for t in themes]
        self.localities.choices = [SelectChoice(loc.slug, loc.name) for loc in localities]
