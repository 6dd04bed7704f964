"""Literal-gated pattern sets give the same answers as plain regex search."""

import json
import re

import pytest

from portal.text import pii, safeguarding, sentiment
from portal.text.abuse import STRONG
from portal.text.fastre import (
    CaselessRegex,
    PatternSet,
    literal_gate,
    required_literals,
    split_top_level,
)
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


def _caseless_regexes():
    from portal.text import person_names

    return [
        value
        for module in (pii, person_names)
        for value in vars(module).values()
        if isinstance(value, CaselessRegex)
    ]


def _found(matches):
    return [(m.span(), m.group(0), m.group(1) if m.lastindex else None) for m in matches]


def test_caseless_regexes_find_what_the_plain_regex_finds_on_every_labelled_comment():
    regexes = _caseless_regexes()
    assert len(regexes) >= 10
    texts = (
        _labelled_texts() + SAMPLES + ["My Son KAI and MY SON kai", "my son Zoë", "MUM OF Ellie"]
    )
    for text in texts + [text.upper() for text in texts[:300]]:
        for caseless in regexes:
            plain = caseless.regex
            assert _found(caseless.finditer(text)) == _found(plain.finditer(text)), text
            assert _found(filter(None, [caseless.search(text)])) == _found(
                filter(None, [plain.search(text)])
            ), text


def test_caseless_keeps_the_original_case_and_refuses_patterns_it_cannot_lower():
    son = CaselessRegex(re.compile(r"\bmy son ([a-z]+)", re.IGNORECASE))
    match = son.search("Hello MY SON Kai")
    assert match.group(1) == "Kai" and match.span(1) == (13, 16)
    assert son.search("my daughter Ava") is None
    # [A-Z] ignoring case matches any letter: not the same as [A-Z] over lower-cased text.
    capital = CaselessRegex(re.compile(r"thanks ([A-Z][a-z]+)", re.IGNORECASE))
    assert capital._lower is None and capital.search("thanks jo").group(1) == "jo"
    # Outside ASCII, lower() can change a text's length: the regex itself runs.
    assert son.search("İİ my son Kai").span(1) == (10, 13)  # lowered, it would be (12, 15)


def test_vader_shortcut_scores_every_labelled_clause_as_vader_does():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    plain = SentimentIntensityAnalyzer()
    plain.lexicon.update(sentiment.lexicon.WORDS)
    fast = sentiment._vader()
    texts = _labelled_texts() + SAMPLES + ["  GREAT  but awful ", "kind of ok", "love it 😀 x"]
    for text in texts:
        normal = sentiment._normalise(text)
        for start, end, _ in sentiment._clauses(normal):
            clause = normal[start:end]
            assert fast.polarity_scores(clause) == plain.polarity_scores(clause), clause
        assert fast.polarity_scores(text) == plain.polarity_scores(text), text


def test_role_precheck_never_skips_a_role_the_regex_finds():
    from portal.text import person_names

    texts = _labelled_texts() + [
        "my Taxi Driver  Dave",
        "our 1:1 Sam",
        "a ONE TO ONE\nJo",
        "TA Ben",
    ]
    checked = 0
    for text in texts + [text.upper() for text in texts[:300]]:
        for start in range(1, len(text)):
            if person_names._ROLE_BEFORE.search(text, max(0, start - 40), start):
                checked += 1
                assert person_names._role_may_end(text, start), (text, start)
    assert checked > 100
    assert not person_names._role_may_end("the taxi Dave", 9)
