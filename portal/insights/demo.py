"""Demo contributions with confirmed and suggested themes, so the insight explorer has something to
show."""

import random
from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import User
from portal.clock import utcnow
from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.insights.demo_text import TEXTS
from portal.reference.models import Locality
from portal.text.analysis import analyse
from portal.themes.models import ContributionTheme, TagState
from portal.themes.services import active_taxonomy

DEMO_KEY = "demo_insight"
AGE_BANDS = ["0-4", "5-10", "11-15", "16-18", "19-25"]
COHORTS = ["ehcp", "sen_support", "awaiting_assessment", "no_plan", "dont_know"]
CHANNELS = [
    ("survey", "online"),
    ("feedback", "online"),
    ("insight", "sendiass"),
    ("survey", "paper"),
    ("insight", "pcf"),
    ("survey", "event"),
]
COUNT = 336


def _days_ago(index, slug, rng):
    """Each text's newest use comes first (so the newest quotes are all different), then repeats go
    back in time. Transport is recent (an emerging theme); everything else spreads over about 15
    months."""
    repeat, position = divmod(index, len(TEXTS))
    if slug == "transport":
        return repeat * 12 + position % 12
    return repeat * 75 + rng.randrange(0, 70)


def _contribution(index, text, role, analysis, localities, now, days_ago):
    source, channel = CHANNELS[index % len(CHANNELS)]
    return Contribution(
        source=source,
        channel=channel,
        text=text,
        redacted_text=analysis.redacted,
        author_role=role,
        locality_id=localities[(index // 2) % len(localities)].id if index % 9 else None,
        age_band=AGE_BANDS[index % len(AGE_BANDS)],
        cohort=COHORTS[(index // 2) % len(COHORTS)],
        question_key=DEMO_KEY,
        families_represented=3 if source == "insight" else None,
        organisation=channel if source == "insight" else None,
        created_at=now - timedelta(days=days_ago),
        sentiment=analysis.sentiment,
        polarity=analysis.polarity,
        analysed_at=now,
    )


def load_insight_demo():
    if db.session.scalar(
        select(Contribution.id).where(Contribution.question_key == DEMO_KEY).limit(1)
    ):
        return ["Demo insight: contributions with themes are in place (/staff/insights)."]
    taxonomy, themes = active_taxonomy()
    localities = db.session.scalars(select(Locality).order_by(Locality.position, Locality.id)).all()
    editor = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    analysed = [analyse(text, author_role=role, taxonomy=taxonomy) for _, text, role in TEXTS]
    now, rng = utcnow(), random.Random(15)
    for index in range(COUNT):
        slug, text, role = TEXTS[index % len(TEXTS)]
        analysis = analysed[index % len(TEXTS)]
        days_ago = _days_ago(index, slug, rng)
        contribution = _contribution(index, text, role, analysis, localities, now, days_ago)
        first = index < len(
            TEXTS
        )  # each text's newest use: approved and confirmed, so it can be quoted
        if first or index % 3:  # two in three approved, so quotes can show
            contribution.status = Status.APPROVED
            contribution.moderated_at = now - timedelta(days=max(days_ago - rng.randrange(1, 8), 0))
        tags = {
            themes[s].id: ContributionTheme(
                theme_id=themes[s].id, state=TagState.SUGGESTED, score=score
            )
            for s, score in analysis.themes
            if s in themes
        }
        if (
            first or index % 5
        ) and slug in themes:  # four in five have a confirmed theme; the rest only suggestions
            tag = tags.setdefault(themes[slug].id, ContributionTheme(theme_id=themes[slug].id))
            tag.state, tag.tagged_by_id = TagState.CONFIRMED, getattr(editor, "id", None)
        contribution.themes = list(tags.values())
        db.session.add(contribution)
    db.session.commit()
    return [
        f"Demo insight: {COUNT} contributions with confirmed and suggested themes "
        "(/staff/insights)."
    ]
