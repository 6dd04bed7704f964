"""Question types, their answer options, routing, and the one-question form a respondent fills
in."""

import re

from flask_wtf import FlaskForm
from flask_wtf.csrf import _FlaskFormCSRF
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    RadioField,
    SelectChoice,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional, ValidationError

SHORT_TEXT_MAX = 500
LONG_TEXT_MAX = 5000
DONT_KNOW = "dont_know"
PREFER_NOT = "prefer_not_to_say"

AGREEMENT = [
    ("strongly_agree", "Strongly agree"),
    ("agree", "Agree"),
    ("neither", "Neither agree nor disagree"),
    ("disagree", "Disagree"),
    ("strongly_disagree", "Strongly disagree"),
    (DONT_KNOW, "Don't know"),
]
SATISFACTION = [
    ("very_satisfied", "Very satisfied"),
    ("satisfied", "Satisfied"),
    ("neither", "Neither satisfied nor dissatisfied"),
    ("dissatisfied", "Dissatisfied"),
    ("very_dissatisfied", "Very dissatisfied"),
    (DONT_KNOW, "Don't know"),
]
ROLES = [
    ("parent_carer", "A parent or carer"),
    ("young_person", "A child or young person"),
    ("professional", "Someone who works with children and young people"),
]
SETTING_TYPES = [
    ("early_years", "Nursery, pre-school or childminder"),
    ("mainstream_school", "Mainstream school"),
    ("inclusion_base", "A special unit or base in a mainstream school"),
    ("special_school", "Special school"),
    ("college", "College or sixth form"),
    ("alternative_provision", "Alternative provision or tuition service"),
    ("home_education", "Educated at home"),
    ("not_in_education", "Not in education, work or training"),
    ("work_or_training", "Work, apprenticeship or training"),
    ("other", "Somewhere else"),
]
RATING = (
    [("0", "0 (the worst)")] + [(str(n), str(n)) for n in range(1, 10)] + [("10", "10 (the best)")]
)

CHOICE_TYPES = {
    "single_choice",
    "agreement_scale",
    "satisfaction_scale",
    "rating_0_10",
    "locality",
    "age_band",
    "cohort",
    "role",
    "setting_type",
    "equality",
}
TEXT_TYPES = {"short_text", "long_text"}
QUESTION_TYPES = {
    "single_choice": "Single choice",
    "multiple_choice": "Multiple choice (tick all that apply)",
    "agreement_scale": "Agreement scale (5 points and don't know)",
    "satisfaction_scale": "Satisfaction scale (5 points and don't know)",
    "rating_0_10": "Rating from 0 to 10",
    "short_text": "Short text",
    "long_text": "Long text",
    "locality": "Locality",
    "age_band": "Age band",
    "cohort": "Cohort (EHC plan, SEN support ...)",
    "role": "Role (parent carer, young person, professional)",
    "setting_type": "Type of school or setting",
    "equality": "Equality monitoring (with prefer not to say)",
}
# Question types whose answer is copied onto the response row as the respondent's profile.
PROFILE_TYPES = ("role", "locality", "age_band", "cohort", "setting_type")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _pairs(pairs):
    return [{"code": code, "label": label} for code, label in pairs]


def question_options(question, reference):
    """The [{"code", "label"}] a question offers. `reference` supplies localities, age bands,
    cohorts.

    A question's own options win (an easy-read survey relabels the same codes in easy words).
    """
    kind = question.type
    if question.options:
        options = list(question.options)
    elif kind in ("locality", "age_band", "cohort"):
        options = list(reference[kind])
    else:
        options = _pairs(
            {
                "agreement_scale": AGREEMENT,
                "satisfaction_scale": SATISFACTION,
                "role": ROLES,
                "setting_type": SETTING_TYPES,
                "rating_0_10": RATING,
            }.get(kind, [])
        )
    if kind == "equality" and all(o["code"] != PREFER_NOT for o in options):
        options.append({"code": PREFER_NOT, "label": "Prefer not to say"})
    return options


def is_visible(question, codes_by_key):
    """Routing: a question with show_if {"key", "in": [codes]} shows only when one of those was
    chosen."""
    rule = question.show_if
    if not rule or not rule.get("key"):
        return True
    return bool(set(codes_by_key.get(rule["key"], ())) & set(rule.get("in") or ()))


def visible_questions(questions, codes_by_key):
    """The live questions this respondent sees, in order, given their answers so far."""
    return [q for q in questions if not q.retired and is_visible(q, codes_by_key)]


def _check_codes(options):
    allowed = {o["code"] for o in options}

    def check(form, field):
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(v not in allowed for v in values if v not in (None, "")):
            raise ValidationError("Choose from the answers shown on this page")

    return check


def _check_control_characters(form, field):
    if field.data and _CONTROL.search(field.data):
        field.data = _CONTROL.sub("", field.data)
        raise ValidationError(
            "Your answer had hidden characters we cannot store (they can come from copying "
            "and pasting). We have removed them: check your answer and continue"
        )


def _required_message(question):
    if question.error_message:
        return question.error_message
    if question.type == "multiple_choice":
        return "Select at least one answer, or go back"
    if question.type in TEXT_TYPES:
        return "Enter your answer"
    return "Select an answer"


# what a form class depends on -> the class: building one costs more than filling it in
_FORM_CLASSES = {}


def answer_form(question, options, **kwargs):
    """A FlaskForm with one field, `answer`, for this question (radios, checkboxes or text)."""
    return answer_form_class(question, options)(**kwargs)


def answer_form_class(question, options):
    """The FlaskForm class answer_form makes, one per question shape, built once and kept."""
    shape = (
        question.type,
        question.text,
        bool(question.required),
        question.error_message,
        tuple((o["code"], o["label"]) for o in options),
    )
    form_class = _FORM_CLASSES.get(shape)
    if form_class is None:
        if len(_FORM_CLASSES) >= 2000:
            _FORM_CLASSES.clear()
        form_class = _FORM_CLASSES[shape] = _answer_form_class(question, options)
    return form_class


class _TokenWhenShown:
    """The page's CSRF token, signed only when the page is shown: a saved answer redirects without
    showing one, and signing a token was a twentieth of its time. The token is the same as
    Flask-WTF's (one per request, kept in g)."""

    __slots__ = ("_make", "_token")

    def __init__(self, make):
        self._make, self._token = make, None

    def __str__(self):
        if self._token is None:
            self._token = self._make()
        return self._token

    __html__ = __str__  # URL-safe characters only: nothing to escape

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))


class _CSRFWhenShown(_FlaskFormCSRF):
    def generate_csrf_token(self, csrf_token_field):
        make = super().generate_csrf_token
        return _TokenWhenShown(lambda: make(csrf_token_field))


def _answer_form_class(question, options):
    class AnswerForm(FlaskForm):
        class Meta:
            csrf_class = _CSRFWhenShown

        submit = SubmitField("Continue", widget=GovSubmitInput())

    required = (
        [InputRequired(message=_required_message(question))] if question.required else [Optional()]
    )
    choices = [SelectChoice(o["code"], o["label"]) for o in options]
    if question.type == "multiple_choice":
        field = SelectMultipleField(
            question.text,
            widget=GovCheckboxesInput(),
            choices=choices,
            validate_choice=False,
            validators=required + [_check_codes(options)],
        )
    elif question.type in CHOICE_TYPES:
        field = RadioField(
            question.text,
            widget=GovRadioInput(),
            choices=choices,
            validate_choice=False,
            validators=required + [_check_codes(options)],
        )
    elif question.type == "short_text":
        field = StringField(
            question.text,
            widget=GovTextInput(),
            validators=required
            + [
                _check_control_characters,
                Length(
                    max=SHORT_TEXT_MAX,
                    message=f"Your answer must be {SHORT_TEXT_MAX} characters or fewer",
                ),
            ],
        )
    else:
        field = TextAreaField(
            question.text,
            widget=GovCharacterCount(),
            validators=required
            + [
                _check_control_characters,
                Length(
                    max=LONG_TEXT_MAX,
                    message=f"Your answer must be {LONG_TEXT_MAX:,} characters or fewer",
                ),
            ],
        )
    AnswerForm.answer = field
    return AnswerForm


def answer_values(question, data):
    """Turn a validated form value into [(code, text, number)] rows to store ([] means skipped)."""
    if question.type in TEXT_TYPES:
        text = (data or "").strip()
        return [(None, text, None)] if text else []
    codes = data if isinstance(data, list) else [data]
    rows = []
    for code in dict.fromkeys(c for c in codes if c):
        number = float(code) if question.type == "rating_0_10" else None
        rows.append((code, None, number))
    return rows


def form_value(question, answers):
    """The stored answers for one question, as the form's `data` (to show what they gave before)."""
    if question.type in TEXT_TYPES:
        return answers[0].text if answers else None
    codes = [a.code for a in answers]
    return codes if question.type == "multiple_choice" else (codes[0] if codes else None)
