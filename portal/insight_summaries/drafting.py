"""The first draft of a summary's four parts, written from a month's facts. Plain Python, no Flask.

It states what the data show and says where numbers are too small to tell. It never gives causes:
"Why" lists the evidence the data hold and leaves the explanation to the officer.
"""

VERDICTS = {"improved": "improved", "worse": "got worse", "no clear change": "not yet clear"}
RAG = {
    "green": "on target",
    "amber": "close to target",
    "red": "short of target",
    "unclear": "not yet clear against its target (the target is inside the 95% interval)",
    "grey": "no target status",
}


WITHHELD = "withheld"  # as portal.insight_summaries.facts.WITHHELD


def count_text(count, threshold):
    """A published count in words: hidden counts say so, never a number."""
    if count == WITHHELD:
        return "not shown (so a small number elsewhere cannot be worked out)"
    return f"fewer than {threshold}" if count is None else f"{count:,}"


def _value(figure, measure):
    if figure["value"] is None:
        return None
    if measure["source"] == "survey":
        return f"{figure['value'] * 100:.0f}% (n = {figure['n']:,})"
    unit = f" {measure['unit']}" if measure["unit"] else ""
    return f"{figure['value']:g}{unit}"


def _points(value):
    return f"{value * 100:+.0f}"


def measure_line(measure, facts):
    """One line of "What" for a measure."""
    threshold, this, last = facts["threshold"], measure["this"], measure["last"]
    now = _value(this, measure)
    if now is None:
        if this.get("withheld"):
            return (
                f"{measure['name']}: not shown for {facts['label']}, so that a small number of "
                "responses in another month of the quarter cannot be worked out from it."
            )
        if measure["source"] == "survey":
            return (
                f"{measure['name']}: fewer than {threshold} responses in {facts['label']}, too few "
                "to tell (no figure is shown)."
            )
        return f"{measure['name']}: no figure entered for {facts['label']}."
    line = f"{measure['name']}: {now} in {facts['label']}"
    before = _value(last, measure)
    change = measure["change"]
    if change:
        line += (
            f", {_value(last, measure)} in {facts['last_label']}. Change: "
            f"{VERDICTS[change['verdict']]} "
            f"(95% interval {_points(change['ci_low'])} to {_points(change['ci_high'])} points"
        )
        line += ", which includes no change)." if change["verdict"] == "no clear change" else ")."
    elif measure["source"] == "survey":
        line += f". {facts['last_label']} had too few responses to compare with."
    else:
        line += f"; {before} in {facts['last_label']}." if before else "."
    baseline = this.get("baseline_change")
    if baseline:
        line += f" Against the baseline: {VERDICTS[baseline['verdict']]}."
    if this.get("rag") and this["rag"] != "grey":
        line += f" Status: {RAG[this['rag']]}."
    return line


def theme_line(theme, facts):
    threshold = facts["threshold"]
    words = {"rose": "rose", "fell": "fell", "unclear": "no clear change (or too few to tell)"}
    return (
        f"{theme['label']}: {count_text(theme['this'], threshold)} contributions in "
        f"{facts['label']}, "
        f"{count_text(theme['last'], threshold)} in {facts['last_label']}: "
        f"{words[theme['direction']]}."
    )


def _bullets(lines):
    return "\n".join(f"- {line}" for line in lines)


def what(facts):
    threshold = facts["threshold"]
    parts = [
        "Measures:",
        _bullets([measure_line(m, facts) for m in facts["measures"]] or ["No public measures."]),
    ]
    moving = [t for t in facts["themes"] if t["direction"] != "unclear"]
    parts += [
        "Themes that rose or fell (approved contributions with the theme confirmed):",
        _bullets([theme_line(t, facts) for t in moving] or ["No theme clearly rose or fell."]),
    ]
    said = []
    for theme in facts["themes"][:5]:
        roles = {row["role"]: row["count"] for row in theme["by_role"]}
        said.append(
            f"{theme['label']}: young people {count_text(roles['young_person'], threshold)}, "
            f"parent carers {count_text(roles['parent_carer'], threshold)}."
        )
    parts += [
        "What young people said, apart from parents (contributions by theme):",
        _bullets(said or ["No themed contributions this month."]),
    ]
    actions = facts["actions"]
    parts += [
        "\u201cYou said, we did\u201d actions:",
        _bullets(
            [
                f"Due this month: {len(actions['due'])}.",
                f"Done this month: {len(actions['done'])}.",
                f"Late (due by the end of the month and not done): {len(actions['late'])}.",
            ]
        ),
    ]
    co = facts["coproduction"]
    parts += [
        "Co-production:",
        _bullets(
            [
                f"{co['activities']} activities logged ({co['strategic']} about strategy, "
                "commissioning or the plan).",
                f"Taking part: parent carers {count_text(co['parent_carers'], threshold)}, young "
                "people "
                f"{count_text(co['young_people'], threshold)}, professionals "
                f"{count_text(co['professionals'], threshold)}.",
            ]
        ),
    ]
    return "\n".join(parts)


def why(facts):
    lines = []
    for theme in facts["themes"]:
        if theme["direction"] == "rose" and theme["alongside"]:
            with_ = ", ".join(f"{a['label']} ({a['count']:,})" for a in theme["alongside"])
            lines.append(f"{theme['label']} was most often mentioned alongside: {with_}.")
    if not lines:
        lines.append("The data hold no linked themes clear enough to list this month.")
    return (
        "Evidence the data hold (not causes; add an explanation only where you know it):\n"
        + _bullets(lines)
    )


def so_what(facts):
    lines = []
    for measure in facts["measures"]:
        change = measure["change"]
        if change and change["verdict"] != "no clear change":
            lines.append(
                f"{measure['name']} {VERDICTS[change['verdict']]} since {facts['last_label']}."
            )
        if measure["this"].get("rag") in ("red", "amber"):
            lines.append(f"{measure['name']} is {RAG[measure['this']['rag']]}.")
    small = [
        m["name"]
        for m in facts["measures"]
        if m["source"] == "survey" and m["this"]["suppressed"] and not m["this"].get("withheld")
    ]
    if small:
        lines.append(f"Too few responses to tell for: {', '.join(small)}.")
    late = facts["actions"]["late"]
    if late:
        lines.append(f"{len(late)} \u201cyou said, we did\u201d actions are late.")
    return _bullets(lines or ["Nothing in the data clearly changed this month."])


def next_steps(facts):
    lines = [
        f"Late action to follow up: {entry['title']} (due {entry['due_on']})."
        for entry in facts["actions"]["late"]
    ]
    return (
        _bullets(lines or ["No late actions."])
        + "\n- Officer: add the next steps and who will take them."
    )


def draft_parts(facts):
    """{"what", "why", "so_what", "next_steps"}: the first draft's text."""
    return {
        "what": what(facts),
        "why": why(facts),
        "so_what": so_what(facts),
        "next_steps": next_steps(facts),
    }
