"""Reading age of what a page says, for the easy-read checks (the `readability` package's Kincaid grade)."""
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


def reading_age(parts):
    """UK reading age (US grade + 5) of a list of text pieces, one sentence a line."""
    sentences = []
    for part in parts:
        sentences += [s for s in re.split(r"(?<=[.!?])\s+", part) if s.strip()]
    text = "\n".join(sentences) + "\n"
    grade = readability.getmeasures(text, lang="en")["readability grades"]["Kincaid"]
    return grade + 5
