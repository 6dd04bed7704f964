"""The measures blueprint (public results and staff pages share it) and its template filters."""
from flask import Blueprint

from portal.measures.charts import hidden_text

bp = Blueprint("measures", __name__)


@bp.app_template_filter("points")
def format_points(value):
    """A difference of proportions in percentage points: 0.052 -> '5 points'; negatives keep their sign."""
    if value is None:
        return ""
    points = round(value * 100)
    return f"{points} point{'' if abs(points) == 1 else 's'}"


@bp.app_template_filter("figure")
def format_figure(value, result):
    """A measure's value: a percentage for survey measures, the plain figure for staff-entered ones."""
    if value is None:
        return ""
    if result["source"] == "survey":
        return f"{value * 100:.0f}%"
    return f"{value:g}" if value == round(value, 2) else f"{value:.2f}"


@bp.app_template_global("hidden_text")
def hidden_cell_text(row, threshold=10):
    return hidden_text(row, threshold)


def _register_links():
    from portal.navigation import add_home_link, add_nav_item
    from portal.permissions import can_view_dashboards
    add_nav_item("measures.results", "Results", order=30)
    add_nav_item("measures.dashboard", "Measures", can_view_dashboards, order=85)
    add_home_link("measures.results", "See how confident and satisfied families are, and whether it is improving",
                  order=40)


_register_links()
