"""Checks that the young people's version uses easy words and short sentences."""

import re

MAX_SENTENCE_WORDS = 20
MAX_YOUNG_CHARS = 1200
LONG_WORD = 14  # letters; long words are usually hard words
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z'’-]+")


def sentences(text):
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def easy_read_problems(text):
    """Plain-English problems with `text` as a young people's version; [] when it reads easily.

    Sentences over MAX_SENTENCE_WORDS words and words of LONG_WORD letters or more are reported.
    """
    problems = []
    if len(text or "") > MAX_YOUNG_CHARS:
        problems.append(f"Keep it short: {MAX_YOUNG_CHARS:,} characters or fewer")
    for sentence in sentences(text):
        words = _WORD.findall(sentence)
        if len(words) > MAX_SENTENCE_WORDS:
            problems.append(
                f"This sentence has {len(words)} words, use {MAX_SENTENCE_WORDS} or fewer: "
                f"\u201c{' '.join(words[:6])} ...\u201d"
            )
    hard = sorted({w for w in _WORD.findall(text or "") if len(w) >= LONG_WORD})
    if hard:
        problems.append("Use shorter, easier words than: " + ", ".join(hard[:5]))
    return problems
