"""The n-gram features the learned layer sees. Training and inference call this same function,
so a stored model needs only its vocabulary, idf weights and coefficients to score new text."""
import re

_WORD = re.compile(r"[a-z0-9*']+")
_SPACE = re.compile(r"\s+")
SETTINGS = {"word_ngrams": [1, 2], "char_ngrams": [3, 5], "lowercase": True}


def features(text, settings=SETTINGS):
    """List of feature strings for `text`: words and word pairs ('w:...'), then character
    n-grams taken inside each padded whitespace-separated token ('c:...')."""
    low = (text or "").lower()
    words = _WORD.findall(low.replace("’", "'"))
    w_lo, w_hi = settings["word_ngrams"]
    out = []
    if w_lo <= 1 <= w_hi:
        out.extend("w:" + w for w in words)
    if w_hi >= 2:
        out.extend(f"w:{a} {b}" for a, b in zip(words, words[1:]))
    c_lo, c_hi = settings["char_ngrams"]
    for token in _SPACE.split(low):
        if not token:
            continue
        padded = f" {token} "
        size = len(padded)
        for n in range(c_lo, min(c_hi, size) + 1):
            out.extend("c:" + padded[i:i + n] for i in range(size - n + 1))
    return out
