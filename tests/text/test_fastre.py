"""Literal-gated pattern sets give the same answers as plain regex search."""

import re

import pytest

from portal.text.abuse import STRONG
from portal.text.fastre import PatternSet, required_literals, split_top_level
from portal.text.safeguarding import CUE_FAMILIES, RISK_PATTERNS

pytestmark = pytest.mark.pure

SAMPLES = [
    "i dont see the point of any of it anymore",
    "my stepdad takes my phone and says if i tell anyone i wont see my mum",
    "the bus was late again and the driver was rude",
    "ur such a weirdo nobody likes u",
    "She hides tablets in her bag and hasn't eaten since Sunday",
    "",
]


def test_split_keeps_nested_groups_and_classes():
    prefix, branches, suffix = split_top_level(r"\b(?:a(?:b|c)|[|]d|e)")
    assert prefix == r"\b" and branches == ["a(?:b|c)", "[|]d", "e"] and suffix == ""


def test_required_literals_cover_every_branch():
    assert required_literals(r"(?:hits|kicks) me") == (" me",) or set(
        required_literals(r"(?:hits|kicks) me")
    ) == {"hits", "kicks"}
    assert required_literals(r"\w+") is None


@pytest.mark.parametrize("entries", [RISK_PATTERNS, CUE_FAMILIES, STRONG])
def test_pattern_set_matches_plain_search(entries):
    patterns = PatternSet(entries)
    for text in SAMPLES:
        lowered = text.lower()
        expected = [key for key, pattern in entries if re.search(pattern, lowered)]
        assert patterns.matching(lowered) == expected, text
