"""Made-up free-text answers for the demo: varied, realistic, with no real people in them."""

WORKING = [
    "Our SENCO is brilliant and always phones me back the same day.",
    "The speech and language therapist gave us exercises we can actually do at home.",
    "Since the EHCP was finalised my son has had a one-to-one in the mornings and he is much calmer.",
    "The family hub in town runs a Saturday group where nobody judges you.",
    "SENDIASS helped me understand the annual review and came to the meeting with me.",
    "The PACC coffee mornings are the only place I have found other parents who get it.",
    "School let my daughter have a quiet space at lunch and it has made a huge difference.",
    "The short breaks we get give the whole family a bit of breathing space.",
    "Her teacher really listens and changes things when something is not working.",
    "The transition visits to secondary school were well planned and he felt ready.",
    "The college learning support team checks in with me every few weeks.",
    "The occupational therapist sorted out a new chair and writing slope really quickly.",
    "The Local Offer website had the information I needed about transport.",
    "My caseworker finally answered my emails and explained the timescales.",
    "Being able to fill this in on my phone at night when the kids are asleep.",
    "I like my teaching assistant because she helps me when I get stuck.",
    "The youth club on Thursdays is good and the staff are kind.",
    "At college I can take breaks when I need to.",
    "CAMHS were slow to start but the support since then has been really good.",
    "Nursery noticed early and got the right people involved before he started school.",
]
CHANGE = [
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
    "I want adults to ask me what I think, not just talk to my mum.",
    "The lessons are too noisy and I cannot concentrate.",
    "I want more help finding a job or an apprenticeship when I leave college.",
    "Information should be in plain English and in other languages.",
    "The EHCP deadline was missed by months and we were never told why.",
    "Stop making us tell our story again to every new professional.",
    "Short breaks were cut and there is now a waiting list with no end date.",
]
CLOSERS = ["", "", "", " It has been exhausting.", " Thank you for asking.", " This would make a real difference.",
           " I know staff are stretched but it matters.", " Other parents say the same."]


def sentence(rng, pool):
    """One or two sentences from a pool, with a varied closing remark."""
    text = rng.choice(pool)
    if rng.random() < 0.3:
        other = rng.choice(pool)
        if other != text:
            text = f"{text} {other}"
    return text + rng.choice(CLOSERS)
