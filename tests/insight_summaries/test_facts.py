"""What a draft says: measures with Newcombe verdicts, themes that rose or fell, who said it, never
a suppressed figure."""

from datetime import date, datetime

import pytest

from portal.insight_summaries.drafting import draft_parts
from portal.insight_summaries.facts import direction, month_facts
from portal.measures.models import CoproductionActivity
from tests.insight_summaries.conftest import OCTOBER, themed
from tests.measures.factories import make_measure, make_mixed

pytestmark = pytest.mark.usefixtures("reference")


@pytest.mark.parametrize(
    ("this", "last", "expected"),
    [
        (25, 10, "rose"),
        (10, 25, "fell"),
        (15, 10, "rose"),  # 13-17 against 10-12
        (10, 10, "unclear"),
        (None, 0, "unclear"),
        (None, None, "unclear"),
        (0, 0, "unclear"),
        (10, None, "rose"),
        (None, 10, "fell"),
        (0, None, "unclear"),
    ],
)
def test_direction_is_judged_from_published_counts_only(this, last, expected):
    assert direction(this, last, 10) == expected


def test_a_measure_that_moved_gets_its_newcombe_verdict():
    make_measure()
    make_mixed(20, 20, submitted_at=datetime(2026, 9, 5, 12))
    make_mixed(35, 5, submitted_at=datetime(2026, 10, 5, 12))
    measure = month_facts(OCTOBER)["measures"][0]
    assert measure["this"]["value"] == pytest.approx(0.875) and measure["this"]["n"] == 40
    assert measure["change"]["verdict"] == "improved" and measure["change"]["ci_low"] > 0
    line = draft_parts(month_facts(OCTOBER))["what"]
    assert (
        "Parent carer satisfaction: 88% (n = 40) in October 2026, 50% (n = 40) in September 2026"
        in line
    )
    assert "Change: improved" in line


def test_an_interval_holding_zero_says_not_yet_clear():
    make_measure()
    make_mixed(20, 20, submitted_at=datetime(2026, 9, 5, 12))
    make_mixed(23, 17, submitted_at=datetime(2026, 10, 5, 12))
    facts = month_facts(OCTOBER)
    assert facts["measures"][0]["change"]["verdict"] == "no clear change"
    text = draft_parts(facts)
    assert "Change: not yet clear" in text["what"] and "which includes no change" in text["what"]
    assert "improved" not in text["so_what"] and "got worse" not in text["so_what"]


def test_a_summary_never_shows_a_suppressed_figure():
    """Seven answers this month: no value, no n, no interval anywhere in the facts or the text."""
    make_measure()
    make_mixed(5, 2, submitted_at=datetime(2026, 10, 5, 12))
    make_mixed(30, 10, submitted_at=datetime(2026, 9, 5, 12))
    themed(12, "transport", role="parent_carer")
    themed(3, "transport", role="young_person")
    facts = month_facts(OCTOBER)
    this = facts["measures"][0]["this"]
    assert (
        this["suppressed"]
        and this["value"] is None
        and this["n"] is None
        and this["favourable"] is None
    )
    assert facts["measures"][0]["change"] is None
    transport = next(t for t in facts["themes"] if t["slug"] == "transport")
    roles = {row["role"]: row["count"] for row in transport["by_role"]}
    # 15 in all is shown; 3 young people is hidden, so 12 parent carers is withheld too (15 - 12 =
    # 3).
    assert (
        transport["this"] == 15
        and roles["young_person"] is None
        and roles["parent_carer"] == "withheld"
    )
    text = "\n".join(draft_parts(facts).values())
    assert "fewer than 10 responses in October 2026, too few to tell" in text
    assert "young people fewer than 10, parent carers not shown" in text
    for secret in ("n = 7", "71%", " 12 ", " 3 ", "12,", "(12)", "(3)"):
        assert secret not in text


def test_a_month_is_hidden_when_its_quarter_could_be_differenced_to_reveal_a_small_month():
    """October shown beside a small November would let the quarter's figure minus October reveal
    November."""
    make_measure()
    make_mixed(30, 10, submitted_at=datetime(2026, 10, 5, 12))
    make_mixed(3, 2, submitted_at=datetime(2026, 11, 5, 12))
    facts = month_facts(OCTOBER)
    october = facts["measures"][0]["this"]
    assert october["suppressed"] and october["withheld"] and october["value"] is None
    text = draft_parts(facts)
    assert "not shown for October 2026, so that a small number" in text["what"]
    assert (
        "fewer than 10 responses in October" not in text["what"]
        and "Too few" not in text["so_what"]
    )
    make_mixed(30, 10, submitted_at=datetime(2026, 11, 6, 12))  # November no longer small
    assert not month_facts(OCTOBER)["measures"][0]["this"]["suppressed"]


def test_themes_that_rose_and_what_was_said_alongside():
    themed(25, "transport", also="waiting-times")
    themed(10, "transport", when=datetime(2026, 9, 10, 12))
    facts = month_facts(OCTOBER)
    transport = next(t for t in facts["themes"] if t["slug"] == "transport")
    assert (transport["this"], transport["last"], transport["direction"]) == (25, 10, "rose")
    assert transport["alongside"][0]["count"] == 25
    parts = draft_parts(facts)
    assert "25 contributions in October 2026, 10 in September 2026: rose" in parts["what"]
    assert "most often mentioned alongside" in parts["why"] and "not causes" in parts["why"]


def test_young_people_are_counted_apart_from_parents():
    themed(20, "transport", role="young_person")
    themed(30, "transport", role="parent_carer")
    transport = month_facts(OCTOBER)["themes"][0]
    roles = {row["role"]: row["count"] for row in transport["by_role"]}
    assert roles["young_person"] == 20 and roles["parent_carer"] == 30


def test_rejected_and_unconfirmed_contributions_are_not_counted():
    themed(20, "transport", status="rejected")
    assert month_facts(OCTOBER)["themes"] == []


def test_coproduction_participants_are_protected():
    from portal.extensions import db

    db.session.add(
        CoproductionActivity(
            title="Forum",
            held_on=date(2026, 10, 3),
            parent_carers=12,
            young_people=4,
            professionals=0,
            decision_level="strategic",
        )
    )
    db.session.commit()
    co = month_facts(OCTOBER)["coproduction"]
    assert co == {
        "activities": 1,
        "strategic": 1,
        "parent_carers": 10,
        "young_people": None,
        "professionals": 0,
    }


def test_a_theme_count_is_hidden_when_its_quarter_could_reveal_a_small_month():
    themed(20, "transport", role="young_person")
    themed(
        4, "transport", when=datetime(2026, 11, 3, 12)
    )  # November small: October's count would give it away
    facts = month_facts(OCTOBER)
    transport = facts["themes"][0]
    assert transport["this"] == "withheld" and transport["direction"] == "unclear"
    assert [row["count"] for row in transport["by_role"]] == [
        0,
        "withheld",
        0,
        0,
    ]  # nor do the parts add up
    text = draft_parts(facts)["what"]
    assert "young people not shown (so a small number elsewhere cannot be worked out)" in text
    assert "20" not in text and "fewer than 10 contributions in October" not in text
