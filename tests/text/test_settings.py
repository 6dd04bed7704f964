"""School and setting names: redacted beside a child's name, only highlighted on their own."""

import pytest

from portal.text.analysis import analyse
from portal.text.pii import KIND_LABELS, describe, find_pii, redact, setting_checks
from portal.text.settings import find_settings, gazetteer_pattern

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "My son Kai goes to Oakfield Primary and hates it",
            "My son [name] goes to [school or setting] and hates it",
        ),
        (
            "Grandson Alfie (Year 4 at St Mary's C of E) is sent home",
            "Grandson [name] (Year 4 at [school or setting]) is sent home",
        ),
        ("my son kai goes to oakfield primary", "my son [name] goes to [school or setting]"),
        ("Shrewsbury College was fine for Amy", "[school or setting] was fine for [name]"),
        (
            "my daughter Evie started at Little Acorns Nursery",
            "my daughter [name] started at [school or setting]",
        ),
        ("Ellie has thrived at Priory Academy", "[name] has thrived at [school or setting]"),
        ("Kai is in year 9 at Cranmere High School", "[name] is in year 9 at [school or setting]"),
    ],
)
def test_a_setting_beside_a_childs_name_is_redacted(text, expected):
    assert redact(text, find_pii(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oakfield Primary were great with transport",
        "St Chad's has a brilliant inclusion base",
        "the local primary school was good",
        "special school places are rare",
        "He is at High School now and it is hard",
        "This school never listens",
    ],
)
def test_a_setting_alone_is_not_personal_data(text):
    assert find_pii(text) == [] and analyse(text).redacted == text


def test_a_setting_alone_is_highlighted_for_the_moderator_to_check():
    text = "Oakfield Primary were great, but the local primary school was not"
    checks = setting_checks(text, find_pii(text))
    assert [text[c.start : c.end] for c in checks] == ["Oakfield Primary"]
    assert (
        describe(checks[0].kind)
        == "a school or setting: check it does not identify a child (not removed)"
    )


def test_generic_kinds_of_school_are_not_names():
    assert find_settings("Special School and Mainstream Secondary School are both full") == []
    assert (
        find_settings("Kai loves Forest School, Home School was hard and Summer School helped")
        == []
    )


def test_the_gazetteer_finds_names_without_a_cue_word_in_any_case():
    gazetteer = gazetteer_pattern(["Meole Brace", "Abc", ""])  # too-short names are ignored
    text = "my daughter Evie is at meole  brace"
    assert redact(text, find_pii(text, gazetteer)) == "my daughter [name] is at [school or setting]"
    assert gazetteer_pattern([]) is None


def test_every_kind_has_a_plain_words_reason():
    for kind in (
        "name",
        "phone",
        "email",
        "address",
        "date_of_birth",
        "social_handle",
        "setting",
        "setting_check",
    ):
        assert "_" not in KIND_LABELS[kind] and KIND_LABELS[kind][0].islower()
    assert describe("something_new") == "personal data"
