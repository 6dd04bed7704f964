"""The disclosure rule in portal.metrics.disclosure: rounding, protected figures, the audit, who
sees exact counts."""

from types import SimpleNamespace

import pytest

from portal.metrics.calculations import Cell, suppress
from portal.metrics.disclosure import (
    audit,
    protect_breakdown,
    protect_counts,
    published_count,
    round_count,
    sees_exact_counts,
)

pytestmark = pytest.mark.pure


@pytest.mark.parametrize(
    "count,rounded",
    [(0, 0), (1, 0), (2, 0), (3, 5), (10, 10), (12, 10), (13, 15), (47, 45), (48, 50)],
)
def test_counts_round_to_the_nearest_5_halves_up(count, rounded):
    assert round_count(count) == rounded


def test_round_count_refuses_a_negative_count():
    with pytest.raises(ValueError):
        round_count(-1)


def test_protected_figure_takes_share_and_interval_from_rounded_counts():
    figure = protect_counts(16, 23)
    assert (figure.favourable, figure.n, figure.value) == (15, 25, pytest.approx(0.6))
    assert figure.ci_low < 0.6 < figure.ci_high
    assert protect_counts(3, 9).suppressed and protect_counts(3, 9).n is None


def test_plain_10_5_leaks_a_single_answer_and_the_audit_hides_another_cell():
    # 1 + 10 + 13 + 13 = 37. Complementary suppression hides the 10; rounded, the shown 15s and the
    # total 35 say the hidden pair is 10 or 11, and the 10 is "at least 10", so the 1 comes out.
    cells = [
        Cell("a", "A", 1, 1),
        Cell("b", "B", 5, 10),
        Cell("c", "C", 6, 13),
        Cell("d", "D", 7, 13),
    ]
    plain = [
        r
        if r.suppressed
        else r.__class__(
            r.key, r.label, False, None, round_count(r.n), round_count(r.favourable), None
        )
        for r in suppress(cells)
    ]
    assert audit(plain, 37, 19, 10) == [0]
    protected = protect_breakdown(cells)
    assert audit(protected, 37, 19, 10) == []
    assert [r.suppressed for r in protected] == [True, True, True, False]


def test_every_shown_cell_is_rounded_and_small_cells_are_hidden():
    cells = [
        Cell("a", "A", 20, 32),
        Cell("b", "B", 4, 4),
        Cell("c", "C", 11, 27),
        Cell("d", "D", 0, 0),
    ]
    shown = {r.key: r for r in protect_breakdown(cells)}
    assert shown["b"].suppressed and shown["d"].reason == "no data"
    assert all(r.n % 5 == 0 and r.favourable % 5 == 0 for r in shown.values() if not r.suppressed)


@pytest.mark.parametrize("n,shown", [(0, 0), (1, None), (9, None), (10, 10), (12, 10), (23, 25)])
def test_a_single_published_count(n, shown):
    assert published_count(n) == shown


def _user(role, organisation=None, active=True):
    return SimpleNamespace(
        role=role, organisation=organisation, is_authenticated=True, is_active=active
    )


@pytest.mark.parametrize(
    "user,exact",
    [
        (_user("admin"), True),
        (_user("moderator", "council"), True),
        (_user("editor", "council"), True),
        (
            _user("viewer", "council"),
            False,
        ),  # the board sees aggregates only, even in the owning organisation
        (_user("moderator", "pcf"), False),
        (_user("editor", None), False),
        (_user("admin", active=False), False),
        (None, False),
    ],
)
def test_who_sees_exact_counts(user, exact):
    assert sees_exact_counts(user, "council") is exact
