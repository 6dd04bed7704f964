"""Demo walled text: insight the SENDIASS moderator logged, read only by SENDIASS (and leads on a
concern). It sits beside demo.py because it drives contributions, moderation, themes and walls."""

from sqlalchemy import select

from portal.accounts.models import User
from portal.contributions.models import Contribution
from portal.contributions.services import log_insight
from portal.extensions import db
from portal.moderation.services import approve
from portal.themes.tagging import confirm_theme
from portal.walls.services import approve_outside

# (text, families, approve it?, approve it for publication outside SENDIASS?)
TEXTS = [
    (
        (
            "Three families on our helpline this week said EHC needs assessment decision letters "
            "arrived after the six-week deadline, and two were given different dates by different "
            "officers."
        ),
        3,
        False,
        False,
    ),
    (
        (
            "Families we supported at tribunal said the Local Offer pages on sensory support do "
            "not match what the service provides."
        ),
        4,
        True,
        False,
    ),
    (
        "Parents told us the new transport appeal form is much clearer and appeals are answered "
        "faster.",
        6,
        True,
        True,
    ),
    (
        "A parent rang about mediation: the decision letter did not mention the right to "
        "mediation at all.",
        1,
        False,
        False,
    ),
    (
        "Young people we advise at college said their support stopped at 16 without a transition "
        "review.",
        5,
        True,
        False,
    ),
]


def load_walled_insight_demo():
    sendiass = db.session.scalar(select(User).where(User.email == "sendiass@example.org"))
    if sendiass is None:
        return []
    if db.session.scalar(
        select(Contribution.id)
        .where(
            Contribution.entered_by_id == sendiass.id, Contribution.owner_organisation == "sendiass"
        )
        .limit(1)
    ):
        return ["Demo walls: SENDIASS insight is in place (read it as sendiass@example.org)."]
    for text, families, approved, outside in TEXTS:
        item = log_insight(
            moderator=sendiass,
            text=text,
            channel="sendiass",
            organisation="sendiass",
            locality=None,
            families_represented=families,
            author_role="parent_carer",
        )
        for suggestion in item.suggested_themes[:1]:  # so the explorer counts (and may quote) it
            confirm_theme(item, actor=sendiass, theme_id=suggestion.theme_id)
        if approved and item.status == "pending":
            approve(item, moderator=sendiass, redacted_text=item.redacted_text or text)
            if outside:
                approve_outside(item, moderator=sendiass)
    return [
        f"Demo walls: {len(TEXTS)} SENDIASS insight entries, walled (read them as "
        "sendiass@example.org)."
    ]
