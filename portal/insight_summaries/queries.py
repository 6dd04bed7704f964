"""Database reads for a month's summary: confirmed themes, "you said, we did" actions,
co-production."""

from datetime import datetime, time, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.measures.models import CoproductionActivity
from portal.themes.models import ContributionTheme, TagState, Theme
from portal.you_said_we_did.models import Entry, EntryState, EntryStatus


def _between(start, end):
    return (
        Contribution.created_at >= datetime.combine(start, time.min),
        Contribution.created_at < datetime.combine(end + timedelta(days=1), time.min),
    )


def theme_role_counts(start, end):
    """{theme slug: {author role or None: contributions}}: approved contributions in the month with
    the theme confirmed, by who said it. Each contribution has one role, so a theme's roles add up
    to its total."""
    rows = db.session.execute(
        select(Theme.slug, Contribution.author_role, func.count(func.distinct(Contribution.id)))
        .join(ContributionTheme, ContributionTheme.theme_id == Theme.id)
        .join(Contribution, Contribution.id == ContributionTheme.contribution_id)
        .where(
            ContributionTheme.state == TagState.CONFIRMED,
            Contribution.status == Status.APPROVED,
            *_between(start, end),
        )
        .group_by(Theme.slug, Contribution.author_role)
    )
    found = {}
    for slug, role, count in rows:
        found.setdefault(slug, {})[role] = count
    return found


def co_mentions(start, end):
    """{(theme slug, other theme slug): contributions in the month with both confirmed}."""
    first, second = aliased(ContributionTheme), aliased(ContributionTheme)
    one, other = aliased(Theme), aliased(Theme)
    rows = db.session.execute(
        select(one.slug, other.slug, func.count(func.distinct(Contribution.id)))
        .select_from(first)
        .join(
            second,
            (second.contribution_id == first.contribution_id) & (second.theme_id != first.theme_id),
        )
        .join(Contribution, Contribution.id == first.contribution_id)
        .join(one, one.id == first.theme_id)
        .join(other, other.id == second.theme_id)
        .where(
            first.state == TagState.CONFIRMED,
            second.state == TagState.CONFIRMED,
            Contribution.status == Status.APPROVED,
            *_between(start, end),
        )
        .group_by(one.slug, other.slug)
    )
    return {(a, b): count for a, b, count in rows}


def theme_labels():
    return dict(db.session.execute(select(Theme.slug, Theme.label)).all())


def actions(start, end):
    """Published "you said, we did" entries: due in the month, done in the month, and late by its
    end."""
    published = select(Entry).where(Entry.state == EntryState.PUBLISHED)
    open_statuses = (EntryStatus.PLANNED, EntryStatus.IN_PROGRESS)
    due = db.session.scalars(
        published.where(Entry.due_on >= start, Entry.due_on <= end).order_by(
            Entry.due_on, Entry.title
        )
    ).all()
    done = db.session.scalars(
        published.where(
            Entry.status == EntryStatus.DONE, Entry.completed_on >= start, Entry.completed_on <= end
        ).order_by(Entry.completed_on)
    ).all()
    late = db.session.scalars(
        published.where(Entry.due_on <= end, Entry.status.in_(open_statuses)).order_by(
            Entry.due_on, Entry.title
        )
    ).all()
    return due, done, late


def coproduction(start, end):
    """(activities, parent carers, young people, professionals, strategic activities) held in the
    month."""
    row = db.session.execute(
        select(
            func.count(CoproductionActivity.id),
            func.sum(CoproductionActivity.parent_carers),
            func.sum(CoproductionActivity.young_people),
            func.sum(CoproductionActivity.professionals),
            func.sum(case((CoproductionActivity.decision_level == "strategic", 1), else_=0)),
        ).where(CoproductionActivity.held_on >= start, CoproductionActivity.held_on <= end)
    ).one()
    return tuple(int(value or 0) for value in row)
