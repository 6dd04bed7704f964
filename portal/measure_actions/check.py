"""`portal measures check`: apply the deterioration rule to the latest closed period and open
actions."""

import logging

from flask import current_app

from portal.measure_actions.evidence import (
    RAG_WORDS,
    evidence_figures,
    evidence_words,
    figure_words,
)
from portal.measure_actions.services import open_action
from portal.measures.periods import UnknownWindow, next_window, previous_window, resolve_window
from portal.measures.results import measure_result
from portal.measures.services import list_measures
from portal.metrics.deterioration import deterioration

log = logging.getLogger(__name__)


def _result(measure, window, threshold):
    """The figures as the board report publishes them (rounded counts, small numbers hidden), so the
    evidence in an action is exactly what every reader of the report may see."""
    return measure_result(
        measure,
        date_from=window.start,
        date_to=window.end,
        threshold=threshold,
        since_baseline=False,
    )


def check_measures(*, period=None, today=None):
    """Open an action for each measure, trigger and period that deteriorated; returns the new
    actions.

    `period` is a closed window's key ("2026-27-Q3"); None checks the latest closed quarter.
    Running again (or twice at once) opens nothing new; a recovery closes nothing.
    Raises portal.measures.periods.UnknownWindow for a period that is not a closed quarter.
    """
    window = resolve_window(period, today)
    before, after = previous_window(window), next_window(window)
    threshold = current_app.config["SMALL_NUMBER_THRESHOLD"]
    opened = []
    for measure in list_measures():
        current, previous = _result(measure, window, threshold), _result(measure, before, threshold)
        for trigger in deterioration(current, previous, measure.polarity):
            action = open_action(
                measure,
                period=window.key,
                period_label=window.label,
                trigger=trigger.kind,
                evidence=evidence_words(measure, trigger, window, current, before, previous),
                figures=evidence_figures(trigger, current, previous),
                follow_up_period=after.key,
                follow_up_label=after.label,
                today=today,
            )
            if action is not None:
                opened.append(action)
    log.info("measures check for %s opened %s action(s)", window.key, len(opened))
    return opened


def follow_up(action, today=None):
    """The follow-up: the measure's published figures for the next reporting cycle once it has
    closed.

    Returns None before then, else {"label", "figure" (words), "change" (verdict against the
    baseline or None), "status" (RAG in words or None)}.
    """
    try:
        window = resolve_window(action.follow_up_period, today)
    except UnknownWindow:
        return None
    result = _result(action.measure, window, current_app.config["SMALL_NUMBER_THRESHOLD"])
    figure = (
        figure_words(action.measure, result)
        if not result["suppressed"]
        else "hidden (fewer than 10 answers)"
    )
    return {
        "label": window.label,
        "figure": figure,
        "change": result["change"]["verdict"] if result["change"] else None,
        "status": RAG_WORDS.get(result["rag"]),
    }
