"""The deterioration rule: which changes in a measure's figures open an action (no Flask, no
database).

A measure has deteriorated in a reporting period when
  * its change against the locked baseline is judged "worse" (Newcombe interval wholly on the
    worse side of zero, in the measure's polarity: change_verdict) in a period after the
    baseline's, or
  * its change against the previous period is judged "worse" the same way, or
  * its RAG status fell (green to amber or red, amber to red). "Not yet clear" and grey are no
    status to fall from or to: the data cannot say, so they open nothing.
A recovery is not a trigger of anything: closing an action is a person's decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from portal.metrics.intervals import WORSE, change_verdict, newcombe_difference

WORSE_THAN_BASELINE = "worse_than_baseline"
WORSE_THAN_PREVIOUS = "worse_than_previous"
RAG_DROP = "rag_drop"
TRIGGER_LABELS = {
    WORSE_THAN_BASELINE: "Worse than the baseline",
    WORSE_THAN_PREVIOUS: "Worse than the previous period",
    RAG_DROP: "Status fell",
}
RAG_ORDER = {"red": 0, "amber": 1, "green": 2}


@dataclass(frozen=True)
class Trigger:
    """One reason to open an action: its kind and the figures that show it (plain numbers)."""

    kind: str
    difference: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    rag_before: str | None = None
    rag_after: str | None = None


def rag_dropped(before: str | None, after: str | None) -> bool:
    """True when a RAG status fell: green to amber or red, or amber to red."""
    if before not in RAG_ORDER or after not in RAG_ORDER:
        return False
    return RAG_ORDER[after] < RAG_ORDER[before]


def change_against(
    current: Mapping, previous: Mapping, polarity: str
) -> tuple[float, float, float] | None:
    """Newcombe's (difference, low, high) of current minus previous survey figures, or None when
    either is hidden or has no counts (staff-entered figures have none)."""
    for figure in (current, previous):
        if (
            figure is None
            or figure.get("suppressed")
            or figure.get("favourable") is None
            or not figure.get("n")
        ):
            return None
    return newcombe_difference(
        current["favourable"], current["n"], previous["favourable"], previous["n"]
    )


def _after_baseline(current: Mapping) -> bool:
    """A period before the baseline was not a deterioration from it, however it compares."""
    baseline = current.get("baseline") or {}
    start, baseline_end = current.get("date_from"), baseline.get("date_to")
    return start is not None and baseline_end is not None and start > baseline_end


def deterioration(current: Mapping, previous: Mapping | None, polarity: str) -> list[Trigger]:
    """The triggers a measure's figures for a period set off.

    Args:
        current: the period's figures: date_from, favourable, n, suppressed, rag, baseline
            ({"date_to", ...} or None) and change (against the baseline: {"difference", "ci_low",
            "ci_high", "verdict"} or None; counted only for a period after the baseline's).
        previous: the previous period's figures of the same shape, or None.
        polarity: "higher_is_better" or "lower_is_better".

    Returns:
        Triggers in a fixed order (baseline, previous period, RAG); empty when nothing got worse.
    """
    found = []
    change = current.get("change")
    if change and change.get("verdict") == WORSE and _after_baseline(current):
        found.append(
            Trigger(WORSE_THAN_BASELINE, change["difference"], change["ci_low"], change["ci_high"])
        )
    if previous is not None:
        against = change_against(current, previous, polarity)
        if against is not None and change_verdict(against, polarity) == WORSE:
            found.append(Trigger(WORSE_THAN_PREVIOUS, *against))
        if rag_dropped(previous.get("rag"), current.get("rag")):
            found.append(Trigger(RAG_DROP, rag_before=previous["rag"], rag_after=current["rag"]))
    return found
