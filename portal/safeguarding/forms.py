"""Forms for working a safeguarding concern."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextArea
from wtforms import RadioField, SelectChoice, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length


class NoteForm(FlaskForm):
    note = TextAreaField("Note", widget=GovTextArea(), validators=[Length(max=5000)])
    action = RadioField(
        "What are you doing?",
        widget=GovRadioInput(),
        choices=[
            SelectChoice("note", "Adding a note"),
            SelectChoice(
                "acknowledge", "Acknowledging: I am dealing with this (stops reminder emails)"
            ),
            SelectChoice("refer_on", "Referring it on (say to whom in the note)"),
            SelectChoice("close_handled", "Closing: dealt with (the item is never published)"),
            SelectChoice(
                "close_no_risk",
                "Closing: no risk of harm (the item goes back to the moderation queue)",
            ),
        ],
        validators=[InputRequired(message="Select what you are doing")],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
