"""Find personal names from context (kinship and role words, titles) and a first-name list."""

import functools
import re

from portal.text.fastre import caseless
from portal.text.names import AMBIGUOUS_NAMES, EXTRA_FIRST_NAMES, FIRST_NAMES, NOT_NAMES, SURNAMES

ALL_FIRST = FIRST_NAMES | EXTRA_FIRST_NAMES

_WORD = r"[A-Za-z][A-Za-z'\u2019]*(?:-[A-Za-z][A-Za-z']*)?"
_CAP = r"[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?"
# A surname-shaped word: "Evans", "O'Neill", "McDonald", "D'Souza", "Patel-Jones".
_NAME_TOKEN = r"[A-Z](?:['\u2019][A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z](?:['\u2019][A-Z])?[a-z]+)*"

TITLES = r"(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|nurse|dame)"
RELATIONS = (
    r"(?:(?:little|big|older|younger|eldest|oldest|youngest|twin|step|foster|adopted|middle|baby|"
    r"new|old|lovely|amazing)\s+)?"
    r"(?:son|daughter|boy|girl|lad|child|kid|husband|wife|partner|ex|mum|mom|mam|mummy|dad|"
    r"daddy|brother|sister|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|grandson|"
    r"granddaughter|niece|nephew|cousin|friend|mate|bestie|boyfriend|girlfriend|stepdad|"
    r"stepmum|aunt|auntie|aunty|uncle|driver|taxi driver|bus driver|escort|teacher|ta|"
    r"teaching assistant|caseworker|case worker|keyworker|key worker|social worker|"
    r"support worker|worker|therapist|senco|tutor|form tutor|head|headteacher|consultant|"
    r"paediatrician|nurse|doctor|gp|advocate|adviser|advisor|pa|carer|mentor|coach|"
    r"counsellor|psychologist|ep|ot|physio|speech therapist|health visitor|manager|"
    r"key adult|one to one|1:1|named contact|contact|officer|practitioner)"
)
_POSSESSIVE = r"(?:my|our|his|her|their|your|ur|the|a|called|named)"
# People named after a role word: "my son Kai", "my taxi driver dave", "our caseworker, Janine".
_ROLE_NAME = caseless(rf"\b{_POSSESSIVE}\s+{RELATIONS}(?:\s*[,(]\s*|\s+)({_WORD})", re.IGNORECASE)
_TITLE_NAME = caseless(rf"\b{TITLES}\.?\s+((?:[A-Za-z]\.?\s+){{0,2}})({_WORD})", re.IGNORECASE)
_NAME_IN_TEAM = re.compile(
    rf"\b({_CAP})\s+(?:in|from|at|on)\s+(?:the\s+|our\s+)?"
    r"(?:[A-Z]{2,}[a-z]*|send|sen|camhs|mhst|transport|council|local offer|nursery|office|"
    r"front desk|reception|[a-z]+\s+team|team)\b"
)
_PARENT_OF = caseless(
    rf"\b(?:mum|mom|mam|dad|mother|father|parent|carer|nan|gran|grandma|grandad|aunt|auntie)"
    rf"\s+(?:of|to)\s+({_WORD})",
    re.IGNORECASE,
)
_INTRO = caseless(
    rf"\b(?:called|named|name is|name's|names|its|it's|this is|i'm|im|i am|me and|and me|"
    r"hi|hey|hello|dear|thanks to|thank you to|thankyou to|thanks|thank you|shout ?out to|"
    r"shout out to|"
    rf"big up|love from|shut up|ask for|asked for|ask|tell|with|told|spoke to|speak to|talk to|"
    rf"talked to|spoken to|ring|rang|emailed|message|messaged|me n|me &)\s+({_WORD})",
    re.IGNORECASE,
)
# A bare role before a capitalised name: "Taxi escort Marguerite is lovely".
_ROLE_BEFORE = re.compile(rf"\b(?i:{RELATIONS})\s+$")
# A capitalised name as the subject of a sentence: "Abimbola comes home in pieces".
_SUBJECT_NAME = re.compile(
    rf"(?:^|[.!?]\s+|\n\s*|,\s+|\b(?:and|but|so|cos|because|now|then)\s+)({_CAP})\s+"
    r"(?:(has|had|is|was|can't|cant|can\u2019t|won't|wont|doesn't|doesnt|didn't|didnt|isn't|isnt|"
    r"wasn't|wasnt|hasn't|hasnt|finally|still|now|also|really|just|will be|would|could|should)|"
    r"comes|came|goes|went|loves|loved|hates|hated|keeps|kept|needs|needed|wants|"
    r"wanted|started|starts|struggles|struggled|refuses|refused|cries|cried|says|said|told|gets|got|"
    r"attends|attended|turned|turns|lives|lived|screams|screamed|hits|hit|ran|runs|adores|enjoys|"
    r"enjoyed|likes|liked|misses|missed|spends|spent|tried|tries|asked|asks)\b"
)
# After an unlisted capitalised word, only these read as a person rather than a town.
_HUMAN_STATE = re.compile(
    r"(?:hasn't|hasnt|hasn\u2019t|isn't|isnt|isn\u2019t|can't|cant|can\u2019t|won't|wont|won\u2019t|"
    r"doesn't|doesnt|doesn\u2019t|didn't|didnt|didn\u2019t|wasn't|wasnt|wasn\u2019t)\b|"
    r"(?:has|had|is|was) (?:been |now |still |just |finally )*(?:in|out|off|excluded|suspended|"
    r"sent|diagnosed|"
    r"refused|waiting|struggling|crying|happy|happier|settled|thriving|autistic|non.verbal|\d+|"
    r"really|so|very|doing|going|getting|started|starting|moved|moving|loving|scared|anxious)\b",
    re.IGNORECASE,
)
# Names that are also abstract words or months; never taken as a sentence subject.
_ABSTRACT = frozenset(
    """will may hope faith joy grace june april august summer autumn mark bill frank pat
sue dawn eve art chase justice patience mercy charity glory sunny rich guy jack dean ray earl
sterling van les numbers manual brain angle lean hung sang sung""".split()
)
_SIGN_OFF = caseless(
    r"(?:thanks|thank you|regards|cheers|best wishes|many thanks|love|"
    r"love from)\s*[,!.]?\s*[-\u2013]?"
    rf"\s*({_CAP})\s*[.!]?\s*$",
    re.IGNORECASE,
)
_MENTION = re.compile(r"(?<![\w.])@([A-Za-z]+)[\w.]*")
_CAPITALISED = re.compile(rf"\b({_CAP})\b")
_FULL_NAME = re.compile(rf"\b({_CAP})\s+({_NAME_TOKEN})\b")
# Words after a capitalised name that make it a place or school, not a person.
_PLACE_AFTER = re.compile(
    r"\s*(?:primary|academy|school|high|college|road|street|close|way|lane|hospital|centre|"
    r"center|house|ward|lodge|court|avenue|drive|church|infants|juniors|junior|park|hall|"
    r"university|nursery|surgery|clinic|library|c of e|ce|ofsted)\b",
    re.IGNORECASE,
)
_SAINT_BEFORE = re.compile(r"\b(?:st|saint)\.?\s*$", re.IGNORECASE)
FICTIONAL = frozenset(
    "tumble bean men potter peppa elsa pikachu mario sonic shrek gruffalo paddington".split()
)
TEXT_SPEAK = frozenset(
    """
tryna finna kinda sorta lowkey highkey deffo defo innit bruv fam hun hunny babe summat nowt owt
tbf smh istg fml wtf omfg ffs stfu bffr idc iykyk rly srsly obvs obvi jk""".split()
) | frozenset(
    """
ur u r cos coz bc tbh lol lmao ngl idk imo omg pls plz thx ty rn btw fr gonna wanna gotta
isnt doesnt didnt wasnt werent hes shes its im ive id ill wont cant dont aint hasnt havent
shouldnt couldnt wouldnt thats whats theres theyre youre were well sooo soo literally proper
""".split()
)


@functools.lru_cache(maxsize=4096)
def _known_word(word):
    """True if word is ordinary English (so a lower-case word is probably not a name)."""
    import simplemma  # loaded once, on first use (about 0.2 s)

    return simplemma.is_known(word, lang="en")


def _plausible(word, *, lower_ok, text, start):
    """Decide whether a candidate word found by a context cue is a personal name."""
    lowered = word.lower().replace("\u2019", "'")
    base = lowered.split("'")[0]
    if word.isupper() and len(word) > 1:
        return False  # acronyms: EBSA, SEMH
    if len(base) < 2 or base in NOT_NAMES or base in TEXT_SPEAK or base in FICTIONAL:
        return False
    if _PLACE_AFTER.match(text, start + len(word)):
        return False
    if word[0].isupper():
        return base in ALL_FIRST or not _known_word(base) or base in AMBIGUOUS_NAMES
    if not lower_ok:
        return False
    if base in ALL_FIRST or any(part in ALL_FIRST for part in base.split("-") if len(part) > 2):
        return base not in AMBIGUOUS_NAMES
    return len(base) >= 3 and not _known_word(base)


def _title_spans(text):
    for match in _TITLE_NAME.finditer(text):
        word, initials = match.group(2), match.group(1).strip()
        base = word.lower()
        if len(word) < 2 or base in NOT_NAMES or base in FICTIONAL or base in TEXT_SPEAK:
            continue
        if initials and not (
            word[0].isupper() or base in SURNAMES or base not in _NOT_AFTER_INITIAL
        ):
            continue
        if initials and base in _NOT_AFTER_INITIAL:
            continue  # "Mrs B said": an initial alone is not personal data
        if _INITIALS.fullmatch(word):
            continue  # "Mrs D-S", "Mr H.": initials alone are never personal data
        if (
            initials
            and initials[0].isupper()
            and word[0].islower()
            and base not in SURNAMES
            and _known_word(base)
        ):
            # "ms T wanted", "a school nurse I see": a capital initial, then an ordinary lower-case
            # word
            continue
        title_word = match.group(0).split()[0]
        if title_word.endswith(".") and title_word.lower().rstrip(".") in (
            "nurse",
            "miss",
            "sir",
            "dame",
            "professor",
        ):
            continue  # "I'm a school nurse. We've had": the end of a sentence, not an abbreviation
        title = match.group(0).split()[0].lower().rstrip(".")
        if (
            not initials
            and title in ("miss", "sir", "nurse", "dame")
            and word[0].islower()
            and _known_word(base)
            and base not in SURNAMES
            and base not in EXTRA_FIRST_NAMES
        ):
            continue  # "i miss my mates", "nurse said"
        if word[0].islower() and base in _NOT_AFTER_INITIAL:
            continue
        yield match.start(), match.end(2)


_INITIALS = re.compile(r"[A-Za-z](?:[-.'\u2019][A-Za-z])*\.?")
# Words that follow an initial or title without being a surname ("Mrs B said", "mr and mrs").
_NOT_AFTER_INITIAL = frozenset(
    """the a an and is was said says at from who in on or to has had b
be been will would can could did does do gave got came comes went goes made makes wants needs
thinks rang rings called calls emailed told tells asked asks never always still just not only
also if but so as for with by of about when then there here this that she he they we you it
i me my our your his her their its are were isnt wasnt doesnt didnt cant wont really today
tomorrow yesterday tonight please thanks thank""".split()
)


def _overlapping(regex, text):
    """Like finditer, but a cue may start inside the previous match ("hi im thandiwe")."""
    pos = 0
    while True:
        match = regex.search(text, pos)
        if not match:
            return
        yield match
        pos = match.start(1) if match.lastindex else match.end()
        if pos <= match.start():
            pos = match.start() + 1


def _is_first(base):
    """A listed first name, or a double-barrelled one with a listed part ("Sarah-Jane")."""
    return base in ALL_FIRST or (
        "-" in base
        and any(
            part in ALL_FIRST and part not in AMBIGUOUS_NAMES
            for part in base.split("-")
            if len(part) > 2
        )
    )


def _is_listed(base):
    return base in ALL_FIRST or any(part in ALL_FIRST for part in base.split("-") if len(part) > 2)


# After "im thandiwe", "me and aoife": an unlisted lower-case word counts as a name only when
# what follows reads like the rest of an introduction or a shared activity.
_NAME_FOLLOWS = re.compile(
    r"\s*(?:[,.!(]|$|and\b|&|from\b|for\b|here\b|got\b|get\b|went\b|go\b|were\b|are\b|have\b|at\b|who\b|"
    r"had\b|\d|(?:mum|mom|dad|nan|age)\b)",
    re.IGNORECASE,
)


# The last word of each role ("driver" of "taxi driver", "1" of "1:1"): a role can end before a
# name only where one of these does.
_ROLE_ENDINGS = frozenset(
    re.findall(r"\w+", role)[-1] for role in RELATIONS.rsplit("(?:", 1)[1].rstrip(")").split("|")
)


def _role_may_end(text, start):
    """False when _ROLE_BEFORE cannot match before start: it needs whitespace just before start
    after a word (letters, digits, underscore) that ends a role. Non-ASCII words are left to the
    regex."""
    low, end = max(0, start - 40), start
    while end > low and text[end - 1].isspace():
        end -= 1
    if end == start:
        return False
    begin = end
    while begin > low and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
        begin -= 1
    word = text[begin:end]
    return not word.isascii() or word.lower() in _ROLE_ENDINGS


def _bare_role_names(text):
    """Capitalised words straight after a role word (checked backwards from each one: fast)."""
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        if (
            start
            and _role_may_end(text, start)
            and _ROLE_BEFORE.search(text, max(0, start - 40), start)
        ):
            yield match


_BARE_ROLE_NAME = object()


def _subject_spans(text):
    for regex, found in (
        (_BARE_ROLE_NAME, _bare_role_names(text)),
        (_SUBJECT_NAME, _SUBJECT_NAME.finditer(text)),
    ):
        for match in found:
            word = match.group(1)
            base = word.lower().replace("\u2019", "'").split("'")[0]
            if base in NOT_NAMES or base in _ABSTRACT or base in FICTIONAL or base in TEXT_SPEAK:
                continue
            if _PLACE_AFTER.match(text, match.end(1)):
                continue
            if (
                base in ALL_FIRST
                or base in AMBIGUOUS_NAMES
                or (
                    regex is _SUBJECT_NAME
                    and len(base) >= 4
                    and not _known_word(base)
                    and base not in SURNAMES
                    and (not match.group(2) or _HUMAN_STATE.match(text, match.start(2)))
                )
                or (regex is _BARE_ROLE_NAME and not _known_word(base))
            ):
                yield match.start(1), match.end(1)


def _context_spans(text):
    for regex, lower_ok in (
        (_ROLE_NAME, True),
        (_PARENT_OF, True),
        (_INTRO, True),
        (_NAME_IN_TEAM, False),
        (_SIGN_OFF, False),
    ):
        for match in _overlapping(regex, text):
            word = match.group(1)
            if regex is _SIGN_OFF and word.lower() not in FIRST_NAMES:
                continue  # a sign-off must be a known first name, not "Thanks, Ludlow"
            if _plausible(word, lower_ok=lower_ok, text=text, start=match.start(1)):
                if (
                    regex is _INTRO
                    and word[0].islower()
                    and not _is_listed(word.lower())
                    and not _NAME_FOLLOWS.match(text, match.end(1))
                ):
                    continue  # "im new", "its rubbish": only known names after these cues
                if (
                    regex is _INTRO
                    and not _is_listed(word.lower())
                    and match.group(0)
                    .lower()
                    .startswith(
                        (
                            "thank",
                            "with",
                            "tell",
                            "ask",
                            "told",
                            "spoke",
                            "speak",
                            "talk",
                            "ring",
                            "rang",
                            "email",
                            "message",
                            "shout",
                            "big",
                        )
                    )
                    and not (
                        (
                            word[0].isupper()
                            or (
                                _NAME_FOLLOWS.match(text, match.end(1))
                                and not match.group(0).lower().startswith(("with", "tell", "told"))
                            )
                        )
                        and not _known_word(word.lower())
                    )
                ):
                    continue
                yield match.start(1), match.end(1)


def _gazetteer_spans(text):
    for match in _FULL_NAME.finditer(text):
        first, second = match.group(1), match.group(2)
        # An ambiguous first name ("Jo", "Will") is a name when an unknown surname follows.
        if (
            _is_first(first.lower())
            and first.lower() not in _ABSTRACT
            and second.lower() not in NOT_NAMES
            and not _PLACE_AFTER.match(text, match.end(2))
            and not _known_word(second.lower())
        ):
            yield match.start(), match.end()
    for match in re.finditer(r"\b[A-Za-z][a-z]+(?:-[A-Za-z][a-z]+)?\b", text):
        word = match.group(0)
        base = word.lower()
        if not _is_first(base) or base in NOT_NAMES:
            continue
        if base in AMBIGUOUS_NAMES or (word[0].islower() and len(base) < 4):
            continue
        if base not in FIRST_NAMES and (word[0].islower() and _known_word(base)):
            continue  # census-list names are trusted in lower case only when not ordinary words
        if _FICTIONAL_AFTER.match(text, match.end()):
            continue
        if _PLACE_AFTER.match(text, match.end()) or _SAINT_BEFORE.search(text, 0, match.start()):
            continue
        yield match.start(), match.end()


_FICTIONAL_AFTER = re.compile(
    r"\s+(?:potter|pig|the tank|the engine|and the|simpson|styles|granger|weasley|kane|"
    r"(?:" + "|".join(sorted(FICTIONAL)) + r"))\b",
    re.IGNORECASE,
)


def _mention_spans(text):
    for match in _MENTION.finditer(text):
        handle = match.group(1).lower()
        if handle in ALL_FIRST and handle not in AMBIGUOUS_NAMES and len(handle) >= 3:
            yield match.start(), match.end()


# A capitalised word followed by an age in brackets: "Elodie (9)", "Kacper (14yo)".
_NAME_AGE = re.compile(rf"\b({_CAP})\s*\(\s*\d{{1,2}}\s*(?:yo|y/o|yrs?|years?(?: old)?)?\s*\)")
# A double-barrelled first name, both parts listed: "Lily-May", "Ella-Rose" (each part may be
# ambiguous alone).
_HYPHENATED = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")
# Strong cues before a lower-case listed first name: a kinship or role word ("my cousin jay"),
# or handing or telling something to someone ("gave it to jay", "gave my old phone to jay", "said to
# jay").
_STRONG_CUE = caseless(
    rf"\b(?:{_POSSESSIVE}\s+{RELATIONS}|(?:gave|give|giving|given|sent|send|passed|pass|lent|lend|"
    r"handed|hand|said|say|says|saying|explained|showed|show|wrote|write|texted|text|talking|talked|"
    r"speaking|spoke|went round|go round|going round|went over|came over)\s+(?:[a-z']+\s+){0,4}?to|"
    r"told|tell|telling|with)\s+([a-z][a-z]+)\b(?!['\u2019]?-)",
    re.IGNORECASE,
)

# ... or after a preposition, followed by where they are met: "sat next to jay in class".
_SCHOOLMATE = re.compile(
    r"\b(?:to|with|and|beside|near)\s+([a-z][a-z]+)\s+(?:at|in|from)\s+(?:my\s+)?"
    r"(?:school|college|class|form|tutor group|youth club|club)\b"
)


def _age_spans(text):
    for match in _NAME_AGE.finditer(text):
        word = match.group(1)
        base = word.lower().replace("\u2019", "'").split("'")[0]
        if base in NOT_NAMES or base in FICTIONAL or base in TEXT_SPEAK or base in _ABSTRACT:
            continue
        if _is_listed(base) or (len(base) >= 3 and not _known_word(base)):
            yield match.start(1), match.end(1)


def _hyphenated_spans(text):
    for match in _HYPHENATED.finditer(text):
        first, second = match.group(1).lower(), match.group(2).lower()
        if (
            first in ALL_FIRST
            and second in ALL_FIRST
            and first not in NOT_NAMES
            and second not in NOT_NAMES
            and not _PLACE_AFTER.match(text, match.end())
        ):
            yield match.start(), match.end()


def _strong_cue_spans(text):
    for match in (*_STRONG_CUE.finditer(text), *_SCHOOLMATE.finditer(text)):
        word = match.group(1)
        if not word.islower():
            continue  # capitalised names after these cues are found elsewhere
        base = word.replace("\u2019", "'")
        if (
            base in ALL_FIRST
            and base not in NOT_NAMES
            and base not in _ABSTRACT
            and base not in TEXT_SPEAK
            and len(base) >= 3
            and not _PLACE_AFTER.match(text, match.end(1))
        ):
            yield match.start(1), match.end(1)


def find_names(text):
    """Return sorted (start, end) spans of personal names in text.

    Names are found after titles ("Mrs Hallworth", "mr fenwick", but not "Mrs B"), after
    kinship and role words ("my taxi driver dave"), in "Priya in the SEND team" and
    "(mum of Ellie)" patterns, and from a list of common first names. Services,
    towns, initials and fictional characters are not names."""
    spans = set()
    for finder in (
        _title_spans,
        _context_spans,
        _gazetteer_spans,
        _mention_spans,
        _subject_spans,
        _age_spans,
        _hyphenated_spans,
        _strong_cue_spans,
    ):
        spans.update(finder(text))
    return sorted(_with_surname(text, start, end) for start, end in spans)


_SURNAME = re.compile(
    rf"[ \t]+(?:([A-Za-z])\.?[ \t]+)?({_NAME_TOKEN}|[a-z][a-z'\u2019-]+)\b(?!['\u2019]?-)"
)
# Capitalised words that follow a name without being part of it ("Mrs Patel English teacher").
_NOT_SURNAME = frozenset(
    """english maths math science french german spanish welsh history geography
music drama art pe re pshe computing it dt food year reception class team""".split()
)
_ROLE_WORD = re.compile(rf"(?i:{RELATIONS})$")


def _follower(text, end, *, lower_ok, after_title):
    """The end of a surname-shaped word straight after a name ending at `end`, or None.

    Capitalised words mid-sentence after a name are proper nouns, so they are taken unless they
    are services, subjects, roles or the start of a place ("Kai Brennock", "David Evans",
    "Sarah-Jane O'Neill"). Lower-case words are taken only when the census lists them as a
    surname and they are not ordinary English ("kai brennock"), or after a title ("mr david
    evans")."""
    match = _SURNAME.match(text, end)
    if not match:
        return None
    word = match.group(2)
    base = word.lower().replace("\u2019", "'")
    if (
        base in NOT_NAMES
        or base in _NOT_SURNAME
        or base in TEXT_SPEAK
        or base in FICTIONAL
        or base in _NOT_AFTER_INITIAL
        or _ROLE_WORD.match(base)
        or _PLACE_AFTER.match(text, match.end(2))
    ):
        return None
    if match.group(1) and not (word[0].isupper() or base in SURNAMES):
        return None
    if word[0].isupper() and re.fullmatch(_NAME_TOKEN, word):
        return match.end(2)
    if not lower_ok:
        return None
    known = _known_word(base.split("'")[0])
    if (
        base in SURNAMES
        and (after_title or not known)
        or not known
        and len(base) >= (3 if after_title else 4)
    ):
        return match.end(2)
    return None


def _with_surname(text, start, end):
    """Extend a name span over up to two following surname-shaped words ("Mr David Evans")."""
    after_title = bool(re.match(rf"(?i){TITLES}\b", text[start:end]))
    lower_ok = after_title or text[start:end].islower()
    for _ in range(2):
        follower = _follower(text, end, lower_ok=lower_ok, after_title=after_title)
        if follower is None:
            break
        end = follower
    return start, end
