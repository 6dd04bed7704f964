"""The evidence of a deterioration in words: the figures, the verdict and the period."""

from portal.metrics.deterioration import RAG_DROP, WORSE_THAN_BASELINE

RAG_WORDS = {"green": "Green", "amber": "Amber", "red": "Red", "unclear": "Not yet clear"}


def figure_words(measure, result):
    """'45% (about 20 of about 45 answers; 95% interval 31% to 59%)', or a staff figure with its
    unit."""
    if result is None or result.get("value") is None:
        return "no figure"
    if not measure.is_survey:
        return f"{result['value']:g} {measure.unit}".strip()
    about = "" if result.get("exact") else "about "
    text = (
        f"{result['value']:.0%} ({about}{result['favourable']} of {about}{result['n']} valid "
        "answers"
    )
    if result.get("ci_low") is not None:
        text += f"; 95% interval {result['ci_low']:.0%} to {result['ci_high']:.0%}"
    return text + ")"


def _points(value):
    return f"{value * 100:+.0f}"


def _side(measure):
    return (
        "below zero, and higher is better for this measure"
        if measure.polarity == "higher_is_better"
        else "above zero, and lower is better for this measure"
    )


def evidence_words(measure, trigger, window, current, previous_window=None, previous=None):
    """One paragraph a board member can read: what the figures were, the verdict and why."""
    now = f"In {window.label} {measure.name} was {figure_words(measure, current)}."
    if trigger.kind == RAG_DROP:
        target = current.get("target")
        target_words = (
            f" against the {current.get('target_year')} target of "
            + (f"{target:.0%}" if measure.is_survey else f"{target:g}")
            if target is not None
            else ""
        )
        return (
            f"{now} Its status fell from {RAG_WORDS[trigger.rag_before]} in "
            f"{previous_window.label} "
            f"(when it was {figure_words(measure, previous)}) to "
            f"{RAG_WORDS[trigger.rag_after]}{target_words}."
        )
    if trigger.kind == WORSE_THAN_BASELINE:
        baseline = current["baseline"]
        against = f"the baseline ({baseline['period']}), {figure_words(measure, baseline)}"
    else:
        against = (
            f"the previous period ({previous_window.label}), {figure_words(measure, previous)}"
        )
    return (
        f"{now} Against {against}, the change is {_points(trigger.difference)} points "
        f"(95% interval {_points(trigger.ci_low)} to {_points(trigger.ci_high)} points). "
        f"Verdict: worse, because the whole interval is {_side(measure)}."
    )


def evidence_figures(trigger, current, previous=None):
    """The numbers behind the words, kept with the action (JSON)."""
    keep = ("value", "n", "favourable", "ci_low", "ci_high", "rag", "target")
    found = {
        "current": {k: current.get(k) for k in keep},
        "trigger": {
            "difference": trigger.difference,
            "ci_low": trigger.ci_low,
            "ci_high": trigger.ci_high,
            "rag_before": trigger.rag_before,
            "rag_after": trigger.rag_after,
        },
    }
    if trigger.kind == WORSE_THAN_BASELINE and current.get("baseline"):
        found["baseline"] = {
            k: current["baseline"].get(k) for k in ("value", "n", "favourable", "period")
        }
    elif previous is not None:
        found["previous"] = {k: previous.get(k) for k in keep}
    return found
