"""An attacker's view of the published measures: differencing and polling must reveal no small
count.

The attacker only uses what anyone can fetch: the JSON API and /results. They enumerate every window
the API and the page accept (named periods, and from/to days where those are accepted), every
breakdown, and work with interval arithmetic on the published figures: a shown count that is a
multiple of 5 everywhere may have been rounded by up to 2; a hidden total is under the threshold. A
count is revealed when its feasible values collapse to one value from 1 to threshold - 1.
"""

import re
from datetime import date, datetime, timedelta
from itertools import combinations

import pytest

from portal.measures.seeds import seed_measures
from portal.reference.models import Locality
from tests.factories import make_reference_data
from tests.measures.factories import make_mixed, make_responses

SLUG = "parent-carer-satisfaction"
DIMENSIONS = (None, "locality", "role", "age_band", "cohort", "channel", "quarter")
THRESHOLD = 10
INF = float("inf")
TODAY = date.today()


def _answers():
    """Busy summer quarter, a quiet spring and autumn, single answers on their own days, small
    cells."""
    make_reference_data()
    seed_measures()
    places = Locality.query.order_by(Locality.position).all()
    make_mixed(
        23,
        14,
        dont_know=2,
        submitted_at=datetime(2026, 8, 3, 10),
        locality_id=places[0].id,
        age_band="11-15",
        cohort="ehcp",
    )
    make_mixed(
        9, 8, submitted_at=datetime(2026, 8, 4, 10), locality_id=places[1].id, age_band="5-10"
    )
    make_mixed(
        1,
        0,
        submitted_at=datetime(2026, 8, 5, 10),
        locality_id=places[2].id,
        channel="paper",
        age_band="16-25",
        cohort="sen_support",
    )  # one parent, alone on their day
    make_mixed(
        2, 1, submitted_at=datetime(2026, 9, 20, 10), locality_id=places[0].id, channel="event"
    )
    make_mixed(6, 7, submitted_at=datetime(2026, 5, 12, 10), locality_id=places[1].id)
    make_mixed(
        0, 1, submitted_at=datetime(2026, 5, 13, 10), locality_id=places[3].id
    )  # another lone answer
    make_mixed(3, 1, submitted_at=datetime(2025, 11, 10, 10))


def _candidate_days():
    days = {
        date(2025, 11, 10),
        date(2026, 5, 12),
        date(2026, 5, 13),
        date(2026, 8, 3),
        date(2026, 8, 4),
        date(2026, 8, 5),
        date(2026, 9, 20),
    }
    return sorted(
        days | {d + timedelta(days=1) for d in days} | {d - timedelta(days=1) for d in days}
    )


def _named_periods(client):
    """Every period the results page offers, and every period an API error message lists."""
    page = client.get("/results").get_data(as_text=True)
    names = set(re.findall(r'<option value="([^"]*)"', page))
    listed = client.get(f"/api/v1/measures/{SLUG}?period=no-such-period").get_json() or {}
    names |= set(re.findall(r"\d{4}-\d{2}-Q[1-4]", listed.get("error", "")))
    return sorted(names)


def _span(name):
    """The days a named period covers, or None when the name does not say (then it nests with
    nothing)."""
    found = re.fullmatch(r"(\d{4})-\d{2}-Q([1-4])", name)
    if not found:
        return None
    year, quarter = int(found[1]), int(found[2])
    month = 3 * quarter + 1 if quarter < 4 else 1
    start = date(year + (quarter == 4), month, 1)
    end_month = month + 2
    end = date(start.year, end_month, 30 if end_month in (6, 9) else 31)
    return start, end


def enumerate_figures(client):
    """{(window, dimension): body} for every window and breakdown the API answers with 200."""
    windows = [((("period", name),), _span(name)) for name in _named_periods(client)]
    days = _candidate_days()
    windows += [
        ((("from", a.isoformat()), ("to", b.isoformat())), (a, b)) for a, b in combinations(days, 2)
    ]
    windows += [((("from", a.isoformat()), ("to", a.isoformat())), (a, a)) for a in days]
    found = {}
    for params, span in windows:
        for by in DIMENSIONS:
            query = dict(params) | ({"by": by} if by else {})
            response = client.get(f"/api/v1/measures/{SLUG}", query_string=query)
            if response.status_code == 200:
                found[(params, span, by)] = response.get_json()
            else:
                assert response.status_code == 400 and response.is_json, (
                    query,
                    response.status_code,
                )
                break  # the window is refused: no breakdown of it will be answered either
    return found


def _rounded(figures):
    """Whether every shown count is a multiple of 5 (then the attacker assumes rounding to 5)."""
    counts = [
        c
        for body in figures.values()
        for c in [body["n"], body["favourable"]] + [cell["n"] for cell in body["breakdown"]]
        if c is not None
    ]
    return all(c % 5 == 0 for c in counts)


def _ranges(n, favourable, slack, hidden_n):
    """(low, high) for n, favourable and unfavourable from one published cell."""
    if n is None:
        return {"n": hidden_n, "f": (0, hidden_n[1]), "u": (0, hidden_n[1])}
    n_range = (max(THRESHOLD, n - slack), n + slack)
    f_range = (0, n_range[1])
    if favourable is not None:
        f_range = (max(0, favourable - slack), min(favourable + slack, n_range[1]))
    return {
        "n": n_range,
        "f": f_range,
        "u": (max(0, n_range[0] - f_range[1]), n_range[1] - f_range[0]),
    }


def cells_of(figures):
    """{(span, dimension, key): ranges}; totals have dimension None. Cell favourable counts come
    from value * n."""
    slack = 2 if _rounded(figures) else 0
    cells = {}
    for (params, span, by), body in figures.items():
        cells[(params, span, None, "total")] = _ranges(
            body["n"], body["favourable"], slack, (0, THRESHOLD - 1)
        )
        for cell in body["breakdown"]:
            favourable = round(cell["value"] * cell["n"]) if cell["n"] is not None else None
            cells[(params, span, by, cell["key"])] = _ranges(cell["n"], favourable, slack, (0, INF))
    return cells


def tighten(total, parts):
    parts = list(parts)
    for _ in range(len(parts) + 2):
        low_sum, high_sum = sum(p[0] for p in parts), sum(p[1] for p in parts)
        new = [
            (max(lo, total[0] - (high_sum - hi)), min(hi, total[1] - (low_sum - lo)))
            for lo, hi in parts
        ]
        if new == parts:
            break
        parts = new
    return parts


def _small(low, high):
    return low == high and 1 <= low <= THRESHOLD - 1


def _inside(inner, outer):
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def attack(figures):
    """Every (description, value) of a small count the attacker can work out."""
    cells, leaks = cells_of(figures), []
    totals = {key: ranges for key, ranges in cells.items() if key[2] is None}
    # 1. every nested pair of windows, for totals and for each breakdown cell present in both
    for (_pa, span_a, by, key), outer in cells.items():
        for (_pb, span_b, by_b, key_b), inner in cells.items():
            if (
                (by_b, key_b) != (by, key)
                or not span_a
                or not span_b
                or not _inside(span_b, span_a)
            ):
                continue
            for kind in ("n", "f", "u"):
                low, high = max(0, outer[kind][0] - inner[kind][1]), outer[kind][1] - inner[kind][0]
                if _small(low, high):
                    leaks.append((f"{kind} in {span_a} minus {span_b}, {by}={key}", low))
    # 2. every total against its cells, within each window's breakdown
    for (params, _span, _by, _key), total in totals.items():
        for dim in DIMENSIONS[1:]:
            parts = [(k, r) for (p, s, b, k), r in cells.items() if p == params and b == dim]
            for kind in ("n", "f", "u"):
                for (k, _), (low, high) in zip(
                    parts, tighten(total[kind], [r[kind] for _, r in parts]), strict=True
                ):
                    if _small(low, high):
                        leaks.append((f"{kind} of {dim}={k} in {params}", low))
    # 3. a window's total against windows that tile it exactly
    spans = {key[1]: ranges for key, ranges in totals.items() if key[1]}
    for outer_span, outer in spans.items():
        inside = sorted(s for s in spans if _inside(s, outer_span))
        for size in (2, 3, 4):
            for tiles in combinations(inside, size):
                joined = all(
                    b[0] == a[1] + timedelta(days=1) for a, b in zip(tiles, tiles[1:], strict=False)
                )
                if not joined or tiles[0][0] != outer_span[0] or tiles[-1][1] != outer_span[1]:
                    continue
                for kind in ("n", "f", "u"):
                    for tile, (low, high) in zip(
                        tiles, tighten(outer[kind], [spans[t][kind] for t in tiles]), strict=True
                    ):
                        if _small(low, high):
                            leaks.append((f"{kind} of {tile} tiling {outer_span}", low))
    return leaks


def test_no_window_breakdown_or_difference_reveals_a_small_count(client):
    _answers()
    figures = enumerate_figures(client)
    assert figures, "the API published nothing to attack"
    assert any(body["n"] for body in figures.values()), "no figure was shown at all"
    leaks = attack(figures)
    assert not leaks, f"{len(leaks)} small counts derived, for example: {leaks[:5]}"


def test_results_page_shows_only_what_the_api_publishes(client):
    """The page offers the same windows as the API and prints the same (protected) figures."""
    _answers()
    for name in _named_periods(client):
        page = client.get("/results", query_string={"period": name})
        assert page.status_code == 200, name
        body = client.get(f"/api/v1/measures/{SLUG}", query_string={"period": name}).get_json()
        text = page.get_data(as_text=True)
        if body.get("n"):
            assert f"about {body['favourable']} of about {body['n']} people" in text, name


def _published(client):
    figures = enumerate_figures(client)
    return {key: body for key, body in figures.items()}


def test_adding_one_answer_changes_no_published_figure(client):
    """Polling: read everything, one more parent answers today, read again. Nothing may move."""
    _answers()
    before = _published(client)
    make_responses(
        1, code="dissatisfied", submitted_at=datetime.combine(TODAY, datetime.min.time())
    )
    after = _published(client)
    assert before.keys() == after.keys()
    moved = [key for key in before if before[key] != after[key]]
    assert not moved, (
        f"{len(moved)} published figures changed after one answer, for example {moved[:3]}"
    )


@pytest.mark.parametrize(
    "query",
    [
        "to=9999-12-31",
        "from=2026-07-01&to=2026-09-30",
        "from=nonsense",
        "period=2026-27",
        "period=" + "9" * 300,
        "period=2099-00-Q1",
    ],
)
def test_any_bad_window_is_a_json_400_listing_the_periods(client, query):
    seed_measures()
    response = client.get(f"/api/v1/measures/{SLUG}?{query}")
    assert response.status_code == 400 and response.is_json
    assert "2026-27-Q2" in response.get_json()["error"]
