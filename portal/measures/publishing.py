"""Working out every published figure ahead of requests (`portal measures refresh`)."""

from portal.extensions import db
from portal.measures import published
from portal.measures.api import stored_measure_json
from portal.measures.periods import closed_windows
from portal.measures.queries import BREAKDOWNS
from portal.measures.routes.public import results_figures
from portal.measures.services import list_measures


def refresh(*, all_periods=False, today=None):
    """Forget stored figures, then store /results and every public measure's API answers.

    Covers the latest closed quarter (every closed quarter with all_periods); others are computed
    when first asked for. Needs a request context (the results page is rendered).
    Returns [(window key, API answers stored)].
    """
    published.forget_all()
    db.session.commit()
    windows = closed_windows(today)
    done = []
    for window in windows if all_periods else windows[:1]:
        results_figures(window)
        slugs = [measure.slug for measure in list_measures(public_only=True)]
        for slug in slugs:
            for by in (None, *BREAKDOWNS):
                stored_measure_json(slug, by, window)
        done.append((window.key, len(slugs) * (1 + len(BREAKDOWNS))))
    return done
