"""Accessible SVG charts drawn on the server: a title and description, text labels, never colour
alone.

Every chart is shown beside a data table with the same figures, so the SVG is a picture of the
table, not the only way to read it. No JavaScript, no inline styles (the CSP forbids them).
"""

import itertools

from markupsafe import Markup, escape

_ids = itertools.count(1)
# Drawn for a phone first: 320 units wide, so at 320 CSS pixels (about 290 for the chart) 14-unit
# text is still 12px or more; labels sit above their bars, not beside them, so nothing is squeezed.
WIDTH = 320
MARGIN = 6
PLOT = WIDTH - 2 * MARGIN
FONT = 14
ROW = 44  # a label line, then the bar


def _pct(value):
    return f"{value * 100:.0f}%"


def _x(value):
    return MARGIN + PLOT * max(0.0, min(1.0, value))


def _svg(title, description, height, body):
    n = next(_ids)
    return Markup(
        f'<svg class="portal-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-title-{n} chart-desc-{n}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title-{n}">{escape(title)}</title><desc '
        f'id="chart-desc-{n}">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _text(x, y, words, anchor="start"):
    return (
        f'<text x="{x:.1f}" y="{y}" text-anchor="{anchor}" font-size="{FONT}" fill="#0b0c0c">'
        f"{escape(words)}</text>"
    )


def _axis(y):
    ticks = "".join(
        f'<line x1="{_x(t / 2):.1f}" y1="{y}" x2="{_x(t / 2):.1f}" y2="{y + 5}" stroke="#0b0c0c"/>'
        + _text(_x(t / 2), y + 20, f"{t * 50}%", ("start", "middle", "end")[t])
        for t in range(3)
    )
    return f'<line x1="{MARGIN}" y1="{y}" x2="{MARGIN + PLOT}" y2="{y}" stroke="#0b0c0c"/>{ticks}'


def _bar(y, value, low, high):
    """A solid bar to the value with a black interval whisker (shape and text, not colour, carry
    meaning)."""
    parts = [
        f'<rect x="{MARGIN}" y="{y}" width="{_x(value) - MARGIN:.1f}" height="16" fill="#1d70b8"/>'
    ]
    if low is not None and high is not None:
        mid = y + 8
        parts.append(
            f'<line x1="{_x(low):.1f}" y1="{mid}" x2="{_x(high):.1f}" y2="{mid}" stroke="#0b0c0c" '
            f'stroke-width="2"/><line x1="{_x(low):.1f}" y1="{y + 2}" x2="{_x(low):.1f}" '
            f'y2="{y + 14}" '
            f'stroke="#0b0c0c" stroke-width="2"/><line x1="{_x(high):.1f}" y1="{y + 2}" '
            f'x2="{_x(high):.1f}" y2="{y + 14}" stroke="#0b0c0c" stroke-width="2"/>'
        )
    return "".join(parts)


def _labelled_row(y, label, row_text, value=None, low=None, high=None):
    """A label and its figure on one line, the bar beneath."""
    body = _text(MARGIN, y + FONT, _short(label)) + _text(WIDTH - MARGIN, y + FONT, row_text, "end")
    return body + (_bar(y + 20, value, low, high) if value is not None else "")


def breakdown_chart(title, rows, threshold=10):
    """Horizontal bars, one per breakdown row ({label, value, ci_low, ci_high, suppressed});
    proportions only."""
    if any(row["value"] is not None and not 0 <= row["value"] <= 1 for row in rows):
        return None
    height = ROW * len(rows) + 40
    body, said = [], []
    for index, row in enumerate(rows):
        y = 6 + index * ROW
        if row["suppressed"] or row["value"] is None:
            body.append(_labelled_row(y, row["label"], hidden_text(row, threshold)))
            said.append(f"{row['label']}: {hidden_text(row, threshold)}")
        else:
            body.append(
                _labelled_row(
                    y, row["label"], _pct(row["value"]), row["value"], row["ci_low"], row["ci_high"]
                )
            )
            said.append(f"{row['label']}: {_pct(row['value'])}")
    body.append(_axis(height - 30))
    description = "Bars show the share; black lines show the 95% interval. " + "; ".join(said) + "."
    return _svg(title, description, height, "".join(body))


def interval_chart(title, result, threshold=10):
    """One measure's value as a bar with its interval, the baseline as a dashed line and the target
    as a diamond."""
    if result["suppressed"] or result["value"] is None or result.get("source") != "survey":
        return None
    body = [
        _labelled_row(
            6, "Now", _pct(result["value"]), result["value"], result["ci_low"], result["ci_high"]
        )
    ]
    said = [
        f"now {_pct(result['value'])} (95% interval {_pct(result['ci_low'])} to "
        f"{_pct(result['ci_high'])})"
    ]
    baseline, target = result.get("baseline"), result.get("target")
    key = []
    if baseline and 0 <= baseline["value"] <= 1:
        x = _x(baseline["value"])
        body.append(
            f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="50" stroke="#0b0c0c" stroke-width="2" '
            f'stroke-dasharray="4 3"/>'
        )
        key.append(f"dashed line: baseline {_pct(baseline['value'])}")
        said.append(f"baseline {_pct(baseline['value'])}")
    if target is not None and 0 <= target <= 1:
        x = _x(target)
        body.append(f'<path d="M{x:.1f} 38 l7 7 l-7 7 l-7 -7 z" fill="#0b0c0c"/>')
        key.append(f"diamond: target {_pct(target)}")
        said.append(f"target {_pct(target)} (diamond)")
    body.append(_axis(62))
    for index, words in enumerate(key):
        body.append(_text(MARGIN, 106 + index * 20, words[0].upper() + words[1:]))
    return _svg(title, "; ".join(said) + ".", 96 + 20 * len(key) + (8 if key else 0), "".join(body))


def trend_chart(title, rows, threshold=10):
    """Quarterly values as bars with intervals, oldest first (rows as breakdown_chart)."""
    return breakdown_chart(title, rows, threshold)


def hidden_text(row, threshold=10):
    """What a suppressed cell says instead of a figure."""
    if row.get("reason") == "no data":
        return "No responses"
    if row.get("reason") == "complementary":
        return "Hidden to protect a small group"
    return f"Fewer than {threshold} responses"


def _short(label, limit=24):
    return label if len(label) <= limit else label[: limit - 1] + "…"
