"""Whole names are redacted: surnames after first names, titles and initials; an initial alone
stays."""

import pytest

from portal.text.pii import redact

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr David Evans was rude to us", "[name] was rude to us"),
        ("Mrs Patel said no again", "[name] said no again"),
        ("Dr. Okafor saw him in March", "[name] saw him in March"),
        ("in the end Jo Bloggs helped us", "in the end [name] helped us"),
        ("Sarah-Jane O'Neill is lovely with him", "[name] is lovely with him"),
        ("we saw mr fenwick today", "we saw [name] today"),
        ("miss k brown is his teacher", "[name] is his teacher"),
        ("mr david evans never rang back", "[name] never rang back"),
        ("my son kai brennock is 7", "my son [name] is 7"),
        ("ask for Mrs Patel-Jones at reception", "ask for [name] at reception"),
        ("David McDonald from transport rang", "[name] from transport rang"),
        ("Amira D\u2019Souza runs the group", "[name] runs the group"),
    ],
)
def test_the_whole_name_is_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mrs B is great",
        "Mrs B told me it would be fine",
        "Mr and Mrs B came to the review",
    ],
)
def test_an_initial_alone_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        # A subject, role or service after a name is not part of it.
        ("Mrs Patel English teacher was kind", "[name] English teacher was kind"),
        ("Thanks Priya SENCO at the school", "Thanks [name] SENCO at the school"),
        ("Mr Evans Head of Year said wait", "[name] Head of Year said wait"),
        ("my daughter ellie tho", "my daughter [name] tho"),
        ("Kai Monday was awful", "[name] Monday was awful"),
    ],
)
def test_words_after_a_name_that_are_not_surnames_stay(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "love from Kai\nShrewsbury is far",
            "love from [name]\nShrewsbury is far",
        ),  # never across a line
        ("we met Priya Today at the centre", "we met [name] Today at the centre"),
    ],
)
def test_a_surname_is_never_taken_across_lines_or_from_everyday_words(text, expected):
    assert redact(text) == expected
