"""Flag abusive posts: insults at people, slurs, bullying, mocking needs, threats."""
import re

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
# Asterisked or symbol-masked words, mapped back so one list covers both spellings.
_MASKED = (
    (re.compile(r"\bf[\*#@!$%]+(?:c?k|ck)?(?:ing|in|in'|ed|er|ers)?\b"), "fucking"),
    (re.compile(r"\bf[\*#@!]ck\w*"), "fucking"),
    (re.compile(r"\bs[\*#@!]+(?:t|te)?\b(?!\s*(?:up|off))"), "shit"),
    (re.compile(r"\bsh[\*#@!]+t\w*"), "shit"),
    (re.compile(r"\bb[\*#@!]+(?:ch|tch|h)\b"), "bitch"),
    (re.compile(r"\bc[\*#@!]+(?:nt|t)\b"), "cunt"),
    (re.compile(r"\btw[\*#@!]+t\b"), "twat"),
    (re.compile(r"\br[\*#@!]+(?:tard|tarded|etard|d|ded|t)\b"), "retard"),
    (re.compile(r"\bsp[\*#@!]+(?:z|stic|ccy|c)\b"), "spaz"),
    (re.compile(r"\bm[\*#@!]+(?:ng|g|ngo)\b"), "mong"),
    (re.compile(r"\bd[\*#@!]+(?:ck|k)(?:head)?\b"), "dickhead"),
    (re.compile(r"\bp[\*#@!]+(?:ck|k)\b"), "prick"),
    (re.compile(r"\bw[\*#@!]+(?:ker|nker)\b"), "wanker"),
    (re.compile(r"\bf[\*#@!]+g(?:got)?\b"), "faggot"),
)
SLURS = (
    r"retard\w*|tard|spaz\w*|spastic|spacker|mong|mongo|mongoloid|window ?licker|sped|downie|"
    r"cripple|crip|schizo|nutter|psycho|faggot|fag|dyke|tranny|paki|pikey|gyppo|n[i1]gg\w*|"
    r"special needs kid|short bus|vegetable"
)
PERSON_INSULTS = (
    r"idiot|moron|imbecile|cow|bitch|psycho|freak|weirdo|weirdos|loser|losers|twat|prick|dick|"
    r"knob|dickhead|wanker|muppet|snowflake|nutter|creep|slag|slut|tosser|bellend|scumbag|"
    r"jobsworth|pig|clown|dumbass|numpty|div|pleb|cunt|waste of space|waste of oxygen|"
    r"attention seeker|cry ?baby|baby|nonce|saddo|mug|geek|nerd|fatty|fatso|lard ?arse"
)
INSULT_ADJECTIVES = (
    r"stupid|thick|dumb|pathetic|ugly|fat|lazy|useless|disgusting|weird|annoying|cringe|"
    r"retarded|special|autistic|slow|backward|mental|crazy|insane|a joke|worthless|gross|"
    r"dead|smelly|so sad|thick as"
)
_YOU = r"(?:you|u|ur|youre|you are|u r|ya|yous|you lot are|your|ure)"
_SUBJECT = r"(?:hes|shes|he is|she is|theyre|they are|is|was|are|be)"
_INTENSIFIERS = r"(?:(?:such|a|an|so|literally|proper|absolute|total|complete|massive|fucking|" \
                r"bloody|actual|actually|the biggest|just|really|an absolute|a total|a proper)\s+)*"

STRONG = (
    ("slur", rf"\b(?:{SLURS})\b"),
    ("insult aimed at a person", rf"\b{_YOU}\s+{_INTENSIFIERS}(?:{PERSON_INSULTS})\b"),
    ("insult aimed at a person", rf"\b{_SUBJECT}\s+{_INTENSIFIERS}(?:{PERSON_INSULTS})\b"),
    ("insult aimed at a person", rf"\b{_YOU}\s+{_INTENSIFIERS}(?:{INSULT_ADJECTIVES})\b"
                                 rf"(?!\s+(?:question|idea|point|day|time))"),
    ("insult aimed at a person", rf"\b(?:useless|lazy|stupid|fat|ugly|thick|fucking|pathetic)\s+"
                                 rf"(?:fucking\s+)?(?:{PERSON_INSULTS})\b"),
    ("insult aimed at a person", r"\b(?:fuck off|fuck you|fuck u|piss off|screw you|get lost|"
                                 r"go away)\b(?!\s+(?:school|homework|lessons|monday))"),
    ("bullying", r"\b(?:nobody|no one|noone|no1) (?:likes|wants|cares about|sits with|talks to|"
                 r"asked|invited|would miss|cares what) (?:you|u|ur|her|him|them)\b"),
    ("bullying", r"\bno wonder (?:nobody|no one|noone|you|u)\b"),
    ("bullying", r"\beveryone (?:at \w+(?: \w+)? )?(?:thinks|knows|says|hates|laughs at) "
                 r"(?:you|u|ur|youre|hes|shes|she is|he is)\b|\b(?:everyone|they all|we all) "
                 r"(?:laughs?|laughed) at (?:her|him|you|u|them)\b"),
    ("bullying", r"\b(?:kys|kill yourself|kill urself|go die|drop dead|end yourself)\b"),
    ("bullying", r"\b(?:go|just go) (?:cry|crying|and cry|home and cry)\b|\bcry (?:to|about) ur\b"),
    ("mocking needs or disability", r"\b(?:adhd|autism|anxiety|dyslexia|depression|ocd) "
                                    r"(?:isnt|is not|aint|arent) (?:real|a thing)|"
                                    r"(?:thinks|think|pretend\w*) (?:adhd|autism|anxiety|dyslexia) "
                                    r"is real|excuses? for being (?:thick|lazy|stupid|naughty)|"
                                    r"crying about \"?(?:anxiety|adhd|autism)|faking (?:it|ur|your) "
                                    r"(?:adhd|autism|anxiety|disability)|"
                                    r"(?:ur|you|u|youre) (?:so |such )?(?:special needs|sen|autistic|"
                                    r"adhd) (?:lol|lmao|haha|innit)"),
    ("threat", r"\b(?:im|i am|ill|i will|gonna|going to|gunna|imma|im going to|im gonna) "
               r"(?:batter|stab|kill|knife|hurt|punch|smash|beat|deck|jump|shank|slap|smack|"
               r"end|get) (?:you|u|him|her|them|ur)\b|\bwatch your back\b|\bwatch ur back\b|"
               r"\b(?:smash|batter|kick|punch|cave) (?:his|her|ur|your|their) (?:face|head)|"
               r"\byoure dead\b|\bur dead\b|\byou are dead\b"),
)
WEAK = (
    ("put-down", r"\bshut up\b"),
    ("put-down", r"\b(?:lmao|lmfao|haha+|rofl)\b"),
    ("put-down", r"\b(?:nobody|no one|noone) cares\b"),
    ("put-down", rf"\b{_YOU}\s+(?:{PERSON_INSULTS}|{INSULT_ADJECTIVES})\b"),
    ("put-down", r"\bstupid\b|\bidiot\w*\b|\bfreak\b|\bweirdo\b"),
)
_STRONG = tuple((reason, re.compile(pattern)) for reason, pattern in STRONG)
_WEAK = tuple((reason, re.compile(pattern)) for reason, pattern in WEAK)


def normalise(text):
    """Lower-case text, drop apostrophes and unmask asterisked swear words and slurs."""
    lowered = _APOSTROPHES.sub("", text.lower())
    for regex, word in _MASKED:
        lowered = regex.sub(word, lowered)
    return lowered


def abuse_reasons(text):
    """Return the reasons a post is abusive (empty list if it is not).

    Strong criticism of a service or decision, and swearing about a situation
    ("i hate school so f***ing much"), are not abuse."""
    lowered = normalise(text)
    reasons = [reason for reason, regex in _STRONG if regex.search(lowered)]
    if not reasons:
        weak = [reason for reason, regex in _WEAK if regex.search(lowered)]
        if len(weak) >= 2:
            reasons = sorted(set(weak))
    return sorted(set(reasons), key=reasons.index)


def is_abusive(text):
    """True when a moderator should remove the post."""
    return bool(abuse_reasons(text))
