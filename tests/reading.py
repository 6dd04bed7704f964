"""Reading age of what a page says, for the easy-read checks (the `readability` package's Kincaid
grade)."""

import re
from html.parser import HTMLParser

import readability

SKIP = {"script", "style", "header", "footer", "nav", "abbr"}


class _MainText(HTMLParser):
    """Collects the sentences inside <main>, leaving out navigation and hidden helper text."""

    def __init__(self):
        super().__init__()
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "main":
            self.depth += 1
        elif self.depth and (tag in SKIP or "govuk-visually-hidden" in classes or self.skip):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip and data.strip():
            self.parts.append(data.strip())


def main_text(html):
    parser = _MainText()
    parser.feed(html)
    return parser.parts


MAX_SENTENCE_WORDS = 15  # easy-read guidance: short sentences, one idea each
MAX_COMPLEX_SHARE = 0.04  # words of three or more syllables


def _sentences(parts):
    sentences = []
    for part in parts:
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", part) if s.strip()]
    return sentences


def _measures(parts):
    return readability.getmeasures("\n".join(_sentences(parts)) + "\n", lang="en")


def reading_age(parts):
    """UK reading age (US grade + 5, Flesch-Kincaid) of a list of text pieces."""
    return _measures(parts)["readability grades"]["Kincaid"] + 5


def easy_read_problems(parts, age=9, long_words=True):
    """What stops text reading as easy read: reading age, long sentences, long words. [] when none.

    The share of long words means little on a page of twenty words, so callers may judge it over a
    journey."""
    problems = []
    if reading_age(parts) > age:
        problems.append(f"reading age {reading_age(parts):.1f} is over {age}")
    problems += [
        f"long sentence: {s}" for s in _sentences(parts) if len(s.split()) > MAX_SENTENCE_WORDS
    ]
    info = _measures(parts)["sentence info"]
    if long_words and info["words"] and info["complex_words"] / info["words"] > MAX_COMPLEX_SHARE:
        problems.append(
            f"{info['complex_words']} of {info['words']} words have three or more syllables"
        )
    return problems
