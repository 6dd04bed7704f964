"""The built-in SEND feedback theme taxonomy, with keywords and local aliases."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    """One theme. Keywords and aliases are lower-case phrases matched on word
    boundaries; a trailing ``*`` on a word matches any ending ("exclu*").
    Aliases (service names, old names, local names) weigh more than keywords."""

    slug: str
    label: str
    description: str
    keywords: tuple = ()
    aliases: tuple = ()


BUILTIN_THEMES = (
    Theme(
        "ehcp", "EHC assessments and plans",
        "Education, health and care needs assessments, EHC plans and annual reviews, including how "
        "long they take and how good the plan is.",
        keywords=(
            "agreed to assess", "agree to assess", "refused an assessment", "refused assessment", "panel", "the plans", "writes the plans", "writes up the plans", "place named", "school named", "naming a school", "case reference", "in draft",
            "ehc*", "education health and care", "needs assessment*", "statutory assessment*",
            "annual review*", "draft plan", "final plan", "his plan", "her plan", "my plan",
            "their plan", "our plan", "the plan", "a plan", "plan says", "plan said", "plans name",
            "child's plan", "son's plan", "daughter's plan", "plan was finalised", "plans are",
            "section f", "section b", "20 week*", "20-week*", "agree to assess", "refused to assess",
            "amended plan", "amendments", "views section", "top-up funding", "banding",
            "provision in his", "provision in her", "specified in", "send team", "send caseworker",
            "plan is now", "his plan", "in my plan", "my review", "ep report",
        ),
        aliases=("ehcp", "ehcps", "ehcna", "ehna", "statement of sen", "epp", "ehcp template"),
    ),
    Theme(
        "communication", "Keeping in touch",
        "Being kept informed, getting replies and call-backs, changes of caseworker, and how "
        "clearly things are explained.",
        keywords=(
            "passed from", "passed around", "no word", "heard back", "hear back", "to hear from", "tell me who", "who my caseworker",
            "call back", "call-back", "callback", "ring back", "ring me", "rang back", "call me back",
            "calls back", "get back to", "got back to", "reply", "replies", "replied", "response",
            "respond*", "email*", "e-mail*", "kept informed", "keep us informed", "kept updated",
            "kept me updated", "kept us updated", "keep me updated", "updates", "no update*",
            "no one told", "nobody told", "no one has told", "nobody has told", "not told",
            "wasn't told", "weren't told", "never told", "heard nothing", "hear nothing",
            "heard anything", "hear anything", "chase*", "chasing", "acknowledgement",
            "acknowledgment", "caseworker*", "case worker*", "in touch", "voicemail",
            "answer the phone", "answer an email", "phoning", "phoned", "rang", "ringing",
            "passes the buck", "pass the buck", "tell one more person", "repeat our story",
            "repeat his story", "his entire history", "her entire history", "tell our story",
            "never sent", "wasn't sent", "never got it", "never received", "went missing",
            "lost the paperwork", "left a message", "messages", "named contact", "point of contact",
            "no one rings", "nobody rings", "no one calls", "nobody calls", "find out from",
            "explained", "letter*", "newsletter", "information sharing", "share information",
            "shared with", "passed everything on", "haven't been in touch", "not been in touch",
            "who to contact", "keep in contact", "contact us", "no notice", "without notice",
        ),
        aliases=(),
    ),
    Theme(
        "waiting-times", "Waiting times",
        "Waiting for assessments, diagnosis, therapy, plans, placements or any other service.",
        keywords=(
            "and counting", "hasn't been for", "hasnt been for", "not been for", "referred in", "referred at", "since year", "waiting to hear from", "still waiting",
            "waiting list*", "wait list*", "waitlist*", "on the list", "waiting*", "wait",
            "waits", "waited", "delay*", "backlog*", "still hasn't been seen", "still not been seen",
            "hadn't been seen", "not been seen", "years on the list", "months on the list",
            "took months", "took years", "took over", "it took", "took ages", "so long", "too long",
            "how long", "timescale*", "deadline*", "overdue", "months later", "weeks later",
            "years later", "still no", "quick", "quickly", "within a day", "within a week",
            "before they saw", "gets seen", "get seen", "be seen", "since year",
            "referral",
        ),
        aliases=(),
    ),
    Theme(
        "therapies", "Therapies",
        "Speech and language therapy, occupational therapy, physiotherapy and educational "
        "psychology.",
        keywords=(
            "standing frame", "stretches", "splints", "speech lady", "speech therapy", "ep report", "ep advice", "ed psych report", "exercises",
            "speech and language", "speech therap*", "language therap*", "speech", "occupational therap*",
            "physio*", "educational psycholog*", "ed psych*", "therapist*", "therapy",
            "sensory diet", "sensory assessment", "handwriting", "fine motor", "motor skills",
            "scissors", "gross motor", "wheelchair", "sensory processing", "sensory integration",
            "makaton", "pecs", "sessions", "stammer*", "stutter*", "talking", "communication aid",
            "aac", "hearing", "visual impairment",
        ),
        aliases=("salt", "slt", "slcn", "ot", "ots", "ep", "eps", "talk boost", "elklan",
                 "stoke speaks out", "experts at hand", "eaho"),
    ),
    Theme(
        "mental-health", "Mental health and wellbeing",
        "CAMHS, anxiety, emotional wellbeing, counselling and mental health support teams in "
        "schools.",
        keywords=(
            "worry lady", "worry group", "worry sessions", "feelings", "emotional",
            "mental health", "emotional health", "wellbeing", "well-being", "counsell*",
            "talking therap*", "cbt", "psychiatrist*", "psychologist", "crisis team", "crisis",
            "self-harm*", "self harm*", "cutting", "suicid*", "eating disorder*", "panic attack*",
            "anxiety", "anxious", "depress*", "low mood", "emotional support", "therapist at school",
            "school nurse", "worry", "worries", "cant cope", "can't cope", "better off without",
            "didn't wake up", "didnt wake up", "see the point", "not eating", "isn't eating",
            "mental health support team*", "a&e", "trauma",
        ),
        aliases=("camhs", "cahms", "beeu", "bee u", "bee-u", "mhst", "mhsts", "kooth",
                 "qwell", "dynamic support register", "pods", "healthier together"),
    ),
    Theme(
        "neurodevelopmental", "Autism and ADHD",
        "The autism and ADHD assessment pathway, diagnosis, medication and support after diagnosis.",
        keywords=(
            "on the spectrum", "whether he is autistic", "whether she is autistic", "assess whether", "autism team", "sleep course",
            "autism", "autistic", "adhd", "autism assessment*", "adhd assessment*", "asd assessment*", "nd pathway",
            "neurodevelopmental", "neurodivers*", "diagnos*", "assessment for autism",
            "assessment for adhd", "autism and adhd assessment", "autism team", "autism service",
            "adhd meds", "meds", "medication", "methylphenidate", "ritalin", "elvanse",
            "melatonin", "shared care", "paediatrician*", "pediatrician*", "autism pathway",
            "adhd pathway", "post-diagnosis", "post diagnosis", "after diagnosis", "masking",
            "assessed for autism", "assessed for adhd", "referred for autism", "ados",
            "qb test", "qbtest", "conners",
        ),
        aliases=("kids service", "kids team", "kids autism", "west midlands autism support", "autism west midlands", "pins",
                 "neurodiversity practitioner*", "autism hub", "a4u", "self-help passport"),
    ),
    Theme(
        "school-support", "Support in school",
        "Inclusion in mainstream school, the SENCO, help in class, reasonable adjustments and "
        "inclusion or resource bases.",
        keywords=(
            "at school", "school trips", "trips", "school won't", "school wont", "school keep", "key adult", "quiet room", "nobody at school",
            "senco*", "mainstream", "in class", "in lessons", "lessons", "teacher*", "teaching assistant*",
            "ta", "tas", "1:1", "one to one", "one-to-one", "reasonable adjustment*", "adjustments",
            "inclusion base*", "resource base*", "support base*", "the base", "send hub*",
            "inclusion room", "quiet room", "calm room", "sensory room", "exit card", "time out card",
            "movement break*", "detention*", "help in class", "support in class", "support in school",
            "school support", "sen support", "send support", "graduated", "oaip", "inclusion",
            "laptop", "exam", "exams", "examination*", "mock exam*", "mocks", "access arrangement*", "extra time", "scribe", "reader",
            "behaviour policy", "seating", "homework", "notional", "sen budget", "form tutor",
            "trained", "training", "staff at school", "school staff", "schools are", "school is",
            
        ),
        aliases=("sendco", "inclusion development grant*", "step into school",
                 "graduated support pathway", "inclusion quality mark", "apdr"),
    ),
    Theme(
        "exclusions-attendance", "Exclusions and school attendance",
        "Exclusions, suspensions, part-time timetables, school avoidance and attendance, and home "
        "education when school has not worked.",
        keywords=(
            "calm room all day", "room all day", "all day in", "did no lessons", "no lessons", "out of lessons", "kept out of", "send her home", "send him home", "sends her home", "sends him home", "room next to the office", "on his own with a ta", "on her own with a ta", "that's not school", "thats not school",
            "exclu*", "suspen*", "part-time timetable*", "part time timetable*", "reduced timetable*",
            "reduced hours", "hour timetable",
            "isolation", "isolation booth*", "internal exclusion*", "sent home", "send home",
            "sending him home", "sending her home", "school avoidance", "emotionally based",
            "school refus*", "attendance", "fines", "fined", "truan*", "persistent absence",
            "out of school", "not in school", "hasn't been in school", "hasnt been in school",
            "can't get through the door", "cannot get through the door", "home educat*",
            "home school*", "home-school*", "deregist*", "off-roll*", "off roll*", "managed move",
            "alternative provision", "pru", "missing education", "at home all day", "tuition",
                    ),
        aliases=("ebsa", "ehe", "pex", "outshine", "outshine project", "tmbss", "cme"),
    ),
    Theme(
        "specialist-placements", "Special schools and specialist places",
        "Special schools, independent or out-of-area placements, and whether there are enough "
        "specialist places.",
        keywords=(
            "nowhere for kids like", "would suit him", "would suit her", "school place", "no school place",
            "special school*", "specialist school*", "specialist provision", "specialist place*",
            "specialist placement*", "independent school*", "independent special", "out of county",
            "out-of-county", "out of area", "out-of-area", "residential", "boards", "boarding",
            "placement*", "places", "a place", "no places", "not enough places", "waiting for a place",
            "nearest suitable school", "suitable school", "suitable place", "school that could meet",
            "meet her needs", "meet his needs", "sufficiency",
        ),
        aliases=("inmss", "ism", "non-maintained"),
    ),
    Theme(
        "transport", "Travel to school or college",
        "Home-to-school and college transport, journey times and distances, and getting around in "
        "a rural county.",
        keywords=(
            "each way", "hour away", "hours away", "miles away", "an hour and", "satnav",
            "transport", "taxi*", "bus", "buses", "minibus", "escort*", "driver*", "pick up*",
            "pick-up*", "picked up", "picks up", "drop off", "dropped off", "journey*", "travel*",
            "miles", "route*", "car sick", "bus pass*", "passenger assistant*", "walking route",
            "mileage", "petrol", "drive each way", "commute", "bus monitor",
        ),
        aliases=("home to school transport", "home-to-school transport", "local travel plan",
                 "independent travel training"),
    ),
    Theme(
        "information-local-offer", "Finding information",
        "The Local Offer website, finding out what is available, and jargon or acronyms that are "
        "hard to follow.",
        keywords=(
            "website", "web site", "webpage", "web page", "the page", "this page", "information",
            "info", "leaflet*", "directory", "jargon", "acronym*", "glossary", "stand for",
            "stands for", "plain english", "plain language", "find out what", "find information",
            "finding information", "hard to find", "couldn't find", "could not find", "tried to find",
            "going round in circles", "what is available", "what's available", "what support is",
            "signpost*", "confusing", "eligibility criteria", "published", "printable", "broadband",
            "online form*", "council website", "easy read", "easy-read", "video",
        ),
        aliases=("local offer", "send local offer", "liso", "family information service", "fis"),
    ),
    Theme(
        "transitions-post16", "Moving on and growing up",
        "Moving between schools or stages, college and post-16, preparing for adulthood and moving "
        "to adult services.",
        keywords=(
            "transition*", "post-16", "post 16", "post16", "sixth form", "college*", "further education",
            "apprenticeship*", "supported internship*", "internship*", "preparing for adulthood",
            "adult services", "adult social care", "turns 18", "turn 18", "at 18", "after year 11",
            "year 11", "leaving school", "starts reception", "start reception", "starting reception",
            "new school", "moving up", "secondary transfer", "move to secondary", "starting secondary",
            "university", "uni", "btec", "gcse*", "a levels", "careers", "employment", "job",
            "independent living", "adulthood", "adult mental health",
        ),
        aliases=("pfa", "pfa navigator*", "fe", "ncs"),
    ),
    Theme(
        "early-years", "Early years",
        "Nursery, pre-school, childminders, health visitors and support for children under 5.",
        keywords=(
            "when he was two", "when she was two", "when he was one", "when she was one", "came to our house", "came to the house", "bag of toys", "health visiting",
            "nursery", "nurseries", "pre-school*", "preschool*", "pre school*", "childminder*",
            "health visitor*", "under 5s", "under-5s", "under fives", "under-fives", "2 year check",
            "two year check", "toddler*", "early years", "reception", "eyfs", "setting*",
            "funded hours", "inclusion funding", "child development centre", "cdc", "baby",
            "at two", "aged two", "aged 2", "age 2", "age two", "3 year old", "2 year old",
        ),
        aliases=("portage", "portage lady", "sencop", "early support", "family hub*"),
    ),
    Theme(
        "social-care-short-breaks", "Social care and short breaks",
        "Social care, respite, short breaks, direct payments and support for parent carers and "
        "young carers.",
        keywords=(
            "take him for a weekend", "take her for a weekend", "a break", "for the carer", "how the carer",
            "social care", "social worker*", "social services", "respite", "short break*",
            "direct payment*", "personal budget*", "personal assistant*", "pas", "carer*",
            "young carer*", "carers assessment", "carer's assessment", "early help", "family help",
            "child in need", "cin", "saturday club", "holiday club*", "youth club", "play scheme*",
            "playscheme*", "sitting service", "overnight*", "closed the case", "no help at home",
            "family support", "support worker*", "befriend*", "sleep", "haven't slept", "havent slept",
            "night's sleep", "up all night", "nobody ever asks how i am", "how i am",
        ),
        aliases=("stepping stones", "let's talk", "lets talk", "family hub", "taf", "team around the family"),
    ),
    Theme(
        "being-heard", "Being listened to",
        "Being listened to, being involved in decisions, working together (co-production), trust, "
        "and seeing feedback acted on.",
        keywords=(
            "already been made", "before we walk in", "tick box", "tick-box", "actually changed", "things have changed", "changed since", "what it's like", "what its like", "wants to hear", "nobody listens", "no one listens",
            "listen*", "heard", "not heard", "being heard", "felt heard", "ignored", "ignore*",
            "involved", "involve*", "include*", "co-produc*", "coproduc*", "our views", "my views",
            "their views", "views", "voice", "asked me", "asks me", "ask me", "nobody asks",
            "no one asks", "nobody asked", "no one asked", "asked what i wanted", "what i wanted",
            "consult*", "survey*", "feedback", "you said, we did", "you said we did",
            "nothing changes", "nothing has changed", "nothing changed", "results", "acted on",
            "trust*", "taken seriously", "not believed", "believe us", "believed",
            "talk about me", "decisions",
            "decision", "have a say", "youth forum", "forum", "workshop*", "input",
        ),
        aliases=("participation", "youth voice", "big listen", "youth advisory group"),
    ),
    Theme(
        "advice-support", "Advice and peer support",
        "SENDIASS, the parent carer forum (PACC), advocacy, impartial advice and support from "
        "other families.",
        keywords=(
            "autism west midlands", "other mum", "another mum", "parents group", "helped me with the forms",
            "advice", "adviser*", "advisor*", "advocate*", "advocacy", "impartial", "peer support",
            "support group*", "parent group*", "parents group*", "coffee morning*", "other parents",
            "other families", "parent carer forum", "parent carer council", "helpline", "advice line",
            "facebook group", "charity", "charities", "other mums", "other dads",
        ),
        aliases=("sendiass", "sendias", "iass", "pacc", "pcf", "ipsea", "sossen", "contact a family",
                 "cerebra", "rainbow pack*", "parent partnership", "national autistic society",
                 "mencap", "kids send"),
    ),
    Theme(
        "complaints-disputes", "Complaints and appeals",
        "Complaints, mediation, tribunals, appeals and the Ombudsman.",
        keywords=(
            "complain*", "complaint*", "mediation", "mediator", "tribunal*", "appeal*", "ombudsman",
            "judicial review", "solicitor*", "legal", "lawyer*", "barrister", "conceded", "hearing",
            "formal complaint", "stage 2", "stage two", "first-tier", "sendist", "lgsco",
            "right to appeal", "who do i complain to", "settled before",
        ),
        aliases=("lgo", "local government ombudsman", "phso"),
    ),
    Theme(
        "staff-attitude", "How staff treat people",
        "Whether professionals were kind and respectful or dismissive and rude.",
        keywords=(
            "lovely with", "great with him", "great with her", "good with him", "good with her", "fantastic with", "brilliant with", "amazing with", "wonderful with", "godsend", "a gem", "a legend", "how they treat", "treat families", "treats families", "incompetent", "unprofessional", "really nice", "so nice", "was lovely", "is lovely", "has been amazing", "have been amazing", "has been brilliant", "has been fantastic", "was fantastic", "so helpful", "really helpful", "very helpful", "been really helpful", "so rude", "in front of everyone",
            "rude", "rudely", "dismissive", "dismissed", "patronis*", "patroniz*", "condescend*",
            "judged", "judgemental", "judgmental", "blamed", "blame*", "spoke to me like",
            "spoke down", "talked down", "like i was stupid", "like we were stupid", "kind",
            "kindness", "unkind", "respectful", "disrespectful", "respect", "compassion*",
            "caring", "uncaring", "friendly", "unfriendly", "approachable", "patient",
            "impatient", "warm", "cold", "polite", "impolite", "arrogant", "went above and beyond",
            "above and beyond", "can't thank", "cant thank", "shouts", "shouted", "shout*", "doesnt shout",             "felt small", "so small", "treated us like", "treating us like", "treat us like",
            "like people", "attitude", "barely looked up", "rolled her eyes", "rolled his eyes",
            "lazy", "sarcastic", "moans at", "annoyed", "in tears", "left in tears",
            "a saint",
        ),
        aliases=(),
    ),
)


def theme_slugs(taxonomy=BUILTIN_THEMES):
    """Return the slugs of a taxonomy, in order."""
    return [theme.slug for theme in taxonomy]
