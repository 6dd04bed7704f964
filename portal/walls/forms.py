"""The admin form for organisation walls."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovSubmitInput
from wtforms import SelectMultipleField, SubmitField


class WallsForm(FlaskForm):
    walled = SelectMultipleField(
        "Whose text is walled?",
        widget=GovCheckboxesInput(),
        validate_choice=True,
        description="Walled text is read in full only by that organisation's staff, and by "
        "safeguarding leads while a concern about it is open. Everyone else sees counts and the "
        "quotes the organisation approves.",
    )
    submit = SubmitField("Save walls", widget=GovSubmitInput())

    def __init__(self, settings, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.walled.choices = [(code, label) for code, label, _ in settings]
        if not self.is_submitted():
            self.walled.data = [code for code, _, walled in settings if walled]
