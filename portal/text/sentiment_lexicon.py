"""Domain sentiment lexicon: British, SEND and text-speak phrases VADER and TextBlob miss."""

# Single words added to (or overriding) VADER's lexicon, on its -4..+4 scale.
WORDS = {
    "shambles": -2.8,
    "shambolic": -2.8,
    "rubbish": -2.2,
    "gutted": -2.5,
    "chuffed": 2.5,
    "fab": 2.5,
    "ace": 2.0,
    "knackered": -1.5,
    "shattered": -1.5,
    "fobbed": -2.2,
    "joke": -1.2,
    "battle": -1.5,
    "battling": -1.5,
    "fight": -1.2,
    "fighting": -1.2,
    "struggling": -1.8,
    "struggle": -1.5,
    "begging": -1.8,
    "chasing": -1.2,
    "chased": -1.2,
    "ignored": -2.0,
    "dismissed": -2.0,
    "dismissive": -2.2,
    "discharged": -1.0,
    "refused": -1.5,
    "rejected": -1.5,
    "waste": -2.0,
    "ridiculous": -2.5,
    "shocking": -2.5,
    "disgrace": -3.0,
    "disgraceful": -3.0,
    "appalling": -3.0,
    "useless": -2.5,
    "pointless": -2.0,
    "nightmare": -2.5,
    "lifeline": 2.5,
    "grateful": 2.5,
    "sorted": 1.5,
    "helpful": 2.0,
    "thorough": 1.5,
    "practical": 1.0,
    "patient": 1.2,
    "saint": 2.5,
    "superstar": 3.0,
    "excluded": -1.5,
    "suspended": -1.2,
    "suspensions": -1.2,
    "isolation": -1.2,
    "threshold": -0.5,
    "judged": -2.0,
    "patronising": -2.2,
    "patronised": -2.2,
    "condescending": -2.2,
    "unacceptable": -2.8,
    "exhausted": -2.0,
    "exhausting": -2.0,
    "falling": -0.5,
    "worse": -1.8,
    "boring": -1.5,
    "confusing": -1.8,
    "impossible": -2.0,
    "storage": -1.0,
    "relieved": 1.8,
    "calmer": 1.5,
    "settled": 1.2,
    "thriving": 2.5,
    "brilliant": 3.0,
    "incredible": 2.8,
    "amazing": 3.0,
    "lovely": 2.5,
    "crap": -2.5,
    "shit": -2.5,
    "naff": -1.8,
    "grim": -2.0,
    "cringe": -1.5,
    "wasnt": 0.0,
    "fine": 0.3,
    "mainstream": 0.0,
    "special": 0.0,
    "care": 0.0,
    "support": 0.0,
    "supported": 0.3,
    "help": 0.0,
    "please": 0.0,
    "pretty": 0.0,
    "like": 0.0,
    "want": 0.0,
    "trying": 0.0,
    "yes": 0.0,
    "no": -0.3,
    "sick": -0.5,
    "cry": -1.5,
    "crying": -1.8,
    "tears": -1.8,
    "scared": -2.2,
    "worried": -1.8,
    "shouts": -1.5,
    "stupid": -2.0,
    "lol": 0.3,
    "lmao": 0.3,
    "engaging": 0.0,
    "anxiety": -0.8,
    "jealous": -0.5,
    "ping": -0.5,
    "pong": -0.5,
    "conceded": -0.5,
    "apparently": -0.5,
    "threatening": -2.0,
    "fines": -1.0,
    "quirky": -0.5,
    "daft": 0.0,
    "appreciated": 2.0,
    "well": 0.0,
    "sound": 0.0,
    "worth": 1.0,
    "gem": 2.5,
    "legend": 2.5,
    "star": 1.5,
    "decent": 1.5,
    "godsend": 3.0,
    "unreasonable": -2.0,
    "incompetent": -2.5,
    "shoutout": 1.5,
    "inconsistent": -1.5,
    "deferred": -1.2,
    "copied": -0.8,
    "terrifying": -2.5,
    "fuming": -2.5,
    "hell": -2.0,
    "bearable": 0.5,
    "recommend": 1.5,
    "trusts": 1.5,
    "calm": 1.0,
}

# Phrase patterns (regex on lower-case text, apostrophes removed) with a score each.
POSITIVE = (
    (r"\bthank(?:s| you|you|s so much| you so much)\b(?! for nothing)", 1.2),
    (r"\b(?:cant|could not|couldnt) (?:fault|thank)\b", 2.5),
    (r"\bspot on\b", 2.0),
    (r"\babove and beyond\b", 2.5),
    (r"\bmade (?:a|such a|the|all the) (?:\w+ )?difference\b", 2.5),
    (r"\b(?:a )?different (?:child|boy|girl|person)\b", 2.0),
    (r"\bkept (?:me|us) (?:sane|going|updated|informed)\b", 2.0),
    (r"\bcouldnt have asked for (?:more|better)\b", 2.5),
    (r"\bmeant the world\b", 2.5),
    (r"\blife ?saver\b", 2.5),
    (r"\bover the moon\b", 2.5),
    (r"\bchuffed to bits\b", 2.5),
    (
        r"\b(?:is|was|were|are|been|s|its) (?:well |actually |really |so |proper )?"
        r"(?:sound|fab|ace|class|mint|sick|buzzing|a legend|a gem|a star)\b",
        2.0,
    ),
    (r"\bbest (?:one|thing|teacher|school|day|decision)\b", 2.0),
    (
        r"\b(?:actually|finally|really) (?:listened|helped|gets it|get it|understands|understood|"
        r"put it in|cares|care)\b",
        1.8,
    ),
    (r"\bfor the first time\b|\bfirst time (?:ever|i felt)\b", 1.0),
    (r"\bhelped (?:so|sooo*|a lot|loads|massively|me loads)\b", 2.0),
    (r"\b(?:so much|much|loads|way) better\b", 1.5),
    (r"\b(?:looks|look|looking) forward to\b", 1.8),
    (r"\bworth (?:it|every)\b", 1.5),
    (r"\bnot bad at all\b|\bcant complain\b|\bno complaints\b", 1.5),
    (r"\bmakes (?:so much|a lot of) sense\b", 1.5),
    (r"\bwant to go in\b", 1.5),
    (r"\bfelt (?:listened to|heard|supported|understood)\b", 2.0),
    (r"\b(?:come|came) on (?:so much|leaps|loads)\b", 2.0),
    (r"\bmore of (?:that|this) please\b", 1.5),
    (
        r"\bwithout (?:them|her|him|you|their help|his help|her help) (?:i|we|he|she) (?:wouldnt|"
        r"would not|"
        r"couldnt|could not|would never)\b",
        2.0,
    ),
    (r"\bthe only (?:\w+ ){0,2}(?:who|where) \w+ (?:dont|doesnt|isnt|wont|actually|really)\b", 1.0),
    (
        r"\b(?:is|was|were|are|been|has been|have been|s|its) (?:\w+ )?(?:really |so |very |just |"
        r"absolutely |genuinely )?(?:great|fantastic|lovely|brilliant|amazing|excellent|good|"
        r"helpful|"
        r"kind|wonderful|superb|outstanding|supportive|incredible|fab|a saint)\b",
        1.2,
    ),
    (
        r"\b(?:i|we|he|she|they) (?:really |actually |absolutely )?(?:like|love|loved|enjoy|"
        r"enjoyed|"
        r"enjoys|loves)\b",
        1.5,
    ),
    (
        r"\b(?:cannot|cant|couldnt) recommend (?:them |her |him |it )?(?:enough|highly enough)\b|"
        r"\bhighly recommend\b",
        2.5,
    ),
    (r"\bshout ?out to\b|\bbig up\b|\b(?:huge|massive|big) thanks\b", 2.0),
    (
        r"\b(?:rang|called|got back to) (?:me|us) (?:back )?(?:the (?:next|same) day|"
        r"straight away|within)\b",
        2.0,
    ),
    (
        r"\b(?:stepped in|turned (?:it|things|him|her) (?:a)?round|picked up (?:on )?(?:his|her|"
        r"the)|"
        r"(?:genuinely|actually|really) changed|things have (?:\w+ )?changed|sorted (?:it|a|the|"
        r"everything))\b",
        1.8,
    ),
    (r"\b(?:the only reason|only one who) (?:\w+ ){0,4}(?:goes|gets|copes|manages|is)\b", 1.5),
)
# Mild complaint cues: decide only statements that otherwise carry no evidence either way.
MILD_NEGATIVE = (
    r"\b(?:not|no|never|nobody|no one|only|still|isnt|cant|wont|didnt|doesnt|havent|hasnt|"
    r"without|since|every (?:single )?day|keeps?|again|miles away|over an hour|too|"
    r"explain (?:how|why)|(?:tried|trying) to)\b"
)
NO_VIEW = r"^\W*(?:no comment|nothing to add|n/?a|none|nothing|no)\b[^.!?]{0,20}[.!]?\W*$"
NEGATIVE = (
    (
        r"\b(?:no ?one|nobody|noone|no1) (?:\w+ ){0,3}(?:told|tells|rang|rings|called|calls|"
        r"replied|"
        r"replies|listens|listened|asked|asks|cares|knows|helps|helped|reads|read|followed|"
        r"got back|"
        r"explained|came|checked|seems|will|has|is|mentioned|does)\b",
        1.8,
    ),
    (
        r"\bnever (?:\w+ ){0,2}(?:heard|got|received|replied|rang|called|sent|made|happened|seen|"
        r"told|turned up|came|reads|read|replaced|answered|listen)\w*\b",
        1.8,
    ),
    (r"\bnever once\b", 1.5),
    (
        r"\b(?:would be|itd be|it would be) (?:nice|good|great|lovely) (?:if|to (?:know|hear|get|"
        r"have))\b",
        1.5,
    ),
    (r"\bnothing (?:ever |really |much )?(?:changes|changed|happens|happened|improves)\b", 1.8),
    (
        r"\b(?:tried|trying|been trying) (?:\w+ ){0,6}(?:all week|for (?:a|an|two|three|\d+) "
        r"(?:days?|weeks?|months?)|(?:\w+ )?times)\b",
        1.5,
    ),
    (r"\b(?:waiting|waited|on the list) (?:\w+ ){0,5}since\b", 1.5),
    (
        r"\b(?:be|probs be|probably be) (?:an adult|retired|grown up|drawing my pension|\d+|"
        r"in \w+) (?:before|by the time)\b",
        2.0,
    ),
    (
        r"\bstill (?:no|not|waiting|havent|hasnt|hadnt|cant|nothing|dont|doesnt|wont|no one|"
        r"nobody)\b",
        1.8,
    ),
    (
        r"\b(?:wait|waited|waiting|on the list|on the waiting list)\b[^.?!]{0,40}?\b(?:\d+|two|"
        r"three|"
        r"four|five|six|eight|nine|ten|eleven|twelve|eighteen|several|many) (?:weeks|months|"
        r"years)\b",
        1.5,
    ),
    (
        r"\b(?:\d+|two|three|four|five|six|several|many) (?:months|years) (?:on the|waiting|"
        r"later)\b",
        1.2,
    ),
    (
        r"\b(?:no|zero|without any|without|not enough|nothing in the way of) (?:\w+ )?(?:support|"
        r"help|"
        r"follow ?up|advice|response|reply|update|contact|communication|idea|place|places|"
        r"provision|"
        r"funding|choice|date|detail|notice|time|pas|transition)\b",
        1.5,
    ),
    (
        r"\b(?:hasnt|havent|hadnt|wasnt|werent|isnt|didnt|doesnt|wont|cant|couldnt|not) (?:been |"
        r"even |"
        r"actually )?(?:seen|sent|told|made|done|given|received|replied|listened|helped|followed|"
        r"met|"
        r"updated|happened|replaced|trained|engaging|fair|right|working|good enough|acceptable|"
        r"in touch|on the system|choose)\b",
        1.5,
    ),
    (r"\btoo (?:long|late|little|slow|readily)\b|\bfar too\b|\bnot fair\b|\bunfair\b", 1.5),
    (
        r"\blet (?:us|me|him|her|them) down\b|\blet down\b|\bfell through\b|\bfalls? apart\b|"
        r"\bfalling (?:apart|behind)\b",
        2.0,
    ),
    (
        r"\b(?:gave|give|giving) up\b|\bhad to (?:fight|battle|chase|pay|give up|go to|deregister|"
        r"home educate|leave)\b|\bfight for\b",
        1.5,
    ),
    (
        r"\bpass(?:ed|es|ing)? (?:around|from|the buck)\b|\bbounced\b|\bround in circles\b|"
        r"\bping pong\b|\bpillar to post\b",
        2.0,
    ),
    (r"\ba joke\b|\bwaste of\b|\bwhat(?:s| is) the point\b|\bmake it make sense\b", 2.0),
    (
        r"\bcould be (?:a lot |much |so much )?better\b|\ba bit of a nightmare\b|\bnot great\b|"
        r"\bnot (?:very |that |really )?helpful\b|\bleaves a lot to be desired\b",
        2.0,
    ),
    (r"\b(?:cheers|thanks) for nothing\b|\byeah right\b|\blove that for (?:us|me)\b", 2.5),
    (
        r"^\W*oh (?:brilliant|great|fab|wonderful|lovely|good|fantastic|perfect)\b|"
        r"\b(?:fab|brilliant|great|perfect|marvellous)\s*[.!]+\s*(?=\w)[^.]*\b(?:by then|months|"
        r"years)\b",
        2.5,
    ),
    (
        r"\bclosed (?:the|our|his|her) case\b|\bcut (?:from|to|back)\b|"
        r"\bnothing (?:has )?changed\b|"
        r"\bnothing happens\b|\bsame problems\b|\bim done\b|\bend of (?:my|our) tether\b|"
        r"\bcant cope\b|\bthrough the roof\b|\bin tears\b|\bpaid privately\b|\bout of school\b|"
        r"\bnot in school\b|\bfelt (?:so )?(?:small|judged|stupid|ignored|dismissed|patronised)\b",
        1.8,
    ),
    (r"\b(?:hate|hated|dread|dreading)\b|\bthe same crap\b|\bsuch a struggle\b", 1.8),
    (r"\bhe(?:ll| will) be (?:in|at) \w+ by then\b|\bby the time\b", 1.2),
    (
        r"\bnot (?:being )?(?:met|getting|listened|heard)\b|\bdont know what to do\b|"
        r"\bnobody will\b|\bno idea\b",
        1.5,
    ),
    (r"\b(?:is|its|it is|are|was) (?:dead|long|peak|mid)\b", 1.2),
    (
        r"\ba (?:\w+ )?joke\b|\bscrew (?:the|this|them)\b|\blost (?:all )?(?:hope|faith|trust)\b|"
        r"\bnowhere (?:for|near|to go)\b|\bnothing (?:within|nearby|near us|for (?:him|her|us|"
        r"them))\b",
        2.0,
    ),
    (
        r"\b(?:\d+|two|three|four|five|six|several) times\b[^.]{0,40}\b(?:before|and|still|"
        r"every)\b|\bcut off\b|"
        r"\bstarts? from scratch\b|\b(?:at least |over |more than )?an hour (?:away|each way)\b|"
        r"\beach way\b|"
        r"\b(?:has|have) changed (?:\w+ )?(?:times|again)\b",
        1.5,
    ),
    (
        r"\b(?:already been (?:made|decided)|tick ?box|before we (?:walk|get) in|makes? (?:me|"
        r"us) want to "
        r"(?:scream|cry|throw|give up|quit))\b",
        1.8,
    ),
)
# Courtesy that does not make a comment positive or mixed ("I'm sure everyone is busy but...").
POLITE = (
    r"\b(?:i )?appreciate (?:the|this|that|you|all|everyone)[^.,!?]*?(?=\bbut\b|[.,!?]|$)",
    r"\bim sure (?:everyone|you|staff|people|they)(?: are| is|re)? (?:very |really |all )?"
    r"(?:busy|trying|doing their best|working hard)",
    r"\bi know (?:everyone|you|staff|people|they)(?: are| is|re)? (?:very |really |all )?"
    r"(?:busy|stretched|under pressure|doing their best|trying)",
    r"\b(?:staff|they|everyone|people) (?:are|is) doing (?:their|the) best\b",
    r"\bwith (?:all due )?respect\b",
    r"\bthank(?:s| you) for (?:the|this) (?:survey|opportunity)\b",
    r"\bit would help if\b",
    r"\bhope (?:this|that) helps\b",
    r"\bno offence\b",
)
