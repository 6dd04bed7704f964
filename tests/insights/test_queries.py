"""The explorer's one scan adds up to the per-breakdown queries it replaced, and to counts worked
out in Python from every row."""

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.insights import queries
from portal.insights.queries import Filters
from portal.reference.models import Locality
from portal.themes.models import ContributionTheme, TagState
from tests.factories import make_reference_data
from tests.surveys.helpers import statements_of
from tests.themes.helpers import theme


def _mixed(count=120):
    """Contributions with one to three themes each, confirmed or suggested, over several months and
    places."""
    make_reference_data()
    rng = random.Random(3)
    places = [None, *db.session.scalars(select(Locality.id))]
    themes = [theme(slug).id for slug in ("transport", "ehcp", "waiting-times", "therapies")]
    for n in range(count):
        item = Contribution(
            source="feedback",
            channel="online",
            text=f"item {n}",
            redacted_text=f"item {n}",
            status=rng.choice([Status.PENDING, Status.APPROVED, Status.REJECTED]),
            locality_id=rng.choice(places),
            sentiment=rng.choice(["positive", "negative", None]),
            created_at=datetime(2026, 4, 1) + timedelta(days=rng.randrange(0, 200)),
        )
        item.themes = [
            ContributionTheme(
                theme_id=t, state=rng.choice([TagState.CONFIRMED, TagState.SUGGESTED])
            )
            for t in rng.sample(themes, rng.randint(1, 3))
        ]
        db.session.add(item)
    db.session.commit()


def test_one_scan_folds_to_every_per_theme_count(app):
    _mixed()
    for filters in (
        Filters(),
        Filters(date_from=date(2026, 7, 1), date_to=date(2026, 9, 30)),
        Filters(locality_id=db.session.scalar(select(Locality.id))),
    ):
        groups = queries.groups_of(queries.scan(filters))
        assert groups  # the data has confirmed tags in every filter used here
        assert queries.fold(groups, lambda g: g[0]) == queries.confirmed_by_theme(filters)
        assert queries.fold(groups, lambda g: (g[0], g[1])) == queries.confirmed_by_theme_and(
            filters, Contribution.locality_id
        )
        assert queries.fold(groups, lambda g: (g[0], g[2])) == queries.confirmed_by_theme_and(
            filters, Contribution.sentiment
        )
        assert queries.fold(
            groups, lambda g: (g[0], g[3], g[4])
        ) == queries.confirmed_by_theme_and_month(filters)


def test_rejected_items_and_other_periods_never_count(app):
    _mixed()
    quarter = Filters(date_from=date(2026, 7, 1), date_to=date(2026, 9, 30))
    expected = {}
    for tag, item in db.session.execute(
        select(ContributionTheme, Contribution).join(
            Contribution, Contribution.id == ContributionTheme.contribution_id
        )
    ).all():
        if (
            tag.state == TagState.CONFIRMED
            and item.status != Status.REJECTED
            and datetime(2026, 7, 1) <= item.created_at < datetime(2026, 10, 1)
        ):
            expected[tag.theme_id] = expected.get(tag.theme_id, 0) + 1
    assert queries.fold(queries.groups_of(queries.scan(quarter)), lambda g: g[0]) == expected
    assert queries.confirmed_by_theme(quarter) == expected


def test_a_periods_dates_are_written_into_its_sql_so_it_is_planned_for_them(app):
    """psycopg prepares a statement run five times on a connection, and PostgreSQL then plans it
    for any parameters: the explorer's counts took twice as long on that plan. Each period's own
    statement, with its dates in the text, is planned for those dates."""
    _mixed()
    summer = Filters(date_from=date(2026, 7, 1), date_to=date(2026, 9, 30))
    spring = Filters(date_from=date(2026, 4, 1), date_to=date(2026, 6, 30))
    _, sent = statements_of(lambda: (queries.scan(summer), queries.scan(spring)))
    assert "2026-07-01" in sent[0] and "2026-10-01" in sent[0]
    assert "2026-04-01" in sent[1] and "2026-07-01" in sent[1]
    assert queries.summary_of(queries.scan(spring)) == _expected_summary(spring)


def _expected_summary(filters):
    """(total, tagged, {theme_id: suggested only}) worked out in Python from every row."""
    total = tagged = 0
    suggested = {}
    for item in db.session.scalars(select(Contribution)):
        if item.status == Status.REJECTED or (
            filters.date_from and not filters.date_from <= item.created_at.date() <= filters.date_to
        ):
            continue
        if filters.locality_id and item.locality_id != filters.locality_id:
            continue
        total += 1
        if any(tag.state == TagState.CONFIRMED for tag in item.themes):
            tagged += 1
            continue
        for tag in item.themes:
            if tag.state == TagState.SUGGESTED:
                suggested[tag.theme_id] = suggested.get(tag.theme_id, 0) + 1
    return total, tagged, suggested


def test_one_scan_gives_the_total_the_tagged_and_the_suggested_only_counts(app):
    _mixed()
    # Untagged items, and a dismissed theme, which counts neither as confirmed nor as suggested.
    for n in range(5):
        db.session.add(
            Contribution(
                source="feedback",
                channel="online",
                text=f"untagged {n}",
                redacted_text=f"untagged {n}",
                status=Status.APPROVED,
                created_at=datetime(2026, 7, 2 + n),
            )
        )
    dismissed = db.session.scalars(
        select(ContributionTheme).where(ContributionTheme.state == TagState.SUGGESTED).limit(3)
    ).all()
    for tag in dismissed:
        tag.state = TagState.DISMISSED
    db.session.commit()
    several = [
        item
        for item in db.session.scalars(select(Contribution))
        if item.status != Status.REJECTED
        and len([t for t in item.themes if t.state == TagState.SUGGESTED]) > 1
        and all(t.state != TagState.CONFIRMED for t in item.themes)
    ]
    assert several  # items counted under more than one suggested-only theme
    for filters in (
        Filters(),
        Filters(date_from=date(2026, 7, 1), date_to=date(2026, 9, 30)),
        Filters(locality_id=db.session.scalar(select(Locality.id))),
    ):
        expected = _expected_summary(filters)
        assert expected[0] > expected[1] > 0 and expected[2]
        assert queries.summary_of(queries.scan(filters)) == expected


def _quoting():
    """Approved items to quote: a theme whose newest items repeat two texts (settled only after 12
    items), one with different texts, a rare one with only old items, items with two themes and
    items sharing a time; and items never quoted (pending, flagged, suggested only)."""
    make_reference_data()
    common, varied, rare, other, also = (
        theme(slug).id
        for slug in ("transport", "ehcp", "therapies", "waiting-times", "early-years")
    )
    start = datetime(2026, 7, 1)

    def add(n, themes, text, status=Status.APPROVED, state=TagState.CONFIRMED, **fields):
        db.session.add(
            Contribution(
                source="feedback",
                channel="online",
                text=text,
                redacted_text=text,
                status=status,
                created_at=start + timedelta(days=n // 2),  # two items to each day
                themes=[ContributionTheme(theme_id=t, state=state) for t in themes],
                **fields,
            )
        )

    add(0, [rare], "rare oldest")
    add(1, [rare, varied], "rare and varied")
    add(1, [common], "common, too old to quote")
    for n in range(2, 40):
        add(n, [common], f"common {n % 2}")
        add(n, [varied] if n % 3 else [varied, also], f"varied {n}")
    add(40, [other], "pending", status=Status.PENDING)
    add(41, [other], "flagged", safeguarding_flag=True)
    add(42, [rare], "suggested", state=TagState.SUGGESTED)
    db.session.commit()


def _expected_quotes(filters, per_theme=queries.QUOTES_PER_THEME):
    """The quotes worked out in Python: each theme's newest per_theme * 4 quotable items, different
    texts only."""
    items = {}
    for tag, item in db.session.execute(
        select(ContributionTheme, Contribution).join(
            Contribution, Contribution.id == ContributionTheme.contribution_id
        )
    ):
        if (
            tag.state == TagState.CONFIRMED
            and item.status == Status.APPROVED
            and not item.safeguarding_flag
            and not item.abusive_flag
            and (not filters.date_from or item.created_at.date() >= filters.date_from)
        ):
            items.setdefault(tag.theme_id, []).append(item)
    found = {}
    for theme_id, theirs in sorted(items.items()):
        theirs.sort(key=lambda item: (item.created_at, item.id), reverse=True)
        shown = found[theme_id] = []
        for item in theirs[: per_theme * 4]:
            if len(shown) < per_theme and item.redacted_text not in shown:
                shown.append(item.redacted_text)
    return found


def test_quotes_read_newest_first_are_the_same_as_ranking_every_theme(app, monkeypatch):
    _quoting()
    for filters in (Filters(), Filters(date_from=date(2026, 7, 2), date_to=date(2026, 9, 30))):
        expected = _expected_quotes(filters)
        assert len(expected) == (3 if filters.date_from else 4)  # the rare theme is old
        assert expected[theme("transport").id] == ["common 1", "common 0"]
        for rows_first in (1, 3, 7, 20, 500):  # read everything, or leave themes unsettled
            monkeypatch.setattr(queries, "QUOTE_ROWS", rows_first)
            confirmed = [t for t, n in queries.confirmed_by_theme(filters).items() if n]
            assert queries.quotes(filters) == expected, rows_first
            assert queries.quotes(filters, themes=confirmed) == expected, rows_first
