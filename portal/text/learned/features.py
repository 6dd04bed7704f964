"""The n-gram features the learned layer sees. Training and inference call these same functions,
so a stored model needs only its vocabulary, idf weights and coefficients to score new text."""

import re

_WORD = re.compile(r"[a-z0-9*']+")
_SPACE = re.compile(r"\s+")
SETTINGS = {"word_ngrams": [1, 2], "char_ngrams": [3, 5], "lowercase": True}


def tokens(low):
    """The whitespace-separated tokens of lowercased text (character n-grams stay inside one)."""
    return [token for token in _SPACE.split(low) if token]


def word_features(low, settings=SETTINGS):
    """Words and word pairs ('w:...') of lowercased text."""
    words = _WORD.findall(low.replace("’", "'"))
    w_lo, w_hi = settings["word_ngrams"]
    out = ["w:" + w for w in words] if w_lo <= 1 <= w_hi else []
    if w_hi >= 2:
        out.extend(f"w:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return out


def char_features(token, settings=SETTINGS):
    """Character n-grams ('c:...') of one token, padded with a space each side."""
    padded = f" {token} "
    size = len(padded)
    c_lo, c_hi = settings["char_ngrams"]
    return [
        "c:" + padded[i : i + n]
        for n in range(c_lo, min(c_hi, size) + 1)
        for i in range(size - n + 1)
    ]


def features(text, settings=SETTINGS):
    """List of feature strings for `text`: words and word pairs, then each token's character
    n-grams."""
    low = (text or "").lower()
    out = word_features(low, settings)
    for token in tokens(low):
        out.extend(char_features(token, settings))
    return out
