"""SQL for the insight explorer: every count is a GROUP BY in the database, never a loop over
rows."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import DateTime, and_, bindparam, case, extract, func, or_, select

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.safeguarding.models import Concern
from portal.themes.models import ContributionTheme as Tag
from portal.themes.models import TagState
from portal.walls.rules import quotable_filter

QUOTES_PER_THEME = 3
QUOTE_ROWS = 500  # the newest quotable rows read first (see quotes)


@dataclass(frozen=True)
class Filters:
    """What the explorer is narrowed to; None means "all". Dates are inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    survey_id: int | None = None
    channel: str | None = None
    author_role: str | None = None
    locality_id: int | None = None
    age_band: str | None = None
    cohort: str | None = None

    def between(self, date_from, date_to):
        return Filters(**{**self.__dict__, "date_from": date_from, "date_to": date_to})


def _written_in(moment):
    """A date bound written into the SQL text rather than sent as a parameter. psycopg prepares a
    statement on its fifth run on a connection, and PostgreSQL then plans it once for any
    parameters; for a period's counts that generic plan took twice as long. Written in, each
    period is planned for its own dates. The type renders the date, so nothing typed by a viewer
    reaches the SQL text."""
    return bindparam(None, moment, type_=DateTime, literal_execute=True)


def conditions(filters, model=Contribution):
    """SQL conditions on Contribution (or an alias of it) for `filters`. Rejected items (spam, off
    topic) never count."""
    found = [model.status != Status.REJECTED]
    if filters.date_from:
        found.append(model.created_at >= _written_in(datetime.combine(filters.date_from, time.min)))
    if filters.date_to:
        found.append(
            model.created_at
            < _written_in(datetime.combine(filters.date_to + timedelta(days=1), time.min))
        )
    for column, value in (
        (model.survey_id, filters.survey_id),
        (model.channel, filters.channel),
        (model.author_role, filters.author_role),
        (model.locality_id, filters.locality_id),
        (model.age_band, filters.age_band),
        (model.cohort, filters.cohort),
    ):
        if value not in (None, ""):
            found.append(column == value)
    return found


def _confirmed(filters, *columns):
    """SELECT columns, count, over confirmed tags, grouped by columns. A contribution carries a
    theme at most once (one_tag_per_theme), so per theme the count is of contributions."""
    return db.session.execute(
        select(*columns, func.count())
        .join(Contribution, Contribution.id == Tag.contribution_id)
        .where(Tag.state == TagState.CONFIRMED, *conditions(filters))
        .group_by(*columns)
    ).all()


@dataclass(frozen=True)
class ScanRow:
    """One group of `scan`: n tag rows (or untagged contributions: theme_id None), alike in every
    other field. locality_id and sentiment are given on confirmed rows only."""

    theme_id: int | None
    state: str | None
    tagged: bool  # the contribution has at least one confirmed theme
    first: bool  # the contribution's first row (its lowest theme, or no tag): counts it once
    locality_id: int | None
    sentiment: str | None
    year: int
    month: int
    n: int


def scan(filters):
    """[ScanRow] for the filters in one scan: all that summary_of and groups_of need.

    Reads the period's contributions with every tag they carry (or none), marks each row with
    whether its contribution has a confirmed theme and whether it is the contribution's first row,
    and counts rows by theme, state, those marks, month and (confirmed rows only) locality and
    sentiment. Rows no figure uses (a tagged item's other suggested or dismissed themes) are left
    out in the database.
    """
    per_item = {"partition_by": Contribution.id}
    confirmed = Tag.state == TagState.CONFIRMED
    rows = (
        select(
            Tag.theme_id,
            Tag.state,
            func.max(case((confirmed, 1), else_=0)).over(**per_item).label("tagged"),
            func.min(Tag.theme_id).over(**per_item).label("first_theme"),
            case((confirmed, Contribution.locality_id)).label("locality_id"),
            case((confirmed, Contribution.sentiment)).label("sentiment"),
            extract("year", Contribution.created_at).label("year"),
            extract("month", Contribution.created_at).label("month"),
        )
        .select_from(Contribution)
        .outerjoin(Tag, Tag.contribution_id == Contribution.id)
        .where(*conditions(filters))
        .subquery()
    )
    first = case(
        (or_(rows.c.theme_id.is_(None), rows.c.theme_id == rows.c.first_theme), 1), else_=0
    )
    keys = (
        rows.c.theme_id,
        rows.c.state,
        rows.c.tagged,
        first,
        rows.c.locality_id,
        rows.c.sentiment,
        rows.c.year,
        rows.c.month,
    )
    used = or_(
        first == 1,
        rows.c.state == TagState.CONFIRMED,
        and_(rows.c.state == TagState.SUGGESTED, rows.c.tagged == 0),
    )
    return [
        ScanRow(theme, state, bool(tagged), bool(is_first), place, feeling, int(y), int(m), n)
        for theme, state, tagged, is_first, place, feeling, y, m, n in db.session.execute(
            select(*keys, func.count()).where(used).group_by(*keys)
        )
    ]


def summary_of(rows):
    """(all contributions, those with at least one confirmed theme, {theme_id: contributions with
    NO confirmed theme at all that have this theme suggested}) from scan rows."""
    total = tagged = 0
    suggested = {}
    for row in rows:
        if row.first:
            total += row.n
            tagged += row.n if row.tagged else 0
        if row.state == TagState.SUGGESTED and not row.tagged:
            suggested[row.theme_id] = suggested.get(row.theme_id, 0) + row.n
    return total, tagged, suggested


def groups_of(rows):
    """{(theme_id, locality_id, sentiment, year, month): count} over confirmed tags, from scan rows.

    A contribution carries each theme at most once, so these counts add up to every per-theme
    figure the explorer shows (by theme, by locality, by sentiment, by month): fold them with
    `fold` instead of running one query for each.
    """
    found = {}
    for row in rows:
        if row.state == TagState.CONFIRMED:
            key = (row.theme_id, row.locality_id, row.sentiment, row.year, row.month)
            found[key] = found.get(key, 0) + row.n
    return found


def confirmed_by_theme(filters):
    """{theme_id: contributions with that theme confirmed}."""
    return {theme_id: n for theme_id, n in _confirmed(filters, Tag.theme_id)}


def confirmed_by_theme_and(filters, column):
    """{(theme_id, value of column): count} over confirmed tags, e.g.
    column=Contribution.locality_id."""
    return {
        (theme_id, value): n for theme_id, value, n in _confirmed(filters, Tag.theme_id, column)
    }


def confirmed_by_theme_and_month(filters):
    """{(theme_id, year, month): count}; the caller folds months into financial-year quarters."""
    year, month = (
        extract("year", Contribution.created_at),
        extract("month", Contribution.created_at),
    )
    return {
        (theme_id, int(y), int(m)): n
        for theme_id, y, m, n in _confirmed(filters, Tag.theme_id, year, month)
    }


def fold(groups, key):
    """Sum groups_of's counts by key(group): e.g. key=lambda g: g[0] gives {theme_id:
    count}."""
    found = {}
    for group, n in groups.items():
        found[key(group)] = found.get(key(group), 0) + n
    return found


def _quotable(filters, viewer):
    """SELECT theme_id, redacted text over confirmed tags on items that may be quoted (see
    quotes)."""
    ever_concern = select(Concern.id).where(Concern.contribution_id == Contribution.id).exists()
    return (
        select(Tag.theme_id, Contribution.redacted_text)
        .join(Contribution, Contribution.id == Tag.contribution_id)
        .where(
            Tag.state == TagState.CONFIRMED,
            Contribution.status == Status.APPROVED,
            Contribution.redacted_text.is_not(None),
            Contribution.safeguarding_flag.is_(False),
            Contribution.abusive_flag.is_(False),
            ~ever_concern,
            quotable_filter(viewer),
            *conditions(filters),
        )
    )


def quotes(filters, per_theme=QUOTES_PER_THEME, *, viewer=None, themes=None):
    """{theme_id: [redacted text, ...]} newest first: approved items only, redacted text only, never
    an item flagged for safeguarding or abuse, or one that has ever had a safeguarding concern, and
    only what `viewer` may see quoted (portal/walls: walled text needs its owner's approval to go
    outside).

    A theme's quotes are the different words among its newest per_theme * 4 items (the same words
    sent several times, a shared template or a copied post, are quoted once). Most themes are
    settled (per_theme different words found, or per_theme * 4 items read) by the newest QUOTE_ROWS
    rows of all themes together, so those are read first; only themes still unsettled are then
    ranked by the database. `themes`, when given, are all the themes that can have quotes (those
    with a confirmed item for these filters), so once they are settled nothing is left to rank.
    Either way the quotes are the same.
    """
    newest = (Contribution.created_at.desc(), Contribution.id.desc())
    query = _quotable(filters, viewer)
    rows = db.session.execute(query.order_by(*newest).limit(QUOTE_ROWS)).all()
    found, read = _pick_quotes(rows, per_theme)
    if len(rows) < QUOTE_ROWS:  # every row was read
        return dict(sorted(found.items()))
    settled = {
        t for t, shown in found.items() if len(shown) == per_theme or read[t] >= per_theme * 4
    }
    if themes is not None:
        unsettled = (set(themes) | set(found)) - settled
        if not unsettled:
            return dict(sorted(found.items()))
        query = query.where(Tag.theme_id.in_(sorted(unsettled)))
    elif settled:
        query = query.where(Tag.theme_id.not_in(sorted(settled)))
    ranked = query.add_columns(
        func.row_number().over(partition_by=Tag.theme_id, order_by=newest).label("rank")
    ).subquery()
    rest, _ = _pick_quotes(
        db.session.execute(
            select(ranked.c.theme_id, ranked.c.redacted_text)
            .where(ranked.c.rank <= per_theme * 4)
            .order_by(ranked.c.theme_id, ranked.c.rank)
        ),
        per_theme,
    )
    return dict(sorted({**found, **rest}.items()))


def _pick_quotes(rows, per_theme):
    """({theme_id: up to per_theme different texts from its first per_theme * 4 rows}, {theme_id:
    rows read}) from (theme_id, text) rows, each theme's newest first."""
    found, read = {}, {}
    for theme_id, text in rows:
        read[theme_id] = read.get(theme_id, 0) + 1
        shown = found.setdefault(theme_id, [])
        if read[theme_id] <= per_theme * 4 and len(shown) < per_theme and text not in shown:
            shown.append(text)
    return found, read


def period_counts(filters, date_from, date_to):
    """{theme_id: confirmed count} between two dates (inclusive), keeping the other filters."""
    return confirmed_by_theme(filters.between(date_from, date_to))
