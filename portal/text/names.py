"""A compact hand-made gazetteer of first names common in the UK, and words that stop names."""

_FIRST_NAMES = """
aaliyah aaron abbie abby abdul abdullah abi abigail ada adam adele adrian ahmed aidan aiden
aileen aisha alan alana albert albie alex alexa alexander alexandra alexis alfie alfred ali
alice alicia alisha alison alistair amanda amara amelia amelie amir amira amy ana andre andrea
andrew andy angela angie anika anita ann anna anne annette annie anthony antonia anya archie
aria arlo arran arthur asha ashleigh ashley ashton aston aurora ava avery ayaan ayesha barbara
barry beatrice becca becky beckett bella ben benjamin benji bernard beth bethan bethany betty
beverley bev billie billy blake bobby bonnie brad bradley brandon brenda brendan brian bridget
brodie brooke bryony caitlin caleb callum calum cameron cara carl carla carly carol caroline
carolyn casey cassie catherine cathy cerys chantelle charlene charlie charlotte chelsea chen
cheryl chloe chris christian christina christine christopher ciara ciaran claire clara clare
colin connie connor conor corinne courtney craig daisy-mae damian dan dani daniel daniela danielle
danny darcey darcie darcy daryl darren dave david dawid debbie deborah declan demi denise derek
dev dexter diana diane dom dominic donna dora dorothy dougie douglas duncan dylan ed eddie edith
edward eileen elaine eleanor elena eli elijah elise eliza elizabeth ella ellie ellie-mae elliot
elliott ellis elsie emilia emily emma emmanuel enzo eric erin esme esther ethan eva evan evelyn
evie ezra fatima felicity felix fenella finlay finley finn fiona florence flynn frances francesca
francis frankie fraser freddie freddy frederick freya gabriel gabriella gail gareth gary gavin
gemma geoff geoffrey george georgia georgie gerald gillian gina graham greg gregory gwen hamza
hannah harley harlow harper harriet harrison harry harvey hassan hayden hayley heather heidi
helen helena henry hollie harriet hugo hussain ian ibrahim imogen imran ines irene isa isaac
isabel isabella isabelle isla isobel ivan izzy jack-henry jackie jackson jacob jaden jake james
jamie jan jane janet janice janine jas jasmine jason jaxon jayden jayne jean jeff jemima
jen jenna jennifer jenny jeremy jess jesse jessica jill jim jimmy jo joan joanna joanne jodie joe
joel joey john johnny jon jonathan jordan-lee josef joseph josh joshua josie judith judy
jules julia julian julie justin kai kaitlyn kamal karen karl kate katherine kathleen kathryn katie
katy kayden kayla kaylee keeley keira keith kelly kelsey ken kenneth kerry kev kevin kian kieran
kim kimberley kirsty kyle kyra laila lana lara laura lauren layla leah leanne lee leigh leila lena
lenny leo leon leonard leonie lesley leslie levi lewis lexi lexie liam libby lila lilly lily
lily-mae lily-rose linda lindsay lindsey lisa liz liza lizzie logan lois lola lorna lorraine lottie
louie louis louisa louise luca lucas lucia lucy luke luna lydia lyla lynn lynne macey maddie
maddison madison maisie maisy malcolm mandy maria mariam marie marina marion marcus marjorie
martha martin mary maryam matilda matt matthew maureen maya megan mehmet mel melanie melissa mia
michael michaela michelle mick mike mila miles millie milly miriam mo mohammed mohammad molly
mollie morgan muhammad mustafa nadia naomi nancy naomi natalie natasha nathan neil nell nellie
niall nicholas nick nicky nicola nicole niamh nigel nina noah noor nora norah norman oakley olive
oliver olivia ollie omar oscar owen paige pamela paris patricia patrick paul paula pauline peggy
penny pete peter petra phil philip philippa phoebe pippa piper polly priya priyanka rachael
rachel rafe rahul raj rajesh ravi rebecca reece reggie reuben rhiannon rhys richard rick ricky
riley rita rob robbie robert roberta robyn rohan romeo ronan ronnie rory rosa rosalind rosie
ross rowan roxanne ruby-mae rupert russell ruth ryan sadie sahil saima sally sam samantha samir
samuel sana sandra sara sarah sasha scarlett scott sean seb sebastian shane shannon sharon shaun
shauna sheila shelley sian sienna simon simone sinead siobhan sofia sonia sophia sophie stacey
stan stanley stefan steph stephanie stephen steve steven stewart stuart
susan susie suzanne tamara tammy tanya tara tariq ted teddy terry tess tessa theo theodore
theresa thomas tia tilly tim timothy toby tom tommy toni tony tracey tracy trevor tyler tyrone
usman valerie vanessa vera veronica vicky victoria vikram vinnie violet wayne wendy wes wesley
will-i yasmin yousef yusuf zac zach zachary zainab zak zara zayn zoe zoey zuzanna oskar kacper
jakub szymon wiktoria julia-rose amelia-rose ayla eden ellis-jay harlee kayleigh lacey lexi-mae
mason-lee nico ollie-james reuben-lee rio ronnie-lee tayla tegan tiana tobias willow
"""

# Names that are also everyday words, months or places: they count only when capitalised
# mid-sentence or after a context cue ("my son Will"), never as bare lower-case words.
_AMBIGUOUS_NAMES = """
will mark grace hope rose may june april august summer autumn holly ivy poppy daisy amber ruby
jade hazel robin skye sky faith joy dawn eve faye ray jay kit max art rich lance chase reed drew
gene wade clay cliff glen heath dale val sunny honey star river storm angel hunter mason carter
cole king taylor jordan austin sydney lincoln devon chester kendal bill pat sue rob jack frank
guy dean lily iris rocco misty crystal destiny precious harmony melody ocean sage fern olive
ash bob don ken jon sam tom joe miles penny nick ed mo jan dev jean paris
florence carol georgia chelsea teddy willow olive violet eden jo isa ali mel bev dom bonnie
sienna lacey piper angie harper brooke paige
"""

# Welsh, Polish, South Asian, West African and other names common in UK families but thin in
# the census lists (everyday English words such as "gruff", "veer" and "elan" left out).
_MORE_FIRST_NAMES = """
gethin dafydd aled ffion osian carys seren iwan rhodri owain ieuan nia eleri catrin lowri alys
llio gwion tomos guto hefin ioan deio mabli cadi efa manon heledd angharad carwyn dewi emyr geraint
huw idris iolo meirion rhian sioned teleri gwenllian tirion siwan llinos elin gruffydd steffan sion
cian nerys delyth bronwen
bartosz tomasz wojciech aleksander krzysztof piotr pawel lukasz mateusz michal kamil filip maciej
patryk igor kuba oliwia natalia maja hanna aleksandra magdalena agnieszka katarzyna kasia gosia
malgorzata ewa marta dominika karolina weronika kinga justyna paulina monika julka antoni
franciszek stanislaw wiktor
zain bilal hafsa aarav arjun ishaan inaya hania eman anaya samina shazia nasreen rukhsana farah
sadia amna hira maham iqra mahnoor zoya rehana tahir asif kashif faisal junaid waqas adnan shahid
rashid nadeem naveed zubair saif haris rayyan yahya musa zakariya harjeet gurpreet manpreet
jaspreet simran navdeep sukhdeep harpreet amarjit rajinder vihaan ananya diya riya aditya krish
aarohi ishaani mohammed abdullahi
chidi chinedu emeka ngozi adaeze oluwaseun tunde femi kemi yemi kwame kofi abena abimbola thandiwe
tendai tariro chiamaka chioma obinna ifeoma olamide temitope tobi
andrei ionut mihai ioana alexandru bogdan vlad darius matei lukas jonas tadas ieva gabija emilija
"""
_MORE_SURNAMES = """
khan iqbal okafor sandhu hussain shah begum akhtar malik rahman chaudhry chaudhary qureshi siddiqui
mahmood raza mirza kaur singh dhillon johal bains sidhu ahmed ahmad aslam anwar javed nawaz bashir
kowalski kowalska nowak wisniewski wojcik kaminski lewandowski zielinski szymanski wozniak
dabrowski kozlowski mazur krawczyk piotrowski grabowski nowakowski pawlak
pritchard hughes llewellyn pugh powell prosser bevan vaughan parry griffiths rees lloyd jenkins
probert meredith gwynne okonkwo adeyemi mensah boateng asante adebayo nwosu eze oyelaran
"""

FIRST_NAMES = (
    frozenset(_FIRST_NAMES.split())
    | frozenset(_MORE_FIRST_NAMES.split())
    | frozenset(_AMBIGUOUS_NAMES.split())
)
AMBIGUOUS_NAMES = frozenset(_AMBIGUOUS_NAMES.split()) - {"sam", "tom", "joe", "jon", "ken", "bob"}

# Capitalised words that are never a person's name in this domain: services, organisations,
# roles, days and months, common sentence openers.
NOT_NAMES = frozenset(
    """
send sendiass sendias iass pacc pcf ipsea beeu bee camhs cahms kooth portage kids mhst mhsts
salt slt ot ep eps senco sendco ta tas la ehcp ehcna ehc gp nhs icb ofsted local offer council
school college academy primary high nursery team service services autism adhd asd dfe dwp
monday tuesday wednesday thursday friday saturday sunday january february march june july
september october november december easter christmas i im i'm hi hey hello thanks thank dear
the a an and but so he she they we it this that my our his her their mum dad nan nanna grandma
grandad mummy daddy miss sir mr mrs ms dr mx sister brother son daughter year reception
god jesus lol omg ngl tbh idk mate
sen semh slcn pmld mld sld asc pda spld ebsa ehe dla pip gcse gcses btec sats dsl mash cin cp lac
""".split()
)


def is_first_name(word, *, strict=False):
    """True if word is a known first name; with strict=True, ambiguous names are refused."""
    lowered = word.lower()
    if lowered not in FIRST_NAMES and lowered not in EXTRA_FIRST_NAMES:
        return False
    return not (strict and lowered in AMBIGUOUS_NAMES)


def _load_lists():
    """Read data/names.txt (built from zxcvbn's lists by tools/build_name_lists.py)."""
    from pathlib import Path

    sections = {}
    current = None
    path = Path(__file__).resolve().parent / "data" / "names.txt"
    if not path.is_file():
        return {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        elif current is not None:
            current.add(line)
    return sections


_LISTS = _load_lists()
# Census first names that are not everyday words; used with more care than the UK list.
EXTRA_FIRST_NAMES = frozenset(_LISTS.get("first", ())) - FIRST_NAMES - NOT_NAMES
AMBIGUOUS_NAMES = AMBIGUOUS_NAMES | (frozenset(_LISTS.get("first_ambiguous", ())) - FIRST_NAMES)
SURNAMES = (frozenset(_LISTS.get("surname", ())) | frozenset(_MORE_SURNAMES.split())) - NOT_NAMES
