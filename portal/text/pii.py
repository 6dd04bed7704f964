"""Find personal data (names, phones, emails, addresses, dates of birth, handles) and redact it."""

import re
from dataclasses import dataclass

from portal.text.fastre import caseless
from portal.text.person_names import find_names
from portal.text.settings import find_settings

KINDS = ("name", "phone", "email", "address", "date_of_birth", "social_handle", "setting")
# Why a span was marked, in the words a moderator reads (never the kind keys above).
KIND_LABELS = {
    "name": "a person's name",
    "phone": "a phone number",
    "email": "an email address",
    "address": "a home address or postcode",
    "date_of_birth": "a date of birth",
    "social_handle": "a social media username",
    "setting": "a school or setting, with a child's name",
    "setting_check": "a school or setting: check it does not identify a child (not removed)",
}
_MARKERS = {"setting": "school or setting"}
# With a person's name or date of birth, a school or setting name identifies a child.
_CHILD_DETAILS = ("name", "date_of_birth")


def describe(kind):
    """The plain-words reason for a span kind ("a person's name"); unknown kinds get a safe
    default."""
    return KIND_LABELS.get(kind, "personal data")


@dataclass(frozen=True)
class Span:
    """A piece of personal data: text[start:end] is of the given kind."""

    start: int
    end: int
    kind: str


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_DOT = r"\s*(?:\.|\(dot\)|\[dot\]|\bdot\b)\s*"
_SPELLED_EMAIL = caseless(
    rf"\b[a-z0-9_-]+(?:{_DOT}[a-z0-9_-]+)*\s*(?:@|\(at\)|\[at\]|\bat\b)\s*"
    rf"(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|btinternet|sky|aol|me|mail|"
    rf"protonmail|proton|virginmedia|talktalk|example|[a-z0-9-]+{_DOT}(?:co|org|ac|gov|nhs))"
    rf"(?:{_DOT}(?:com|co|uk|org|net|me|ac|gov|nhs|io))+\b",
    re.IGNORECASE,
)
_ROLE_MAILBOX = re.compile(
    r"^(?:info|enquiries|enquiry|contact|admin|hello|office|support|sales|team|send|sendiass|"
    r"pacc|noreply|no-reply|reception|help|localoffer|feedback)@",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w/.])(?:\+\s?44|0044|\(?0)[\d\s().\-]{8,16}\d(?![\w/])")
_POSTCODE = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}\b")
_STREET_TYPES = (
    r"(?:road|rd|street|st|lane|ln|way|close|avenue|ave|drive|crescent|gardens|court|place|"
    r"terrace|grove|park|rise|view|walk|mews|hill|row|square|green|meadow|meadows|fields|croft|"
    r"parade|bank|vale|cottages|estate)"
)
_ADDRESS = re.compile(
    rf"\b(?:flat\s+\d+[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+(?:[A-Z][a-z]+\s+){{1,3}}"
    rf"(?i:{_STREET_TYPES})\b"
)
_ADDRESS_CUED = caseless(
    rf"\b(?:live at|lives at|living at|address is|address:|live on|lives on)\s+"
    rf"(?:\d{{1,4}}[a-z]?,?\s+)?(?:[a-z]+\s+){{1,3}}{_STREET_TYPES}\b",
    re.IGNORECASE,
)
# Lower-case or loosely typed addresses: "flat 2, 14 castle st", "no. 8 the old forge, pentre
# road", "3 heol y nant". Only unambiguous street words, and no quantity or function words
# before them ("2 hours up the road", "5 mins down the lane" are not addresses).
_STRICT_STREETS = (
    r"(?:road|rd|street|st|lane|close|avenue|ave|drive|crescent|gardens|terrace|"
    r"grove|mews|parade|cottages|estate)"
)
_ADDRESS_LOOSE = caseless(
    rf"\b(?:(?:flat|apt|apartment|unit)\s+\d{{1,4}}[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+"
    rf"((?:[a-z]+\s+){{1,2}}){_STRICT_STREETS}\b(?!\s*(?:\d|works|closures?|safety|signs?))"
    rf"|\b(?:flat|no\.?|number|unit|apt)\s*\d{{1,4}}[a-z]?,?\s+(?:[a-z']+\s+){{0,3}}[a-z']+,\s*"
    rf"(?:[a-z']+\s+){{1,3}}{_STREET_TYPES}\b"
    rf"|\b\d{{1,4}}[a-z]?,?\s+(?:heol|ffordd|stryd|lon|maes|rhodfa)\s+(?:yr?\s+)?[a-z]+",
    re.IGNORECASE,
)
_NOT_STREET_NAME = frozenset(
    """the a an of up down in on to at from by along across off round
around over near past into this that same main and or minute minutes min mins hour hours hr hrs
mile miles day days week weeks month months year years time times kids children pupils people
more less other every each few extra""".split()
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}|{_DAY}(?:\s+of)?\s+{_MONTH}\.?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?)"
)
_DOB = caseless(
    rf"\b(?:born|dob|d\.o\.b\.?|date of birth)\s*(?:on|is|was|:|-)?\s*(?:the\s+)?({_DATE})",
    re.IGNORECASE,
)
_BIRTHDAY = caseless(
    rf"\bbirthday\s*(?:is|was|'s|\u2019s|on|:|-)?\s*(?:on\s+)?(?:the\s+)?({_DATE})"
    r"|\b(?:turn|turns|turned|turning|be|is|was|will be|'ll be|\u2019ll be)\s+\d{1,2}\s+(?:on|"
    rf"in)\s+(?:the\s+)?({_DATE})"
    rf"|\b({_DATE})\s+(?:is|was)\s+(?:his|her|my|their)\s+(?:\d{{1,2}}(?:st|nd|rd|th)\s+)?birthday",
    re.IGNORECASE,
)
_PLATFORMS = (
    r"(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|discord|twitter|facebook|fb|"
    r"whatsapp|telegram|kik|threads|youtube|twitch|xbox|psn|steam|roblox)"
)
_HANDLE_CUED = caseless(
    rf"\b(?:{_PLATFORMS}|username|user name|handle|gamertag|gamer tag)\b\s*(?:name\s*)?"
    rf"(?:is|its|it's|it\u2019s|:|=|-|@|me at|me on|me)?\s*(@?[A-Za-z0-9_.]{{3,}})",
    re.IGNORECASE,
)
_HANDLE_AT = caseless(
    rf"\b(?:add|follow|message|dm|msg|find)\s+me\s+(?:on\s+{_PLATFORMS}\s*)?(?:at\s+)?(@[\w.]{{2,}})"
    rf"|\b(?:on|my)\s+{_PLATFORMS}\s*(?:is|:|at)?\s*(@[\w.]{{2,}})",
    re.IGNORECASE,
)
_NOT_HANDLE = frozenset(
    """is me on at and the a my if it to so pls please i im you u ur lol
but or for with more too account page group chat later now tho though""".split()
)
_SPAM_CUES = re.compile(
    r"£{2,}|\$\$|\bmake (?:money|£)|\bearn (?:£|\$|money|up to)|\bwork(?:ing)? from home\b|"
    r"\bclick\b|\bvisit (?:www|\S+\.(?:com|co\.uk|net))|\blimited (?:spots|places|offer)\b|"
    r"\b(?:buy|order|book|call|sign up) now\b|\bdiscount\b|\bpromo\b|\bcrypto|\bbitcoin\b|"
    r"\b\d+% off\b|\bfree trial\b|\bdm (?:me )?for\b|\bour (?:services|rates|prices)\b|"
    r"\bwe offer\b|\bprices? from\b|\bcompetitive rates\b|\bwww\.|https?://|\bcasino\b|"
    r"\bloans?\b|\bguaranteed\b|!!"
)
_PERSONAL_CUE = re.compile(r"\b(?:my|me|ring me|call me|text me|mine)\b", re.IGNORECASE)


# Every match of _SPAM_CUES contains one of these (a literal from each branch): most comments hold
# none, and a substring test is far cheaper than the regex's scan (tests/text/test_pii.py checks).
_SPAM_GATE = (
    "£",
    "$$",
    "make ",
    "earn ",
    " from home",
    "click",
    "visit ",
    "limited ",
    " now",
    "discount",
    "promo",
    "crypto",
    "bitcoin",
    "% off",
    "free trial",
    "dm ",
    "services",
    "rates",
    "price",
    "we offer",
    "www.",
    "http",
    "casino",
    "loan",
    "guaranteed",
    "!!",
)


def is_spam(text):
    """True when text reads like an advert or spam (two or more spam cues)."""
    low = text.lower()
    if not any(literal in low for literal in _SPAM_GATE):
        return False
    return len(_SPAM_CUES.findall(low)) >= 2


# Phone numbers read out or typed digit by digit: "zero seven seven double oh nine...",
# "0 7 7 0 0 9 0 0 3 3 1", "07700 nine hundred 552".
_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "nil": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_SPOKEN_TOKEN = (
    r"(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine|"
    r"double|triple|treble|hundred|thousand|\d{1,5})"
)
_SPOKEN_PHONE = caseless(
    rf"(?<![\w/.])(?:{_SPOKEN_TOKEN}(?:[\s,.\-]{{1,3}}|$)){{5,}}", re.IGNORECASE
)


def _spoken_digits(chunk):
    digits, repeat, words = [], 1, 0
    for token in re.findall(r"[a-z]+|\d+", chunk.lower()):
        if token in ("double", "triple", "treble"):
            repeat, words = (2 if token == "double" else 3), words + 1
            continue
        if token in ("hundred", "thousand"):
            digits.append("00" if token == "hundred" else "000")
            words += 1
            continue
        value = _DIGIT_WORDS.get(token, token)
        words += token in _DIGIT_WORDS
        digits.append(value * repeat)
        repeat = 1
    return "".join(digits), words


def _spoken_phone_spans(text):
    for match in _SPOKEN_PHONE.finditer(text):
        chunk = match.group(0).rstrip(" ,.-")
        digits, words = _spoken_digits(chunk)
        singles = len(re.findall(r"(?<!\d)\d(?!\d)", chunk))
        if not (words >= 3 or singles >= 6):
            continue  # ordinary written numbers are left to _PHONE
        if (
            10 <= len(digits) <= 11
            and digits[0] == "0"
            and digits[1] in "1237"
            or len(digits) == 10
            and digits[0] == "7"
        ):
            yield Span(match.start(), match.start() + len(chunk), "phone")


def _phone_spans(text):
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if digits.startswith("0044"):
            digits = "0" + digits[4:].removeprefix("0")
        elif digits.startswith("44"):
            digits = "0" + digits[2:].removeprefix("0")  # +44 (0)1632 ...
        if not (10 <= len(digits) <= 11 and digits[0] == "0" and digits[1] in "123578"):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if digits[1] in "358" and not _PERSONAL_CUE.search(before):
            continue  # 03/05/08 numbers belong to organisations and helplines
        yield Span(match.start(), match.end(), "phone")


def _email_spans(text):
    for regex in (_EMAIL, _SPELLED_EMAIL):
        for match in regex.finditer(text):
            if not _ROLE_MAILBOX.match(match.group(0).replace(" ", "")):
                yield Span(match.start(), match.end(), "email")


def _address_spans(text):
    for regex in (_POSTCODE, _ADDRESS, _ADDRESS_CUED, _ADDRESS_LOOSE):
        for match in regex.finditer(text):
            found = match.group(0)
            if (
                regex is _ADDRESS_LOOSE
                and match.group(1)
                and any(word in _NOT_STREET_NAME for word in match.group(1).lower().split())
            ):
                continue
            if regex is _POSTCODE and not (
                re.search(r"\d[A-Za-z]{2}$", found) and (found.isupper() or found.islower())
            ):
                continue
            if regex is _POSTCODE and re.match(r"(?i)^(?:y|yr|year|ks|no|nr|p|pg|ch|pt)\d", found):
                continue
            start = match.start()
            if regex is _ADDRESS_CUED:
                start = match.start() + match.group(0).lower().index(" ", 5) + 1
            yield Span(start, match.end(), "address")


def _dob_spans(text):
    for regex in (_DOB, _BIRTHDAY):
        for match in regex.finditer(text):
            group = next(i for i in range(1, (regex.groups or 1) + 1) if match.group(i))
            yield Span(match.start(group), match.end(group), "date_of_birth")


def _handle_spans(text):
    for match in _HANDLE_CUED.finditer(text):
        handle = match.group(1)
        if handle.lower().lstrip("@") in _NOT_HANDLE:
            continue
        if handle.startswith("@") or any(ch.isdigit() or ch in "_." for ch in handle):
            yield Span(match.start(1), match.end(1), "social_handle")
    for match in _HANDLE_AT.finditer(text):
        group = 1 if match.group(1) else 2
        yield Span(match.start(group), match.end(group), "social_handle")


def _merge(spans):
    merged = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Span(last.start, span.end, last.kind)
            continue
        merged.append(span)
    return merged


def find_pii(text, settings=None):
    """Return the personal data in text as a sorted list of non-overlapping Spans.

    Business contact details in spam or adverts are not personal data, so an advert
    yields no phone, email or handle spans. A school or setting name (from word cues and the
    `settings` gazetteer regex, see portal.text.settings) counts only beside a person's name or
    a date of birth; on its own it is left for setting_checks()."""
    spans = [Span(start, end, "name") for start, end in find_names(text)]
    spans += _address_spans(text)
    spans += _dob_spans(text)
    if not is_spam(text):
        spans += _phone_spans(text)
        spans += _spoken_phone_spans(text)
        spans += _email_spans(text)
        spans += _handle_spans(text)
    if any(span.kind in _CHILD_DETAILS for span in spans):
        spans += [Span(start, end, "setting") for start, end in find_settings(text, settings)]
    # Contact details take precedence over a name found inside them ("jo dot smith at ...");
    # a setting over a name inside it ("St Thomas's").
    priority = {
        "email": 0,
        "phone": 0,
        "social_handle": 1,
        "address": 2,
        "date_of_birth": 2,
        "setting": 2,
    }
    spans.sort(key=lambda s: priority.get(s.kind, 3))
    kept = []
    for span in spans:
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return _merge(kept)


def setting_checks(text, spans, settings=None):
    """School or setting names not already inside `spans`: shown to the moderator, not redacted."""
    taken = [
        (span.start, span.end) if isinstance(span, Span) else (span["start"], span["end"])
        for span in spans or ()
    ]
    return [
        Span(start, end, "setting_check")
        for start, end in find_settings(text, settings)
        if not any(start < t_end and t_start < end for t_start, t_end in taken)
    ]


def redact(text, spans=None):
    """Return text with each personal-data span replaced by a marker such as "[name]"."""
    spans = find_pii(text) if spans is None else spans
    out, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < last:
            continue
        out.append(text[last : span.start])
        out.append("[" + _MARKERS.get(span.kind, span.kind.replace("_", " ")) + "]")
        last = span.end
    out.append(text[last:])
    return "".join(out)
