"""Statistical disclosure control: the one rule every published or aggregate-only figure goes
through.

The rule (docs/disclosure-control.md says why):

1. Fixed windows. Figures are only made for closed reporting periods (see
portal/measures/periods.py),
   so they do not move with each new answer and two windows never differ by a day.
2. The ONS "10-5" rule. A count under the threshold (10) is hidden; every count that is shown is
   rounded to the nearest 5 (half up: 12 -> 10, 13 -> 15). Rounding is deterministic, so the same
   cell gets the same figure in every table and asking again gains nothing.
3. Complementary suppression (suppression.py), then an audit. Rounded figures still bound each
   other: a total minus its shown cells bounds the hidden ones. audit() works out, by interval
   arithmetic on the published figures, what each hidden cell could be; while any hidden cell's
   feasible counts collapse to one value from 1 to threshold - 1, the smallest shown cell is hidden
   too.
4. Percentages and Wilson intervals are computed from the rounded counts, so they carry nothing the
   rounded counts do not.

No Flask, no database: plain numbers in, plain values out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from portal.metrics.intervals import proportion, wilson_interval
from portal.metrics.suppression import COMPLEMENTARY, NO_DATA, SMALL, Cell, CellResult, suppress

BASE = 5
INFINITY = float("inf")


def round_count(count: int | None, base: int = BASE) -> int | None:
    """Round a count to the nearest multiple of base, halves up (base 5: 12 -> 10, 13 -> 15)."""
    if count is None:
        return None
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    return (count + base // 2) // base * base


@dataclass(frozen=True)
class Protected:
    """A figure as published: rounded counts, the share and 95% interval computed from them."""

    value: float | None
    n: int | None
    favourable: int | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool


def protect_counts(favourable: int, n: int, threshold: int = 10) -> Protected:
    """One figure (a total): hidden under the threshold, else rounded counts and a share from
    them."""
    if n < threshold:
        return Protected(None, None, None, None, None, True)
    rounded_n, rounded_f = round_count(n), round_count(favourable)
    low, high = wilson_interval(rounded_f, rounded_n)
    return Protected(proportion(rounded_f, rounded_n), rounded_n, rounded_f, low, high, False)


def _published(result: CellResult) -> CellResult:
    if result.suppressed:
        return result
    n, favourable = round_count(result.n), round_count(result.favourable)
    return replace(result, n=n, favourable=favourable, value=proportion(favourable, n))


# --- the audit: what could someone work out from the published figures? -------------------------


def shown_range(rounded: int, threshold: int, at_least: int = 0) -> tuple[int, float]:
    """The counts a shown, rounded figure could stand for (a shown n is never under the
    threshold)."""
    return max(at_least, rounded - BASE // 2), rounded + BASE // 2


def hidden_range(reason: str | None, threshold: int) -> tuple[int, float]:
    """What a hidden cell's label tells a reader about its n."""
    if reason == NO_DATA:
        return 0, 0
    if reason == SMALL:
        return 1, threshold - 1
    if reason == COMPLEMENTARY:
        return threshold, INFINITY
    return 0, INFINITY


def tighten(
    total: tuple[float, float], parts: Sequence[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Narrow each part's (low, high) range knowing the parts add up to a total in (low, high).

    Repeated until nothing changes: the interval arithmetic an attacker would do by hand.
    """
    parts = list(parts)
    for _ in range(len(parts) + 2):
        changed = False
        low_sum, high_sum = sum(p[0] for p in parts), sum(p[1] for p in parts)
        for index, (low, high) in enumerate(parts):
            new_low = max(low, total[0] - (high_sum - high))
            new_high = min(high, total[1] - (low_sum - low))
            if (new_low, new_high) != (low, high):
                parts[index], changed = (new_low, new_high), True
        if not changed:
            break
    return parts


def revealed(ranges: Iterable[tuple[float, float]], threshold: int) -> list[int]:
    """Indexes of ranges that collapse to one count from 1 to threshold - 1."""
    return [
        index
        for index, (low, high) in enumerate(ranges)
        if low == high and 1 <= low <= threshold - 1
    ]


def _hidden_share_range(reason: str | None, threshold: int) -> tuple[float, float]:
    """What a hidden cell's label tells a reader about its favourable (or unfavourable) count."""
    if reason == NO_DATA:
        return 0, 0
    return 0, threshold - 1 if reason == SMALL else INFINITY


def _ranges(
    rounded_n: int, rounded_f: int, threshold: int, floor: int
) -> dict[str, tuple[float, float]]:
    """(low, high) of n, favourable and unfavourable that a shown figure could stand for."""
    n, f = shown_range(rounded_n, threshold, floor), shown_range(rounded_f, threshold)
    f = (f[0], min(f[1], n[1]))
    return {"n": n, "f": f, "u": (max(0, n[0] - f[1]), n[1] - f[0])}


def audit(results: Sequence[CellResult], total_n: int, total_f: int, threshold: int) -> list[int]:
    """Indexes of published cells whose n, favourable or unfavourable count someone could work out
    (as one value from 1 to threshold - 1) from the rounded total and the other published cells."""
    total = _ranges(round_count(total_n), round_count(total_f), threshold, threshold)
    found = set()
    for kind in ("n", "f", "u"):
        parts = []
        for r in results:
            if not r.suppressed:
                parts.append(_ranges(r.n, r.favourable, threshold, threshold)[kind])
            elif kind == "n":
                parts.append(hidden_range(r.reason, threshold))
            else:
                parts.append(_hidden_share_range(r.reason, threshold))
        found.update(
            index
            for index in revealed(tighten(total[kind], parts), threshold)
            if results[index].suppressed or kind != "n"
        )
    return sorted(found)


def protect_breakdown(
    cells: Iterable[Cell], threshold: int = 10, total_shown: bool = True
) -> list[CellResult]:
    """Suppress (primary and complementary), audit against the rounded total, then round what is
    shown.

    Args:
        cells: one breakdown's cells with exact counts.
        threshold: the smallest n that may be shown.
        total_shown: whether the breakdown's total (the sum of the cells) is published beside it.

    Returns:
        CellResults in input order: hidden cells carry no figures; shown ones carry rounded n and
        favourable and the share computed from them.
    """
    cells = list(cells)
    results = suppress(cells, threshold, total_shown)
    total_n = sum(cell.n for cell in cells)
    if total_shown and total_n >= threshold:
        while True:
            exact = [cell for cell, r in zip(cells, results, strict=True) if not r.suppressed]
            shown = [_published(r) for r in results]
            if (
                not audit(shown, total_n, sum(cell.favourable for cell in cells), threshold)
                or not exact
            ):
                break
            smallest = min(exact, key=lambda cell: cell.n)
            results = [
                replace(
                    r, suppressed=True, reason=COMPLEMENTARY, n=None, favourable=None, value=None
                )
                if r.key == smallest.key
                else r
                for r in results
            ]
    return [_published(r) for r in results]


def protected_interval(result: CellResult | Protected) -> tuple[float, float] | None:
    """The Wilson interval of a published (rounded) figure, or None when hidden."""
    if result.suppressed or not result.n:
        return None
    return wilson_interval(result.favourable, result.n)


#: Staff roles that may see exact counts of a measure their organisation owns (viewers never do).
EXACT_ROLES = ("moderator", "editor", "admin")


def sees_exact_counts(user, owner_organisation: str | None) -> bool:
    """Whether a reader may see exact counts on staff pages: admins, and the moderators, editors
    and admins of the organisation that owns the figures. Viewers (the board) and the public
    never."""
    if (
        user is None
        or not getattr(user, "is_authenticated", False)
        or not getattr(user, "is_active", False)
    ):
        return False
    if getattr(user, "role", None) == "admin":
        return True
    organisation = getattr(user, "organisation", None)
    return (
        getattr(user, "role", None) in EXACT_ROLES
        and organisation is not None
        and organisation == owner_organisation
    )


def published_count(n: int, threshold: int = 10) -> int | None:
    """A single count as published: 0 stays 0, 1 to threshold - 1 is hidden (None), the rest rounded
    to 5."""
    if n == 0:
        return 0
    return None if n < threshold else round_count(n)


def published_counts(counts: dict, threshold: int = 10) -> dict:
    """published_count for every value of a dict (for example, evidence counts by entry)."""
    return {key: published_count(n, threshold) for key, n in counts.items()}
