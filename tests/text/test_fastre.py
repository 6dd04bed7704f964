"""Literal-gated pattern sets give the same answers as plain regex search."""

import json
import re

import pytest

from portal.text import pii, safeguarding, sentiment
from portal.text.abuse import STRONG
from portal.text.fastre import PatternSet, literal_gate, required_literals, split_top_level
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


def _labelled_texts():
    from tests.text.labelled_sets import DATA

    return [
        json.loads(line)["text"]
        for path in sorted(DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_literal_gate_is_none_when_a_branch_has_no_literal_or_case_is_ignored():
    assert literal_gate(re.compile(r"\bhits me|kicks? me")) == (" me",) or set(
        literal_gate(re.compile(r"\bhits me|kicks? me"))
    ) >= {"hits me"}
    assert literal_gate(re.compile(r"abc|\w+")) is None
    assert literal_gate(re.compile(r"abc|def", re.IGNORECASE)) is None


def test_gated_substitutions_give_the_same_text_on_every_labelled_comment():
    # The gates skip a regex only when it cannot match: the idiom stripping, the polite formulas
    # and the spam test answer exactly as the plain regexes do.
    for text in _labelled_texts() + SAMPLES + ["Click here!! Buy now, our prices from £5", "££ $$"]:
        lowered = safeguarding._normalise(text)
        assert safeguarding._strip_idioms(lowered) == safeguarding._IDIOMS.sub(" ", lowered)
        low = text.lower()
        assert pii.is_spam(text) == (len(pii._SPAM_CUES.findall(low)) >= 2), text
        expected = low
        for _literals, regex in sentiment._POLITE:
            expected = regex.sub(" ", expected)
        polite = low
        for literals, regex in sentiment._POLITE:
            if any(literal in polite for literal in literals):
                polite = regex.sub(" ", polite)
        assert polite == expected, text
