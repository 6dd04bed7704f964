"""Calculations for the portal's measures (DESIGN.md section 7), with no Flask and no database.

Everything here takes plain numbers, dates and dicts and returns plain values or dataclasses, so
the public page, staff dashboard, board report, exports and JSON API all show the same figures.
Intervals live in intervals.py, suppression in suppression.py and dates in periods.py; this
module re-exports them, so callers import from here.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

from portal.metrics.intervals import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    Z_95,
    change_verdict,
    check_counts,
    check_polarity,
    newcombe_difference,
    proportion,
    wilson_interval,
)
from portal.metrics.periods import financial_quarter, financial_year, median_days
from portal.metrics.suppression import Cell, CellResult, suppress

__all__ = [
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "Z_95",
    "Cell",
    "CellResult",
    "LocalityShare",
    "MeasureSummary",
    "Representativeness",
    "UNDER_REPRESENTED_BELOW",
    "change_verdict",
    "financial_quarter",
    "financial_year",
    "median_days",
    "newcombe_difference",
    "proportion",
    "rag_status",
    "representativeness",
    "summary",
    "suppress",
    "wilson_interval",
]

#: Float slack for RAG boundaries, so 0.65 against a 0.70 target is amber, not red by rounding.
_TOLERANCE = 1e-9

#: A locality whose response share is under this fraction of its population share is flagged.
UNDER_REPRESENTED_BELOW = 0.5


def rag_status(
    value: float | None,
    target: float | None,
    amber_margin: float = 0.05,
    polarity: str = HIGHER_IS_BETTER,
    suppressed: bool = False,
    interval: tuple[float | None, float | None] | None = None,
) -> str:
    """Return the RAG status of a value against its target (proportions, so 0.05 is 5 points).

    With its 95% `interval` (low, high), a value whose interval contains the target is "unclear":
    the data cannot yet tell whether the target is met, so it is neither on target nor below it.

    higher_is_better: "green" at or above target; "amber" below it by no more than
    amber_margin (exactly 5 points below is amber); "red" further below. lower_is_better
    mirrors this: green at or below, amber up to amber_margin above, red beyond. Boundaries
    allow 1e-9 of floating-point slack.

    Args:
        value: the measure's value, or None.
        target: the trajectory target for the period, or None.
        amber_margin: how far short of the target still counts as amber (not negative).
        polarity: "higher_is_better" or "lower_is_better".
        suppressed: True when the value is hidden by small-number suppression.

    Returns:
        "green", "amber", "red", "unclear" (the interval contains the target), or "grey" when
        suppressed or value or target is None or NaN.

    Raises:
        ValueError: unknown polarity or negative amber_margin.
    """
    check_polarity(polarity)
    if amber_margin < 0:
        raise ValueError(f"amber_margin must not be negative, got {amber_margin}")
    if suppressed or value is None or target is None or math.isnan(value) or math.isnan(target):
        return "grey"
    low, high = interval or (None, None)
    if low is not None and high is not None and low - _TOLERANCE <= target <= high + _TOLERANCE:
        return "unclear"
    shortfall = target - value if polarity == HIGHER_IS_BETTER else value - target
    if shortfall <= _TOLERANCE:
        return "green"
    if shortfall <= amber_margin + _TOLERANCE:
        return "amber"
    return "red"


@dataclass(frozen=True)
class MeasureSummary:
    """One measure's figure, ready for a page or the API (dataclasses.asdict gives a dict).

    When suppressed, value, favourable, ci_low and ci_high are None; n is kept.
    """

    value: float | None
    n: int
    favourable: int | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool

    def as_dict(self) -> dict:
        """Return the fields as a plain dict for JSON."""
        return dataclasses.asdict(self)


def summary(favourable: int, n: int, threshold: int = 10) -> MeasureSummary:
    """Return a measure's value, n and 95% Wilson interval, suppressed when n < threshold.

    Args:
        favourable: number of favourable answers.
        n: number of valid answers.
        threshold: the smallest n that may be shown; n == 0 is always suppressed.

    Returns:
        A MeasureSummary.

    Raises:
        TypeError, ValueError: as check_counts; ValueError when threshold is below 1.
    """
    check_counts(favourable, n)
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, got {threshold}")
    if n < threshold:
        return MeasureSummary(None, n, None, None, None, True)
    low, high = wilson_interval(favourable, n)
    return MeasureSummary(proportion(favourable, n), n, favourable, low, high, False)


@dataclass(frozen=True)
class LocalityShare:
    """One locality's responses against its share of the SEND population.

    response_share is its share of all responses. index compares like with like: its share of
    the responses from localities with a population figure, divided by population_share (its
    share of the known population). index is None when its population figure is missing or 0
    or there are no responses from localities with figures; under_represented is then False.
    """

    locality: str
    responses: int
    response_share: float | None
    population: int | None
    population_share: float | None
    index: float | None
    under_represented: bool


@dataclass(frozen=True)
class Representativeness:
    """Representativeness across localities, plus "localities represented" against all."""

    localities: list[LocalityShare]
    represented: int
    total_localities: int
    total_responses: int
    all_represented: bool
    under_represented: list[str]


def _check_non_negative(figures: Mapping[str, int | None], what: str) -> None:
    for locality, figure in figures.items():
        if figure is not None and figure < 0:
            raise ValueError(f"{what} for {locality!r} must not be negative, got {figure}")


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole > 0 else None


def _locality_share(
    name: str,
    responses: int,
    population: int | None,
    total_responses: int,
    known_responses: int,
    known_population: int,
) -> LocalityShare:
    """Build one LocalityShare; the known_* totals cover localities with a population figure."""
    population_share = None if population is None else _share(population, known_population)
    index = None
    if population_share:
        comparable = _share(responses, known_responses)
        index = None if comparable is None else comparable / population_share
    flagged = index is not None and index < UNDER_REPRESENTED_BELOW
    return LocalityShare(
        name,
        responses,
        _share(responses, total_responses),
        population,
        population_share,
        index,
        flagged,
    )


def representativeness(
    responses_by_locality: Mapping[str, int],
    population_by_locality: Mapping[str, int | None],
) -> Representativeness:
    """Compare each locality's share of responses with its share of the SEND population.

    Localities are the union of both mappings, population order first; a locality missing
    from responses_by_locality has 0 responses, one missing from population_by_locality (or
    mapped to None) has no population figure. A locality is flagged under-represented when its
    index is below 0.5 (under half its fair share). A locality is represented with >= 1
    response; the target is all localities, so all_represented is False when there are none.

    Args:
        responses_by_locality: valid responses per locality.
        population_by_locality: SEND population per locality as entered by staff, or None.

    Returns:
        A Representativeness with one LocalityShare per locality.

    Raises:
        ValueError: a negative count or population figure.
    """
    _check_non_negative(responses_by_locality, "responses")
    _check_non_negative(population_by_locality, "population")
    names = list(dict.fromkeys([*population_by_locality, *responses_by_locality]))
    responses = {name: responses_by_locality.get(name) or 0 for name in names}
    population = {name: population_by_locality.get(name) for name in names}
    known = [name for name in names if population[name] is not None]
    total_responses = sum(responses.values())
    known_responses = sum(responses[name] for name in known)
    known_population = sum(population[name] for name in known)
    shares = [
        _locality_share(
            name,
            responses[name],
            population[name],
            total_responses,
            known_responses,
            known_population,
        )
        for name in names
    ]
    represented = sum(1 for name in names if responses[name] >= 1)
    return Representativeness(
        shares,
        represented,
        len(names),
        total_responses,
        0 < represented == len(names),
        [share.locality for share in shares if share.under_represented],
    )
