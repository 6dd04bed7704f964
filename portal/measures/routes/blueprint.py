"""The measures blueprint (public results and staff pages share it) and its template filters."""

from flask import Blueprint

from portal.measures.charts import hidden_text

bp = Blueprint("measures", __name__)


@bp.app_template_filter("points")
def format_points(value):
    """A difference of proportions in percentage points: 0.052 -> '5 points'; negatives keep their
    sign."""
    if value is None:
        return ""
    points = round(value * 100)
    return f"{points} point{'' if abs(points) == 1 else 's'}"


@bp.app_template_filter("figure")
def format_figure(value, result):
    """A measure's value: a percentage for survey measures, the plain figure for staff-entered
    ones."""
    if value is None:
        return ""
    if result["source"] == "survey":
        return f"{value * 100:.0f}%"
    return f"{value:g}" if value == round(value, 2) else f"{value:.2f}"


@bp.app_template_global("hidden_text")
def hidden_cell_text(row, threshold=10):
    return hidden_text(row, threshold)
