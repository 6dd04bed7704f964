"""Flag comments a safeguarding lead should see today, with reasons. Errs towards recall."""
import re

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")

# Each entry: reason, pattern (on lower-case text with apostrophes removed).
_SELF = r"(?:i|im|i am|ive|i have|ill|i will|i keep|i just|i might|i could|i want to|i wanna)"
_YOUNG = (r"(?:he|she|they|my (?:son|daughter|child|boy|girl|lad|kid|teen|teenager|\d+ year old)|"
          r"our (?:son|daughter|child)|(?:he|she) has|(?:he|she) keeps|(?:he|she)s)")
RISK_PATTERNS = (
    ("suicidal thoughts", r"\b(?:kill(?:ing)? (?:myself|himself|herself|themselves)|suicid\w*|"
     r"end (?:it all|my life|his life|her life|things)|take my (?:own )?life|"
     r"(?:want|wanted|wanting|wants) to die\b(?! when| of (?:embarrass|shame))|"
     r"(?:better|happier) off without (?:me|him|her|us)|better off dead|"
     r"(?:easier|better) if i (?:just )?(?:wasnt|werent|didnt wake|was gone|wasnt here|disappeared)|"
     r"didnt wake up|not wake up|never wake up|dont want to (?:be here|live|exist|wake up|be alive)|"
     r"no (?:point|reason) (?:in )?(?:living|being alive|going on|carrying on)|"
     r"(?:dont|cant) see the point (?:in|of) (?:anything|living|life|going on)|"
     r"see the point in anything|cant go on|no way out|wish i (?:was|were) dead|"
     r"wish i (?:had never been|wasnt) born|jump (?:off|in front)|in front of a (?:train|car)|"
     r"say(?:ing)? goodbye to (?:everyone|people)|goodbye (?:letter|note)|"
     r"(?:think|thinking|thought|thoughts) (?:about|of) (?:ending (?:it|things|my life)|not being here|"
     r"dying|killing myself|suicide)|ending it all|disappear (?:forever|for good)|"
     r"(?:nobody|no one|noone) would (?:care|notice|miss me) if i|not (?:being|be) here any ?more|"
     r"(?:giving|gave|given) (?:all )?(?:his|her|my|their) (?:things|stuff|belongings|"
     r"possessions|games|toys|clothes) away|(?:giving|gave) away (?:his|her|my) (?:things|stuff))"),
    ("self-harm", r"\b(?:self[- ]?harm\w*|cutting (?:again|myself|himself|herself|my|his|her)|"
     r"(?:started|been|keep|is|was|hes|shes|im) cutting|cuts on (?:his|her|my)|"
     r"(?:hurt|hurting|burn|burning|scratch\w*|hit|hitting|harm|harming) (?:myself|himself|herself)|"
     r"(?:scratch\w*|cuts?|cutting|burn\w*|marks) (?:on |into )?(?:his|her|my) (?:arms?|legs?|wrists?|skin|thighs?)|"
     r"i hate myself|punish(?:ing)? myself|head ?bang\w*|overdos\w*|ligature|took (?:a load of|loads of|too many) (?:tablets|pills)|"
     r"bit (?:his|her) (?:arm|hand)s? until)"),
    ("not eating or hidden tablets", r"\b(?:(?:isnt|not|stopped|wont|refus\w+ to|hasnt been|"
     r"barely|hardly) eat(?:ing)?\b(?! (?:lunch|breakfast) (?:at|in) school)|refus\w+ (?:food|to eat|meals)|"
     r"(?:making|made) (?:himself|herself|myself) sick|throw(?:ing)? up after|"
     r"lost (?:a lot of|so much) weight|(?:tablets|pills|medication) hidden|"
     r"hid(?:den|ing)? (?:tablets|pills|medication)|(?:stockpil|sav)\w+ (?:up )?(?:tablets|pills)|"
     r"(?:found|find) (?:tablets|pills|blades|razors?))"),
    ("abuse or violence at home", r"\b(?:(?:hits|hit|punch\w*|kick\w*|push\w*|shov\w*|slap\w*|"
     r"chok\w*|strangl\w*|beat\w*|grab\w*|thr[eo]w\w* things at|locks?|locked) (?:me|us|him|her|"
     r"my (?:son|daughter|child|sister|brother|mum)|his (?:sister|brother)|her (?:sister|brother))\b"
     r"(?! (?:off|out of (?:lessons|class)|in detention))|bruis\w+|"
     r"(?:touch\w*|touched) (?:me|him|her) (?:inappropriately|where|down there)|"
     r"(?:touching|touches|touched|grop\w+) (?:me|him|her)\b|rape\w*|makes? (?:me|him|her) do things|"
     r"(?:hit|hurt|punched|kicked|beaten|attacked|strangled|abused) by (?:my|his|her|their|a|an) "
     r"(?:dad|mum|stepdad|stepmum|mums boyfriend|husband|partner|brother|sister|uncle|adult|carer|grandad)|"
     r"threatening (?:me|us|him|her)\b(?! with (?:fines?|court|exclusion|prosecution|legal))|(?:said|says|say|threaten\w*) (?:they|he|she)(?:d| would| will| are going to| is going to| will) "
     r"(?:hurt|kill|beat|batter|stab|get)|"
     r"sexual(?:ly)? (?:abus\w*|assault\w*)|abus(?:ed|ing|ive) (?:me|him|her|us)|"
     r"(?:domestic|physical|sexual|emotional) (?:abuse|violence)|(?:neglect\w*|ignor\w+) (?:him|her|them|me|the (?:kids|children))\b|signs of neglect|neglected at home|"
     r"no food in the house|nothing to eat|left (?:on (?:his|her|their) own|alone) (?:most|all|every)|"
     r"scared of (?:my|his|her|their) (?:dad|mum|stepdad|stepmum|husband|wife|partner|brother|uncle)|"
     r"scared (?:to go|of going) home|(?:when|because) (?:my|his|her) (?:dad|mum|stepdad|partner) drinks|"
     r"broke the door|smash\w* (?:the|my) (?:door|room|phone)|shouts? at (?:me|him|her|our|my)\b"
     r"[^.]*\b(?:pushed|hit|hurt|scared)|(?:pushed|hit) him before|"
     r"(?:controls|checks|takes) (?:my|all my|our) (?:money|phone|bank)|"
     r"(?:wont|doesnt) let me (?:see|go out|leave|have|talk to|contact)|coercive|"
     r"(?:threaten\w*) (?:to )?(?:hurt|kill|hit|take the kids|leave)|"
     r"(?:he|she) (?:hurts|hurt) (?:me|us|him|her)\b)"),
    ("exploitation or grooming", r"\b(?:send (?:him |her |me )?(?:pics|pictures|photos|nudes|nudz)|"
     r"asking (?:me|him|her) (?:to send|for) (?:pics|pictures|photos|nudes)|nudes|"
     r"(?:tell|show|send (?:it|them) to) everyone (?:at school )?if (?:i|he|she) (?:dont|doesnt|wont)|"
     r"groom(?:ed|ing) (?:him|her|me|them|online|children|kids)|being groomed|online grooming|county lines|(?:carry|carrying|hold|holding|sell|selling|deliver\w*) (?:drugs|"
     r"packages|stuff) for|older (?:boys|men|lads|man|guy|guys) (?:who )?(?:give|gave|giving|buy|pick)|"
     r"keep (?:it|this) (?:a )?secret|(?:a |this )?(?:guy|man|someone|person) (?:online|on \w+) who|"
     r"met (?:online|on (?:snap|insta|tiktok|discord))|sextort\w*|blackmail\w*|"
     r"exploit(?:ed|ing) (?:him|her|them|me|young|children|kids)|trafficked|older (?:boys|men|lads|guys)|coming home with (?:cash|money|new)|"
     r"(?:offered|gave|giving|gives|buys|bought) (?:him|her|me) (?:money|cash|vapes|weed|drugs|alcohol|"
     r"a phone|gifts)|(?:money|cash|paid) (?:to|for) (?:carry|drop|deliver|take|hold)|owes? (?:them|him) money)"),
    ("says they are unsafe", r"\b(?:(?:dont|do not|never) feel safe|(?:not|isnt) safe at (?:home|school)|"
     r"feel unsafe|im (?:scared|frightened|terrified) (?:to|of|at)|scared (?:it|this) will get worse|"
     r"scared (?:one of us|someone|he|she) (?:is going to|will) (?:get )?(?:hurt|kill)|"
     r"(?:gets?|get) (?:seriously )?hurt\b|(?:im|i am|hes|he is|shes|she is|they are|we are|were|is) in danger)"),
    ("cannot keep safe", r"\b(?:(?:i|we|im|i just|we just) (?:cant|cannot|can no longer|couldnt|"
     r"am unable to|are unable to|dont know how to|do not know how to) keep "
     r"(?:him|her|them|us|myself|my (?:son|daughter|children|kids|family)|everyone|the others|"
     r"his (?:sister|brother)|her (?:sister|brother)) safe|i (?:might|could|will|am going to|want to) "
     r"hurt (?:him|her|them|myself)|thoughts (?:of|about) (?:harming|hurting|killing)|"
     r"im at the end\b|cant do this any ?more|i cant cope any ?more|breaking point|"
     r"(?:hes|shes) a danger to|dangerous to (?:himself|herself|others|his|her))"),
    ("threat of violence", r"\b(?:(?:im|i am|ill|i will|gonna|going to|gunna|im gonna|imma) "
     r"(?:batter|stab|kill|knife|hurt|punch|smash|beat|deck|jump|get|shank|burn) "
     r"(?:him|her|them|you|u|ur|[a-z]+s (?:face|head)|(?!me\b)[a-z]+ (?:after|tomorrow|at|on|if|when))\b"
     r"|(?:bring|bringing) a (?:knife|blade|weapon)|(?:stab|shoot|kill) (?:him|her|them|you|u)\b)"),
)
_COMPILED = tuple((reason, re.compile(pattern)) for reason, pattern in RISK_PATTERNS)

# Idiom and hyperbole that mention harm without risk; removed before matching.
_IDIOMS = re.compile(
    r"\b(?:(?:this|the|it|that|which|process|system|waiting|wait|paperwork)\s+(?:\w+\s+)?"
    r"(?:is|was|has been|its|it is)\s+(?:literally\s+)?killing (?:me|us)|killing me|"
    r"(?:could|would|gonna) (?:murder|kill) (?:a|for a|for) \w+|"
    r"(?:mum|mums|dad|dads|mom|teacher|sir|miss|she|he|they)(?:s| is| are| will| would)?"
    r"(?: going to| gonna)? kill (?:me|us)|"
    r"wanted to die when|(?:could|nearly|almost) (?:have )?died (?:of|when|laughing)|"
    r"dying (?:to|for)|ill scream|going to scream|kill for|killer|drop dead gorgeous|"
    r"no sense of danger|(?:lack|unaware|no awareness) of danger|road safety|"
    r"keep (?:him|her) safe (?:on the|in the|at the) (?:road|bus|taxi|car|journey))")
# Past harm described as resolved, with support now in place.
_RESOLVED = re.compile(
    r"\b(?<!dont )(?<!not )(?<!never )(?<!didnt )(?:(?:is|are|were|are now|is now|feels?|feeling) (?:much )?(?:safe|safer|better|settled|"
    r"happier)(?: now)?|support (?:is )?(?:now )?in place|(?:now|finally) (?:has|have|getting|get) "
    r"(?:support|help)|(?:doing|doing really|doing so) well now|resolved|no longer|"
    r"(?:years|months) ago|when (?:he|she|i) was (?:younger|little|small))")
_CURRENT = re.compile(r"\b(?:again|still|last night|yesterday|today|tonight|this week|keep|"
                      r"keeps|anymore|any more|every day|right now|lately|recently)\b")


def _normalise(text):
    return _APOSTROPHES.sub("", text.lower())


def safeguarding_reasons(text):
    """Return the reasons a comment needs a safeguarding lead today (empty list if none).

    Hyperbole and idiom ("this process is killing me", "I could murder a coffee"), and harm
    described as past and resolved with support in place, do not count."""
    lowered = _IDIOMS.sub(" ", _normalise(text))
    reasons = [reason for reason, regex in _COMPILED if regex.search(lowered)]
    if reasons and _RESOLVED.search(lowered) and not _CURRENT.search(lowered):
        return []
    return reasons


def is_safeguarding(text):
    """True when the comment should go to a safeguarding lead for urgent review."""
    return bool(safeguarding_reasons(text))
