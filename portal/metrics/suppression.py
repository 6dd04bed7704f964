"""Small-number suppression for the cells of a breakdown (DESIGN.md section 7, "Small numbers").

The rule, applied to one breakdown (for example one measure split by locality):

1. Primary suppression. A cell with fewer than `threshold` valid answers is hidden and shown
   as "fewer than 10 responses" (reason "small"). A cell with no valid answers (n == 0) is
   hidden too and shown as "no data" (reason "no data"); it has nothing to disclose, so on its
   own it never makes other cells hidden.
2. Complementary suppression, only when the breakdown's total is shown. A hidden cell could be
   worked out by subtracting the shown cells from the total, so while the hidden cells with at
   least one answer are
     * exactly one cell (its figures would follow by subtraction), or
     * together fewer than `threshold` answers (their combined figures would be a small cell),
   the smallest cell still shown is hidden as well (reason "complementary"), until the rule is
   met or every cell is hidden. Ties on n go to the cell that comes first in the input.
3. No cell with fewer than `threshold` answers is ever shown.

Results keep the input order; hidden cells carry no n, favourable or value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from portal.metrics.intervals import check_counts, proportion

SMALL = "small"
NO_DATA = "no data"
COMPLEMENTARY = "complementary"


@dataclass(frozen=True)
class Cell:
    """One cell of a breakdown: `favourable` of `n` valid answers.

    Raises:
        TypeError, ValueError: counts that are not ints, negative, or favourable > n.
    """

    key: str
    label: str
    favourable: int
    n: int

    def __post_init__(self) -> None:
        check_counts(self.favourable, self.n)


@dataclass(frozen=True)
class CellResult:
    """A cell as it may be shown; n, favourable and value are None when suppressed.

    reason is None for a shown cell, else "small", "no data" or "complementary".
    """

    key: str
    label: str
    suppressed: bool
    reason: str | None
    n: int | None
    favourable: int | None
    value: float | None


def _primary(cells: list[Cell], threshold: int) -> dict[int, str]:
    """Return {index: reason} for cells hidden by primary suppression."""
    hidden = {}
    for index, cell in enumerate(cells):
        if cell.n == 0:
            hidden[index] = NO_DATA
        elif cell.n < threshold:
            hidden[index] = SMALL
    return hidden


def _needs_more(cells: list[Cell], hidden: dict[int, str], threshold: int) -> bool:
    """Whether the hidden cells could still be recovered from a shown total."""
    disclosive = [cells[index].n for index in hidden if cells[index].n > 0]
    if not disclosive:
        return False
    return len(disclosive) == 1 or sum(disclosive) < threshold


def _complementary(cells: list[Cell], hidden: dict[int, str], threshold: int) -> None:
    """Hide the smallest shown cells, in place, until the hidden group is safe."""
    shown = sorted((cell.n, index) for index, cell in enumerate(cells) if index not in hidden)
    for _, index in shown:
        if not _needs_more(cells, hidden, threshold):
            return
        hidden[index] = COMPLEMENTARY


def _result(cell: Cell, reason: str | None) -> CellResult:
    if reason is not None:
        return CellResult(cell.key, cell.label, True, reason, None, None, None)
    value = proportion(cell.favourable, cell.n)
    return CellResult(cell.key, cell.label, False, None, cell.n, cell.favourable, value)


def suppress(
    cells: Iterable[Cell], threshold: int = 10, total_shown: bool = True
) -> list[CellResult]:
    """Apply primary and complementary suppression to one breakdown (rule in the module doc).

    Args:
        cells: the cells of one breakdown; keys must be unique.
        threshold: the smallest n that may be shown (a setting; 10 by default).
        total_shown: whether the breakdown's total is shown beside it; if not, only primary
            suppression applies.

    Returns:
        One CellResult per cell, in input order.

    Raises:
        ValueError: threshold below 1, or a repeated key.
        TypeError: a threshold that is not an int.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise TypeError("threshold must be an int")
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, got {threshold}")
    cells = list(cells)
    keys = [cell.key for cell in cells]
    if len(set(keys)) != len(keys):
        raise ValueError("cell keys must be unique within a breakdown")
    hidden = _primary(cells, threshold)
    if total_shown:
        _complementary(cells, hidden, threshold)
    return [_result(cell, hidden.get(index)) for index, cell in enumerate(cells)]
