"""Turns the explorer's SQL counts into tables a viewer may see, with small numbers suppressed."""

from dataclasses import dataclass
from datetime import date, timedelta

from portal.insights import queries
from portal.metrics.calculations import Cell, financial_quarter, suppress
from portal.metrics.disclosure import protect_breakdown

SENTIMENTS = [
    ("positive", "Positive"),
    ("mixed", "Mixed"),
    ("neutral", "Neutral"),
    ("negative", "Negative"),
    (None, "Not known"),
]
DEFAULT_EMERGING_DAYS = 91
EMERGING_GROWTH = 1.5  # at least half as many again as the previous period


@dataclass(frozen=True)
class ThemeRow:
    theme: object
    confirmed: object  # CellResult
    suggested_only: object
    cells: list  # CellResults for a breakdown, in column order


def _count_cells(pairs, threshold, total_shown, protected=False):
    """[(key, label, n)] -> CellResults (counts only: favourable is not used); protected: rounded to
    5 after suppression and the audit (portal.metrics.disclosure)."""
    cells = [Cell(str(key), label, 0, int(n)) for key, label, n in pairs]
    return (
        protect_breakdown(cells, threshold, total_shown)
        if protected
        else suppress(cells, threshold, total_shown)
    )


def theme_table(themes, confirmed, suggested, threshold, protected=False):
    """One row per theme with any contribution (or active): confirmed and suggested-only counts.

    Themes overlap (one contribution can have several), so their counts are not a breakdown of a
    shown total: only primary suppression applies. Shown rows are sorted by size, hidden ones by
    label.
    """
    themes = [t for t in themes if t.active or confirmed.get(t.id) or suggested.get(t.id)]
    shown_confirmed = _count_cells(
        [(t.id, t.label, confirmed.get(t.id, 0)) for t in themes], threshold, False, protected
    )
    shown_suggested = _count_cells(
        [(t.id, t.label, suggested.get(t.id, 0)) for t in themes], threshold, False, protected
    )
    rows = [
        ThemeRow(t, c, s, [])
        for t, c, s in zip(themes, shown_confirmed, shown_suggested, strict=True)
    ]
    return sorted(rows, key=lambda r: (r.confirmed.n is None, -(r.confirmed.n or 0), r.theme.label))


def summary_cells(total, tagged, threshold, protected=False):
    """(total, [tagged, untagged]) where tagged + untagged = total is shown, so hide in pairs."""
    total_cell = _count_cells([("total", "All contributions", total)], threshold, False, protected)[
        0
    ]
    parts = _count_cells(
        [
            ("tagged", "With a confirmed theme", tagged),
            ("untagged", "No confirmed theme yet", total - tagged),
        ],
        threshold,
        True,
        protected,
    )
    return total_cell, parts


def breakdown_rows(rows, counts, columns, threshold, protected=False):
    """Rows of a theme x column table from {(theme_id, key): n}; each row is a breakdown whose total
    (the theme's confirmed count) is shown, so complementary suppression applies within the row."""
    built = []
    for row in rows:
        if not row.confirmed.n and row.confirmed.reason != "small":
            continue
        pairs = [
            (key if key is not None else "none", label, counts.get((row.theme.id, key), 0))
            for key, label in columns
        ]
        built.append(
            ThemeRow(
                row.theme,
                row.confirmed,
                row.suggested_only,
                _count_cells(pairs, threshold, True, protected),
            )
        )
    return built


def quarter_counts(month_counts):
    """{(theme_id, year, month): n} -> ({(theme_id, quarter label): n}, quarter labels in order)."""
    folded, labels = {}, set()
    for (theme_id, year, month), n in month_counts.items():
        label = " ".join(financial_quarter(date(year, month, 1)))
        labels.add(label)
        folded[(theme_id, label)] = folded.get((theme_id, label), 0) + n
    return folded, sorted(labels)


def emerging_periods(filters, today, protected=False):
    """(current from, current to, previous from, previous to): the chosen period (or the last 91
    days) against the period of the same length just before it. Protected: the period's last quarter
    against the quarter before it (filters.date_to is then always the end of a closed quarter)."""
    if protected:
        end = filters.date_to
        start = date(end.year, end.month - 2, 1)
        previous_end = start - timedelta(days=1)
        return start, end, date(previous_end.year, previous_end.month - 2, 1), previous_end
    end = filters.date_to or today
    start = filters.date_from or end - timedelta(days=DEFAULT_EMERGING_DAYS - 1)
    length = (end - start).days + 1
    return start, end, start - timedelta(days=length), start - timedelta(days=1)


def emerging_rows(themes, current, previous, threshold, protected=False):
    """[(theme, current cell, previous cell, growth or None, emerging?)] largest current first.

    Growth is shown only when both counts may be shown. A theme is emerging when its current count
    may be shown and it is at least 1.5 times the previous one (or the previous one is small).
    """
    cur = _count_cells(
        [(t.id, t.label, current.get(t.id, 0)) for t in themes], threshold, False, protected
    )
    prev = _count_cells(
        [(t.id, t.label, previous.get(t.id, 0)) for t in themes], threshold, False, protected
    )
    rows = []
    for theme, now, before in zip(themes, cur, prev, strict=True):
        if (
            now.n is None
            and before.n is None
            and now.reason == "no data"
            and before.reason == "no data"
        ):
            continue
        growth = (now.n - before.n) / before.n if now.n is not None and before.n else None
        emerging = now.n is not None and (before.n is None or now.n >= EMERGING_GROWTH * before.n)
        rows.append((theme, now, before, growth, emerging))
    return sorted(rows, key=lambda r: (not r[4], r[1].n is None, -(r[1].n or 0), r[0].label))


def explore(filters, *, themes, localities, threshold, today, viewer=None, protected=False):
    """Everything the explorer page shows to `viewer`, as plain data. Runs a fixed number of GROUP
    BY queries: the totals and the per-theme counts, by locality, sentiment and month, all come
    from one (queries.scan)."""
    scanned = queries.scan(filters)
    total, tagged, suggested_only = queries.summary_of(scanned)
    groups = queries.groups_of(scanned)
    start, end, prev_start, prev_end = emerging_periods(filters, today, protected)
    previous = queries.period_counts(filters, prev_start, prev_end)
    confirmed = queries.fold(groups, lambda g: g[0])
    rows = theme_table(themes, confirmed, suggested_only, threshold, protected)
    locality_columns = [(loc.id, loc.name) for loc in localities] + [(None, "Not given")]
    by_quarter, quarters = quarter_counts(queries.fold(groups, lambda g: (g[0], g[3], g[4])))
    current = (
        confirmed
        if (start, end) == (filters.date_from, filters.date_to)
        else queries.period_counts(filters, start, end)
    )
    return {
        "total": summary_cells(total, tagged, threshold, protected),
        "rows": rows,
        "localities": locality_columns,
        "by_locality": breakdown_rows(
            rows,
            queries.fold(groups, lambda g: (g[0], g[1])),
            locality_columns,
            threshold,
            protected,
        ),
        "sentiments": SENTIMENTS,
        "by_sentiment": breakdown_rows(
            rows, queries.fold(groups, lambda g: (g[0], g[2])), SENTIMENTS, threshold, protected
        ),
        "quarters": quarters,
        "by_quarter": breakdown_rows(
            rows, by_quarter, [(q, q) for q in quarters], threshold, protected
        ),
        "quotes": queries.quotes(
            filters, viewer=viewer, themes=[t for t, n in confirmed.items() if n]
        ),
        "emerging_period": (start, end, prev_start, prev_end),
        "emerging": emerging_rows([r.theme for r in rows], current, previous, threshold, protected),
        "max_confirmed": max([r.confirmed.n or 0 for r in rows] + [1]),
    }
