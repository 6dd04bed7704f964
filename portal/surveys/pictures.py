"""Pictures for easy-read surveys: one beside each question and beside answers where they help.

The SVGs in static/img/easy-read/ were drawn for the project. A question's picture carries a text
alternative; an answer's picture sits inside its label beside the same words, so it is decorative
(alt="").
"""

QUESTION_PICTURES = {
    "role": ("person", "A person"),
    "age_band": ("cake", "A birthday cake"),
    "locality": ("house", "A house"),
    "cohort": ("plan", "A plan written on paper"),
    "setting_type": ("school", "A school"),
    "overall_satisfaction": ("happy", "A happy face"),
    "feel_listened_to": ("listen", "An ear listening"),
    "included_in_decisions": ("hand-up", "A hand up, having a say"),
    "confidence_needs_met": ("help", "Hands helping"),
    "know_where_to_find_information": ("find", "A magnifying glass"),
    "feel_safe": ("safe", "A shield that keeps you safe"),
    "preparing_for_adulthood": ("future", "An arrow going forward"),
    "what_is_working": ("good", "A star"),
    "what_should_change": ("change", "A pencil"),
}

ANSWER_PICTURES = {
    "very_satisfied": "very-happy",
    "satisfied": "happy",
    "neither": "not-sure",
    "dissatisfied": "unhappy",
    "very_dissatisfied": "very-unhappy",
    "dont_know": "dont-know",
    "strongly_agree": "very-happy",
    "agree": "happy",
    "disagree": "unhappy",
    "strongly_disagree": "very-unhappy",
}
PICTURED_TYPES = {"satisfaction_scale", "agreement_scale"}


def pictures_for(survey, question, easy_read=None):
    """(question picture as (name, alt) or None, {answer code: picture name}) for an easy-read page.

    `easy_read` is the respondent's survey version's setting, when there is one (else the
    survey's)."""
    if not (survey.is_easy_read if easy_read is None else easy_read):
        return None, {}
    answers = ANSWER_PICTURES if question.type in PICTURED_TYPES else {}
    return QUESTION_PICTURES.get(question.key), answers
