"""The wall rule: who reads walled text, the SQL filter agreeing with the predicate, and the
setting."""

import itertools

import pytest
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.contributions.models import Contribution, Status
from portal.contributions.services import log_insight
from portal.errors import InvalidTransition, NotAllowed, ValidationFailed
from portal.extensions import db
from portal.safeguarding.services import close, open_concern
from portal.walls import rules, services
from tests.factories import make_user
from tests.walls.helpers import walled_item


@pytest.fixture
def people():
    return {
        "sendiass": make_user(role="moderator", organisation="sendiass"),
        "pcf": make_user(role="moderator", organisation="pcf"),
        "council_editor": make_user(role="editor", organisation="council"),
        "council_admin": make_user(role="admin", organisation="council"),
        "icb_viewer": make_user(role="viewer", organisation="icb"),
        "pcf_lead": make_user(role="moderator", organisation="pcf", safeguarding_lead=True),
        "sendiass_viewer": make_user(role="viewer", organisation="sendiass"),
        "suspended_sendiass": make_user(role="moderator", organisation="sendiass", active=False),
    }


def test_sendiass_text_is_walled_by_default_and_read_only_by_sendiass(people):
    item = walled_item("sendiass", "brackenfold")
    readers = {name for name, user in people.items() if rules.can_read_text(user, item)}
    assert readers == {"sendiass", "sendiass_viewer"}
    assert not rules.can_read_text(None, item)


def test_partnership_text_and_unwalled_owners_are_open(people):
    public = walled_item(None, "openfield", source="feedback")
    pcf = walled_item("pcf", "pcfmeadow")
    for user in people.values():
        assert rules.can_read_text(user, public) and rules.can_read_text(user, pcf)


def test_admin_walls_pcf_and_can_unwall_sendiass(people):
    pcf, sendiass = walled_item("pcf", "pcfmeadow"), walled_item("sendiass", "brackenfold")
    services.set_walls(["pcf"], actor=people["council_admin"])
    assert not rules.can_read_text(people["council_editor"], pcf)
    assert rules.can_read_text(people["pcf"], pcf)
    assert rules.can_read_text(people["council_editor"], sendiass)  # SENDIASS turned off
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert sorted(actions) == ["organisation.wall_off", "organisation.wall_on"]
    assert (
        services.set_walls(["pcf"], actor=people["council_admin"]) == []
    )  # nothing changed, nothing audited


def test_unknown_organisation_refused(people):
    with pytest.raises(ValidationFailed):
        services.set_walls(["sendiass", "mi5"], actor=people["council_admin"])


def test_lead_reads_only_while_concern_is_open(people):
    item = walled_item("sendiass", "brackenfold")
    lead = people["pcf_lead"]
    assert not rules.can_read_text(lead, item)
    concern = open_concern(
        item, opened_by="moderator", reasons=["worried"], actor=people["sendiass"], commit=True
    )
    assert rules.can_read_text(lead, item) and not rules.can_read_text(people["pcf"], item)
    close(concern, actor=lead, outcome="handled", note="Passed to the DSL")
    assert not rules.can_read_text(lead, item)


def test_sql_filter_agrees_with_predicate(people):
    """For every person and every kind of item, readable_filter selects exactly what can_read_text
    allows."""
    items = [
        walled_item(owner, f"word{i}", status=status, outside=outside)
        for i, (owner, status, outside) in enumerate(
            itertools.product(
                [None, "sendiass", "pcf", "council"],
                [Status.PENDING, Status.APPROVED],
                [False, True],
            )
        )
    ]
    open_concern(items[4], opened_by="moderator", reasons=["x"], commit=True)
    services.set_walls(["sendiass", "pcf"], actor=people["council_admin"])
    for user in [None, *people.values()]:
        by_sql = set(db.session.scalars(select(Contribution.id).where(rules.readable_filter(user))))
        assert by_sql == {c.id for c in items if rules.can_read_text(user, c)}, user
        quotable = set(
            db.session.scalars(select(Contribution.id).where(rules.quotable_filter(user)))
        )
        on_concern_only = {
            c.id
            for c in items
            if rules.read_reason(user, c) == "safeguarding" and not rules.is_published_outside(c)
        }
        assert quotable == {c.id for c in items if rules.can_quote(user, c)} - on_concern_only, user
    lead = people["pcf_lead"]
    assert rules.read_reason(lead, items[4]) == "safeguarding"
    bulk = set(
        db.session.scalars(
            select(Contribution.id).where(rules.readable_filter(lead, include_safeguarding=False))
        )
    )
    assert items[4].id not in bulk and items[4].id in set(
        db.session.scalars(select(Contribution.id).where(rules.readable_filter(lead)))
    )


def test_logged_insight_is_owned_by_the_loggers_organisation(people):
    item = log_insight(
        moderator=people["sendiass"],
        text="Families said annual reviews are late.",
        channel="phone",
        organisation="pcf",
        locality=None,
        families_represented=2,
    )
    assert (
        item.owner_organisation == "sendiass"
    )  # the logger's organisation, whatever the form said
    assert not rules.can_read_text(people["pcf"], item)


def test_outside_approval_only_by_owner_after_approval(people):
    item = walled_item("sendiass", "brackenfold")
    with pytest.raises(InvalidTransition):
        services.approve_outside(item, moderator=people["sendiass"])  # still pending
    item.status = Status.APPROVED
    db.session.commit()
    with pytest.raises(NotAllowed):
        services.approve_outside(item, moderator=people["pcf"])
    with pytest.raises(NotAllowed):
        services.approve_outside(item, moderator=people["council_admin"])
    assert not rules.can_quote(people["council_editor"], item)
    services.approve_outside(item, moderator=people["sendiass"])
    assert rules.can_quote(people["council_editor"], item) and rules.can_quote(None, item)
    assert not rules.can_read_text(people["council_editor"], item)  # a quote, not the item
    with pytest.raises(InvalidTransition):
        services.approve_outside(item, moderator=people["sendiass"])
    services.withdraw_outside(item, moderator=people["sendiass"])
    assert not rules.can_quote(None, item)
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["contribution.approve_outside", "contribution.withdraw_outside"]
