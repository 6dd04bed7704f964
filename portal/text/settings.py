"""Find names of schools, nurseries, colleges and other settings (a gazetteer plus word cues).

In a small county a school name next to a child's name identifies the child, so find_pii redacts
a setting only when the same comment holds a person's name or a date of birth. A setting named on
its own is not personal data (../shared/eval/README.md): the moderator is shown it to check."""

import functools
import re

from portal.text.names import NOT_NAMES
from portal.text.person_names import _known_word

_KIND_WORDS = (
    r"(?:primary|primary school|infants?|infant school|juniors?|junior school|academy|"
    r"high school|high|secondary school|secondary|grammar school|school|special school|"
    r"nursery|nursery school|pre-?school|playgroup|day nursery|college|sixth form|"
    r"sixth form college|federation|pupil referral unit|pru|children'?s centre|family hub)"
)
_FAITH = r"(?:(?:C\.?\s?of\s?E|CE|CofE|RC|Catholic|Church of England|Methodist)\s+)?"
_CAP_WORD = r"[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?"
# "Oakfield Primary", "Meole Brace School", "St Mary's CE Primary", "St. Chad's", "Priory Academy".
_CUED = re.compile(
    rf"\b((?:St\.?|Saint)\s+{_CAP_WORD}(?:['\u2019]s|s)?(?:\s+{_FAITH}(?i:{_KIND_WORDS})|\s+(?:C\.?\s?of\s?E|CE|CofE|RC)\b)?"
    rf"|(?:{_CAP_WORD}\s+){{1,3}}{_FAITH}(?i:{_KIND_WORDS}))\b"
)
# Lower case after a place cue: "goes to oakfield primary", "at meole brace school".
_CUED_LOWER = re.compile(
    rf"\b(?:at|to|from|attends|attending|attended|in)\s+((?:[a-z][a-z'\u2019-]+\s+){{1,2}}{_KIND_WORDS})\b",
    re.IGNORECASE,
)
# Capitalised words that describe a kind of school rather than name one ("Special School").
_GENERIC = (
    frozenset(
        """the a an my his her our their your its this that special mainstream local
secondary primary independent new old current previous next residential free state private
grammar village community nursery high first middle upper lower sixth further education day
boarding welsh english catholic church faith infant junior infants juniors academy school
college his alternative specialist autism autistic send sen semh asd hospital main big small
another same other every each any some which what when where if so but and or because as
forest sunday summer holiday driving dance drama swimming football music art beach home night
after breakfast online virtual hospital prison
""".split()
    )
    | NOT_NAMES
)


def _known(word):

    return _known_word(word)


def _named(words):
    """True when some word before the kind word names a place rather than describing a kind."""
    return any(re.sub(r"['\u2019]s?$", "", word.lower()) not in _GENERIC for word in words)


def gazetteer_pattern(names):
    """Compile the admin-edited list of setting names into one case-insensitive regex (or None)."""
    return _compiled(tuple(sorted(set(names))))


@functools.lru_cache(maxsize=8)
def _compiled(names):
    names = sorted(
        {name.strip() for name in names if name and len(name.strip()) >= 4}, key=len, reverse=True
    )
    if not names:
        return None
    parts = [r"\s+".join(map(re.escape, name.split())) for name in names]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def find_settings(text, gazetteer=None):
    """Return sorted (start, end) spans of school and setting names in text.

    gazetteer: a regex from gazetteer_pattern(), or None for word cues only."""
    spans = []
    if gazetteer is not None:
        spans += [(m.start(), m.end()) for m in gazetteer.finditer(text)]
    for match in _CUED.finditer(text):
        name = match.group(1)
        words = name.split()
        if words[0].lower().rstrip(".") in ("st", "saint") or _named(words[:-1]):
            start = match.start(1)
            if words[0] in ("The", "A") and len(words) > 2:
                start += len(words[0]) + 1
            spans.append((start, match.end(1)))
    for match in _CUED_LOWER.finditer(text):
        words = match.group(1).split()
        head = [w for w in words if not re.fullmatch(_KIND_WORDS, w, re.IGNORECASE)]
        if head and all(w.lower() not in _GENERIC and not _known(w.lower()) for w in head):
            spans.append((match.start(1), match.end(1)))
    return _merge(spans)


def _merge(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
