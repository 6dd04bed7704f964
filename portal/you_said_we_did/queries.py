"""Reading published entries: the public list, decisions, the feed and the period report."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.reference.models import Locality
from portal.reference.services import active_localities
from portal.themes.models import Theme
from portal.you_said_we_did.models import (
    Entry,
    EntryEvent,
    EntryState,
    EntryStatus,
    Evidence,
    entry_localities,
    entry_themes,
)


def published_query(*, theme=None, locality=None, status=None):
    """Published entries, newest first, optionally for one theme slug, locality slug and status."""
    query = select(Entry).where(Entry.state == EntryState.PUBLISHED)
    if theme:
        query = query.where(
            Entry.id.in_(
                select(entry_themes.c.entry_id)
                .join(Theme, Theme.id == entry_themes.c.theme_id)
                .where(Theme.slug == theme)
            )
        )
    if locality:
        query = query.where(
            Entry.id.in_(
                select(entry_localities.c.entry_id)
                .join(Locality, Locality.id == entry_localities.c.locality_id)
                .where(Locality.slug == locality)
            )
        )
    if status in set(EntryStatus):
        query = query.where(Entry.status == status)
    return query.order_by(Entry.published_at.desc(), Entry.id.desc())


def evidence_counts(entry_ids):
    """{entry id: number of linked contributions that are still approved}, in one query."""
    if not entry_ids:
        return {}
    rows = db.session.execute(
        select(Evidence.entry_id, func.count(Evidence.id))
        .join(Contribution, Contribution.id == Evidence.contribution_id)
        .where(Evidence.entry_id.in_(entry_ids), Contribution.status == Status.APPROVED)
        .group_by(Evidence.entry_id)
    )
    return dict(rows.all())


def last_changed(entry_ids):
    """{entry id: when its latest public event happened} (publication or status change)."""
    if not entry_ids:
        return {}
    rows = db.session.execute(
        select(EntryEvent.entry_id, func.max(EntryEvent.created_at))
        .where(EntryEvent.entry_id.in_(entry_ids))
        .group_by(EntryEvent.entry_id)
    )
    return dict(rows.all())


def decision_entries():
    """Published entries that carry a decision record, latest decision first."""
    return db.session.scalars(
        select(Entry)
        .where(Entry.state == EntryState.PUBLISHED, Entry.decision.is_not(None))
        .order_by(Entry.decided_on.desc().nulls_last(), Entry.id.desc())
    ).all()


def filter_choices():
    """(themes, localities) used by at least one published entry, for the public filters."""
    published = select(Entry.id).where(Entry.state == EntryState.PUBLISHED)
    themes = db.session.scalars(
        select(Theme)
        .where(
            Theme.id.in_(
                select(entry_themes.c.theme_id).where(entry_themes.c.entry_id.in_(published))
            )
        )
        .order_by(Theme.label)
    ).all()
    return themes, active_localities()


def financial_year_start(today=None):
    """1 April of the financial year containing `today`."""
    today = today or date.today()
    return date(today.year if today.month >= 4 else today.year - 1, 4, 1)


def report_entries(start, end):
    """Published entries with any public event (publication or status change) from `start` to `end`
    inclusive, by title, with their evidence counts."""
    since, until = (
        datetime.combine(start, time.min),
        datetime.combine(end + timedelta(days=1), time.min),
    )
    ids = select(EntryEvent.entry_id).where(
        EntryEvent.created_at >= since, EntryEvent.created_at < until
    )
    entries = db.session.scalars(
        select(Entry)
        .where(Entry.state == EntryState.PUBLISHED, Entry.id.in_(ids))
        .order_by(Entry.title)
    ).all()
    return entries, evidence_counts([e.id for e in entries])


def staff_list(state=None):
    """Every entry for the editors' list, drafts and reviews first."""
    query = select(Entry)
    if state:
        query = query.where(Entry.state == state)
    return db.session.scalars(query.order_by(Entry.state, Entry.updated_at.desc())).all()


def count_waiting_review():
    return db.session.scalar(
        select(func.count(Entry.id)).where(Entry.state == EntryState.IN_REVIEW)
    )


def active_themes():
    return db.session.scalars(
        select(Theme).where(Theme.active.is_(True)).order_by(Theme.label)
    ).all()


def coproduction_figures():
    """{"published": n, "completed": n, "median_days": float or None}: entries published, those
    done, and the median days from a contribution to the publication of the response that uses it as
    evidence."""
    published = db.session.scalar(
        select(func.count(Entry.id)).where(Entry.state == EntryState.PUBLISHED)
    )
    completed = db.session.scalar(
        select(func.count(Entry.id)).where(
            Entry.state == EntryState.PUBLISHED, Entry.status == EntryStatus.DONE
        )
    )
    pairs = db.session.execute(
        select(Contribution.created_at, Entry.published_at)
        .join(Evidence, Evidence.contribution_id == Contribution.id)
        .join(Entry, Entry.id == Evidence.entry_id)
        .where(Entry.state == EntryState.PUBLISHED)
    ).all()
    days = sorted(
        max((published_at - created_at).total_seconds() / 86400, 0)
        for created_at, published_at in pairs
    )
    median = None
    if days:
        middle = len(days) // 2
        median = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2
    return {"published": published, "completed": completed, "median_days": median}
