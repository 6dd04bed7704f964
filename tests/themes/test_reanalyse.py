"""`portal reanalyse`: batches, staff decisions kept, and never a duplicate safeguarding concern."""

from datetime import datetime

from sqlalchemy import func, select

from portal.contributions.models import Contribution, Status
from portal.extensions import db
from portal.safeguarding import services as safeguarding
from portal.safeguarding.models import Concern
from portal.themes.reanalyse import reanalyse
from tests.factories import make_contribution, make_user
from tests.themes.helpers import contribution, states, tag, theme

RISK = "I want to kill myself, nobody cares about me."


def _concerns(item=None):
    query = select(func.count(Concern.id))
    if item is not None:
        query = query.where(Concern.contribution_id == item.id)
    return db.session.scalar(query)


def test_command_runs_in_batches_and_prints_counts(runner):
    for n in range(5):
        contribution(f"The school bus was late {n} times.")
    result = runner.invoke(args=["reanalyse", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    assert "Re-analysed 5 contributions in 3 batch(es)." in result.output
    assert "concerns opened: 0" in result.output


def test_confirmed_themes_status_and_published_text_are_untouched(editor, moderator):
    approved = contribution("Lovely staff. Email me at sam@example.com about the school bus.")
    approved.status, approved.redacted_text = Status.APPROVED, "Lovely staff. About the school bus."
    rejected = contribution("Buy cheap watches about the school bus")
    rejected.status = Status.REJECTED
    db.session.commit()
    tag(approved, "ehcp")  # a theme the analyser would never suggest
    tag(rejected, "transport")
    # Staff change the taxonomy: the transport theme is no longer in use.
    theme("transport").active = False
    db.session.commit()
    counts = reanalyse(batch_size=1)
    assert counts.analysed == 2 and counts.batches == 2
    db.session.expire_all()
    approved, rejected = (
        db.session.get(Contribution, approved.id),
        db.session.get(Contribution, rejected.id),
    )
    assert approved.status == Status.APPROVED and rejected.status == Status.REJECTED
    assert approved.redacted_text == "Lovely staff. About the school bus."
    assert states(approved)["ehcp"] == "confirmed" and "transport" not in states(approved)
    assert states(rejected)["transport"] == "confirmed"


def test_new_taxonomy_reaches_old_contributions():
    item = contribution("The Zorblefish service let us down.")
    assert "transport" not in states(item)
    theme("transport").aliases = ["zorblefish"]
    db.session.commit()
    reanalyse()
    assert states(db.session.get(Contribution, item.id))["transport"] == "suggested"


def test_an_active_concern_is_not_duplicated(runner):
    item = contribution(RISK)
    assert _concerns(item) == 1 and item.status == Status.ESCALATED
    result = runner.invoke(args=["reanalyse"])
    assert "concerns opened: 0" in result.output
    assert _concerns(item) == 1
    assert db.session.get(Contribution, item.id).status == Status.ESCALATED


def test_a_concern_closed_as_no_risk_is_not_reopened():
    moderator = make_user(role="moderator", safeguarding_lead=True)
    item = contribution(RISK)
    concern = db.session.scalar(select(Concern).where(Concern.contribution_id == item.id))
    safeguarding.close(concern, actor=moderator, outcome="no_risk", note="Checked: a song lyric.")
    assert item.status == Status.PENDING and item.safeguarding_flag is False
    counts = reanalyse()
    item = db.session.get(Contribution, item.id)
    assert counts.concerns_opened == 0 and _concerns() == 1
    assert item.status == Status.PENDING and item.safeguarding_flag is False


def test_a_newly_flagged_contribution_opens_exactly_one_concern(runner):
    # Saved before the rules recognised the risk: no flag and no concern.
    item = make_contribution(RISK, status=Status.APPROVED, analysed=False)
    result = runner.invoke(args=["reanalyse"])
    assert "Newly flagged for safeguarding: 1; concerns opened: 1." in result.output
    item = db.session.get(Contribution, item.id)
    assert item.safeguarding_flag and _concerns(item) == 1
    assert item.status == Status.ESCALATED  # safeguarding wins: it is no longer published
    result = runner.invoke(args=["reanalyse"])
    assert "concerns opened: 0" in result.output and _concerns(item) == 1


def test_since_and_source_limit_what_is_reanalysed(runner):
    old = contribution("Old feedback about the school bus.")
    old.created_at = datetime(2024, 1, 1)
    forum = contribution("New forum post about the school bus.", source="forum")
    new = contribution("New feedback about the school bus.")
    for item in (old, forum, new):
        item.analysed_at = datetime(2000, 1, 1)
    db.session.commit()
    result = runner.invoke(args=["reanalyse", "--since", "2025-01-01", "--source", "feedback"])
    assert "Re-analysed 1 contributions" in result.output
    db.session.expire_all()
    analysed = {c.id for c in db.session.scalars(select(Contribution)) if c.analysed_at.year > 2000}
    assert analysed == {new.id}


def test_bad_options_are_refused(runner):
    assert runner.invoke(args=["reanalyse", "--since", "yesterday"]).exit_code == 2
    assert runner.invoke(args=["reanalyse", "--source", "email"]).exit_code == 2
    assert runner.invoke(args=["reanalyse", "--batch-size", "0"]).exit_code == 2
