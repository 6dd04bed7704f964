"""The published complaints table: no small count shown, none derivable from a stage total."""

from dataclasses import dataclass

import pytest

from portal.disagreements.tables import protected_table
from portal.metrics.disclosure import BASE, tighten


@dataclass(frozen=True)
class Theme:
    id: int
    label: str


THEMES = [
    Theme(1, "EHCP"),
    Theme(2, "Transport"),
    Theme(3, "Waiting times"),
    Theme(4, "Early years"),
]


def _column(table, stage):
    return [row["cells"][stage] for row in table["rows"]]


def test_a_small_count_is_hidden_and_a_second_hidden_so_the_total_gives_nothing_away():
    counts = {(1, "complaint"): 3, (2, "complaint"): 20, (3, "complaint"): 15}
    table = protected_table(THEMES, counts, {})
    cells = {c.label: c for c in _column(table, "complaint")}
    assert cells["EHCP"].suppressed and cells["EHCP"].reason == "small"
    assert cells["Waiting times"].suppressed and cells["Waiting times"].reason == "complementary"
    assert cells["Transport"].n == 20 and table["totals"]["complaint"] == 40
    assert "Early years" not in cells  # nothing recorded, nothing said: no row


def test_a_stage_total_under_the_threshold_is_hidden_with_its_cells():
    table = protected_table(THEMES, {(1, "tribunal"): 4, (2, "complaint"): 30}, {})
    assert table["totals"]["tribunal"] is None
    assert all(cell.suppressed for cell in _column(table, "tribunal"))


@pytest.mark.parametrize("small", range(1, 10))
@pytest.mark.parametrize("others", [(10, 13, 13), (12, 12), (10,), (25, 11), (40, 10, 10, 2)])
def test_an_attacker_with_the_published_column_learns_no_small_count(small, others):
    """Interval arithmetic on what is published (as portal.metrics.disclosure.audit does)."""
    themes = [Theme(i, f"T{i}") for i in range(1 + len(others))]
    counts = {(0, "complaint"): small, **{(i + 1, "complaint"): n for i, n in enumerate(others)}}
    table = protected_table(themes, counts, {})
    column = _column(table, "complaint")
    assert column[0].suppressed
    total = table["totals"]["complaint"]
    total_range = (0, 9) if total is None else (max(10, total - BASE // 2), total + BASE // 2)
    ranges = [
        (0, 0)
        if c.reason == "no data"
        else (1, 9)
        if c.reason == "small"
        else (10, 10**6)
        if c.suppressed
        else (max(10, c.n - BASE // 2), c.n + BASE // 2)
        for c in column
    ]
    narrowed = tighten(total_range, ranges)
    assert not (narrowed[0][0] == narrowed[0][1]), (
        f"the small count {small} comes out of {narrowed[0]}"
    )


def test_what_families_said_is_shown_beside_with_primary_suppression_only():
    table = protected_table(THEMES, {(1, "complaint"): 30}, {1: 42, 2: 4})
    said = {row["theme"].label: row["said"] for row in table["rows"]}
    assert (
        said["EHCP"].n == 40
        and said["Transport"].suppressed
        and said["Transport"].reason == "small"
    )
