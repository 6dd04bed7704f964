"""The demo data a newcomer first sees: varied, specific, dated like real work, and in every
state."""

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.contributions.models import Contribution
from portal.extensions import db
from portal.insights.queries import Filters, quotes
from portal.you_said_we_did.easy_read import easy_read_problems
from portal.you_said_we_did.models import Entry, EntryState, EntryStatus, Evidence
from portal.you_said_we_did.queries import coproduction_figures
from tests.conftest import sign_in
from tests.reading import reading_age

pytestmark = pytest.mark.shared_demo
SENTENCE = re.compile(r"(?<=[.!?])\s+")


@pytest.fixture
def demo(shared_demo):
    """Read-only checks on the demo data, loaded once for the module (see conftest)."""


def _entries():
    return db.session.scalars(select(Entry).order_by(Entry.id)).all()


def _sentences(texts):
    found = []
    for text in texts:
        found += [" ".join(s.lower().split()) for s in SENTENCE.split(text or "") if s.strip()]
    return found


def _repeated(items):
    return sorted({item for item in items if items.count(item) > 1})


def _public_quotes():
    rows = db.session.execute(
        select(Contribution.redacted_text)
        .join(Evidence)
        .join(Entry)
        .where(Entry.state == EntryState.PUBLISHED, Evidence.quote_position.is_not(None))
    )
    return [text for (text,) in rows]


def _insight_quotes():
    return [text for texts in quotes(Filters()).values() for text in texts]


def test_every_status_and_stage_is_represented(demo):
    entries = _entries()
    published = [e for e in entries if e.state == EntryState.PUBLISHED]
    assert {e.status for e in published} == set(EntryStatus)
    assert {e.state for e in entries} == set(EntryState)
    assert any(
        e.state == EntryState.DRAFT and e.review_note for e in entries
    )  # sent back by a reviewer
    refused = [e for e in published if e.status == EntryStatus.NOT_POSSIBLE]
    assert all(len(e.not_possible_reason) > 60 for e in refused)
    assert len({e.owner_organisation for e in entries}) >= 3
    assert len({e.due_on for e in entries}) == len(entries)
    assert any(len(e.events) >= 3 for e in published)  # a public history with several steps


def test_no_title_summary_or_action_sentence_is_repeated(demo):
    entries = _entries()
    assert _repeated([e.title for e in entries]) == []
    assert _repeated(_sentences(e.you_said for e in entries)) == []
    actions = _sentences(
        [e.we_did for e in entries]
        + [e.not_possible_reason for e in entries]
        + [e.decision for e in entries]
    )
    assert _repeated(actions) == []
    assert _repeated(_sentences(e.young_text for e in entries)) == []
    for entry in entries:  # no placeholder wording left over
        assert "matters to them" not in entry.you_said and "agreed an action" not in entry.we_did


def test_no_quote_sentence_is_repeated(demo):
    public, insight = _public_quotes(), _insight_quotes()
    assert len(public) >= 15 and len(insight) >= 30
    assert _repeated(_sentences(public + insight)) == []
    quoted = db.session.scalars(
        select(Contribution).join(Evidence).where(Evidence.quote_position.is_not(None))
    )
    for contribution in quoted:  # only approved, unflagged text
        assert contribution.status == "approved" and not contribution.safeguarding_flag


def test_each_entry_page_shows_its_own_quotes(demo, client):
    seen = []
    for entry in _entries():
        if entry.state != EntryState.PUBLISHED:
            continue
        html = client.get(f"/you-said-we-did/{entry.id}").get_data(as_text=True)
        shown = re.findall(
            r'<blockquote class="portal-quote govuk-body"><p>&ldquo;(.*?)&rdquo;', html
        )
        assert shown, entry.title
        seen += shown
    assert _repeated(seen) == []


def test_insight_explorer_quotes_are_all_different(demo, client):
    viewer = db.session.scalar(select(User).where(User.email == "viewer@example.org"))
    sign_in(client, viewer)
    html = client.get("/staff/insights").get_data(as_text=True)
    shown = re.findall(
        r'<blockquote class="govuk-inset-text portal-pre-wrap">(.*?)</blockquote>', html, re.S
    )
    assert len(shown) >= 10
    assert _repeated(shown) == []


def test_median_days_to_respond_is_weeks_not_zero(demo):
    assert coproduction_figures()["median_days"] >= 7


def test_dates_are_spread_over_two_financial_years_and_follow_the_feedback(demo):
    published = [e for e in _entries() if e.state == EntryState.PUBLISHED]
    years = {("2025-26" if e.published_at < datetime(2026, 4, 1) else "2026-27") for e in published}
    assert years == {"2025-26", "2026-27"}
    assert all(datetime(2025, 4, 1) <= e.published_at < datetime(2027, 4, 1) for e in published)
    for entry in published:
        said = [ev.contribution.created_at for ev in entry.evidence]
        assert max(said) < entry.published_at, entry.title
        history = [event.created_at for event in entry.events]
        assert history == sorted(history) and history[0] == entry.published_at, entry.title
        if entry.status == EntryStatus.DONE:
            assert entry.completed_on >= entry.published_at.date()


def test_young_peoples_versions_are_short_and_easy(demo):
    for entry in _entries():
        assert easy_read_problems(entry.young_text) == [], entry.title
        assert len(entry.young_text.split()) <= 45, entry.title
        assert reading_age([entry.young_text]) <= 9, (entry.title, reading_age([entry.young_text]))
        assert entry.young_title and entry.young_title != entry.title, entry.title
        assert (
            easy_read_problems(entry.young_title) == []
            and reading_age([entry.young_title + "."]) <= 9
        )


def test_survey_free_text_in_the_moderation_queue_never_repeats(demo):
    from portal.surveys.demo_text import CHANGE_YOUNG, WORKING_YOUNG

    rows = db.session.execute(
        select(Contribution.text, Contribution.author_role).where(
            Contribution.source == "survey", Contribution.survey_id.is_not(None)
        )
    ).all()
    assert len(rows) >= 60
    assert _repeated(_sentences(text for text, _ in rows)) == []
    young_words = set(WORKING_YOUNG + CHANGE_YOUNG)
    for (
        text,
        role,
    ) in rows:  # a young person never writes "my son", a parent never writes as a pupil
        assert (text in young_words) == (role == "young_person"), (role, text)
