"""The contribution factory: analysed ones go through the real services, others are bare rows."""

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.extensions import db
from portal.safeguarding.models import has_active_concern
from tests.factories import make_contribution

RISKY = "My dad hits me when he is drunk and I am scared to go home."


def test_analysed_contribution_is_redacted_and_risky_text_opens_a_concern():
    item = make_contribution("Ring me on 07700 900123")
    assert item.status == "pending" and item.analysed_at is not None
    assert "07700 900123" not in item.redacted_text
    risky = make_contribution(RISKY)
    assert risky.safeguarding_flag and has_active_concern(risky.id)


def test_approved_goes_through_moderation_and_is_audited():
    item = make_contribution(status="approved", themes=["transport"])
    assert item.status == "approved" and item.moderated_at is not None
    actions = [e.action for e in db.session.scalars(select(AuditEvent))]
    assert len(actions) == 1 and "approve" in actions[0]
    assert {(t.theme.slug, t.state) for t in item.themes} >= {("transport", "confirmed")}


def test_unanalysed_contribution_is_a_bare_row_with_its_themes():
    item = make_contribution(RISKY, analysed=False, themes=["ehcp"], theme_state="suggested")
    assert item.analysed_at is None and not item.safeguarding_flag
    assert not has_active_concern(item.id) and item.redacted_text == RISKY
    assert [(t.theme.slug, t.state) for t in item.themes] == [("ehcp", "suggested")]


def test_an_analysed_escalated_contribution_must_use_its_service():
    with pytest.raises(ValueError):
        make_contribution(status="escalated")
    assert db.session.scalar(select(AuditEvent.id)) is None
