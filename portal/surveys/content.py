"""The three Big Listen 2026 surveys, as drafts for the partnership to co-produce (seeds-digest 2.2,
2.11, 3)."""

from portal.surveys.content_young import EASY_READ, YOUNG_PEOPLE

WHO_SEES = (
    "A small team at the council, the NHS, the Parent and Carer Council (PACC) and SENDIASS. They "
    "see your answers but never your name. We only publish totals, and quotes with any personal "
    "details removed."
)
NEXT = (
    "We read every answer. We group what people say into themes and publish what we will do about "
    "each one on "
    'our "you said, we did" page, starting in autumn 2026. We will ask again in summer 2027 to see '
    "if things have got better."
)


def choices(*pairs):
    """[("code", "label"), ...] -> [{"code", "label"}]."""
    return [{"code": code, "label": label} for code, label in pairs]


ETHNICITY = choices(
    ("white", "White"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("other", "Another ethnic group"),
    ("prefer_not_to_say", "Prefer not to say"),
)
SERVICES = choices(
    ("salt", "Speech and language therapy (SALT)"),
    ("ot", "Occupational therapy (OT)"),
    ("camhs", "Mental health support (CAMHS)"),
    ("ep", "Educational psychologist (EP)"),
    ("sendiass", "SENDIASS (information, advice and support)"),
    ("pacc", "The Parent and Carer Council (PACC)"),
    ("short_breaks", "Short breaks"),
    ("none", "None of these"),
)

PARENT_CARERS = {
    "slug": "big-listen-2026-parent-carers",
    "title": "Big Listen 2026: parent carers",
    "audience": "parent_carer",
    "minutes": 10,
    "description": (
        "Tell us how well support for your child's special educational needs and disabilities "
        "(SEND) is working, and what should change. You can answer for a child or young person "
        "aged 0 to 25."
    ),
    "questions": [
        ("role", "role", "Are you answering as a parent or carer?", "", True, None, None),
        (
            "locality",
            "locality",
            "Where do you live?",
            "Choose the area nearest to your home.",
            False,
            None,
            None,
        ),
        (
            "age_band",
            "age_band",
            "How old is your child?",
            "If you have more than one child with SEND, think about one of them while you answer.",
            False,
            None,
            None,
        ),
        (
            "cohort",
            "cohort",
            "What support does your child have at the moment?",
            "",
            False,
            None,
            None,
        ),
        (
            "setting_type",
            "setting_type",
            "Where does your child go to learn?",
            "",
            False,
            None,
            None,
        ),
        (
            "overall_satisfaction",
            "satisfaction_scale",
            "Overall, how satisfied are you with the support for your child's SEND?",
            "",
            True,
            None,
            None,
        ),
        (
            "confidence_needs_met",
            "agreement_scale",
            "I am confident that my child's needs will be met",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "feel_listened_to",
            "agreement_scale",
            "I feel listened to by the people who support my child",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "included_in_decisions",
            "agreement_scale",
            "I am included in decisions about my child's support",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "know_where_to_find_information",
            "agreement_scale",
            "I know where to find information about support for my child",
            "For example, the Local Offer website, SENDIASS or a family hub. How much do you "
            "agree?",
            True,
            None,
            None,
        ),
        (
            "support_when_needed",
            "agreement_scale",
            "My child got support when they needed it",
            "How much do you agree?",
            False,
            None,
            None,
        ),
        (
            "ehcp_listened",
            "agreement_scale",
            "My child's EHCP was written with us and describes their needs well",
            "How much do you agree?",
            False,
            None,
            {"key": "cohort", "in": ["ehcp"]},
        ),
        (
            "services_used",
            "multiple_choice",
            "Which of these has your child or family used in the last year?",
            "Select all that apply.",
            False,
            SERVICES,
            None,
        ),
        (
            "what_is_working",
            "long_text",
            "What is working well for your child?",
            "Do not include names or anything that could identify your child.",
            False,
            None,
            None,
        ),
        (
            "what_should_change",
            "long_text",
            "What is the one thing that should change?",
            "Do not include names or anything that could identify your child.",
            False,
            None,
            None,
        ),
        (
            "equality_ethnicity",
            "equality",
            "What is your child's ethnic group?",
            "This question is optional. We ask so we can check we hear from every community.",
            False,
            ETHNICITY,
            None,
        ),
        (
            "equality_english",
            "equality",
            "Is English the main language spoken at home?",
            "This question is optional.",
            False,
            choices(("yes", "Yes"), ("no", "No"), ("prefer_not_to_say", "Prefer not to say")),
            None,
        ),
    ],
}

SURVEYS = [PARENT_CARERS, YOUNG_PEOPLE, EASY_READ]
# What to do when a required question is left out, written for each question (GOV.UK error
# messages).
ERROR_MESSAGES = {
    PARENT_CARERS["slug"]: {
        "role": "Select if you are answering as a parent or carer, a young person or a "
        "professional",
        "overall_satisfaction": "Select how satisfied you are with the support for your child, or "
        "I don't know",
        "confidence_needs_met": "Select how much you agree that your child's needs will be met, "
        "or I don't know",
        "feel_listened_to": "Select how much you agree that you feel listened to, or I don't know",
        "included_in_decisions": "Select how much you agree that you are included in decisions, "
        "or I don't know",
        "know_where_to_find_information": "Select how much you agree that you know where to find "
        "information, or I don't know",
    },
    YOUNG_PEOPLE["slug"]: {
        "role": "Select who is answering",
        "overall_satisfaction": "Select how happy you are with the help you get, or I don't know",
        "feel_listened_to": "Select how much you agree that adults listen to you, or I don't know",
        "included_in_decisions": "Select how much you agree that you get a say, or I don't know",
        "confidence_needs_met": "Select how sure you are that you will get the help you need, or "
        "I don't know",
        "know_where_to_find_information": "Select how much you agree that you know where to find "
        "information, or I don't know",
    },
    EASY_READ["slug"]: {
        "role": "Choose who is filling this in",
        "overall_satisfaction": "Choose how happy you are. You can choose I don't know",
        "feel_listened_to": "Choose if adults listen to you. You can choose I don't know",
        "included_in_decisions": "Choose if you get a say. You can choose I don't know",
        "confidence_needs_met": "Choose if you think you will get help. You can choose I don't "
        "know",
        "know_where_to_find_information": "Choose if you know where to find out. You can choose I "
        "don't know",
    },
}
EASY_READ_OF = {EASY_READ["slug"]: YOUNG_PEOPLE["slug"]}
