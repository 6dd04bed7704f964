"""Flag abusive posts: insults at people, slurs, bullying, mocking needs, threats."""

import re

from portal.text.fastre import PatternSet

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
    (re.compile(r"\bp[\*#@!]+ss\b"), "piss"),
    (re.compile(r"\bw[\*#@!]+nk\w*"), "wanker"),
    (re.compile(r"\bb[\*#@!]+ll ?end\b"), "bellend"),
    (re.compile(r"\bsl[\*#@!]+g\b"), "slag"),
    (re.compile(r"\bsp[\*#@!]+sh?\b"), "spesh"),
)
SLURS = (
    r"retard\w*|tard|spaz\w*|spastic|spacker|mong|mongs|mongo|mongoloid|window ?lick\w*|sped|"
    r"downie|downies|"
    r"spesh|speshul|spakka|flid|joey|vegetables|"
    r"cripple|crip|schizo|nutter|psycho|faggot|fag|dyke|tranny|paki|pikey|gyppo|n[i1]gg\w*|"
    r"special needs kid|short bus|vegetable"
)
PERSON_INSULTS = (
    r"idiot|moron|imbecile|cow|bitch|psycho|freak|weirdo|weirdos|loser|losers|twat|prick|dick|"
    r"knob|dickhead|wanker|muppet|snowflake|nutter|creep|slag|slut|tosser|bellend|scumbag|"
    r"jobsworth|pig|clown|dumbass|numpty|div|pleb|cunt|waste of space|waste of oxygen|"
    r"attention seeker|cry ?baby|baby|nonce|saddo|mug|geek|nerd|fatty|fatso|lard ?arse|"
    r"melt|wasteman|waste man|doughnut|donut|plank|gimp|goon|dumbo|dimwit|halfwit|nitwit|cretin|"
    r"simpleton|scrounger|parasite|vermin|rat|snake|bellend|nob|nobhead|knobhead|bastard|"
    r"arsehole|asshole|shithead|dipshit|twit|berk|prat|pillock|wally|tramp|skank|hoe|cow bag|"
    r"idiots|morons|clowns|losers|freaks|muppets|cows|pigs|parasites|scroungers|bastards|twats|pricks|"
    r"wankers|dickheads|cunts|tossers|numpties"
)
# Profane or demeaning nouns that are insults wherever they are pinned on someone.
PROFANE_NOUNS = (
    r"twat|cunt|dickhead|wanker|prick|bellend|tosser|bitch|slag|slut|knobhead|nobhead|"
    r"bastard|arsehole|asshole|shithead|dipshit|skank|cow|pig|twats|cunts|dickheads|wankers|"
    r"pricks|bellends|tossers|bitches|bastards|arseholes|assholes|idiots|morons|imbeciles|cretins|"
    r"perv|pervert|nonce|creep|weirdo|freak|psycho|loser|crybaby|cry baby|nutter|retard|mong|spaz"
)
INSULT_ADJECTIVES = (
    r"stupid|thick|dumb|pathetic|ugly|fat|lazy|useless|disgusting|weird|annoying|cringe|"
    r"retarded|special|autistic|slow|backward|mental|crazy|insane|a joke|worthless|gross|"
    r"dead|smelly|so sad|thick as"
)
_YOU = r"(?:you|u|ur|youre|you are|u r|ya|yous|you lot are|your|ure)"
_SUBJECT = r"(?:hes|shes|he is|she is|theyre|they are|is|was|are|be)"
_INTENSIFIERS = (
    r"(?:(?:such|a|an|so|literally|proper|absolute|total|complete|massive|fucking|"
    r"bloody|actual|actually|the biggest|just|really|an absolute|a total|a proper|all|"
    r"utter|right|little|stupid|useless|lazy|fat|ugly|thick|brain dead|braindead|"
    r"pathetic|bunch of|load of|lot of|set of|pack of|of)\s+)*"
)

STRONG = (
    ("slur", rf"\b(?:{SLURS})\b"),
    ("insult aimed at a person", rf"\b{_YOU}\s+{_INTENSIFIERS}(?:{PERSON_INSULTS})\b"),
    ("insult aimed at a person", rf"\b{_SUBJECT}\s+{_INTENSIFIERS}(?:{PERSON_INSULTS})\b"),
    (
        "insult aimed at a person",
        rf"\b{_YOU}\s+{_INTENSIFIERS}(?:{INSULT_ADJECTIVES})\b"
        rf"(?!\s+(?:question|idea|point|day|time))",
    ),
    (
        "insult aimed at a person",
        rf"\b(?:useless|lazy|stupid|fat|ugly|thick|fucking|pathetic)\s+"
        rf"(?:fucking\s+)?(?:{PERSON_INSULTS})\b",
    ),
    (
        "insult aimed at a person",
        rf"\b(?:a|an|you|u|ur|youre|such|absolute|total|utter|little|stupid|"
        rf"useless|lazy|fat|dead|brain dead|braindead|are|is|all|bunch of|load of)\s+"
        rf"(?:\w+\s+){{0,2}}(?:{PROFANE_NOUNS})\b",
    ),
    (
        "insult aimed at a person",
        r"\bthick as (?:mince|shit|pigshit|two short planks|a brick|mud|a plank|custard)\b",
    ),
    (
        "insult aimed at a person",
        r"\b(?:stick to|go back to) (?:colouring|crayons|eating crayons|ur special school)\b",
    ),
    (
        "insult aimed at a person",
        r"\b(?:fuck off|fuck you|fuck u|piss off|screw you|get lost|"
        r"go away)\b(?!\s+(?:school|homework|lessons|monday))",
    ),
    (
        "bullying",
        r"\b(?:nobody|no one|noone|no1) (?:likes|wants|cares about|sits with|talks to|"
        r"asked|invited|would miss|cares what) (?:you|u|ur|her|him|them)\b",
    ),
    ("bullying", r"\bno wonder (?:nobody|no one|noone|you|u)\b"),
    (
        "bullying",
        r"\b(?:nobody|no one|noone|no1|none of us)(?: (?:in|at|on|from) (?:this|the|our|ur|"
        r"my) \w+(?: \w+)?| here)? "
        r"(?:likes|wants|cares about|wants to talk to|wants to sit with|asked for) (?:you|u|ur)\b",
    ),
    (
        "mocking needs or disability",
        r"\bimagine (?:being|needing|having) (?:that |so |a )?(?:slow|thick|dumb|stupid|weird|"
        r"special|retarded|a reader|a scribe|extra time|a ta|a helper|ear defenders)\b|\bman up\b",
    ),
    (
        "demeaning remark about disabled people",
        r"\b(?:all |the |those |these )*(?:autistic|disabled|deaf|blind|sen|send|"
        r"adhd|special needs|downs|wheelchair|dyslexic|spec(?:ial)? ed) (?:kids|people|ppl|lot|"
        r"ones|students|pupils)\b"
        r"(?: \w+){0,3} (?:are|r|is|always|just) (?:so |all |really |proper |"
        r"literally )?(?:annoying|weird|thick|stupid|"
        r"useless|dumb|gross|creepy|embarrassing|a pain|a joke|a waste|freaks|weirdos|pathetic|"
        r"slow|mental)\b",
    ),
    (
        "bullying",
        r"\b(?:nobody|no one|noone|dont|do not|never) (?:invite|add|let|talk to|sit with|pick|"
        r"play with) "
        r"(?:\w+ ){0,2}(?:to|in|into|on) (?:the|our|this) (?:group|chat|gc|group chat|team|party|"
        r"table)\b|"
        r"\b(?:stay|keep) away from (?:her|him|them|that \w+)\b[^.]{0,40}\b(?:psycho|freak|weird|"
        r"mental|crazy|smells|nutter)|"
        r"\b(?:just )?(?:dont|do not|shouldnt) (?:come|join|bother coming)\b[^.]{0,40}\b(?:ur all|"
        r"youre all|you lot|weird|freaks)|"
        r"\b(?:ur|youre|you are) all (?:weird|freaks|weirdos|losers|mental|retarded|thick|"
        r"annoying)\b",
    ),
    (
        "demeaning remark about disabled people",
        r"\b(?:ppl|people|kids|children|those|anyone|everyone) "
        r"(?:in wheelchairs|with (?:autism|adhd|disabilities|sen|send|special needs|downs)|"
        r"who are (?:autistic|disabled|deaf|blind)|"
        r"on the spectrum|in the (?:inclusion base|unit|base|special class)|like (?:u|you|him|her|"
        r"them))\b[^.]{0,40}"
        r"\b(?:shouldnt|should not|shouldn|dont deserve|are all|r all|should be (?:locked|kept|put|"
        r"banned)|"
        r"slow (?:everyone|us|everything) down|ruin|are a waste|cant do anything|are useless|"
        r"are thick|"
        r"shouldnt be allowed|need to be)|"
        r"\b(?:if|when) (?:ur|youre|you are|u r) (?:autistic|disabled|adhd|sen|special needs|deaf|"
        r"blind)\b[^.]{0,30}"
        r"\b(?:dont|do not|just dont|shouldnt) (?:come|bother|join|talk)",
    ),
    (
        "demeaning remark about disabled people",
        r"\b(?:autistic|disabled|deaf|blind|sen|send|adhd|special needs|"
        r"downs|wheelchair|dyslexic|spec(?:ial)? ed|unit|base) (?:kids|people|ppl|lot|ones|"
        r"students|pupils|children)\b"
        r"(?: \w+){0,3} (?:shouldnt|should not|dont deserve|dont belong|do not belong|"
        r"should be (?:locked|kept|put|banned|sent)|"
        r"need to be (?:locked|kept|put|banned|sent)|slow (?:everyone|us|everything|"
        r"the class) down|ruin (?:everything|it|trips|lessons))",
    ),
    (
        "bullying",
        r"\beveryone (?:at \w+(?: \w+)? )?(?:thinks|knows|says|hates|laughs at) "
        r"(?:you|u|ur|youre|hes|shes|she is|he is)\b|\b(?:everyone|they all|we all) "
        r"(?:laughs?|laughed) at (?:her|him|you|u|them)\b",
    ),
    ("bullying", r"\b(?:kys|kill yourself|kill urself|go die|drop dead|end yourself)\b"),
    ("bullying", r"\b(?:go|just go) (?:cry|crying|and cry|home and cry)\b|\bcry (?:to|about) ur\b"),
    (
        "mocking needs or disability",
        r"\b(?:adhd|autism|anxiety|dyslexia|depression|ocd) "
        r"(?:isnt|is not|aint|arent) (?:real|a thing)|"
        r"(?:thinks|think|pretend\w*) (?:adhd|autism|anxiety|dyslexia) "
        r"is real|excuses? for being (?:thick|lazy|stupid|naughty)|"
        r"crying about \"?(?:anxiety|adhd|autism)|faking (?:it|ur|your) "
        r"(?:adhd|autism|anxiety|disability)|"
        r"(?:ur|you|u|youre) (?:so |such )?(?:special needs|sen|autistic|"
        r"adhd) (?:lol|lmao|haha|innit)",
    ),
    (
        "threat",
        r"\b(?:im|i am|ill|i will|gonna|going to|gunna|imma|im going to|im gonna) "
        r"(?:batter|stab|kill|knife|hurt|punch|smash|beat|deck|jump|shank|slap|smack|"
        r"end|get) (?:you|u|him|her|them|ur)\b|\bwatch your back\b|\bwatch ur back\b|"
        r"\b(?:smash|batter|kick|punch|cave) (?:his|her|ur|your|their) (?:face|head)|"
        r"\byoure dead\b|\bur dead\b|\byou are dead\b|"
        r"\b(?:bring|bringing|brought|gonna bring|carry|carrying) (?:my|his|her|my dads|"
        r"my brothers|a|the) "
        r"(?:\w+ )?(?:knife|blade|hammer|bat|machete|weapon|gun|screwdriver|crowbar)\b|"
        r"\b(?:hes|shes|ur|youre|theyre) (?:getting|gonna get|going to get) (?:it|battered|stabbed|"
        r"jumped|done in|merked)\b|"
        r"\b(?:knows?|know) where (?:you|u) live|\bill find (?:you|u)\b",
    ),
)
WEAK = (
    ("put-down", r"\bshut up\b"),
    ("put-down", r"\b(?:lmao|lmfao|haha+|rofl)\b"),
    ("put-down", r"\b(?:nobody|no one|noone) cares\b"),
    ("put-down", rf"\b{_YOU}\s+(?:{PERSON_INSULTS}|{INSULT_ADJECTIVES})\b"),
    ("put-down", r"\bstupid\b|\bidiot\w*\b|\bfreak\b|\bweirdo\b"),
)
_STRONG = PatternSet(STRONG)
_WEAK = PatternSet(WEAK)


_MASK_CHARS = re.compile(r"[\*#@!$%]")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s", "!": "i"}
)
_MIXED_WORD = re.compile(
    r"\b(?=[a-z0-9@$!]*[a-z])(?=[a-z0-9@$!]*[0-9@$])[a-z][a-z0-9@$!]*[a-z0-9]\b|"
    r"\b[a-z]+[0-9@$!][a-z0-9@$!]*\b"
)


def _unleet(match):
    word = match.group(0)
    return (
        word
        if word.startswith("@") or sum(ch.isdigit() for ch in word) > 2
        else word.translate(_LEET)
    )


# Every plain word in the slur and insult lists, for spelling out masked or spaced forms that
# the fixed table above does not know ("c*w", "pr*ck", "r e t a r d", "i.d.i.o.t").
_TARGET_WORDS = tuple(
    dict.fromkeys(
        w
        for w in re.split(
            r"[|\s]+",
            SLURS + "|" + PROFANE_NOUNS + "|" + PERSON_INSULTS + "|fuck|fucking|shit|bastard|bitch",
        )
        if re.fullmatch(r"[a-z]{3,}", w)
    )
)
_TARGET_SET = frozenset(_TARGET_WORDS)
_SPACED = (
    re.compile(r"\b[a-z](?:( )[a-z])(?:\1[a-z]){1,10}\b"),
    re.compile(r"\b[a-z](?:([.\-_])[a-z])(?:\1[a-z]){1,10}\b"),
)
_MASKED_WORD = re.compile(r"\b[a-z]+[\*#@!$%]+[a-z]*|(?<![\w@])[\*#@!$%]+[a-z]{2,}")


def _unspace(match):
    run = match.group(0)
    sep = match.group(1)
    letters = run.split(sep)
    for i in range(len(letters) - 2):  # "ur a r e t a r d": the word may start part-way
        for j in range(len(letters), i + 2, -1):
            joined = "".join(letters[i:j])
            if joined in _TARGET_SET or joined.rstrip("s") in _TARGET_SET:
                return sep.join(letters[:i] + [joined] + letters[j:])
    return run


def _unmask(match):
    word = match.group(0)
    if len(re.sub(r"[^a-z]", "", word)) < 2:
        return word
    pattern = re.compile(re.sub(r"[\*#@!$%]+", "[a-z]{1,3}", word))
    for target in _TARGET_WORDS:
        if pattern.fullmatch(target):
            return target
    return word


def normalise(text):
    """Lower-case text, drop apostrophes and unmask asterisked swear words and slurs."""
    lowered = _APOSTROPHES.sub("", text.lower())
    lowered = _MIXED_WORD.sub(_unleet, lowered)  # m0ng, d1ckhead
    if _MASK_CHARS.search(lowered):  # every masked spelling uses one of these characters
        for regex, word in _MASKED:
            lowered = regex.sub(word, lowered)
        if _MASK_CHARS.search(lowered):
            lowered = _MASKED_WORD.sub(_unmask, lowered)
    if " " in lowered or "." in lowered or "-" in lowered:
        for spaced in _SPACED:
            lowered = spaced.sub(_unspace, lowered)  # r e t a r d, i.d.i.o.t
    return lowered


# Words reported or quoted rather than aimed ("my cousin called me a r*tard", "the kys
# comments under his videos"): the writer is describing abuse, not committing it.
_REPORTED = re.compile(
    r"\b(?:called|calls|calling|call|named|labelled|labeled|shouted|shouting|yelled) "
    r"(?:me|him|her|us|them|my \w+|his \w+|her \w+|our \w+)(?: a| an)?(?: \w+){1,2}|"
    r"\b(?:said|says|saying|told me|tells me|telling me) (?:that )?(?:i was|im|i am|hes|shes|"
    r"he was|she was)(?: a| an)?(?: \w+){1,2}|"
    r"\b\w+ (?=(?:comments|messages|posts|dms|replies|jokes|word|words|slurs?)\b)|"
    r"\bthe (?:word|words|term|slur) \W?\w+|"
    r"\b(?:got|get|gets|getting|was|been|being|were|is|are) called(?: a| an)?(?: \w+){1,2}|"
    r"\b(?:my|his|her|our) (?:own )?fault for being(?: a| an)?(?: \w+){1,2}"
)


def abuse_reasons(text):
    """Return the reasons a post is abusive (empty list if it is not).

    Strong criticism of a service or decision, and swearing about a situation
    ("i hate school so f***ing much"), are not abuse."""
    lowered = _REPORTED.sub(" ", normalise(text))
    reasons = _STRONG.matching(lowered)
    if not reasons:
        weak = _WEAK.matching(lowered)
        if len(weak) >= 2:
            reasons = sorted(set(weak))
    return sorted(set(reasons), key=reasons.index)


def is_abusive(text):
    """True when a moderator should remove the post."""
    return bool(abuse_reasons(text))
