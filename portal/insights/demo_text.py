"""Made-up, anonymous things families, young people and professionals said, four for each theme.

(theme staff confirm, text, who said it). No sentence appears twice, here or in other demo content.
"""

P, Y, PRO = "parent_carer", "young_person", "professional"

TEXTS = [
    (
        "ehcp",
        "The EHC plan took over a year and the final plan still does not say what support he gets.",
        P,
    ),
    (
        "ehcp",
        "Our annual review was cancelled twice and the plan has not been updated for two years.",
        P,
    ),
    (
        "ehcp",
        "The draft plan copied whole paragraphs from another child's report, even the wrong "
        "pronouns.",
        P,
    ),
    (
        "ehcp",
        "Once the plan was in place the school finally had the funding for a teaching assistant.",
        P,
    ),
    (
        "communication",
        "Nobody rang us back. We chased the caseworker by email for weeks and heard nothing.",
        P,
    ),
    (
        "communication",
        "Our new caseworker called every fortnight and kept us updated. It made a real difference.",
        P,
    ),
    (
        "communication",
        "We have had four caseworkers in eighteen months and had to explain everything each time.",
        P,
    ),
    (
        "communication",
        "Letters arrive addressed to my son's old school, so I never know if anyone has read them.",
        P,
    ),
    (
        "waiting-times",
        "We waited 14 months for an autism assessment and nobody could tell us how long is left.",
        P,
    ),
    (
        "waiting-times",
        "The waiting list for speech therapy is far too long. My son has been waiting since year "
        "3.",
        P,
    ),
    (
        "waiting-times",
        "We were told the wheelchair service wait is nine months, by which time he will have "
        "grown.",
        P,
    ),
    (
        "waiting-times",
        "The educational psychologist could not visit until the summer term, so the year was lost.",
        PRO,
    ),
    (
        "therapies",
        "Occupational therapy sessions helped with handwriting and he is proud of his work.",
        P,
    ),
    (
        "therapies",
        "Speech therapy stopped at the end of reception and the school was left with a worksheet.",
        P,
    ),
    (
        "therapies",
        "The physio showed his teaching assistant the exercises, so he now does them every day.",
        P,
    ),
    (
        "therapies",
        "We paid for private therapy because the NHS offer was six sessions and then discharge.",
        P,
    ),
    (
        "mental-health",
        "We have been waiting for CAMHS for a long time and my child is struggling.",
        P,
    ),
    (
        "mental-health",
        "The school counsellor is the only adult my daughter will talk to about how she feels.",
        P,
    ),
    (
        "mental-health",
        "CAMHS said she was not unwell enough, and school said she was too unwell to attend.",
        P,
    ),
    (
        "mental-health",
        "The mental health support team at school helped me with my panic before exams.",
        Y,
    ),
    (
        "neurodevelopmental",
        "He was turned down for an ADHD assessment because he is quiet in class.",
        P,
    ),
    (
        "neurodevelopmental",
        "After the autism diagnosis we were handed a leaflet and that was the end of it.",
        P,
    ),
    (
        "neurodevelopmental",
        "The parenting course for autistic children finally explained why mornings go wrong.",
        P,
    ),
    (
        "neurodevelopmental",
        "Girls like my daughter are missed because they copy other children so well.",
        P,
    ),
    (
        "school-support",
        "His teaching assistant really understands him and school feels calm now.",
        P,
    ),
    ("school-support", "The SENCO listened and put a quiet space in place within a week.", PRO),
    (
        "school-support",
        "Supply teachers do not read the pupil passport, so every cover lesson ends badly.",
        P,
    ),
    (
        "school-support",
        "I get a card to leave the classroom when it gets too loud and that helps a lot.",
        Y,
    ),
    (
        "exclusions-attendance",
        "My son has been on a part-time timetable of two hours a day since October.",
        P,
    ),
    (
        "exclusions-attendance",
        "School keeps sending her home early but it is never written down as an exclusion.",
        P,
    ),
    (
        "exclusions-attendance",
        "We were threatened with a fine for his attendance when the anxiety keeps him at home.",
        P,
    ),
    (
        "exclusions-attendance",
        "The outreach teacher got him back into school one lesson at a time.",
        P,
    ),
    (
        "transport",
        "The school bus does not come on time and my daughter misses the start of lessons.",
        P,
    ),
    ("transport", "Taxi to college keeps changing drivers and it makes me really anxious.", Y),
    (
        "transport",
        "There is no transport to the after-school club, so he can never stay for it.",
        P,
    ),
    (
        "transport",
        "The escort on our route knows sign language, which means my son can tell her things.",
        P,
    ),
    (
        "information-local-offer",
        "I found out about the disability living allowance from another mum, not a website.",
        P,
    ),
    (
        "information-local-offer",
        "The family hub worker printed the short breaks form and helped me fill it in.",
        P,
    ),
    (
        "information-local-offer",
        "Every service has its own initials and nobody explains what they stand for.",
        P,
    ),
    (
        "information-local-offer",
        "A single phone number for SEND questions would save hours of being passed around.",
        P,
    ),
    (
        "transitions-post16",
        "Nobody told us what happens after year 11 or which college could meet her needs.",
        P,
    ),
    (
        "transitions-post16",
        "The supported internship at the hospital gave him his first real job.",
        P,
    ),
    (
        "transitions-post16",
        "When he turned 18 children's services stopped and adult services had not started.",
        P,
    ),
    ("transitions-post16", "I would like help to learn to get the train on my own.", Y),
    (
        "early-years",
        "The nursery spotted his speech delay early and got the health visitor involved.",
        P,
    ),
    (
        "early-years",
        "Portage visits taught me how to play with my daughter in a way that helps her.",
        P,
    ),
    (
        "early-years",
        "The nursery said it could only take him for mornings because he needs one-to-one.",
        P,
    ),
    (
        "early-years",
        "We were on the portage list for most of a year before anyone came to the house.",
        P,
    ),
    (
        "social-care-short-breaks",
        "The Saturday club is the only time my son sees friends outside school.",
        P,
    ),
    (
        "social-care-short-breaks",
        "We were assessed for short breaks in May and are still waiting for a decision.",
        P,
    ),
    (
        "social-care-short-breaks",
        "Our direct payment is agreed, but there is nobody to employ as a carer round here.",
        P,
    ),
    (
        "social-care-short-breaks",
        "The holiday scheme staff knew how to manage his seizures, so I could work.",
        P,
    ),
    (
        "being-heard",
        "I want adults to ask me what I think before they decide things about my support.",
        Y,
    ),
    (
        "being-heard",
        "At the forum the council listened and then came back to tell us what they changed.",
        P,
    ),
    ("being-heard", "They asked my mum about my college but nobody asked me.", Y),
    (
        "being-heard",
        "Parents in our village never hear about consultations until they have closed.",
        P,
    ),
]
