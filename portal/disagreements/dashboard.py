"""The complaints and disagreements panel of the staff dashboard and board report, for one closed
quarter."""

from portal.disagreements.services import totals_by_theme_and_stage
from portal.disagreements.tables import protected_table
from portal.insights.queries import Filters, confirmed_by_theme
from portal.themes.services import all_themes


def disagreements_view(window, threshold):
    """protected_table for `window` (a closed quarter), with the window; every figure is
    protected."""
    said = confirmed_by_theme(Filters(date_from=window.start, date_to=window.end))
    table = protected_table(all_themes(), totals_by_theme_and_stage(window.key), said, threshold)
    return {**table, "window": window}
