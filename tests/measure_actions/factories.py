"""A survey measure that got worse in 2026/27 Q3 against a baseline locked from Q1."""

from datetime import date, datetime

from portal.measures import services
from tests.factories import make_user
from tests.measures.factories import make_measure, make_mixed

#: The check runs on this day: 2026/27 Q3 (October to December 2026) is the latest closed quarter.
AFTER_Q3 = date(2027, 1, 5)


def worse_measure(
    editor=None, baseline=(date(2026, 4, 1), date(2026, 6, 30)), worse_on=datetime(2026, 11, 4, 12)
):
    """Parent carer satisfaction: 80% in Q1 (the locked baseline), nothing in Q2, 40% in Q3.

    Only one trigger fires for Q3: worse than the baseline (Q2 is empty, and there is no target).
    """
    editor = editor or make_user(
        role="editor", organisation="council", email="owner@example.test", name="Olu Owner"
    )
    measure = make_measure(owner_organisation="council", owner="WS1 Inclusive Practice")
    make_mixed(80, 20, submitted_at=datetime.combine(baseline[0], datetime.min.time()))
    services.lock_baseline(
        measure, actor=editor, label="Spring 2026", date_from=baseline[0], date_to=baseline[1]
    )
    make_mixed(40, 60, submitted_at=worse_on)
    return measure, editor


def recover(favourable=90):
    """Answers in 2026/27 Q4 (January to March 2027) far better than the baseline."""
    make_mixed(favourable, 100 - favourable, submitted_at=datetime(2027, 2, 4, 12))
