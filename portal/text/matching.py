"""Fast phrase matching over word tokens, shared by the detectors."""

import re

TOKEN_RE = re.compile(r"[a-z0-9]+(?:['&:+][a-z0-9]+)*")
CACHED_TOKEN_LENGTH = 30
TOKEN_CACHE_SIZE = 100_000
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def tokens(text):
    """Return lower-case word tokens of text (apostrophes kept, hyphens split)."""
    return TOKEN_RE.findall(text.translate(_QUOTES).lower())


def _phrase_tokens(phrase):
    parts = []
    for raw in phrase.lower().translate(_QUOTES).split():
        star = raw.endswith("*")
        found = TOKEN_RE.findall(raw.rstrip("*"))
        if not found:
            continue
        parts.extend(found[:-1])
        parts.append(found[-1] + ("*" if star else ""))
    return tuple(parts)


def _token_matches(pattern, token):
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return pattern == token


class PhraseIndex:
    """Index of phrases, each carrying a payload, matched longest-first on tokens.

    A phrase is a space-separated sequence of words; a word ending in ``*`` matches any
    token that starts with it. Matches do not overlap: at each position the phrase with
    the most words wins, so "talking therapy" beats "therapy"."""

    def __init__(self, entries):
        self._exact = {}
        self._prefix = {}
        for phrase, payload in entries:
            words = _phrase_tokens(phrase)
            if not words:
                continue
            first = words[0]
            if first.endswith("*"):
                self._prefix.setdefault(first[:-1], []).append((words, payload))
            else:
                self._exact.setdefault(first, []).append((words, payload))
        self._prefix_lengths = sorted({len(stem) for stem in self._prefix})
        self._seen = {}

    def _candidates(self, token):
        """The (words, payload) entries whose first word matches token, remembered per token:
        words recur, and most have none."""
        found = self._seen.get(token)
        if found is not None:
            return found
        found = list(self._exact.get(token, ()))
        for length in self._prefix_lengths:
            if length > len(token):
                break
            found.extend(self._prefix.get(token[:length], ()))
        found = tuple(found)
        if len(token) <= CACHED_TOKEN_LENGTH:  # a flood of long junk tokens must not fill memory
            if len(self._seen) >= TOKEN_CACHE_SIZE:
                self._seen.clear()
            self._seen[token] = found
        return found

    def find(self, toks):
        """Yield (start, end, phrase_words, payloads) for non-overlapping matches in toks."""
        i, count = 0, len(toks)
        while i < count:
            candidates = self._candidates(toks[i])
            if not candidates:
                i += 1
                continue
            best_len, best = 0, []
            for words, payload in candidates:
                size = len(words)
                if size < best_len or i + size > count:
                    continue
                if size == 1 or all(_token_matches(words[k], toks[i + k]) for k in range(1, size)):
                    if size > best_len:
                        best_len, best = size, []
                    best.append((words, payload))
            if best_len:
                yield i, i + best_len, best[0][0], [payload for _, payload in best]
                i += best_len
            else:
                i += 1
