"""Overall stance of a comment: positive, negative, neutral or mixed, with a polarity.

The only module that imports TextBlob. VADER (with a domain lexicon) scores each clause;
domain phrase patterns add British understatement, sarcasm, text-speak and the
"nobody rings back" complaints that general-purpose lexicons score as neutral."""

import bisect
import functools
import re

from portal.text import sentiment_lexicon as lexicon
from portal.text.fastre import PatternSet, required_literals

LABELS = ("positive", "negative", "neutral", "mixed")
CLAUSE_MIN = 0.6  # a clause counts as praise or complaint beyond this score
MIXED_MIN = 1.0  # both sides need this much evidence for "mixed"
MIXED_RATIO = 0.25  # and the weaker side at least this share of the stronger

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_SENTENCES = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_CONTRAST = re.compile(
    r"\b(?:but|however|although|though|except|whereas|apart from that|only problem|"
    r"the problem is|shame)\b|;"
)
_QUESTION_START = re.compile(
    r"^\s*(?:does|do|did|is|are|can|could|would|will|should|what|when|where|which|who|how|"
    r"why|has|have|anyone|any1|please|pls|whats|wheres|hows|is there|any idea)\b"
)
_REQUEST = re.compile(r"^\s*(?:please|pls|could|can|would|it would|i would like|id like)\b")
_POSITIVE = tuple((re.compile(p), w) for p, w in lexicon.POSITIVE)
_NEGATIVE = tuple((re.compile(p), w) for p, w in lexicon.NEGATIVE)
# One literal scan tells which phrase patterns could match; only those run.
_PHRASES = tuple((regex, weight, 1.0) for regex, weight in _POSITIVE) + tuple(
    (regex, weight, -1.0) for regex, weight in _NEGATIVE
)
_PHRASE_GATE = PatternSet([(i, p) for i, (p, _) in enumerate(lexicon.POSITIVE + lexicon.NEGATIVE)])
# Each polite formula with the literals one of which any match contains (fastre), so a comment
# without them skips the substitution; a formula without such literals always runs.
_POLITE = tuple((required_literals(p) or ("",), re.compile(p)) for p in lexicon.POLITE)
_MILD = re.compile(lexicon.MILD_NEGATIVE)
_NO_VIEW = re.compile(lexicon.NO_VIEW)


@functools.lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = _fast_ascii(SentimentIntensityAnalyzer)()
    analyser.lexicon.update(lexicon.WORDS)
    return analyser


def _fast_ascii(analyser_class):
    """VADER's analyser, skipping its emoji pass on ASCII text. That pass rebuilds the text one
    character at a time to swap each emoji for its description; no emoji is ASCII, so on ASCII
    text it only strips it. The rest is VADER's polarity_scores unchanged."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    class Analyser(analyser_class):
        def __init__(self):
            super().__init__()
            self._ascii_emoji = any(emoji.isascii() for emoji in self.emojis)

        def polarity_scores(self, text):
            if self._ascii_emoji or not text.isascii():
                return super().polarity_scores(text)
            text = text.strip()
            sentitext = SentiText(text)
            words = sentitext.words_and_emoticons
            sentiments = []
            for i, item in enumerate(words):
                lowered = item.lower()
                if lowered in BOOSTER_DICT or (
                    lowered == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"
                ):
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            return self.score_valence(sentiments, text)

    return Analyser


@functools.lru_cache(maxsize=1)
def _pattern_sentiment():
    # TextBlob's PatternAnalyzer builds a namedtuple class on every call; the underlying
    # pattern lexicon (bundled with TextBlob, no download) returns a plain tuple.
    from textblob.en import sentiment as pattern_sentiment

    return pattern_sentiment


def polarity(text):
    """TextBlob's pattern polarity for text, between -1 and 1 (a weak secondary signal)."""
    return float(_pattern_sentiment()(text)[0])


def _phrase_scores(text, clauses):
    """Sum phrase weights per clause; each pattern is run once over the whole text."""
    starts = [start for start, _ in clauses]
    scores = [0.0] * len(clauses)
    for entry in _PHRASE_GATE.candidates(text):
        regex, weight, sign = _PHRASES[entry]
        hit = set()
        for match in regex.finditer(text):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and index not in hit:
                hit.add(index)
                scores[index] += sign * weight
    return scores


def _clauses(text):
    """Yield (start, end, sentence_start) for each clause of each sentence in text."""
    for sentence in _SENTENCES.finditer(text):
        if not sentence.group(0).strip(" .!?\n"):
            continue
        start = sentence.start()
        for boundary in _CONTRAST.finditer(sentence.group(0)):
            yield start, sentence.start() + boundary.start(), sentence.start()
            start = sentence.start() + boundary.end()
        yield start, sentence.end(), sentence.start()


_MASKED_SWEAR = re.compile(r"\b[fs]h?[\*#@!]{2,}\w*")


def _normalise(text):
    lowered = _APOSTROPHES.sub("", text.lower())
    lowered = _MASKED_SWEAR.sub("", lowered)  # "a f***ing joke" reads as "a joke"
    for literals, regex in _POLITE:
        if any(literal in lowered for literal in literals):
            lowered = regex.sub(" ", lowered)
    return lowered


def _evidence(text):
    """Return (praise, complaint, questions, sentences) totals over the clauses of text."""
    normal = _normalise(text)
    vader = _vader()
    clauses = list(_clauses(normal))
    phrases = _phrase_scores(normal, [(start, end) for start, end, _ in clauses])
    praise = complaint = 0.0
    questions = sentences = 0
    mild = False
    last_sentence, is_question, is_request = None, False, False
    for (start, end, sentence_start), phrase in zip(clauses, phrases, strict=True):
        sentence = _SENTENCES.match(normal, sentence_start).group(0)
        first = sentence_start != last_sentence
        if first:
            last_sentence = sentence_start
            sentences += 1
            is_question = sentence.rstrip().endswith("?") or bool(_QUESTION_START.match(sentence))
            is_request = bool(_REQUEST.match(sentence))
            questions += is_question or is_request
        clause = normal[start:end]
        score = 2.0 * vader.polarity_scores(clause)["compound"] + phrase
        if is_question or is_request:
            score *= 0.4  # a question that only implies a view stays neutral
        if score >= CLAUSE_MIN:
            praise += score
        elif score <= -CLAUSE_MIN:
            complaint -= score
        elif praise and (not first or _CONTRAST.match(sentence.lstrip())) and not is_question:
            complaint += 1.0  # "X was great, but Y": what follows the "but" is the complaint
        elif not is_question and not is_request and _MILD.search(clause):
            mild = True
    if not praise and not complaint and mild and not _NO_VIEW.match(text.lower()):
        complaint = (
            CLAUSE_MIN  # a plain statement of a problem ("on a 2 hour timetable since Easter")
        )
    return praise, complaint, questions, sentences


def classify(text):
    """Classify the writer's overall stance.

    Returns:
        (label, polarity): label is one of positive, negative, neutral, mixed;
        polarity is a float in [-1, 1] consistent with the label.
    """
    praise, complaint, questions, sentences = _evidence(text)
    if (
        praise >= MIXED_MIN
        and complaint >= MIXED_MIN
        and min(praise, complaint) >= MIXED_RATIO * max(praise, complaint)
    ):
        label = "mixed"
    elif praise > complaint and praise >= CLAUSE_MIN:
        label = "positive"
    elif complaint > praise and complaint >= CLAUSE_MIN:
        label = "negative"
    else:
        label = "neutral"
    score = (praise - complaint) / (praise + complaint + 1.0)
    blended = score  # polarity(text) (TextBlob) is kept for callers; too weak to blend in
    if label == "positive":
        blended = max(blended, 0.05)
    elif label == "negative":
        blended = min(blended, -0.05)
    return label, round(max(-1.0, min(1.0, blended)), 3)
