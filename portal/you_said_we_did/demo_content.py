"""Made-up "you said, we did" entries for the demo, drawn from what families in the research told
us.

Every voice is invented and anonymous. Each entry has its own "you said", its own action, owner and
dates, and a public history. Dates fall in 2025-26 and 2026-27; the voices come weeks before the
response.
"""

from datetime import date

from portal.you_said_we_did.models import EntryStatus as S

P, Y, PRO = "parent_carer", "young_person", "professional"

# Each entry: stage (draft, in_review or published), the status it is published with and its later
# changes as (date, status, note), and voices as (text, role, locality slug, date said). The first
# `quotes` voices are quoted in public.
ENTRIES = [
    {
        "title": "Tell families where their EHC needs assessment has got to",
        "young_title": "Telling you how your plan is going",
        "themes": ["ehcp", "communication"],
        "localities": [],
        "owner": "council",
        "stage": "published",
        "published_on": date(2025, 6, 18),
        "status": S.PLANNED,
        "due_on": date(2027, 1, 29),
        "history": [
            (
                date(2025, 10, 6),
                S.IN_PROGRESS,
                "Stage texts started for every new assessment on "
                "6 October 2025. Assessments that began earlier are being added by hand.",
            )
        ],
        "you_said": "Parents waiting for an EHC needs assessment told us they hear nothing for "
        "weeks at a time and have to chase the SEND team to find out which stage their child has "
        "reached. Several only learned that the 20-week deadline had passed when they rang to ask.",
        "we_did": "Every family in an assessment now gets a text and an email at each of the six "
        "stages, with the date the next step is due. If a step is going to be late, the "
        "caseworker rings the family before the deadline, says why and gives a new date.",
        "young_text": "Some families wait a long time for a plan. They did not know what was going "
        "on. Now we send a text at each step. If we are late, we phone and say why.",
        "voices": [
            (
                "We applied in March and by July nobody could tell me if the psychologist had "
                "even been booked.",
                P,
                "shrewsbury",
                date(2025, 5, 2),
            ),
            (
                "I only found out the 20 weeks were up because I rang them. Nobody rang me.",
                P,
                "ludlow-south",
                date(2025, 4, 14),
            ),
            (
                "The caseworker is kind but has far too many children on her list, and families "
                "can tell.",
                PRO,
                "bridgnorth-east",
                date(2025, 5, 20),
            ),
        ],
        "quotes": 2,
    },
    {
        "title": "A reply to every email within five working days",
        "young_title": "We will answer your emails fast",
        "themes": ["communication"],
        "localities": [],
        "owner": "council",
        "stage": "published",
        "published_on": date(2025, 9, 10),
        "status": S.PLANNED,
        "due_on": date(2026, 3, 31),
        "history": [
            (
                date(2025, 11, 3),
                S.IN_PROGRESS,
                "The shared SEND inbox went live on 3 November 2025.",
            ),
            (
                date(2026, 2, 27),
                S.DONE,
                "In February 2026, 88% of emails had a reply within five "
                "working days, up from 41% in September 2025. We publish the figure every month.",
            ),
        ],
        "completed_on": date(2026, 2, 27),
        "you_said": "Families told us that emails to the SEND team often go unanswered and that "
        "phone calls end in voicemail. Parents whose children were out of school said the silence "
        "was the hardest part.",
        "we_did": "The SEND team now replies to every email within five working days, even if the "
        "reply only says who is dealing with it. A shared inbox replaced personal inboxes, so "
        "messages are no longer lost when a caseworker is away.",
        "young_text": "People wrote to us and did not get an answer. That was not fair. Now we "
        "answer in five working days. We check this every month.",
        "voices": [
            (
                "I sent four emails about my daughter's school place and the only reply was an "
                "out-of-office.",
                P,
                "oswestry-ellesmere",
                date(2025, 7, 8),
            ),
            (
                "Even a two-line reply saying you have not forgotten us would help.",
                P,
                "whitchurch-market-drayton",
                date(2025, 6, 30),
            ),
            (
                "When I finally got through on the phone the person was lovely, but it took "
                "eleven tries.",
                P,
                "bridgnorth-east",
                date(2025, 8, 4),
            ),
        ],
        "quotes": 3,
    },
    {
        "title": "Help while you wait for an autism or ADHD assessment",
        "young_title": "Help while you wait to see a doctor",
        "themes": ["neurodevelopmental", "waiting-times"],
        "localities": [],
        "owner": "icb",
        "stage": "published",
        "published_on": date(2026, 1, 21),
        "status": S.PLANNED,
        "due_on": date(2027, 3, 31),
        "history": [
            (
                date(2026, 5, 12),
                S.IN_PROGRESS,
                "The first 'waiting well' workshop ran in Shrewsbury on "
                "12 May 2026; the next ones are in Oswestry and Ludlow.",
            )
        ],
        "you_said": "Parents said the wait for an autism or ADHD assessment is well over a year "
        "and that nobody offers help in the meantime. Schools told us some children mask their "
        "difficulties at school, so they are not referred at all.",
        "we_did": "The NHS is funding a 'waiting well' offer: a named contact for each family on "
        "the list, six evening workshops a year run with the Parent Carer Forum, and sleep and "
        "behaviour advice that does not need a diagnosis. Families on the list get a letter every "
        "three months saying how long the wait is likely to be.",
        "young_text": "Some young people wait a long time to see a doctor about autism or ADHD. "
        "You said there was no help while you wait. Now there are groups and a person to call. "
        "You do not need a diagnosis to get help.",
        "voices": [
            (
                "We have been on the autism list for 19 months and the only letter we got said we "
                "are still on it.",
                P,
                "ludlow-south",
                date(2025, 11, 3),
            ),
            (
                "She holds it together all day at school and falls apart the moment she gets in "
                "the car.",
                P,
                "shrewsbury",
                date(2025, 10, 15),
            ),
            (
                "I am waiting to find out if I have ADHD and nobody tells me how long it will "
                "take.",
                Y,
                "oswestry-ellesmere",
                date(2025, 12, 1),
            ),
        ],
        "quotes": 3,
    },
    {
        "title": "The same driver and escort for the whole school year",
        "young_title": "The same taxi driver all year",
        "themes": ["transport"],
        "localities": ["oswestry-ellesmere"],
        "owner": "council",
        "stage": "published",
        "published_on": date(2026, 5, 20),
        "status": S.IN_PROGRESS,
        "due_on": date(2026, 9, 1),
        "history": [
            (
                date(2026, 9, 1),
                S.DONE,
                "Every route in Oswestry and Ellesmere now keeps one driver "
                "and one escort for the year.",
            )
        ],
        "completed_on": date(2026, 9, 1),
        "young_checked_on": date(2026, 8, 20),
        "decision": "Keep one driver and one escort on each route for the whole school year.",
        "options_considered": "Rotate drivers weekly, as before; one driver per term; one driver "
        "per school year.",
        "what_changed": "Parents told us each change upset their children, so we chose one driver "
        "per year, even though cover for sickness costs more.",
        "decided_by": "SEND transport panel",
        "decided_on": date(2026, 7, 10),
        "you_said": "Families in the north-west of the county said taxi drivers and escorts "
        "changed from week to week. Children who rely on routine arrived at school upset, and "
        "some refused to get in the car.",
        "we_did": "From September 2026 each route in Oswestry and Ellesmere keeps one driver and "
        "one escort for the school year. Families get a photo of their driver before the first "
        "journey and a phone call if the driver is off sick.",
        "young_text": "You said new drivers every week made you worried. Now you keep the same "
        "driver all year. You get a photo of your driver before term starts.",
        "voices": [
            (
                "My son has had seven different drivers since Easter and now he screams at the "
                "front door.",
                P,
                "oswestry-ellesmere",
                date(2026, 4, 9),
            ),
            (
                "The escort is the only one who knows how to calm him, and she keeps being moved "
                "to other routes.",
                P,
                "oswestry-ellesmere",
                date(2026, 3, 16),
            ),
            (
                "I like it when it is the same driver because he knows I like the radio off.",
                Y,
                "oswestry-ellesmere",
                date(2026, 4, 28),
            ),
        ],
        "quotes": 3,
    },
    {
        "title": "School transport decisions before the summer holidays",
        "young_title": "Hear about your taxi before the summer",
        "themes": ["transport"],
        "localities": ["bridgnorth-east", "whitchurch-market-drayton"],
        "owner": "council",
        "stage": "published",
        "published_on": date(2026, 10, 14),
        "status": S.PLANNED,
        "due_on": date(2027, 7, 16),
        "history": [],
        "you_said": "Parents in rural areas said transport decisions arrive in the last week of "
        "August, or after term has started, so they cannot plan work or prepare their child for "
        "the journey. Some drove 40 miles a day while they waited.",
        "we_did": "For September 2027, transport applications close on 31 March and every family "
        "will have a decision, a route and a pick-up time by 16 July. Any decision still "
        "outstanding in August will be reported to the SEND board every week.",
        "young_text": "You said you found out about your taxi too late. Next year we will tell you "
        "before the summer holiday. You will know your pick-up time.",
        "voices": [
            (
                "The letter saying which taxi firm would take her came the day before term "
                "started.",
                P,
                "bridgnorth-east",
                date(2026, 9, 8),
            ),
            (
                "We live eleven miles from the school with no bus, so I gave up my job for the "
                "autumn term.",
                P,
                "whitchurch-market-drayton",
                date(2026, 9, 2),
            ),
        ],
        "quotes": 2,
    },
    {
        "title": "Agree college places a year earlier",
        "young_title": "Plan for college sooner",
        "themes": ["transitions-post16"],
        "localities": [],
        "owner": "council",
        "stage": "published",
        "published_on": date(2026, 6, 24),
        "status": S.PLANNED,
        "due_on": date(2027, 2, 26),
        "history": [],
        "you_said": "Young people and parents said nobody talks about life after Year 11 until the "
        "spring of Year 11, and by then the college course that could meet their needs is full. "
        "Part-time and supported courses are hard to find.",
        "we_did": "Preparing for adulthood reviews will start in Year 9, and every young person "
        "with an EHCP will have a college or training place agreed by the October half term of "
        "Year 11. Colleges will list their supported internships and part-time courses on the "
        "Local Offer by February 2027.",
        "young_text": "You said you did not know what to do after Year 11. We will talk with you "
        "about it from Year 9. You will know your college place by October of Year 11.",
        "voices": [
            (
                "It was February of Year 11 before anyone mentioned college, and by then his "
                "course was full.",
                P,
                "shrewsbury",
                date(2026, 4, 22),
            ),
            (
                "I want to work with animals but nobody has told me how to get there.",
                Y,
                "whitchurch-market-drayton",
                date(2026, 5, 6),
            ),
            (
                "Full-time college is too much for her, but three days a week does not seem to "
                "exist.",
                P,
                "ludlow-south",
                date(2026, 3, 30),
            ),
        ],
        "quotes": 3,
    },
    {
        "title": "Overnight short breaks in the south of the county",
        "young_title": "Short breaks away from home near Ludlow",
        "themes": ["social-care-short-breaks"],
        "localities": ["ludlow-south"],
        "owner": "council",
        "stage": "published",
        "published_on": date(2026, 3, 11),
        "status": S.PLANNED,
        "due_on": date(2026, 12, 18),
        "history": [
            (
                date(2026, 8, 26),
                S.NOT_POSSIBLE,
                "We asked every registered provider; none can open before 2028.",
            )
        ],
        "not_possible_reason": "No registered provider can run overnight care in the south of the "
        "county before 2028, and a new unit is beyond this year's budget. Instead, families in "
        "Ludlow and the South get extra day and evening sessions in Ludlow, and we pay travel to "
        "the overnight service in Shrewsbury.",
        "you_said": "Families in the south of the county said the nearest overnight short break is "
        "more than an hour's drive away, so many do not use it. Some parents told us they had not "
        "had a full night's sleep in years.",
        "we_did": "We asked every registered care provider in the county, and two across the "
        "border, whether they could run overnight breaks near Ludlow, and talked with twelve "
        "families about what would help in the meantime.",
        "young_text": "You asked for overnight breaks near Ludlow. We tried, but we cannot do it "
        "yet. There are more day and evening sessions in Ludlow instead.",
        "voices": [
            (
                "The overnight unit is 50 minutes away and my son will not go that far without me.",
                P,
                "ludlow-south",
                date(2026, 1, 19),
            ),
            (
                "A short break means I can spend a whole afternoon with my other child for once.",
                P,
                "ludlow-south",
                date(2026, 2, 2),
            ),
        ],
        "quotes": 2,
    },
    {
        "title": "A Local Offer website that works on a phone",
        "young_title": "A website that works on your phone",
        "themes": ["information-local-offer"],
        "localities": [],
        "owner": "council",
        "stage": "published",
        "published_on": date(2025, 8, 13),
        "status": S.PLANNED,
        "due_on": date(2026, 4, 30),
        "history": [
            (
                date(2025, 11, 20),
                S.IN_PROGRESS,
                "Fourteen parents are testing the new pages with the Parent Carer Forum.",
            ),
            (date(2026, 4, 30), S.DONE, "The new Local Offer went live on 30 April 2026."),
        ],
        "completed_on": date(2026, 4, 30),
        "you_said": "Parents said the Local Offer website is hard to use on a phone, its pages are "
        "out of date and it is full of acronyms. Several only found out about a service after "
        "their child had outgrown it.",
        "we_did": "The Local Offer was rebuilt with the Parent Carer Forum. It works on a phone, "
        "every page shows when it was last checked, acronyms are spelled out, and searching for "
        "short breaks, transport or EHCP goes straight to the right page.",
        "young_text": "You said the website was hard to use. We made a new one with parents. It "
        "works on a phone. It uses easier words.",
        "voices": [
            (
                "I found out about portage the month after my son turned five, which was too late "
                "for us.",
                P,
                "whitchurch-market-drayton",
                date(2025, 6, 11),
            ),
            (
                "Half the phone numbers on the Local Offer rang out or went to the wrong team.",
                P,
                "bridgnorth-east",
                date(2025, 7, 1),
            ),
            (
                "Every page was a PDF full of initials I did not know.",
                P,
                "shrewsbury",
                date(2025, 5, 27),
            ),
        ],
        "quotes": 3,
    },
    {
        "title": "Young people on interview panels for SEND staff",
        "young_title": "You help choose new staff",
        "themes": ["being-heard"],
        "localities": [],
        "owner": "council",
        "stage": "published",
        "published_on": date(2026, 7, 8),
        "status": S.IN_PROGRESS,
        "due_on": date(2027, 2, 12),
        "history": [],
        "young_checked_on": date(2026, 7, 1),
        "you_said": "Young people told us that in reviews and meetings adults talk about them, or "
        "to their parents, but not to them. They want a say in who works with them.",
        "we_did": "Two members of the young people's forum now sit on every interview panel for "
        "SEND caseworkers and managers, with training and a voucher for their time. Annual "
        "reviews start with a page written or recorded by the young person.",
        "young_text": "You said adults did not talk to you. Now young people help choose new SEND "
        "staff. Your review starts with your own page.",
        "voices": [
            (
                "In my review they talked to my mum the whole time like I was not in the room.",
                Y,
                "shrewsbury",
                date(2026, 5, 14),
            ),
            (
                "I want to choose who helps me, or at least meet them first.",
                Y,
                "bridgnorth-east",
                date(2026, 6, 3),
            ),
        ],
        "quotes": 2,
    },
    {
        "title": "Free bus passes for college students with an EHCP",
        "young_title": "Free bus to college",
        "themes": ["transport", "transitions-post16"],
        "localities": [],
        "owner": "council",
        "stage": "in_review",
        "status": S.PLANNED,
        "due_on": date(2027, 9, 1),
        "you_said": "Students aged 16 to 19 said that once they leave school they lose free "
        "transport, and the bus to college costs more than they can pay.",
        "we_did": "We will offer a free bus pass from September 2027 to every student aged 16 to "
        "19 with an EHCP who lives more than three miles from their college.",
        "young_text": "You said the bus to college costs too much. We want to give you a free bus "
        "pass. We are checking the plan first.",
        "voices": [
            (
                "The bus to college costs me nine pounds a day and I do not get paid.",
                Y,
                "whitchurch-market-drayton",
                date(2026, 10, 5),
            )
        ],
        "quotes": 1,
    },
    {
        "title": "Annual review letters in plain words",
        "young_title": "Letters that are easy to read",
        "themes": ["ehcp"],
        "localities": [],
        "owner": "pcf",
        "stage": "returned",
        "status": S.PLANNED,
        "due_on": date(2027, 4, 30),
        "review_note": "Add the date the Forum will see the new letters.",
        "you_said": "Parents said annual review paperwork is full of jargon, and they cannot tell "
        "what has changed in their child's plan.",
        "we_did": "The Parent Carer Forum and the SEND team will rewrite the annual review letters "
        "and forms, with a one-page summary of what has changed, by April 2027.",
        "young_text": "You said review letters are hard to read. We will make them short and "
        "clear.",
        "voices": [
            (
                "The annual review paperwork ran to 40 pages and I still could not see what had "
                "changed.",
                P,
                "oswestry-ellesmere",
                date(2026, 10, 21),
            )
        ],
        "quotes": 1,
    },
    {
        "title": "Portage home visits for every family who needs them",
        "young_title": "Help at home for young children",
        "themes": ["early-years"],
        "localities": [],
        "owner": "council",
        "stage": "draft",
        "status": S.PLANNED,
        "due_on": date(2027, 6, 30),
        "you_said": "Parents of babies and toddlers said portage home visits are only offered in "
        "some areas and the wait for a first visit is long.",
        "we_did": "We will work out what it would cost to offer portage across the whole county "
        "and take a plan to the SEND board by June 2027.",
        "young_text": "Some young children need help at home. We will look at giving it to every "
        "family who needs it.",
        "voices": [
            (
                "Portage was wonderful when it came, but we waited ten months for the first visit.",
                P,
                "bridgnorth-east",
                date(2026, 11, 2),
            )
        ],
        "quotes": 0,
    },
]
