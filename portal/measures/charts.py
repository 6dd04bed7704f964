"""Accessible SVG charts drawn on the server: a title and description, text labels, never colour alone.

Every chart is shown beside a data table with the same figures, so the SVG is a picture of the
table, not the only way to read it. No JavaScript, no inline styles (the CSP forbids them).
"""
import itertools

from markupsafe import Markup, escape

_ids = itertools.count(1)
WIDTH = 600
LABEL_WIDTH = 190
PLOT = WIDTH - LABEL_WIDTH - 60


def _pct(value):
    return f"{value * 100:.0f}%"


def _x(value):
    return LABEL_WIDTH + PLOT * max(0.0, min(1.0, value))


def _svg(title, description, height, body):
    n = next(_ids)
    return Markup(
        f'<svg class="portal-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="chart-title-{n} chart-desc-{n}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-title-{n}">{escape(title)}</title><desc id="chart-desc-{n}">{escape(description)}</desc>'
        f"{body}</svg>")


def _axis(y):
    ticks = "".join(
        f'<line x1="{_x(t / 4):.1f}" y1="{y}" x2="{_x(t / 4):.1f}" y2="{y + 5}" stroke="#0b0c0c"/>'
        f'<text x="{_x(t / 4):.1f}" y="{y + 20}" text-anchor="middle" font-size="14" fill="#0b0c0c">{t * 25}%</text>'
        for t in range(5))
    return f'<line x1="{LABEL_WIDTH}" y1="{y}" x2="{LABEL_WIDTH + PLOT}" y2="{y}" stroke="#0b0c0c"/>{ticks}'


def _bar(y, value, low, high):
    """A solid bar to the value with a black interval whisker (shape and text, not colour, carry meaning)."""
    parts = [f'<rect x="{LABEL_WIDTH}" y="{y}" width="{_x(value) - LABEL_WIDTH:.1f}" height="18" fill="#1d70b8"/>']
    if low is not None and high is not None:
        mid = y + 9
        parts.append(f'<line x1="{_x(low):.1f}" y1="{mid}" x2="{_x(high):.1f}" y2="{mid}" stroke="#0b0c0c" '
                     f'stroke-width="2"/><line x1="{_x(low):.1f}" y1="{y + 3}" x2="{_x(low):.1f}" y2="{y + 15}" '
                     f'stroke="#0b0c0c" stroke-width="2"/><line x1="{_x(high):.1f}" y1="{y + 3}" '
                     f'x2="{_x(high):.1f}" y2="{y + 15}" stroke="#0b0c0c" stroke-width="2"/>')
    parts.append(f'<text x="{WIDTH - 4}" y="{y + 14}" text-anchor="end" font-size="14" fill="#0b0c0c">'
                 f"{_pct(value)}</text>")
    return "".join(parts)


def breakdown_chart(title, rows, threshold=10):
    """Horizontal bars, one per breakdown row ({label, value, ci_low, ci_high, suppressed}); proportions only."""
    if any(row["value"] is not None and not 0 <= row["value"] <= 1 for row in rows):
        return None
    height = 30 * len(rows) + 40
    body, said = [], []
    for index, row in enumerate(rows):
        y = 10 + index * 30
        body.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" text-anchor="end" font-size="14" '
                    f'fill="#0b0c0c">{escape(_short(row["label"]))}</text>')
        if row["suppressed"] or row["value"] is None:
            body.append(f'<text x="{LABEL_WIDTH + 4}" y="{y + 14}" font-size="14" fill="#0b0c0c">'
                        f"{escape(hidden_text(row, threshold))}</text>")
            said.append(f"{row['label']}: {hidden_text(row, threshold)}")
        else:
            body.append(_bar(y, row["value"], row["ci_low"], row["ci_high"]))
            said.append(f"{row['label']}: {_pct(row['value'])}")
    body.append(_axis(height - 30))
    description = "Bars show the share; black lines show the 95% interval. " + "; ".join(said) + "."
    return _svg(title, description, height, "".join(body))


def interval_chart(title, result, threshold=10):
    """One measure's value as a bar with its interval, the baseline as a dashed line and the target as a diamond."""
    if result["suppressed"] or result["value"] is None or result.get("source") != "survey":
        return None
    body = [_bar(8, result["value"], result["ci_low"], result["ci_high"]),
            f'<text x="{LABEL_WIDTH - 8}" y="22" text-anchor="end" font-size="14" fill="#0b0c0c">Now</text>']
    said = [f"now {_pct(result['value'])} (95% interval {_pct(result['ci_low'])} to {_pct(result['ci_high'])})"]
    baseline, target = result.get("baseline"), result.get("target")
    if baseline and 0 <= baseline["value"] <= 1:
        x = _x(baseline["value"])
        body.append(f'<line x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="64" stroke="#0b0c0c" stroke-width="2" '
                    f'stroke-dasharray="4 3"/><text x="{LABEL_WIDTH - 8}" y="54" text-anchor="end" font-size="14" '
                    f'fill="#0b0c0c">Baseline (dashed)</text>')
        said.append(f"baseline {_pct(baseline['value'])}")
    if target is not None and 0 <= target <= 1:
        x = _x(target)
        body.append(f'<path d="M{x:.1f} 34 l7 7 l-7 7 l-7 -7 z" fill="#0b0c0c"/>')
        said.append(f"target {_pct(target)} (diamond)")
    body.append(_axis(70))
    return _svg(title, "; ".join(said) + ".", 100, "".join(body))


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


def _short(label, limit=26):
    return label if len(label) <= limit else label[: limit - 1] + "…"
