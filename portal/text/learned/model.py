"""A stored learned model: plain JSON (vocabulary, idf weights, coefficients, thresholds), scored
with numpy. Nothing here unpickles anything or needs scikit-learn."""

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from portal.text.learned.features import char_features, tokens, word_features

FORMAT = 1
SHIPPED_DIR = Path(__file__).resolve().parents[1] / "model_files"
FLAGS = ("safeguarding", "abusive", "pii")
SENTIMENTS = ("negative", "mixed", "neutral", "positive")
TOKEN_CACHE_SIZE = 200_000  # tokens remembered per model (then forgotten all at once)
CACHED_TOKEN_LENGTH = 30


class ModelFileError(ValueError):
    """A model file that is missing, malformed or of an unknown format."""


@dataclass(frozen=True)
class Scores:
    """Probabilities for one text: flags {name: p}, sentiment {label: p}, themes {slug: p}."""

    flags: dict
    sentiment: dict
    themes: dict


class StoredModel:
    def __init__(self, data):
        if data.get("format") != FORMAT:
            raise ModelFileError(f"unknown model format {data.get('format')!r}")
        self.data = data
        self.version = data["version"]
        self.settings = data["settings"]
        self.vocabulary = {term: index for index, term in enumerate(data["vocabulary"])}
        self.idf = np.asarray(data["idf"], dtype=np.float64)
        self.outputs = data["outputs"]
        coef = np.asarray(data["coef"], dtype=np.float64)  # outputs x features
        if coef.shape != (len(self.outputs), len(self.vocabulary)) or len(self.idf) != len(
            self.vocabulary
        ):
            raise ModelFileError("coefficients, vocabulary and idf do not match in size")
        self.weights = np.ascontiguousarray(coef.T)  # features x outputs: one row per feature seen
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        self.sublinear_tf = data.get("sublinear_tf", True)
        self.combine = data.get("combine", {})
        self.metrics = data.get("metrics", {})
        self._flag_at = {name: self.outputs.index(name) for name in FLAGS}
        self._sent_at = [self.outputs.index(f"sentiment:{label}") for label in SENTIMENTS]
        self.theme_slugs = [
            name.split(":", 1)[1] for name in self.outputs if name.startswith("theme:")
        ]
        self._theme_at = [self.outputs.index(f"theme:{slug}") for slug in self.theme_slugs]
        self._token_cache = {}
        # Word-only companion heads (training.WORD_HEADS): a dense coefficient row each over the
        # vocabulary, applied to the word terms' tf-idf normalised on their own; their probability
        # is averaged with the full head's. Older model files have none.
        self._is_word = np.fromiter(
            (term.startswith("w:") for term in data["vocabulary"]),
            dtype=bool,
            count=len(self.vocabulary),
        )
        self._word_heads = {}
        for flag, head in (data.get("word_heads") or {}).items():
            row = np.zeros(len(self.vocabulary))
            if len(head["index"]) != len(head["coef"]):
                raise ModelFileError(f"word head {flag}: indices and coefficients do not match")
            row[np.asarray(head["index"], dtype=np.intp)] = head["coef"]
            self._word_heads[flag] = (row, float(head["intercept"]))

    def _token_indices(self, token):
        """Vocabulary indices of a token's character n-grams, remembered: words recur, so most
        comments need one lookup per token rather than one per n-gram."""
        found = tuple(
            index
            for index in map(self.vocabulary.get, char_features(token, self.settings))
            if index is not None
        )
        if len(token) <= CACHED_TOKEN_LENGTH:  # a flood of long junk tokens must not fill memory
            if len(self._token_cache) >= TOKEN_CACHE_SIZE:
                self._token_cache.clear()
            self._token_cache[token] = found
        return found

    @classmethod
    def load(cls, path):
        try:
            with open(path, encoding="utf-8") as handle:
                return cls(json.load(handle))
        except (OSError, json.JSONDecodeError, KeyError, TypeError) as error:
            raise ModelFileError(f"{path}: {error}") from None

    def vector(self, text):
        """(feature indices, tf-idf values, l2-normalised) exactly as scikit-learn's
        TfidfVectorizer."""
        index, values = self._tfidf(text)
        return (
            (index, values / math.sqrt(float(values @ values))) if len(index) else (index, values)
        )

    def _tfidf(self, text):
        """(feature indices, tf-idf values before normalisation)."""
        low = (text or "").lower()
        indices = [
            index
            for index in map(self.vocabulary.get, word_features(low, self.settings))
            if index is not None
        ]
        cache = self._token_cache
        for token in tokens(low):
            known = cache.get(token)
            if known is None:
                known = self._token_indices(token)
            indices.extend(known)
        counts = Counter(indices)
        if not counts:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        values = (np.log(tf) + 1.0 if self.sublinear_tf else tf) * self.idf[index]
        return index, values

    def decision(self, text):
        """The raw linear scores, one per output."""
        return self._decisions(*self._tfidf(text))[0]

    def word_decision(self, text):
        """The word-only heads' raw scores: {flag: score}."""
        return self._decisions(*self._tfidf(text))[1]

    def _decisions(self, index, values):
        norm = math.sqrt(float(values @ values)) if len(index) else 0.0
        raw = (
            (values / norm) @ self.weights[index] + self.intercept
            if norm
            else self.intercept.copy()
        )
        words = {}
        if self._word_heads:
            mask = self._is_word[index]
            at, part = index[mask], values[mask]
            norm = math.sqrt(float(part @ part)) if len(at) else 0.0
            for flag, (row, intercept) in self._word_heads.items():
                words[flag] = float((part / norm) @ row[at]) + intercept if norm else intercept
        return raw, words

    def scores(self, text):
        raw, words = self._decisions(*self._tfidf(text))
        values = raw.tolist()  # plain floats: the same values, without numpy's per-item cost
        flags = {name: _sigmoid(values[at]) for name, at in self._flag_at.items()}
        for name, value in words.items():  # averaged with the word-only companion head
            flags[name] = (flags[name] + _sigmoid(value)) / 2
        logits = raw[self._sent_at]
        exp = np.exp(logits - logits.max())
        exp /= exp.sum()
        sentiment = dict(zip(SENTIMENTS, exp.tolist(), strict=True))
        themes = {
            slug: _sigmoid(values[at])
            for slug, at in zip(self.theme_slugs, self._theme_at, strict=True)
        }
        return Scores(flags=flags, sentiment=sentiment, themes=themes)


def _sigmoid(x):
    return 1.0 / (1.0 + math.exp(-float(x)))
