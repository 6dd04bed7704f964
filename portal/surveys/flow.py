"""Moving through a survey: previous and next question, progress and the check-answers summary."""

from portal.surveys.questions import TEXT_TYPES, question_options


def position(questions, key):
    """Index of `key` among the visible questions, or None when routing hides it."""
    return next((i for i, q in enumerate(questions) if q.key == key), None)


def progress(live, visible, key):
    """(number, total, exact) for "Question 5 of about 14": a count that never jumps backwards.

    `total` counts the questions this person sees now plus routed questions that could still appear
    because the question deciding them is not behind them yet. As answers settle the routing the
    total can only shrink, so the number goes up and the share left only goes down.
    """
    index = position(visible, key)
    passed = {q.key for q in visible[:index]} if index is not None else set()
    shown = {q.key for q in visible}
    undecided = [
        q
        for q in live
        if q.key not in shown
        and q.show_if
        and q.show_if.get("key")
        and q.show_if["key"] in {v.key for v in live}
        and q.show_if["key"] not in passed
    ]
    return (index or 0) + 1, len(visible) + len(undecided), not undecided


def previous_key(questions, key):
    index = position(questions, key)
    return questions[index - 1].key if index else None


def next_key(questions, key, answers, changing=False):
    """Where to go after saving `key`: the next question, or None for check your answers.

    When changing an answer from the check page, go back there unless routing revealed a new
    question.
    """
    index = position(questions, key)
    following = questions[index + 1 :] if index is not None else questions
    if not changing:
        return following[0].key if following else None
    revealed = next((q for q in following if q.show_if and not answers.get(q.key)), None)
    return revealed.key if revealed else None


def resume_key(questions, answers, last_key=None):
    """Where someone coming back should land: after the last page they saved, else the first
    unanswered."""
    index = position(questions, last_key) if last_key else None
    if index is not None:
        return questions[index + 1].key if index + 1 < len(questions) else None
    unanswered = next((q for q in questions if not answers.get(q.key)), None)
    return unanswered.key if unanswered else None


def answer_summary(question, rows, reference):
    """Plain text of an answer for check your answers and exports ('' when not answered)."""
    if not rows:
        return ""
    if question.type in TEXT_TYPES:
        return rows[0].text or ""
    labels = {o["code"]: o["label"] for o in question_options(question, reference)}
    return ", ".join(labels.get(r.code, r.code) for r in rows)
