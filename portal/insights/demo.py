"""Demo contributions with confirmed and suggested themes, so the insight explorer has something to show."""
from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User, utcnow
from portal.contributions.models import Contribution, Status
from portal.demo import register_demo
from portal.extensions import db
from portal.reference.models import Locality
from portal.text.analysis import analyse
from portal.themes.models import ContributionTheme, TagState
from portal.themes.services import active_taxonomy

DEMO_KEY = "demo_insight"
# (theme staff confirm, text, who said it). Each text is analysed once; the analyser's suggestions are stored.
TEXTS = [
    ("waiting-times", "We waited 14 months for an autism assessment and nobody could tell us how long is left.",
     "parent_carer"),
    ("waiting-times", "The waiting list for speech therapy is far too long. My son has been waiting since year 3.",
     "parent_carer"),
    ("ehcp", "The EHC plan took over a year and the final plan still does not say what support he gets.",
     "parent_carer"),
    ("ehcp", "Our annual review was cancelled twice and the plan has not been updated for two years.",
     "parent_carer"),
    ("communication", "Nobody rang us back. We chased the caseworker by email for weeks and heard nothing.",
     "parent_carer"),
    ("communication", "Our new caseworker called every fortnight and kept us updated. It made a real difference.",
     "parent_carer"),
    ("transport", "The school bus does not come on time and my daughter misses the start of lessons.",
     "parent_carer"),
    ("transport", "Taxi to college keeps changing drivers and it makes me really anxious.", "young_person"),
    ("school-support", "His teaching assistant really understands him and school feels calm now.",
     "parent_carer"),
    ("school-support", "The SENCO listened and put a quiet space in place within a week.", "professional"),
    ("mental-health", "We have been waiting for CAMHS for a long time and my child is struggling.",
     "parent_carer"),
    ("therapies", "Occupational therapy sessions helped with handwriting and he is proud of his work.",
     "parent_carer"),
    ("being-heard", "I want adults to ask me what I think before they decide things about my support.",
     "young_person"),
    ("transitions-post16", "Nobody told us what happens after year 11 or which college could meet her needs.",
     "parent_carer"),
]
AGE_BANDS = ["0-4", "5-10", "11-15", "16-18", "19-25"]
COHORTS = ["ehcp", "sen_support", "awaiting_assessment", "no_plan", "dont_know"]
CHANNELS = [("survey", "online"), ("feedback", "online"), ("insight", "sendiass"), ("survey", "paper"),
            ("insight", "pcf"), ("survey", "event")]
COUNT = 336


def _contribution(index, text, role, analysis, localities, now):
    source, channel = CHANNELS[index % len(CHANNELS)]
    # Transport is recent (an emerging theme); everything else spreads over about 15 months.
    days_ago = (index * 3) % 80 if "bus" in text or "Taxi" in text else (index * 37) % 450
    return Contribution(
        source=source, channel=channel, text=text, redacted_text=analysis.redacted, author_role=role,
        locality_id=localities[(index // 2) % len(localities)].id if index % 9 else None,
        age_band=AGE_BANDS[index % len(AGE_BANDS)], cohort=COHORTS[(index // 2) % len(COHORTS)],
        question_key=DEMO_KEY, families_represented=3 if source == "insight" else None,
        organisation=channel if source == "insight" else None, created_at=now - timedelta(days=days_ago),
        sentiment=analysis.sentiment, polarity=analysis.polarity, analysed_at=now)


@register_demo
def load_insight_demo():
    if db.session.scalar(select(Contribution.id).where(Contribution.question_key == DEMO_KEY).limit(1)):
        return ["Demo insight: contributions with themes are in place (/staff/insights)."]
    taxonomy, themes = active_taxonomy()
    localities = db.session.scalars(select(Locality).order_by(Locality.position, Locality.id)).all()
    editor = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    analysed = [analyse(text, author_role=role, taxonomy=taxonomy) for _, text, role in TEXTS]
    now = utcnow()
    for index in range(COUNT):
        slug, text, role = TEXTS[index % len(TEXTS)]
        analysis = analysed[index % len(TEXTS)]
        contribution = _contribution(index, text, role, analysis, localities, now)
        if index % 3:  # two in three approved, so quotes can show
            contribution.status, contribution.moderated_at = Status.APPROVED, now
        tags = {themes[s].id: ContributionTheme(theme_id=themes[s].id, state=TagState.SUGGESTED, score=score)
                for s, score in analysis.themes if s in themes}
        if index % 5 and slug in themes:  # four in five have a confirmed theme; the rest only suggestions
            tag = tags.setdefault(themes[slug].id, ContributionTheme(theme_id=themes[slug].id))
            tag.state, tag.tagged_by_id = TagState.CONFIRMED, getattr(editor, "id", None)
        contribution.themes = list(tags.values())
        db.session.add(contribution)
    db.session.commit()
    return [f"Demo insight: {COUNT} contributions with confirmed and suggested themes (/staff/insights)."]
