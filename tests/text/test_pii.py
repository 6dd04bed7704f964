"""Personal data detection and redaction."""

import pytest

from portal.text.pii import find_pii, redact

pytestmark = pytest.mark.pure


def kinds(text):
    return [(text[s.start : s.end], s.kind) for s in find_pii(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Please ring 07700 900123 after 3pm", "07700 900123"),
        ("call me on +44 7700 900123", "+44 7700 900123"),
        ("my number is +44 (0)1632 960358", "+44 (0)1632 960358"),
        ("ring 07700-900-123 any time", "07700-900-123"),
        ("home phone (01632) 960 358", "(01632) 960 358"),
        ("mobile 07700900123", "07700900123"),
    ],
)
def test_uk_phone_numbers_in_many_formats(text, expected):
    assert (expected, "phone") in kinds(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("email me at k.marlowe77@example.com please", "k.marlowe77@example.com"),
        ("it's jo dot smith at gmail dot com", "jo dot smith at gmail dot com"),
        ("jo.smith at hotmail.co.uk", "jo.smith at hotmail.co.uk"),
    ],
)
def test_emails_including_spelled_out(text, expected):
    assert (expected, "email") in kinds(text)


def test_full_postcode_and_street_address():
    found = kinds("We live at 7 Heron Way, Ludlow SY8 4KV.")
    assert ("7 Heron Way", "address") in found
    assert ("SY8 4KV", "address") in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("her birthday is 3rd May, she'll be 7", "3rd May"),
        ("Harley, born 02/11/2011, is in year 8", "02/11/2011"),
        ("My son (DOB 14/03/2013) is out of school", "14/03/2013"),
        ("date of birth: 5 June 2012", "5 June 2012"),
    ],
)
def test_dates_of_birth(text, expected):
    assert (expected, "date_of_birth") in kinds(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("my taxi driver dave is the best", "dave"),
        ("A massive thank you to Priya in the SEND team.", "Priya"),
        ("Jo (mum of Ellie) here", "Ellie"),
        ("mr fenwick is the only teacher who doesnt shout", "mr fenwick"),
        ("Dr Hesketh-Munro said she would refer us", "Dr Hesketh-Munro"),
        ("My daughter Freya Oakhurst is in year 9", "Freya Oakhurst"),
        ("Our caseworker, Janine Trebor, told me", "Janine Trebor"),
        ("Tamsin from the SEND team rang", "Tamsin"),
        ("shut up sophie nobody cares", "sophie"),
        ("my son Zebedee loves trains", "Zebedee"),
    ],
)
def test_names_from_context_and_first_name_list(text, name):
    assert (name, "name") in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs B was really kind to us",
        "We live near Ludlow, not far from Oswestry.",
        "SENDIASS, PACC and BeeU all helped, and so did IPSEA and the Local Offer.",
        "The SENCO and the lady who does the plans were lovely.",
        "My son is 9 and autistic.",
        "@year9lad lol same",
        "He loves Peppa Pig and Mr Tumble.",
        "St Mary's Primary has been good",
        "i miss my mates",
        "Make £££ working from home!! Call 07700 900999 NOW, visit www.cash.example.com",
        "Call the SENDIASS helpline on 0300 123 4567.",
        "We are in year 9 2AB? No, it is class 9X.",
    ],
)
def test_hard_negatives_are_not_personal_data(text):
    assert kinds(text) == []


def test_redaction_replaces_each_span_with_its_kind():
    text = "My son Kai Brennock (DOB 14/03/2013): ring 07700 900417 or jo@example.com"
    assert redact(text) == "My son [name] (DOB [date of birth]): ring [phone] or [email]"


def test_redaction_leaves_clean_text_alone():
    assert redact("The SENCO rang back within a day.") == "The SENCO rang back within a day."


def test_more_name_and_date_cues():
    from portal.text.pii import find_pii

    assert find_pii("hi im thandiwe and im a young carer")
    assert find_pii("ask for nikhil at the front desk")
    assert find_pii("Taxi escort Marguerite is lovely")
    assert find_pii("He'll be 16 on the 4th of November")
    assert find_pii("add me on snap its jaz.m2009")
    assert not find_pii("Honestly the best thing is his key adult at school. He trusts her.")
    assert not find_pii("Harry Potter is the only thing he reads")
    assert not find_pii("Shrewsbury is an hour on the bus")


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "our Ella-Rose starts reception in september",
            "Ella-Rose",
        ),  # both parts listed, each ambiguous alone
        (
            "Oriane (9) and her brother are both waiting",
            "Oriane",
        ),  # an unlisted name before an age in brackets
        ("Kacper (14yo) has been out of school since may", "Kacper"),
        (
            "my cousin jay came round after tea",
            "jay",
        ),  # lower case, ambiguous, after a kinship word
        ("i lent my old charger to jay last week", "jay"),  # handed to someone
        ("i sit next to rose in class and she helps me", "rose"),  # where they are met
    ],
)
def test_names_from_round_two_cues(text, name):
    assert name in [text[s.start : s.end] for s in find_pii(text) if s.kind == "name"]


@pytest.mark.parametrize(
    "text",
    [
        "Mrs D-S was really kind at the meeting",  # initials alone are never personal data
        "Mr H. said the plan is late",
        "the SENCO (J.R.) replied within a day",
        "Year (9) options evening was useful",  # a known word before an age is not a name
        "the Cross-Party group met the council",  # hyphenated words that are not both first names
        "give it to me at school tomorrow",
        "i will talk to them in class",
        "miss K asked me to stay behind after maths",  # a capital initial, then an ordinary word
        "I work as a nurse. We have seen referrals double",  # a sentence ending in a title word
    ],
)
def test_round_two_non_names(text):
    assert not [s for s in find_pii(text) if s.kind == "name"]
