"""The young people's Big Listen 2026 survey and its easy-read version (the same question keys, so
answers pool)."""


def _choices(*pairs):
    return [{"code": code, "label": label} for code, label in pairs]


_PFA = {"key": "age_band", "in": ["16-18", "19-25"]}
YP_ETHNICITY = _choices(
    ("white", "White"),
    ("mixed", "Mixed or multiple ethnic groups"),
    ("asian", "Asian or Asian British"),
    ("black", "Black, Black British, Caribbean or African"),
    ("other", "Another ethnic group"),
    ("prefer_not_to_say", "Prefer not to say"),
)
YP_ROLES = _choices(
    ("young_person", "I am a child or young person"),
    ("parent_carer", "I am a parent or carer helping a young person answer"),
    ("professional", "I work with young people and I am helping someone answer"),
)
YP_AGES = _choices(
    ("5-10", "10 or younger"), ("11-15", "11 to 15"), ("16-18", "16 to 18"), ("19-25", "19 to 25")
)

YOUNG_PEOPLE = {
    "slug": "big-listen-2026-young-people",
    "title": "Big Listen 2026: young people",
    "audience": "young_person",
    "minutes": 8,
    "description": (
        "For children and young people up to 25 who get extra help with learning, or who have a "
        "disability. Tell us what is going well and what should be better."
    ),
    "questions": [
        ("role", "role", "Who is answering?", "", True, YP_ROLES, None),
        ("age_band", "age_band", "How old are you?", "", False, YP_AGES, None),
        (
            "locality",
            "locality",
            "Where do you live?",
            "Choose the place nearest to your home.",
            False,
            None,
            None,
        ),
        ("cohort", "cohort", "What help do you have at school or college?", "", False, None, None),
        ("setting_type", "setting_type", "Where do you learn or work?", "", False, None, None),
        (
            "overall_satisfaction",
            "satisfaction_scale",
            "Overall, how happy are you with the help you get?",
            "",
            True,
            _choices(
                ("very_satisfied", "Very happy"),
                ("satisfied", "Happy"),
                ("neither", "Not happy or unhappy"),
                ("dissatisfied", "Unhappy"),
                ("very_dissatisfied", "Very unhappy"),
                ("dont_know", "I don't know"),
            ),
            None,
        ),
        (
            "feel_listened_to",
            "agreement_scale",
            "I feel listened to by the adults around me",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "included_in_decisions",
            "agreement_scale",
            "I get a say in decisions about my support",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "confidence_needs_met",
            "agreement_scale",
            "I feel sure I will get the help I need",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "know_where_to_find_information",
            "agreement_scale",
            "I know where to find information about help and support",
            "How much do you agree?",
            True,
            None,
            None,
        ),
        (
            "feel_safe",
            "agreement_scale",
            "I feel safe",
            "How much do you agree?",
            False,
            None,
            None,
        ),
        (
            "preparing_for_adulthood",
            "agreement_scale",
            "I get help to plan for my future: college, work, where I live and friends",
            "How much do you agree?",
            False,
            None,
            _PFA,
        ),
        (
            "what_is_working",
            "long_text",
            "What is going well for you?",
            "Please do not write your name or anyone else's name.",
            False,
            None,
            None,
        ),
        (
            "what_should_change",
            "long_text",
            "What should be better?",
            "Please do not write your name or anyone else's name.",
            False,
            None,
            None,
        ),
        (
            "equality_ethnicity",
            "equality",
            "What is your ethnic group?",
            "You do not have to answer this.",
            False,
            YP_ETHNICITY,
            None,
        ),
    ],
}

_EASY_AGREE = _choices(
    ("strongly_agree", "Yes, a lot"),
    ("agree", "Yes"),
    ("neither", "Not sure"),
    ("disagree", "No"),
    ("strongly_disagree", "No, not at all"),
    ("dont_know", "I don't know"),
)
EASY_READ = {
    "slug": "big-listen-2026-young-people-easy-read",
    "title": "Big Listen 2026: young people (easy read)",
    "audience": "young_person",
    "easy_read": True,
    "minutes": 8,
    "description": "Tell us about the help you get. There are no right or wrong answers.",
    "who_sees": (
        "A few people from the council, the NHS and our helpers will read your answers. They will "
        "not know your name. We only show how many people said each thing."
    ),
    "next": (
        "We read all the answers. Then we try to make things better. We will tell you what we did. "
        "Look for "
        '"you said, we did" on this website.'
    ),
    "questions": [
        (
            "role",
            "role",
            "Who is filling this in?",
            "",
            True,
            _choices(
                ("young_person", "Me"),
                ("parent_carer", "My mum, dad or carer is helping me"),
                ("professional", "A worker is helping me"),
            ),
            None,
        ),
        ("age_band", "age_band", "How old are you?", "", False, YP_AGES, None),
        (
            "locality",
            "locality",
            "Where do you live?",
            "Pick the place nearest to your home.",
            False,
            None,
            None,
        ),
        (
            "cohort",
            "cohort",
            "Do you have a plan for your help?",
            "",
            False,
            _choices(
                ("ehcp", "Yes, I have an EHC plan"),
                ("sen_support", "I get extra help but I do not have a plan"),
                ("awaiting_assessment", "I am waiting to find out"),
                ("no_plan", "No"),
                ("dont_know", "I don't know"),
            ),
            None,
        ),
        (
            "setting_type",
            "setting_type",
            "Where do you go in the day?",
            "",
            False,
            _choices(
                ("mainstream_school", "School"),
                ("special_school", "Special school"),
                ("college", "College"),
                ("work_or_training", "Work or training"),
                ("home_education", "I learn at home"),
                ("other", "Somewhere else"),
            ),
            None,
        ),
        (
            "overall_satisfaction",
            "satisfaction_scale",
            "Are you happy with the help you get?",
            "",
            True,
            _choices(
                ("very_satisfied", "Very happy"),
                ("satisfied", "Happy"),
                ("neither", "Not sure"),
                ("dissatisfied", "Unhappy"),
                ("very_dissatisfied", "Very unhappy"),
                ("dont_know", "I don't know"),
            ),
            None,
        ),
        (
            "feel_listened_to",
            "agreement_scale",
            "Do adults listen to you?",
            "",
            True,
            _EASY_AGREE,
            None,
        ),
        (
            "included_in_decisions",
            "agreement_scale",
            "Do you get a say about your help?",
            "",
            True,
            _EASY_AGREE,
            None,
        ),
        (
            "confidence_needs_met",
            "agreement_scale",
            "Do you think you will get the help you need?",
            "",
            True,
            _EASY_AGREE,
            None,
        ),
        (
            "know_where_to_find_information",
            "agreement_scale",
            "Do you know where to find out about help?",
            "",
            True,
            _EASY_AGREE,
            None,
        ),
        ("feel_safe", "agreement_scale", "Do you feel safe?", "", False, _EASY_AGREE, None),
        (
            "preparing_for_adulthood",
            "agreement_scale",
            "Do you get help to plan for when you are older?",
            "Like college, a job or where you will live.",
            False,
            _EASY_AGREE,
            _PFA,
        ),
        (
            "what_is_working",
            "long_text",
            "What is good?",
            "Do not write any names.",
            False,
            None,
            None,
        ),
        (
            "what_should_change",
            "long_text",
            "What should be better?",
            "Do not write any names.",
            False,
            None,
            None,
        ),
        (
            "equality_ethnicity",
            "equality",
            "What is your ethnic group?",
            "You do not have to answer.",
            False,
            YP_ETHNICITY,
            None,
        ),
    ],
}
