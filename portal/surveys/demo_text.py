"""Made-up free-text answers for the demo: varied, realistic, anonymous, with no real people in
them.

Parents' and young people's words are kept apart (a young person does not write "my son"). No
sentence appears twice across the pools, and `Deck` deals each pool in a shuffled order before any
answer repeats.
"""

WORKING_PARENT = [
    "Our SENCO is brilliant and always phones me back the same day.",
    "The speech and language therapist gave us exercises we can actually do at home.",
    "Since the EHCP was finalised my son has had a one-to-one in the mornings and he is much "
    "calmer.",
    "The family hub in town runs a Saturday group where nobody judges you.",
    "SENDIASS helped me understand the annual review and came to the meeting with me.",
    "The PACC coffee mornings are the only place I have found other parents who get it.",
    "School let my daughter have a quiet space at lunch and it has made a huge difference.",
    "The short breaks we get give the whole family a bit of breathing space.",
    "Her teacher really listens and changes things when something is not working.",
    "The transition visits to secondary school were well planned and he felt ready.",
    "The college learning support team checks in with me every few weeks.",
    "The occupational therapist sorted out a new chair and writing slope really quickly.",
    "My caseworker finally answered my emails and explained the timescales.",
    "Being able to fill this in on my phone at night when the kids are asleep.",
    "CAMHS were slow to start but the support since then has been really good.",
    "Nursery noticed early and got the right people involved before he started school.",
    "The school nurse trained every member of staff in his epilepsy plan before he started.",
    "A visual timetable at home and at school has cut the meltdowns in half.",
    "The educational psychologist's report finally described the child we know.",
    "His new school sends a photo of the day so he can tell me what he did.",
    "The holiday club took both my children, so his sister got a summer too.",
    "Our GP did the annual health check properly and listened to my daughter herself.",
    "The parent workshop on sleep was practical and I still use what I learned.",
    "The head teacher came to the review herself and agreed the changes there and then.",
    "The sensory room at the library is a real lifeline on bad days.",
    "Portage showed me how to turn everyday play into learning.",
    "The inclusion base at his secondary school has given him friends for the first time.",
]
WORKING_YOUNG = [
    "I like my teaching assistant because she helps me when I get stuck.",
    "The youth club on Thursdays is good and the staff are kind.",
    "At college I can take breaks when I need to.",
    "My form tutor checks in with me every morning.",
    "I get extra time in tests and that makes me less worried.",
    "The lunch club means I have somewhere to go that is not loud.",
    "My job coach helped me get a Saturday job at the garden centre.",
    "I can use a laptop in lessons so my hands do not hurt.",
    "The mentor at school helped me when I was being picked on.",
    "Drama club is the best part of my week.",
    "I like that my taxi driver waits until I am inside.",
    "The trip to see the college before I started helped a lot.",
]
CHANGE_PARENT = [
    "We waited over a year for an autism assessment and got no support in the meantime.",
    "Nobody tells you what is happening with the EHC needs assessment; I had to chase every week.",
    "The annual review paperwork is full of jargon and acronyms I do not understand.",
    "Transport to the special school keeps changing drivers and my son gets very anxious.",
    "There is nothing for teenagers in our area; the nearest group is an hour away by bus.",
    "CAMHS waiting lists are far too long and school cannot cope in the meantime.",
    "Please answer emails and phone calls, even if it is just to say you are still working on it.",
    "Schools should all follow the same rules on reasonable adjustments, not depend on the head.",
    "Staff need more training in autism and in understanding distressed behaviour.",
    "My daughter has not been in school since March because of anxiety and nobody has a plan.",
    "The Local Offer is hard to use on a phone and the information is out of date.",
    "Parents should be involved in writing the plan, not just sent a draft to sign.",
    "Speech and language therapy stopped when he turned five and we had to pay privately.",
    "Families in rural areas miss out because every meeting is in Shrewsbury in the daytime.",
    "Post-16 options are very limited if your child cannot manage a full college timetable.",
    "Information should be in plain English and in other languages.",
    "The EHCP deadline was missed by months and we were never told why.",
    "Stop making us tell our story again to every new professional.",
    "Short breaks were cut and there is now a waiting list with no end date.",
    "Tribunal should not be the only way to get the support written in the plan.",
    "The plan says weekly speech therapy but he has had three sessions this year.",
    "Dads are never asked anything; every letter goes to his mum.",
    "We need someone to call in the school holidays when everything falls apart.",
    "The council should tell us which schools have places before we name one.",
    "Children who are non-verbal are underestimated; raise expectations for them.",
    "Respite should not mean a two-hour drive each way.",
    "Health, school and social care each say it is another team's job.",
    "Our village has no after-school club that will take a child with a feeding tube.",
    "Moving from primary to secondary was planned for two weeks, not two terms.",
    "Please stop closing the consultation before the parents' newsletter has gone out.",
]
CHANGE_YOUNG = [
    "I want adults to ask me what I think, not just talk to my mum.",
    "The lessons are too noisy and I cannot concentrate.",
    "I want more help finding a job or an apprenticeship when I leave college.",
    "Teachers should read my support plan before they teach me.",
    "I want to see the same person when I go to the clinic.",
    "The bus to college is late so I miss the start of my course.",
    "There is nowhere to go at the weekend that is right for me.",
    "I want to learn how to cook and manage money before I leave home.",
    "People should not have to prove they are struggling before they get help.",
    "Corridors between lessons are too crowded and I get pushed.",
    "I would like a quiet room at college where I can calm down.",
    "Adults use long words in my meetings and I do not know what they mean.",
]


class Deck:
    """Deals a pool's texts in a shuffled order, reshuffling only once every text has been dealt."""

    def __init__(self, rng, pool):
        self.rng, self.pool, self.cards = rng, pool, []

    def deal(self):
        if not self.cards:
            self.cards = list(self.pool)
            self.rng.shuffle(self.cards)
        return self.cards.pop()
