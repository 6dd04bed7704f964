"""What the portal's own data say about one month, with every count protected before it is stored.

The facts are worked out once, when a summary is drafted, and kept with it (a published summary
never changes). Every count goes through portal.metrics.disclosure: counts under the threshold are
hidden, the rest rounded to 5, and "rose" or "fell" is only said when the published figures prove
it.
"""

from datetime import date

from portal.insight_summaries import queries
from portal.insight_summaries.months import month_end, previous_month, quarter_months
from portal.measures import queries as measure_queries
from portal.measures.results import measure_result
from portal.measures.services import list_measures
from portal.metrics.calculations import Cell, change_verdict, newcombe_difference
from portal.metrics.disclosure import BASE, protect_breakdown, published_count
from portal.metrics.suppression import SMALL

#: A count hidden although it is not small: showing it would let a small count elsewhere be worked
# out.
WITHHELD = "withheld"

ROLES = (
    ("parent_carer", "Parent carers"),
    ("young_person", "Young people"),
    ("professional", "Professionals"),
    (None, "Not given"),
)


def count_range(published, threshold):
    """(low, high) of the true count a published count stands for (None: small, 1 to threshold -
    1)."""
    if published is None:
        return 1, threshold - 1
    if published == 0:
        return 0, 0
    return max(threshold, published - BASE // 2), published + BASE // 2


def direction(this, last, threshold):
    """ "rose", "fell" or "unclear", judged from the published counts alone (never the exact ones).

    Only said when the published ranges do not overlap and at least one count is shown (10 or more).
    """
    if WITHHELD in (this, last) or not any(
        count for count in (this, last)
    ):  # withheld, or too few to tell
        return "unclear"
    low, high = count_range(this, threshold)
    last_low, last_high = count_range(last, threshold)
    if low > last_high:
        return "rose"
    if high < last_low:
        return "fell"
    return "unclear"


def _shown(result):
    """A protected cell as a published count: the rounded n, None when small, WITHHELD when hidden
    for another cell's sake, 0 when there was nothing."""
    if not result.suppressed:
        return result.n
    if result.reason == SMALL:
        return None
    return WITHHELD if result.reason != "no data" else 0


def _month_hidden_in_quarter(measure, month, threshold):
    """Whether a month's figure must be hidden so the quarter's published figure minus the other
    months' cannot reveal a small month (the months are cells of the quarter, whose total is
    shown)."""
    cells = []
    for start in quarter_months(month):
        favourable, n = measure_queries.measure_value(measure, start, month_end(start))
        cells.append(Cell(str(start), str(start), favourable, n))
    results = protect_breakdown(cells, threshold, total_shown=True)
    return next(r for r in results if r.key == str(month)).suppressed


def _figure(measure, month, threshold):
    result = measure_result(
        measure,
        date_from=month,
        date_to=month_end(month),
        threshold=threshold,
        since_baseline=False,
    )
    keep = ("value", "n", "favourable", "ci_low", "ci_high", "suppressed", "rag", "target")
    figure = {key: result[key] for key in keep}
    figure["baseline_change"] = result["change"]
    if (
        measure.is_survey
        and not figure["suppressed"]
        and _month_hidden_in_quarter(measure, month, threshold)
    ):
        figure.update(
            value=None,
            n=None,
            favourable=None,
            ci_low=None,
            ci_high=None,
            suppressed=True,
            rag="grey",
            baseline_change=None,
            withheld=True,
        )
    return figure


def measure_facts(month, threshold):
    """Each public measure this month and last, with the Newcombe verdict of the change between
    them."""
    found = []
    for measure in list_measures(public_only=True):
        this, last = (
            _figure(measure, month, threshold),
            _figure(measure, previous_month(month), threshold),
        )
        change = None
        if measure.is_survey and not this["suppressed"] and not last["suppressed"]:
            difference, low, high = newcombe_difference(
                this["favourable"], this["n"], last["favourable"], last["n"]
            )
            change = {
                "difference": difference,
                "ci_low": low,
                "ci_high": high,
                "verdict": change_verdict((low, high), measure.polarity),
            }
        found.append(
            {
                "slug": measure.slug,
                "name": measure.name,
                "source": measure.source,
                "unit": measure.unit,
                "polarity": measure.polarity,
                "this": this,
                "last": last,
                "change": change,
            }
        )
    return found


def _role_rows(by_role, threshold, total_hidden=False):
    """Who said it, as a breakdown of the theme's shown total; all hidden when the total is hidden
    (shown parts would add up to it)."""
    cells = [Cell(str(role), label, 0, by_role.get(role, 0)) for role, label in ROLES]
    results = protect_breakdown(cells, threshold, total_shown=True)
    return [
        {
            "role": role or "not_given",
            "label": label,
            "count": WITHHELD if total_hidden and not cell.suppressed else _shown(cell),
        }
        for (role, label), cell in zip(ROLES, results, strict=True)
    ]


def _theme_totals(month, threshold):
    """({theme: {role: n}} for the month, {theme: published total}), each month's total checked as a
    cell of its quarter so the quarter's count minus the other months cannot reveal a small
    month."""
    by_month = {
        start: queries.theme_role_counts(start, month_end(start)) for start in quarter_months(month)
    }
    this = by_month[month]
    totals = {}
    for slug in this:
        cells = [
            Cell(str(start), str(start), 0, sum(counts.get(slug, {}).values()))
            for start, counts in by_month.items()
        ]
        shown = next(
            r for r in protect_breakdown(cells, threshold, total_shown=True) if r.key == str(month)
        )
        totals[slug] = _shown(shown)
    return this, totals


def theme_facts(month, threshold):
    """Themes confirmed this month and last: published counts, direction, who said it, and the
    themes most often confirmed alongside each (this month)."""
    this, totals = _theme_totals(month, threshold)
    _, last_totals = _theme_totals(previous_month(month), threshold)
    labels = queries.theme_labels()
    pairs = queries.co_mentions(month, month_end(month))
    rows = []
    for slug in sorted(set(totals) | set(last_totals)):
        count, before = totals.get(slug, 0), last_totals.get(slug, 0)
        alongside = sorted(
            (
                (published_count(n, threshold), labels.get(other, other))
                for (one, other), n in pairs.items()
                if one == slug
            ),
            key=lambda p: (-(p[0] or 0), p[1]),
        )
        rows.append(
            {
                "slug": slug,
                "label": labels.get(slug, slug),
                "this": count,
                "last": before,
                "direction": direction(count, before, threshold),
                "by_role": _role_rows(
                    this.get(slug, {}), threshold, total_hidden=count in (None, WITHHELD)
                ),
                "alongside": [{"label": label, "count": n} for n, label in alongside if n][:3],
            }
        )
    rows.sort(key=lambda row: (-row["this"] if isinstance(row["this"], int) else 0, row["label"]))
    return rows


def _entry(entry):
    return {
        "title": entry.title,
        "status": entry.status,
        "due_on": str(entry.due_on) if entry.due_on else None,
        "id": entry.id,
    }


def action_facts(month):
    due, done, late = queries.actions(month, month_end(month))
    return {
        "due": [_entry(e) for e in due],
        "done": [_entry(e) for e in done],
        "late": [_entry(e) for e in late],
    }


def coproduction_facts(month, threshold):
    activities, parents, young, professionals, strategic = queries.coproduction(
        month, month_end(month)
    )
    return {
        "activities": activities,
        "strategic": strategic,
        "parent_carers": published_count(parents, threshold),
        "young_people": published_count(young, threshold),
        "professionals": published_count(professionals, threshold),
    }


def month_facts(month: date, threshold: int = 10):
    """Everything the draft is written from, as JSON-able values with every count protected."""
    return {
        "month": f"{month:%Y-%m}",
        "label": f"{month:%B %Y}",
        "last_label": f"{previous_month(month):%B %Y}",
        "threshold": threshold,
        "measures": measure_facts(month, threshold),
        "themes": theme_facts(month, threshold),
        "actions": action_facts(month),
        "coproduction": coproduction_facts(month, threshold),
    }
