"""Suggest up to three themes for a comment from a taxonomy's keywords and aliases."""

import functools
import re

from portal.text.matching import PhraseIndex, tokens
from portal.text.taxonomy import BUILTIN_THEMES

KEYWORD_WEIGHT = 1.0
ALIAS_WEIGHT = 1.5
# Weak terms: a condition named only as background ("he's autistic") does not make a comment
# about the pathway, and some words are too common to tag on their own; they count for little.
WEAK_WEIGHT = 0.4
WEAK_TERMS = frozenset(
    {
        "autism",
        "autistic",
        "adhd",
        "asd",
        "asc",
        "anxiety",
        "anxious",
        "depressed",
        "depression",
        "worry",
        "worries",
        "sessions",
        "speech",
        "talking",
        "setting",
        "settings",
        "reception",
        "results",
        "survey",
        "surveys",
        "input",
        "decision",
        "decisions",
        "forum",
        "views",
        "sleep",
        "lessons",
        "training",
        "trained",
        "letter",
        "letters",
        "information",
        "info",
        "placement",
        "placements",
        "places",
        "referral",
        "quick",
        "quickly",
        "wait",
        "waits",
        "waited",
        "respect",
        "kind",
        "patient",
        "cold",
        "warm",
        "shout",
        "shouts",
        "shouted",
        "shouting",
        "crisis",
        "trust",
        "included",
        "include",
        "includes",
        "including",
        "email",
        "emails",
        "emailed",
        "explained",
        "response",
        "hearing",
        "legal",
        "job",
        "careers",
        "video",
    }
)
THRESHOLD = 1.0
MAX_THEMES = 3

_REPLY_WAIT = re.compile(
    r"\b(?:wait|waiting|waited|wait(?:ed)? weeks)\s+(?:\w+\s+){0,3}?(?:for|on)\s+(?:a|an|the|any|"
    r"some)?\s*"
    r"(?:reply|response|call\s?-?back|callback|answer|email|phone call|ring back|someone to "
    r"(?:call|ring|get back|reply))",
)
_CONTACT = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_DURATION = re.compile(
    r"\b(?:\d+|a few|few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|many|18)\s+(?:more\s+)?(?:week|month|year|term)s?\b"
)
_WAIT_CONTEXT = re.compile(
    r"\b(?:wait\w*|list|took|take[sn]?|delay\w*|backlog|seen|still|before (?:they|anyone|we)|"
    r"since|minimum|ages|referr\w*|for over|counting|in draft|hasnt|havent|not been|now)\b"
)


@functools.lru_cache(maxsize=8)
def _index(taxonomy):
    entries = []
    for theme in taxonomy:
        for phrase in theme.keywords:
            weight = WEAK_WEIGHT if phrase.lower() in WEAK_TERMS else KEYWORD_WEIGHT
            entries.append((phrase, (theme.slug, weight)))
        for phrase in theme.aliases:
            entries.append((phrase, (theme.slug, ALIAS_WEIGHT)))
    return PhraseIndex(entries)


@functools.cache
def _builtin_index():
    # The default taxonomy's index without hashing its 18 themes on every comment (_index's key).
    return _index(BUILTIN_THEMES)


def theme_scores(text, taxonomy=None):
    """Return a dict slug -> raw evidence score for every theme with any evidence."""
    taxonomy = tuple(taxonomy or BUILTIN_THEMES)
    slugs = {theme.slug for theme in taxonomy}
    lowered = _CONTACT.sub(" ", text.lower())  # e-mail addresses and links say nothing of the topic
    scores = {}
    reply_wait = _REPLY_WAIT.search(lowered)
    if reply_wait:
        # Waiting for a reply is about keeping in touch, not about waiting times.
        lowered = lowered[: reply_wait.start()] + " " + lowered[reply_wait.end() :]
        if "communication" in slugs:
            scores["communication"] = KEYWORD_WEIGHT
    seen = set()
    index = _builtin_index() if taxonomy is BUILTIN_THEMES else _index(taxonomy)
    for _, _, words, payloads in index.find(tokens(lowered)):
        for slug, weight in payloads:
            if (slug, words) in seen:
                continue
            seen.add((slug, words))
            scores[slug] = scores.get(slug, 0.0) + weight
    if "waiting-times" in slugs and _DURATION.search(lowered) and _WAIT_CONTEXT.search(lowered):
        scores["waiting-times"] = scores.get("waiting-times", 0.0) + KEYWORD_WEIGHT
    return scores


def suggest_themes(text, taxonomy=None):
    """Suggest up to three themes for text.

    Args:
        text: the comment.
        taxonomy: a sequence of Theme objects (default: BUILTIN_THEMES); their keywords
            and aliases drive the matching.
    Returns:
        A list of (slug, score) pairs, best first, with score between 0 and 1.
    """
    taxonomy = tuple(taxonomy or BUILTIN_THEMES)
    order = {theme.slug: position for position, theme in enumerate(taxonomy)}
    scores = theme_scores(text, taxonomy)
    ranked = sorted(
        ((slug, score) for slug, score in scores.items() if score >= THRESHOLD),
        key=lambda item: (-item[1], order.get(item[0], 0)),
    )
    return [(slug, round(min(1.0, score / 3.0), 2)) for slug, score in ranked[:MAX_THEMES]]
