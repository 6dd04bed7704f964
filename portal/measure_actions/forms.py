"""Forms for a measure action: name its owner and review date, close it with a note."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextArea
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import InputRequired, Length, ValidationError

from portal.measures.forms import DateRequired, DayMonthYearField


def _id_or_zero(value):
    """A chosen person's id; anything that is not a number is 0, which the service refuses
    clearly."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class AssignForm(FlaskForm):
    owner_id = SelectField(
        "Person who owns this action", widget=GovSelect(), coerce=_id_or_zero, validate_choice=False
    )
    review_by = DayMonthYearField(
        "Review by",
        description="For example, 15 1 2027",
        validators=[DateRequired(message="Enter the review date")],
    )
    save = SubmitField("Save owner and review date", widget=GovSubmitInput())

    def validate_owner_id(self, field):
        if field.data not in {choice.value for choice in field.choices or ()}:
            raise ValidationError("Choose the person who owns this action")


class CloseForm(FlaskForm):
    note = StringField(
        "What was done",
        widget=GovTextArea(),
        description="The review, the contributory factors found, the support and improvement "
        "actions taken, and what the follow-up figures showed.",
        validators=[
            InputRequired(message="Enter what was done before closing the action"),
            Length(max=4000, message="Keep the note under 4,000 characters"),
        ],
    )
    close = SubmitField("Close the action", widget=GovSubmitInput())
