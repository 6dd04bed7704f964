"""Demo "you said, we did" entries in every status and stage, linked to approved demo contributions."""
import secrets
from datetime import date

from sqlalchemy import select

from portal.accounts.models import User, utcnow
from portal.contributions.models import Source, Status
from portal.contributions.services import submit_contribution
from portal.demo import register_demo
from portal.extensions import db
from portal.moderation.services import approve
from portal.reference.models import Locality
from portal.themes.models import Theme
from portal.you_said_we_did import services
from portal.you_said_we_did.models import Entry, EntryStatus, Subscriber

VOICES = [
    ("We waited eleven months for an assessment and nobody told us what was happening.", "shrewsbury"),
    ("Nobody phones back when you ask where the assessment has got to.", "ludlow-south"),
    ("The taxi to school changes driver every week and my son gets very anxious.", "oswestry-ellesmere"),
    ("Transport letters arrive the day before term starts.", "bridgnorth-east"),
    ("The Local Offer website is full of jargon and I could not find the short breaks page.", None),
    ("A quiet room at lunch really helps. More schools should have one.", "whitchurch-market-drayton"),
]
# (title, theme slug, locality slug, status, stage, voices used, quotes)
ENTRIES = [
    ("Tell families where their assessment has got to", "ehcp", None, EntryStatus.IN_PROGRESS,
     "published", [0, 1], [0, 1]),
    ("Keep the same taxi driver all term", "transport", "oswestry-ellesmere", EntryStatus.DONE, "published",
     [2, 3], [2]),
    ("A plain-words Local Offer", "information-local-offer", None, EntryStatus.PLANNED, "published", [4], [4]),
    ("A quiet room in every secondary school", "school-support", None, EntryStatus.NOT_POSSIBLE,
     "published", [5], [5]),
    ("Send transport letters in July", "transport", "bridgnorth-east", EntryStatus.PLANNED, "in_review", [3], []),
    ("Short breaks page in easy words", "information-local-offer", None, EntryStatus.PLANNED, "draft", [4], []),
]
YOUNG = "You told us things that were hard. We listened. We are making changes. We will tell you when it is done."


def _voices(editor):
    found = []
    localities = {loc.slug: loc for loc in db.session.scalars(select(Locality))}
    for text, locality in VOICES:
        contribution = submit_contribution(source=Source.FEEDBACK, text=text, author_role="parent_carer",
                                           locality=localities.get(locality))
        if contribution.status == Status.PENDING and not contribution.safeguarding_flag:
            approve(contribution, moderator=editor, redacted_text=contribution.redacted_text or text)
        found.append(contribution.id)
    return found


def _data(title, theme, locality, status, ids, quotes):
    data = {"title": title, "you_said": f"Families told us: {title.lower()} matters to them.",
            "we_did": "The partnership agreed an action with a named owner and a date.", "status": status,
            "owner_organisation": "council", "due_on": date(2027, 3, 31), "young_text": YOUNG, "young_title": title,
            "theme_ids": list(db.session.scalars(select(Theme.id).where(Theme.slug == theme))),
            "locality_ids": list(db.session.scalars(select(Locality.id).where(Locality.slug == locality))),
            "evidence_ids": ids, "quote_ids": quotes}
    if status == EntryStatus.NOT_POSSIBLE:
        data["not_possible_reason"] = "Some school buildings have no spare room. Schools will use a quiet corner."
    if status == EntryStatus.DONE:
        data.update(completed_on=date(2026, 9, 1), young_checked_on=date(2026, 8, 20),
                    decision="Keep one driver per route for the whole school year.",
                    options_considered="Keep rotating drivers; one driver per term; one driver per year.",
                    what_changed="Parents told us changes upset their children, so we chose one driver per year.",
                    decided_by="SEND transport panel", decided_on=date(2026, 7, 10))
    return data


@register_demo
def load_you_said_we_did_demo():
    editor = db.session.scalar(select(User).where(User.email == "editor@example.org"))
    reviewer = db.session.scalar(select(User).where(User.email == "admin@example.org"))
    if editor is None or db.session.scalar(select(Entry.id).limit(1)) is not None:
        return []
    ids = _voices(editor)
    for title, theme, locality, status, stage, used, quoted in ENTRIES:
        data = _data(title, theme, locality, status, [ids[i] for i in used], [ids[i] for i in quoted])
        first = EntryStatus.IN_PROGRESS if status == EntryStatus.DONE and stage == "published" else status
        entry = services.save_entry(editor=editor, data={**data, "status": first})
        if stage in ("published", "in_review"):
            services.request_review(entry, editor=editor)
        if stage == "published":
            services.publish(entry, editor=reviewer)
        if first != status:  # a public history with a status change after publication
            services.change_status(entry, editor=editor, status=status, note="Every route now keeps one driver.",
                                   completed_on=data["completed_on"])
    _subscribers()
    return ["\"You said, we did\": demo entries at /you-said-we-did (editors: /staff/you-said-we-did)"]


def _subscribers():
    """One confirmed and one unconfirmed demo subscriber (example.org addresses), so every page has data."""
    for email, confirmed in (("updates@example.org", True), ("pending@example.org", False)):
        db.session.add(Subscriber(email=email, theme_slugs=["transport"], locality_slugs=[],
                                  confirm_token=secrets.token_urlsafe(32), unsubscribe_token=secrets.token_urlsafe(32),
                                  confirmed_at=utcnow() if confirmed else None))
    db.session.commit()
