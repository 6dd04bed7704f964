"""Flag comments a safeguarding lead should see today, with reasons. Errs towards recall."""

import re

from portal.text.fastre import PatternSet, literal_gate

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")

# Each entry: reason, pattern (on lower-case text with apostrophes removed).
_SELF = r"(?:i|im|i am|ive|i have|ill|i will|i keep|i just|i might|i could|i want to|i wanna)"
_YOUNG = (
    r"(?:he|she|they|my (?:son|daughter|child|boy|girl|lad|kid|teen|teenager|\d+ year old)|"
    r"our (?:son|daughter|child)|(?:he|she) has|(?:he|she) keeps|(?:he|she)s)"
)
RISK_PATTERNS = (
    (
        "suicidal thoughts",
        r"\b(?:kill(?:ing)? (?:myself|himself|herself|themselves)|suicid\w*|"
        r"end (?:it all|my life|his life|her life|things)|take my (?:own )?life|"
        r"(?:want|wanted|wanting|wants) to die\b(?! when| of (?:embarrass|shame))|"
        r"(?:better|happier) off without (?:me|him|her|us)|better off dead|"
        r"(?:easier|better) if i (?:just )?(?:wasnt|werent|didnt wake|was gone|wasnt here|"
        r"disappeared)|"
        r"didnt wake up|not wake up|never wake up|dont want to (?:be here|live|exist|wake up|"
        r"be alive)|"
        r"no (?:point|reason) (?:in )?(?:living|being alive|going on|carrying on)|"
        r"(?:dont|cant) see the point (?:in|of) (?:anything|living|life|going on)|"
        r"see the point in anything|cant go on|no way out|wish i (?:was|were) dead|"
        r"wish i (?:had never been|wasnt) born|jump (?:off|in front)|in front of a (?:train|car)|"
        r"say(?:ing)? goodbye to (?:everyone|people)|goodbye (?:letter|note)|"
        r"(?:think|thinking|thought|thoughts) (?:about|of) (?:ending (?:it|things|my life)|"
        r"not being here|"
        r"dying|killing myself|suicide)|ending it all|disappear (?:forever|for good)|"
        r"(?:nobody|no one|noone) would (?:care|notice|miss me) if i|not (?:being|"
        r"be) here any ?more|"
        r"(?:giving|gave|given) (?:all )?(?:his|her|my|their) (?:things|stuff|belongings|"
        r"possessions|games|toys|clothes) away|(?:giving|gave) away (?:his|her|my) (?:things|"
        r"stuff))",
    ),
    (
        "self-harm",
        r"\b(?:self[- ]?harm\w*|cutting (?:again|myself|himself|herself|(?:my|his|"
        r"her)\b(?! (?:hair|nails|fringe|food|toast|meat|sandwich\w*|paper)))|"
        r"(?:started|been|keep|is|was|hes|shes|im) cutting\b(?! (?:out|up|down|back|shapes|paper|"
        r"card|hair|corners|class|lessons|school|the|it|his food|her food|food))|cuts on (?:his|"
        r"her|my)|"
        r"(?:hurt|hurting|burn|burning|scratch\w*|hit|hitting|harm|harming) (?:myself|himself|"
        r"herself)|"
        r"(?:scratch\w*|cuts?|cutting|burn\w*|marks) (?:on |into )?(?:his|her|my) (?:arms?|legs?|"
        r"wrists?|skin|thighs?)|"
        r"i hate myself|punish(?:ing)? myself|head ?bang\w*|overdos\w*|ligature|took (?:a load of|"
        r"loads of|too many) (?:tablets|pills)|"
        r"bit (?:his|her) (?:arm|hand)s? until)",
    ),
    (
        "not eating or hidden tablets",
        r"\b(?:(?:isnt|not|stopped|wont|refus\w+ to|hasnt been|"
        r"barely|hardly) eat(?:ing)?\b(?! (?:lunch|breakfast) (?:at|in) school)|refus\w+ (?:food|"
        r"to eat|meals)|"
        r"(?:making|made) (?:himself|herself|myself) sick|throw(?:ing)? up after|"
        r"lost (?:a lot of|so much) weight|(?:tablets|pills|medication) hidden|"
        r"hid(?:den|ing)? (?:tablets|pills|medication)|(?:stockpil|sav)\w+ (?:up )?(?:tablets|"
        r"pills)|"
        r"(?:found|find) (?:tablets|pills|blades|razors?))",
    ),
    (
        "abuse or violence at home",
        r"\b(?:(?:hits|hit|punch\w*|kick\w*|push\w*|shov\w*|slap\w*|"
        r"chok\w*|strangl\w*|beat\w*|grab\w*|thr[eo]w\w* things at|locks?|locked) (?:me|us|him|her|"
        r"my (?:son|daughter|child|sister|brother|mum)|his (?:sister|brother)|her (?:sister|"
        r"brother))\b"
        r"(?! (?:off|out of (?:lessons|class)|in detention))|bruis\w+|"
        r"(?:touch\w*|touched) (?:me|him|her) (?:inappropriately|where|down there)|"
        r"(?:touching|touches|touched|grop\w+) (?:me|him|her|you)\b|rape\w*|makes? (?:me|him|"
        r"her) do things|"
        r"(?:hit|hurt|punched|kicked|beaten|attacked|strangled|abused) by (?:my|his|her|their|a|"
        r"an) "
        r"(?:dad|mum|stepdad|stepmum|mums boyfriend|husband|partner|brother|sister|uncle|adult|"
        r"carer|grandad)|"
        r"threatening (?:me|us|him|her)\b(?! with (?:fines?|court|exclusion|prosecution|legal))|"
        r"(?:said|says|say|threaten\w*|shout\w*|scream\w*|"
        r"yell\w*|text\w*|messag\w*|told (?:me|us|him|her)) (?:that )?(?:they|he|she)(?:d|ll|"
        r" would| will| are going to| is going to| will|s going to|s gonna) "
        r"(?:hurt|kill|beat|batter|stab|get|burn|smash|strangle|break|set fire)|burn (?:the house|"
        r"the place|it|us) down|"
        r"sexual(?:ly)? (?:abus\w*|assault\w*)|abus(?:ed|ing|ive) (?:me|him|her|us)|"
        r"(?:domestic|physical|sexual|emotional) (?:abuse|violence)|(?:neglect\w*|ignor\w+) (?:him|"
        r"her|them|me|the (?:kids|children))\b|signs of neglect|neglected at home|"
        r"no food in the house|nothing to eat|left (?:on (?:his|her|their) own|alone) (?:most|all|"
        r"every)|"
        r"scared of (?:my|his|her|their) (?:dad|mum|stepdad|stepmum|husband|wife|partner|brother|"
        r"uncle)|"
        r"scared (?:to go|of going) home|(?:when|because) (?:my|his|her) (?:dad|mum|stepdad|"
        r"partner) drinks|"
        r"broke the door|smash\w* (?:the|my) (?:door|room|phone)|shouts? at (?:me|him|her|our|my)\b"
        r"[^.]*\b(?:pushed|hit|hurt|scared)|(?:pushed|hit) him before|"
        r"(?:controls|checks|takes) (?:my|all my|our) (?:money|phone|bank)|"
        r"(?:wont|doesnt) let me (?:see|go out|leave|have|talk to|contact)|coercive|"
        r"(?:threaten\w*) (?:to )?(?:hurt|kill|hit|take the kids|leave)|"
        r"(?:he|she) (?:hurts|hurt) (?:me|us|him|her)\b)",
    ),
    (
        "exploitation or grooming",
        r"\b(?:send (?:him |her |me )?(?:pics|pictures|photos|nudes|nudz)|"
        r"asking (?:me|him|her) (?:to send|for) (?:pics|pictures|photos|nudes)|nudes|"
        r"(?:tell|show|send (?:it|them) to) everyone (?:at school )?if (?:i|he|she) (?:dont|doesnt|"
        r"wont)|"
        r"groom(?:ed|ing) (?:him|her|me|them|online|children|kids)|being groomed|online grooming|"
        r"county lines|(?:carry|carrying|hold|holding|sell|selling|deliver\w*) (?:drugs|"
        r"packages|stuff) for|older (?:boys|men|lads|man|guy|guys) (?:who )?(?:give|gave|giving|"
        r"buy|pick)|"
        r"keep (?:it|this) (?:a )?secret|(?:a |this )?(?:guy|man|someone|person) (?:online|"
        r"on \w+) who|"
        r"met (?:online|on (?:snap|insta|tiktok|discord))|sextort\w*|blackmail\w*|"
        r"exploit(?:ed|ing) (?:him|her|them|me|young|children|kids)|trafficked|older (?:boys|men|"
        r"lads|guys)|coming home with (?:cash|money|new)|"
        r"(?:offered|gave|giving|gives|buys|bought) (?:him|her|me) (?:money|cash|vapes|weed|drugs|"
        r"alcohol|"
        r"a phone|gifts)|(?:money|cash|paid) (?:to|for) (?:carry|drop|deliver|take|hold)|"
        r"owes? (?:them|him) money)",
    ),
    (
        "says they are unsafe",
        r"\b(?:(?:dont|do not|never) feel safe|(?:not|isnt) safe at (?:home|school)|"
        r"feel unsafe|im (?:scared|frightened|terrified) (?:to|of|at)|scared (?:it|"
        r"this) will get worse|"
        r"scared (?:one of us|someone|he|she) (?:is going to|will) (?:get )?(?:hurt|kill)|"
        r"(?:im|i am|hes|he is|shes|she is|they are|we are|were|is) in danger)",
    ),
    (
        "cannot keep safe",
        r"\b(?:(?:i|we|im|i just|we just) (?:cant|cannot|can no longer|couldnt|"
        r"am unable to|are unable to|dont know how to|do not know how to) keep "
        r"(?:him|her|them|us|myself|my (?:son|daughter|children|kids|family)|everyone|the others|"
        r"his (?:sister|brother)|her (?:sister|brother)) safe|i (?:might|could|will|am going to|"
        r"want to) "
        r"hurt (?:him|her|them|myself)|thoughts (?:of|about) (?:harming|hurting|killing)|"
        r"im at the end\b|cant do this any ?more|i cant cope any ?more|breaking point|"
        r"(?:hes|shes) a danger to|dangerous to (?:himself|herself|others|his|her))",
    ),
    (
        "threat of violence",
        r"\b(?:(?:im|i am|ill|i will|gonna|going to|gunna|im gonna|imma) "
        r"(?:batter|stab|kill|knife|hurt|punch|smash|beat|deck|jump|get|shank|burn) "
        r"(?:him|her|them|you|u|ur|[a-z]+s (?:face|head)|(?!me\b)[a-z]+ (?:after|tomorrow|at|on|if|"
        r"when))\b"
        r"|(?:bring|bringing) a (?:knife|blade|weapon)|(?:stab|shoot|kill) (?:him|her|them|you|"
        r"u)\b)",
    ),
)

# Broader families, written from the label definitions: indirect intent, means and plans,
# hopelessness and burden, concealment, unsafe at home, exploitation and carers at breaking
# point. Phrased as families of wording rather than fixed sentences.
_PERSON = (
    r"(?:i|im|ive|he|hes|she|shes|they|theyre|my (?:son|daughter|child|boy|girl|kid|lad)|(?:he|"
    r"she) has)"
)
_TABLETS = (
    r"(?:tablets|pills|paracetamol|painkillers|meds|medication|sleeping (?:tablets|pills)|"
    r"insulin|capsules)"
)
_BROAD_PATTERNS = (
    (
        "suicidal thoughts",
        r"\b(?:"
        # hopelessness: no point in anything / going on, nothing to live for
        r"(?:dont|cant|do not|cannot|dont really|really dont|cant really|dont even) see (?:the |"
        r"any )?point (?:of|in|to) "
        r"(?:any of it|anything|it all|life|living|being here|carrying on|going on|trying)|"
        r"(?:theres |there is )?no point (?:in |to )?(?:anything|any of it|me being here|living|"
        r"trying any ?more|going on)|"
        r"nothing (?:left )?to live for|(?:tired|sick) of (?:living|being alive|existing|life)\b|"
        r"(?:want|wants|wanted|wanting|wanna) to (?:be dead|not exist|not be alive|"
        r"disappear for ever|go to sleep and not)|"
        r"(?:wish|wished|wishing|hoping|hope) (?:i|he|she) (?:could |would |would just )?(?:die|"
        r"die in my sleep|"
        r"not wake up|never woke up|wasnt here|wasnt alive|was dead|were dead|get hit by|"
        r"got hit by)|"
        r"(?:hoping|hope|wish) (?:the|a|my) (?:bus|car|train|plane) (?:crashes|would crash|hits me|"
        r"hit me)|"
        r"(?:wouldnt|would not|dont) (?:mind|care) if i (?:died|didnt wake|never woke|got hit|"
        r"wasnt here|just stopped)|"
        # burden: others better off, easier lives
        r"(?:everyone|everybody|my (?:family|mum|dad|parents)|they|their lives|life|"
        r"lives) (?:\w+ ){0,3}(?:would be|would have|would|will be|d be) "
        r"(?:\w+ ){0,2}(?:easier|better|happier|less stress\w*)\b[^.]{0,40}\b(?:if i|without me|"
        r"when im gone|if i was gone)|"
        r"(?:if i (?:wasnt|werent|was not|was no longer) (?:around|here|alive))|"
        r"(?:im|i am|i feel like|feel like) (?:just )?(?:a |such a )?burden\b|"
        # plan, means, preparation, farewell
        r"(?:worked out|decided|planned|planning|researching|looking up|looked up|googling|googled|"
        r"searched) "
        r"(?:\w+ ){0,2}(?:how (?:im going to|to|i would|i will|i could|many|much|id)|"
        r"the best way to|ways to (?:die|end))|"
        r"how many (?:of )?(?:\w+ )?"
        + _TABLETS
        + r" (?:it would take|would (?:kill|do it)|to take)|"
        r"(?:take|taking|took|swallow\w*) (?:them all|all of them|the lot|all (?:my|his|her|the) "
        + _TABLETS
        + r")|"
        r"(?:wrote|written|writing|left) (?:\w+ ){0,3}(?:letters?|"
        r"notes?)\b[^!?]{0,80}\b(?:just in case|goodbye|for when|after im gone|"
        r"if anything happens)|"
        r"just in case (?:anything|something) happens to me|"
        r"(?:gave|giving|given|give) (?:away )?(?:all )?(?:my|his|her) (?:\w+ ){0,3}(?:to|"
        r"away)\b[^.]{0,60}\b(?:might as well|wont need|dont need|wont be needing)|"
        r"might as well have (?:them|it|my)|wont (?:be )?need(?:ing)? (?:them|it) (?:any ?more|"
        r"where im going)|"
        r"(?:railway|train) (?:line|tracks?)|(?:top of|edge of|off) (?:the|a) (?:bridge|"
        r"multi ?storey|car park roof|cliff)|"
        r"(?:climb|climbed|climbing|tried to (?:climb|jump)) (?:out of|off) (?:the|his|her|my|"
        r"a) (?:\w+ )?(?:window|roof|balcony|bridge)|"
        r"(?:drive|driving|drove|steer\w*|going|go|swerv\w*|crash\w*|plough\w*) (?:the car |"
        r"it )?(?:straight )?(?:into|off) (?:a|the) (?:wall|tree|bridge|lorry|river|motorway|"
        r"cliff)|"
        r"\bunalive\w*|\bkms\b|\bsewerslide|end it (?:all|tonight|soon)|not be here (?:much longer|"
        r"by|for)|"
        r"after (?:my|his|her) (?:\w+ )?(?:birthday|exams?|christmas)[^.]{0,30}(?:do it|"
        r"go through with it)|"
        r"(?:ive|i have|already) (?:decided|made up my mind)[^.]{0,40}\b(?:do it|how)\b|"
        r"thinking about taking (?:them|all|my|his|her)|"
        r"(?:keep|keeping|carry|carrying) (?:my|the|his|her) "
        + _TABLETS
        + r" (?:on me|on him|on her|in my|in his|in her)"
        r")",
    ),
    (
        "self-harm",
        r"\b(?:"
        r"(?:so|that) (?:no ?one|nobody|people|they|mum|my mum) (?:\w+ )?(?:sees?|can see|notices?|"
        r"see) (?:my|his|her|the) "
        r"(?:arms|wrists|legs|thighs|marks|scars|cuts)|"
        r"(?:hide|hiding|hid|cover\w*) (?:up )?(?:my|his|her|the) (?:arms|wrists|legs|thighs|marks|"
        r"scars|cuts)|"
        r"(?:long sleeves|hoodie|jumper)[^.]{0,60}\b(?:no ?one|nobody|people) (?:sees?|see) (?:my|"
        r"his|her)|"
        r"(?:cuts|cutting|scars|marks|burns) (?:are |is )?(?:getting|got|get) (?:deeper|worse|"
        r"bigger)|"
        r"(?:blades?|razors?|sharpener blades?)\b[^.]{0,40}\b(?:room|bag|pencil case|drawer|hidden|"
        r"found|keep|kept)|"
        r"(?:relapsed|relapse)\b|\bsh (?:again|free)\b|(?:days|weeks|months) clean\b|"
        r"(?:pulling|pulls|pulled) (?:out )?(?:her|his|my) (?:hair|eyelashes) out|"
        r"(?:bang\w*|hit\w*) (?:her|his|my) head (?:against|on) (?:the )?(?:wall|floor)|"
        r"to (?:feel|just feel) something|"
        r"(?:ive been|been|im|keep|started) (?:scratching|cutting|burning|hurting) (?:again|"
        r"myself)?"
        r")",
    ),
    (
        "not eating or hidden tablets",
        r"\b(?:"
        r"(?:not|havent|hasnt|hadnt|not really) (?:had|eaten|eat) (?:anything|a thing|any food|"
        r"a proper meal|properly)(?! (?:yet|today) (?:lol|haha))[^.]{0,40}"
        r"\b(?:since|for (?:\d+|two|three|four|five|days|a week)|but water|except water|"
        r"only water)|"
        r"(?:only|just) (?:had|having|drinking|drunk) water\b|"
        r"(?:starv\w+|skipping|skip) (?:myself|himself|herself|meals|lunch and dinner|"
        r"breakfast and lunch)|"
        r"(?:get|getting|got) (?:down |under |below )?(?:to )?\d+ ?(?:kg|kilos|stone|st|lbs)\b|"
        r"(?:counting|count) calories|(?:purging|purge)\b|sick after (?:every|each|meals|eating|"
        r"tea|dinner)|"
        r"(?:hidden|hiding|stashed|stash|hoarding|hoarded|stockpil\w+|keeping|found)\b[^.]{0,50}\b"
        + _TABLETS
        + r"\b|"
        + _TABLETS
        + r"\b[^.]{0,40}\b(?:hidden|stashed|under (?:his|her|my) (?:bed|mattress|pillow)|in (?:the|"
        r"her|his) (?:lining|drawer|bag))"
        r")",
    ),
    (
        "abuse or violence at home",
        r"\b(?:"
        r"(?:fist|foot|head) through (?:the|a|my|our) (?:door|wall|window)|"
        r"(?:punch\w*|kick\w*|smash\w*|broke|break\w*) (?:the|a) (?:door|wall|window)s? (?:in|down|"
        r"while|when)|"
        r"(?:when|after|if|once) (?:he|she|dad|mum|my (?:dad|mum|stepdad|partner|husband))(?:s|"
        r" has| is)? "
        r"(?:had a drink|had a few|been drinking|drunk|drinking|off his face|high|using)|"
        r"(?:frightened|scared|afraid|terrified) (?:they|social services|social care|someone)(?:ll|"
        r" will| would| might) "
        r"take (?:the|my|our) (?:kids|children|baby|son|daughter)|"
        r"(?<!never )(?<!not )(?<!doesnt )(?<!dont )(?<!hasnt )(?<!didnt )(?:controls|control|"
        r"takes|took|keeps|checks|reads|goes through|monitors|tracks) (?:all )?(?:of )?(?:my|our) "
        r"(?:money|bank|card|benefits|dla|pip|messages|texts|phone|emails|location)|"
        r"(?:wont|doesnt|will not|does not|never) let (?:me|us) (?:\w+ ){0,4}(?:unless|"
        r"without) (?:he|she)|"
        r"(?:takes|took|taking) (?:my|his|her) (?:phone|charger|food|"
        r"door)\b[^.]{0,50}\b(?:if i tell|every night|as punishment|locks)|"
        r"(?:if|unless) (?:i|he|she) (?:tell|tells|told|say|says|speak|"
        r"report)\b[^.]{0,40}\b(?:wont|will never|not allowed|hurt|kill|"
        r"take|lose|get in trouble|beat|go into care|put (?:me|him|her|us) in care|send (?:me|him|"
        r"her|us) away|kick (?:me|him|her|us) out)|"
        r"(?:says?|said|tells? me|told me) (?:its|it was|it is) (?:my|his|her) (?:own )?fault|"
        r"(?:bruises?|bruised|bruising|marks|burns?|scratches) (?:on|all over|up) (?:\w+ )?(?:his|"
        r"her|my) "
        r"(?:arms?|legs?|back|face|neck|tummy|body|wrists?|upper arms)|"
        r"(?:screams?|screaming|panics?|panicking|cries|crying|freezes|shaking) (?:when|whenever|"
        r"every time) "
        r"(?:we|i|he|she|they) (?:\w+ ){0,3}(?:pull into|pull up|arrive|get to|go to|drop (?:him|"
        r"her) (?:off|at))|"
        r"(?:comes|came|coming|turns up|arrives) (?:in|to school|home)? ?(?:starving|hungry|filthy|"
        r"unwashed|dirty|smelling)|"
        r"(?:no|nothing|never any|hardly any) food (?:in|at) (?:the house|home|weekends?)|"
        r"(?:same|dirty|unwashed) (?:uniform|clothes) (?:all|every|for)|"
        r"(?:left|leave|leaves) (?:\w+ ){0,2}(?:home alone|on (?:his|her|their|my) own) (?:all|"
        r"overnight|for days|most)|"
        r"(?:hits|hit|hitting|hurts|hurt|hurting|kicks|kicking|slaps|slapping|punches|punching|beats|beating|strangles|chokes|"
        r"touches|touching|pinches|pinching|bites|biting) (?:me|us|him|her|you) (?:when|while|"
        r"whenever|every|if|and|at night|"
        r"after|because)|(?:keeps?|kept|always|still|started) (?:hitting|hurting|kicking|slapping|"
        r"punching|touching|beating|pinching) "
        r"(?:me|us|him|her|you)\b|"
        r"(?:scared|frightened|afraid|terrified|dread\w*) (?:to go|of going|going) (?:back )?home|"
        r"(?:not|never) (?:allowed|let) (?:to )?(?:see|go|leave|talk)[^.]{0,30}\b(?:again|if)|"
        r"(?:went|goes) for (?:her|his|my) (?:little |younger |baby )?(?:brother|sister|sibling)|"
        r"(?:got|grabbed|had|picked up|pulled) (?:a|the) (?:knife|blade|scissors)\b"
        r")",
    ),
    (
        "exploitation or grooming",
        r"\b(?:"
        r"(?:owe|owes|owed|owing) (?:them|him|these|the lads|money|a debt)|"
        r"(?:drop|take|carry|deliver|hold|move|run)s? (?:a |the |some |these |them |"
        r"their )?(?:bags?|packages?|parcels?|phones?|stuff)\b[^.]{0,40}\b(?:house|flat|to|"
        r"for them|at|on the train|on the bus)|"
        r"(?:gave|give|given|gives|handed) (?:my \w+|him|her|me|them) (?:a|another|a new) (?:phone|"
        r"burner|sim)\b|"
        r"(?:older|grown|adult) (?:lads?|boys?|men|man|guys?|girls?|friends?|boyfriend|"
        r"girlfriend)\b|"
        r"boyfriend\W{0,3}\(?(?:1[89]|[2-9]\d)\)?|(?:boyfriend|girlfriend) (?:is|whos|"
        r"who is) (?:1[89]|[2-9]\d)\b|"
        r"(?:gives?|gave|giving|buys?|bought|getting) (?:me|him|her) (?:free )?(?:vapes?|weed|"
        r"drugs|alcohol|vodka|cigs|"
        r"money|cash|trainers|a phone|lifts)|free (?:weed|vapes?|drugs|stuff|trainers)|"
        r"(?:send|sent|post|share|show) (?:the ones|the pics|them|the photos|my pics|"
        r"the videos?)\b[^.]{0,40}\b(?:everyone|unless|if)|"
        r"unless (?:i|he|she) (?:send|sends|pay|pays|do|does) (?:more|him|them|money)|"
        r"(?:asks?|asking|asked|kept asking|keeps asking|wants?) (?:me |him |her )?(?:for|"
        r"to send) (?:pics|pictures|photos|nudes|videos)|"
        r"(?:says|said|claims) (?:hes|shes|he is|she is) (?:1[0-9])\b|"
        r"(?:meet|meeting) (?:me|him|her|up)\b[^.]{0,80}\b(?:not to tell|dont tell|cant tell|"
        r"wont get it|secret)|"
        r"(?:not to|dont|cant|shouldnt) tell (?:my|your|ur|his|her) (?:mum|dad|parents|family|"
        r"teacher|carer)|"
        r"(?:met|talking to|chatting to|friends with) (?:a |some |this )?(?:guy|man|boy|girl|"
        r"someone|person)? ?(?:on|off|from) "
        r"(?:a game|roblox|fortnite|insta|instagram|snap|snapchat|tiktok|discord|online|"
        r"the internet)\b[^.]{0,80}\b(?:pics|meet|secret|send|older|1[0-9]|2\d)"
        r")",
    ),
    (
        "says they are unsafe",
        r"\b(?:"
        r"(?:dont|do not|never|no longer|not) feel safe|(?:not|isnt|arent|wasnt) safe (?:at home|"
        r"there|with (?:him|her|them|my))|"
        r"(?:scared|frightened|afraid|terrified) (?:of|to be around|to be alone with|"
        r"to be in the house with) "
        r"(?:my|his|her|our) (?:dad|mum|stepdad|stepmum|brother|sister|husband|partner|uncle|carer|"
        r"step)|"
        r"(?:scared|frightened|afraid|terrified|worried)\b[^.]{0,30}\b(?:one of us|someone|"
        r"somebody|he|she|i|they|the kids) "
        r"(?:is going to|will|might|could) (?:get )?(?:seriously |badly )?(?:hurt|killed|die)"
        r")",
    ),
    (
        "cannot keep safe",
        r"\b(?:"
        r"(?:dont|do not) know what (?:ill|i will|i might|id|i would) do\b(?! (?:without|if i|"
        r"with myself all day|next|about))|"
        r"(?:physically )?(?:cant|cannot|can no longer|couldnt) (?:physically )?(?:hold|restrain|"
        r"stop|manage|control) (?:him|her|them) "
        r"(?:any ?more|when|now|safely)|"
        r"(?:might|could|will|going to|scared i will|scared ill|worried ill|afraid ill) (?:snap|"
        r"lose it|hurt|hit|shake) (?:and )?(?:hurt |hit )?(?:him|her|them|myself)|"
        r"lock(?:ed)? (?:us|me|myself|ourselves|the (?:kids|others)|the two of us) in (?:the|a|my)|"
        r"(?:hide|hid|hiding) (?:the )?(?:knives|knife|blades|scissors)|"
        r"(?:thinking|thought|thoughts) about (?:hurting|harming|killing|ending) (?:myself|him|her|"
        r"it)"
        r")",
    ),
    (
        "threat of violence",
        r"\b(?:"
        r"(?:bring|bringing|brought|gonna bring|carry|carrying|take|taking) (?:my|his|her|my dads|"
        r"my brothers|a|the) "
        r"(?:\w+ )?(?:knife|blade|hammer|bat|machete|weapon|gun|screwdriver|crowbar)|"
        r"(?:hes|shes|theyre|hes gonna be|youre|ur|they are|he is|she is) (?:getting|gonna get|"
        r"going to get) (?:it|battered|stabbed|jumped|done in|hurt)\b|"
        r"(?:hes|shes|youre|ur|they are|he is|she is) (?:so |proper )?dead (?:on|tomorrow|after|"
        r"when|monday|tuesday|wednesday|thursday|friday)|"
        r"watch (?:ur|your|his|her|their) back|(?:knows?|know) where (?:you|u|he|she|they|i|we|"
        r"(?:my|his|her|your|ur) \w+) lives?|"
        r"(?:gonna|going to|will|im gonna|ill) (?:jump|batter|stab|deck|smash|do) (?:him|her|them|"
        r"you|u) (?:in|after|outside|at|on|tomorrow)"
        r")",
    ),
)
# Further families of indirect wording, written from the label definitions (not from any set):
# not expecting to be around, farewell letters, not caring whether one lives, command voices,
# possessive cuts and scars, parents drinking with children left uncared for, fleeing home,
# exploitation slang, people who frighten a child, and "doing something stupid".
_MORE_PATTERNS = (
    (
        "suicidal thoughts",
        r"\b(?:"
        r"(?:dont|do not|cant|cannot|never) see (?:myself|me|him|her) (?:being |still )?(?:around|"
        r"here|alive|living)\b|"
        r"(?:wont|will not|not going to|dont think ill|dont think he will|"
        r"dont think she will) (?:be )?(?:around|here|alive) "
        r"(?:much longer|for (?:much )?longer|for long|by|to see|next)|(?:be|being) (?:around|here|"
        r"alive) (?:much|for much) longer|"
        r"done with (?:life|living|being alive|existing|this life|everything and everyone)|"
        r"(?:cares?|care|bothered|notice) (?:if|whether) (?:i|he|she) (?:live|lives|lived|die|dies|"
        r"died|was dead|am dead|disappear\w*)|"
        r"live or die|(?:rather|better) (?:be )?dead|(?:life|living) (?:isnt|is not|aint) worth|"
        r"not worth living|"
        r"(?:doesnt|does not|dont|do not) want to (?:live|be alive|exist|be here any ?more|"
        r"wake up)|"
        r"(?:talks?|talking|talked|keeps? saying|kept saying|says|said|saying|told me|"
        r"tells me) (?:about |that )?(?:he |she |they )?"
        r"(?:dying|wants to die|wanted to die|killing (?:himself|herself|themselves)|"
        r"wanting to die|being dead|not being here|"
        r"want(?:s|ed)? to be dead|(?:is|was) going to (?:die|kill))|"
        r"(?:wrote|written|writing|left|leaving) (?:\w+ ){0,2}(?:letters?|notes?|messages?) (?:to|"
        r"for) (?:my|his|her|the|their) "
        r"(?:kids|children|family|mum|dad|parents|son|daughter|wife|husband|partner|sister|brother|friends)|"
        r"want (?:it all|everything|the pain|it) to (?:stop|end)\b|(?:cant|cannot|"
        r"dont) see a (?:future|way out)|"
        r"(?:might|going to|gonna|will|scared (?:ill|i will|i might)|afraid (?:ill|"
        r"i might)) do something (?:stupid|silly|i regret|drastic)|"
        r"voices (?:\w+ ){0,3}(?:telling|tell|tells|told|saying|say|says) (?:him|her|me|them|"
        r"us) to|"
        r"(?:wouldnt|would not|might not|wouldn\w*) (?:still be (?:here|alive|around)|be alive)|"
        r"(?:go|going|want\w* to go|be) (?:to heaven|in heaven)\b|"
        r"crash\w* (?:the|my|our) car\b[^.]{0,30}\b(?:with|on purpose|deliberately|into)|"
        r"with (?:us|them|me) (?:both|all) in it"
        r")",
    ),
    (
        "self-harm",
        r"\b(?:"
        r"(?:pics?|photos?|pictures?|snaps?) of (?:my|his|her|their) (?:cuts|arms|wrists|scars|"
        r"thighs|legs)|"
        r"(?:my|his|her|their) (?:fresh |new |deep )?(?:cuts|scars)\b(?! (?:to|in|from|back|"
        r"budget))|"
        r"(?:sharpener|pencil sharpener|razor) blades?|(?:pull\w*|rip\w*) (?:out )?(?:his|her|"
        r"my) (?:own )?hair out|"
        r"(?:bit|bites|biting|scratch\w*|punch\w*|hit\w*) (?:himself|herself|myself) (?:until|till|"
        r"so hard)"
        r")",
    ),
    (
        "abuse or violence at home",
        r"\b(?:"
        r"(?:mum|mam|mom|dad|stepdad|stepmum|parents?|mums boyfriend|"
        r"carer)s? (?:\w+ ){0,2}(?:drinks|drinking|drunk|on drugs|takes drugs|"
        r"uses drugs|using again|high|passes out|passed out)\b[^.]{0,80}\b(?:every|all (?:day|"
        r"night|weekend)|doesnt|dont|cant|wont|no food|"
        r"on (?:my|our) own|look after|hungry|nobody)|"
        r"(?:sleep|sleeping|slept|stay\w*|hid\w*|living) in (?:my|the|our) car (?:with|because|cos|"
        r"coz|since|when)|"
        r"(?:had to|have had to|we) (?:flee|fled|leave|left|run|ran) (?:the house|home|from him|"
        r"from her)\b|\brefuge\b|"
        r"(?:non.?molestation|restraining|protection) order|"
        r"(?:he|she|they|dad|mum|my \w+|his \w+|her \w+) (?:scares|frightens|terrifies) (?:me|us|"
        r"him|her)\b|"
        r"flinch\w* (?:when|whenever|every time|if)|(?:with|uses?|used) (?:a|the|his|her) (?:belt|"
        r"slipper|wooden spoon|cable) on (?:me|him|her|us)|"
        r"(?:nobody|no one|noone) (?:feeds|looks after|cooks for) (?:us|me|them|him|her)|"
        r"(?:not|hasnt|havent|hadnt|no|without) (?:had |eaten )?(?:a |any )?(?:proper |"
        r"hot )?(?:meal|food|dinner|tea|anything to eat) "
        r"(?:in|for) (?:days|\d+ days|a week|two days|three days)|"
        r"too (?:poorly|ill|drunk|high|depressed|sick|out of it) to (?:get out of bed|get up|"
        r"look after|feed|cook|care for|take)|"
        r"(?:if|when) (?:i|you) (?:leave|left|go|tell|told)\b[^.]{0,40}\b(?:take the (?:kids|"
        r"children|baby)|never see|kill|hurt|ruin|make (?:me|you) pay)|"
        r"(?:comes?|came|coming|gets?|got) (?:into|in) (?:my|her|his|their) (?:room|bed|"
        r"bedroom)\b[^.]{0,30}\b(?:at night|when|and)|"
        r"(?:pushed|hit|kicked|punched|strangled|choked|slapped|threw|shoved|battered|"
        r"beat) (?:my )?(?:mum|mam|mom|dad|nan|sister|brother)\b(?! (?:off|out|at (?:football|"
        r"cards|games)))|"
        r"bag over (?:his|her|my|their) head|"
        r"(?:finish|end|do) (?:him|her|you|u|me|them) (?:off|in)\b|(?:theyll|theyd|hell|shell|"
        r"they will|he will|she will) finish (?:him|her|you|u|me)\b"
        r")",
    ),
    (
        "exploitation or grooming",
        r"\b(?:"
        r"trap ?house|bando|cuckoo\w*|going country|shotting|(?:a )?runner for|line phone|"
        r"(?:been|gone|went|is|was|goes|keeps going) missing (?:since|from home|for|again|"
        r"overnight|all night|at night)|"
        r"(?:stays?|stayed|staying) out (?:all night|till \d|until \d)|"
        r"(?:ran|run|runs|running) away from (?:home|care|the house)|(?:video call|facetime|"
        r"go on cam|webcam)\w*\b[^.]{0,60}\b(?:man|guy|older|secret|clothes|naked|undress)|"
        r"(?:older|grown|adult) (?:man|men|guy|boyfriend|girlfriend)\b[^.]{0,60}\b(?:secret|pics|"
        r"meet|lifts|gifts|money|loves? me)|"
        r"(?:boyfriend|girlfriend) is (?:1[89]|[2-9]\d)\b[^.]{0,40}\b(?:im|i am|she is|shes|he is|"
        r"hes) 1[0-5]"
        r")",
    ),
)
RISK_PATTERNS = (
    RISK_PATTERNS
    + _BROAD_PATTERNS
    + _MORE_PATTERNS
    + (
        (
            "suicidal thoughts",
            r"\b(?:i|ive|im) (?:have|got|made|making) (?:a|my) plan\b[^.]{0,40}\b(?:use it|do it|"
            r"go through with it|"
            r"this weekend|tonight|tomorrow)",
        ),
    )
)
_COMPILED = PatternSet(RISK_PATTERNS)

# Idiom and hyperbole that mention harm without risk; removed before matching.
_IDIOMS = re.compile(
    r"\b(?:(?:this|the|it|that|which|process|system|waiting|wait|paperwork)\s+(?:\w+\s+)?"
    r"(?:is|was|has been|its|it is)\s+(?:literally\s+)?killing (?:me|us)|killing me|"
    r"(?:could|would|gonna) (?:murder|kill) (?:a|for a|for) \w+|"
    r"(?:mum|mums|dad|dads|mom|teacher|sir|miss|she|he|they)(?:s| is| are| will| would)?"
    r"(?: going to| gonna)? kill (?:me|us)|"
    r"wanted to die when|(?:could|nearly|almost) (?:have )?died (?:of|when|laughing)|"
    r"dying (?:to|for)|ill scream|going to scream|kill for|killer|drop dead gorgeous|panic over|"
    r"(?:forum|chat|group|party|place|town|club|it|this)(?: is| was|s)? (?:so |proper |"
    r"literally )?dead\b|"
    r"dead (?:tired|boring|good|easy|funny|quiet|serious|right|nice|proud|excited|chuffed|jealous|"
    r"keen)|brain ?dead|"
    r"(?:rather|would) die than|(?:wanted|want) to (?:disappear|die)\b(?=[^.!?]{0,15}(?:\blol\b|"
    r"\blmao\b|\U0001f602|\U0001f923))|"
    r"(?:sick|bored|scared|worried) to death|death of me|(?:be|is|was) the end of me|"
    r"dead in the water|"
    r"(?:killing|kills|killed) (?:it|families|parents|carers|children|kids|people|the \w+)|"
    r"(?:budget|funding|spending|service|staff|council) cuts|cuts (?:to|in|from) (?:the |our |his |"
    r"her )?(?:\w+ )?"
    r"(?:budget|funding|service|services|hours|support|staff|provision)|"
    r"no sense of danger|(?:lack|unaware|no awareness) of danger|road safety|"
    r"keep (?:him|her) safe (?:on the|in the|at the) (?:road|bus|taxi|car|journey)|"
    # playful threats: "my sister is gonna strangle me i ate her noodles", "he'd kill us if we got
    # mud..."
    r"(?:kill|murder|strangle|throttle|batter|kill|skin) (?:me|us)\b(?=[^.!?]{0,40}(?:\blol\b|"
    r"\blmao\b|\bhaha|\U0001f602|"
    r"\U0001f480|\U0001f923|\bif (?:i|we) (?!tell|told|say|said|speak|report|grass)[a-z]+|"
    r"\bwhen (?:she|he|they|mum|dad) (?:sees?|finds? out|hears?)|\bi ate\b|\bfor (?:eating|taking|"
    r"using|breaking|losing|being late)))|"
    # a topic for training or policy is not a person at risk
    r"(?:suicid\w*|self[- ]?harm|mental health|eating disorders?|grooming|exploitation|"
    r"county lines|domestic abuse|knife crime) "
    r"(?:prevention|awareness) (?:training|week|day|course|sessions?|policy|lead|team|work|"
    r"workshops?|campaign)|"
    r"(?:training|awareness|policy|policies|course|workshop|sessions?|leaflets?|resources?|"
    r"guidance|lessons?) "
    r"(?:\w+ ){0,3}(?:on|about|around|for) (?:\w+ ){0,2}(?:self[- ]?harm\w*|suicid\w*|"
    r"eating disorders?|grooming|"
    r"exploitation|county lines|domestic abuse|online safety))"
)
# Past harm described as resolved, with support now in place.
_RESOLVED = re.compile(
    r"\b(?<!dont )(?<!not )(?<!never )(?<!didnt )(?:(?:is|are|were|are now|is now|feels?|"
    r"feeling) (?:much )?(?:safe|safer|better|settled|"
    r"happier)(?: now)?|support (?:is )?(?:now )?in place|(?:now|finally) (?:has|have|getting|get) "
    r"(?:support|help)|(?:doing|doing really|doing so) well now|resolved|no longer|"
    r"(?:years|months) ago|when (?:he|she|i) was (?:younger|little|small)|used to|"
    r"(?:plan|support|help|safety plan|crisis plan|counselling|therapy) (?:is |"
    r"are )?(?:now )?in place|"
    r"turned (?:it|things|him|her|everything) (?:a)?round|(?:all|its|it is|its all) (?:managed|"
    r"sorted) now|recovered|"
    r"(?:hasnt|hasn't|havent|not) (?:\w+ )?(?:hurt|harmed|cut|self harmed) (?:\w+ )?(?:in|for|"
    r"since) (?:over |nearly |about )?(?:a|\d+|two|three|six|several))"
)
_CURRENT = re.compile(
    r"\b(?:again|still|last night|yesterday|today|tonight|this week|keep|"
    r"keeps|anymore|any more|every day|right now|lately|recently)\b"
)


# Second tier: indirect disclosures rarely repeat a known phrase, but they combine cues from
# different families (a means and a plan, hopelessness and death, a body mark and secrecy,
# gifts and going missing). Two or more families together flag the comment. Recall matters
# more than precision here, so the families are broad; idiom is stripped first.
CUE_FAMILIES = (
    (
        "death",
        r"\b(?:die|died|dying|dead|death|suicid\w*|kill (?:myself|himself|herself)|alive|"
        r"(?:me|i was|i am|im|i was) gone|never been born|not be here|not wake up|permanent(?:ly)?|"
        r"for ever|forever|end (?:it|things|my life)|disappear|(?:be|being|"
        r"just be) done with (?:it all|everything|life|it))\b",
    ),
    (
        "hopelessness",
        r"\b(?:cant (?:take|do|cope with) (?:it|this|any ?more)|(?:not|no longer) coping|"
        r"cant cope|cant go on|whats the point|no point|give up on|hate myself|(?:everyone|"
        r"everybody) hates me|"
        r"getting worse|nothing matters|(?:cant|cannot) take (?:it|this|any ?more)|"
        r"worthless|(?:nobody|no one|noone) (?:would|will|even) (?:\w+ )?(?:notice|care|miss)|"
        r"want (?:it all|everything|it) to stop|(?:so |really )?(?:empty|numb|hopeless|trapped)\b|"
        r"burden|"
        r"better (?:off )?(?:with|without)|easier (?:with|without|for everyone)|"
        r"tired of everything)",
    ),
    (
        "means",
        r"\b(?:pills|tablets|meds|medication|paracetamol|overdose|rope|ligature|blades?|razors?|"
        r"knife|knives|bridge|railway|train tracks|(?:into|in front of) (?:the|a) (?:road|traffic|"
        r"car|bus|train)|"
        r"jump|jumping|window|high up|roof|(?:into|in) a tree)\b",
    ),
    (
        "intent or plan",
        r"\b(?:(?:have|got|made|had|has) a plan|on purpose|(?:saving|save|saved) (?:up|them)|"
        r"(?:going to|gonna) (?:do it|use (?:it|them)|go through with)|wants? to get (?:hit|hurt|"
        r"run over)|"
        r"(?:i|ive) (?:have|got) (?:the|my) (?:pills|tablets|meds|blade|rope)|"
        r"(?:this|at the) weekend|tonight|goodbye|in case (?:anything|something) happens)\b",
    ),
    (
        "marks on the body",
        r"\b(?:scars?|(?<!budget )(?<!funding )cuts\b(?! (?:to|in|from|back))|"
        r"bruis\w+|burns|black eye|bleeding|injur\w+|marks on)\b",
    ),
    (
        "eating",
        r"\b(?:(?:not|stopped|barely|hardly|isnt|wont) eat\w*|(?:proper|a) meal|meals|"
        r"packed lunch in the bin|starv\w*|throw\w* up|making (?:herself|himself|myself) sick|"
        r"(?:skip|skips|skipping|skipped) (?:meals|lunch|breakfast|dinner|tea))\b",
    ),
    (
        "body image or weight",
        r"\b(?:(?:says|saying|thinks|feels|calls) (?:\w+ )?(?:hes|shes|im|i am|he is|she is|"
        r"herself|himself|myself) "
        r"(?:so |too |really )?(?:fat|huge|disgusting|ugly)|"
        r"lost (?:nearly |almost |over )?(?:a stone|\d+ ?(?:kg|stone|pounds|lbs))|weigh(?:s|ing|"
        r"ed)? (?:myself|herself|himself)|"
        r"calories|too thin|skinny enough|\d+ ?(?:kg|kilos)\b)",
    ),
    (
        "someone harming them",
        r"\b(?:(?:hurts|hits|kicks|slaps|punches|pushes|pushed|shoves|shook|shakes|"
        r"touches|touched|locks|locked|grabs|grabbed|strangled|choked|threw|throws) (?:me|us|him|"
        r"her|my)\b|"
        r"(?:threats?|threatening|threatened) (?:me|us|him|her|to)\b(?! (?:with )?(?:a )?(?:fines?|"
        r"court|prosecution|exclusion|legal|the attendance))|texting me threats|"
        r"(?:kick|throw|chuck) (?:me|him|her) out|break (?:my|his|her) (?:legs|arms|neck)|"
        r"(?:come|coming) round if|has my address|knows where i live|(?:locks|locked) (?:me|him|"
        r"her) in|"
        r"(?:pushed|kicked|punched|slapped|hit|hurt|strangled|choked) (?:my )?(?:mum|mam|mom|dad|"
        r"nan|sister|brother|me|him|her|us)|"
        r"(?:hurt|hurting|hits?|hitting|kicking|kicks|beating|beats) (?:\w+ )?(?:on purpose|"
        r"every day|all the time))\b",
    ),
    (
        "fear or secrecy",
        r"\b(?:scared|frightened|terrified|afraid|unsafe|not safe|panic\w*|"
        r"secret|nobody knows|no one knows|noone knows|dont tell|cant tell|not to tell|"
        r"delete (?:the |our |his |her |all )?(?:chats?|messages|texts|pics|photos|dms)|"
        r"(?:dont|do not|never) want to go (?:back )?home|"
        r"(?:cant|couldnt|wont) explain|says (?:she|he) fell|(?:hid|hides|hiding|hidden))\b",
    ),
    (
        "gifts, money or substances",
        r"\b(?:gifts?|new trainers|new phone|new clothes|(?:we|i) (?:didnt|did not|never) buy|"
        r"wads? of cash|cash|lifts|vapes?|weed|"
        r"alcohol|vodka|drugs)\b",
    ),
    (
        "adults, strangers or going missing",
        r"\b(?:"
        r"going missing|gone missing|goes missing|went missing|been missing|missing overnight|"
        r"missing since|stays? out (?:all night|overnight)|"
        r"(?:older|grown|adult) (?:man|men|guy|guys|lads?|boys?|boyfriend|teenagers?|teens|kids|"
        r"group|friends?)|"
        r"(?:a|some|this|an older) (?:man|guy|adult|stranger) (?:who|from|off|on|asking|messaging|"
        r"texting|sending)|some lads|stranger|"
        r"mums (?:boyfriend|new partner)|running off (?:at night|all night)|out (?:at|all) night|"
        r"(?:dont|do not|never) know where (?:he|she|they) (?:goes|go|is|are|was|were|gets)|"
        r"(?:from|on|off) (?:discord|snap|snapchat|insta|instagram|tiktok|roblox|fortnite|a game|"
        r"online)|"
        r"sell(?:ing)? (?:stuff|things|drugs)|made to (?:sell|carry|deliver|hold))\b",
    ),
    (
        "carer losing control",
        r"\b(?:i (?:shook|hit|slapped|grabbed|pushed|smacked|screamed at) (?:him|her|them)|"
        r"lost (?:it|my temper) with (?:him|her)|(?:scared|frightened|afraid) of (?:what )?(?:i|"
        r"myself)|"
        r"i need help(?: now)?\b|at breaking point|at the end of my rope|"
        r"(?:give|hand|put) (?:him|her|them) (?:up|over|into care)|(?:kicked|kicks|"
        r"kicking) off (?:again )?(?:at home|at us|at me))\b",
    ),
)
_CUES = PatternSet(CUE_FAMILIES)
CUE_MIN_FAMILIES = 2
# Families strong enough to send a comment for review on their own: a false alarm is cheap,
# a missed disclosure is not.
SINGLE_CUE_FAMILIES = frozenset(
    {"someone harming them", "marks on the body", "carer losing control"}
)


def cue_families(lowered):
    """Return the cue families present in normalised, idiom-stripped text."""
    return _CUES.matching(lowered)


def _normalise(text):
    return _APOSTROPHES.sub("", text.lower())


_IDIOMS_GATE = literal_gate(_IDIOMS)


def _strip_idioms(lowered):
    """Blank out idioms; most comments hold none of their literals and skip the regex."""
    if _IDIOMS_GATE is not None and not any(literal in lowered for literal in _IDIOMS_GATE):
        return lowered
    return _IDIOMS.sub(" ", lowered)


def safeguarding_reasons(text):
    """Return the reasons a comment needs a safeguarding lead today (empty list if none).

    Hyperbole and idiom ("this process is killing me", "I could murder a coffee"), and harm
    described as past and resolved with support in place, do not count."""
    lowered = _strip_idioms(_normalise(text))
    reasons = list(dict.fromkeys(_COMPILED.matching(lowered)))
    if not reasons:
        families = cue_families(lowered)
        if len(families) >= CUE_MIN_FAMILIES or SINGLE_CUE_FAMILIES.intersection(families):
            reasons = ["several warning signs: " + ", ".join(families)]
    if reasons and _RESOLVED.search(lowered) and not _CURRENT.search(lowered):
        return []
    return reasons


def is_safeguarding(text):
    """True when the comment should go to a safeguarding lead for urgent review."""
    return bool(safeguarding_reasons(text))
