"""A rule written once: a concern is active until it is closed, the same in Python and in SQL."""

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.safeguarding.models import (
    Concern,
    ConcernState,
    active_concern_exists,
    has_active_concern,
)
from portal.safeguarding.services import open_concern
from tests.factories import make_contribution


@pytest.mark.parametrize("state", list(ConcernState))
def test_concern_rule_is_the_same_in_python_and_in_sql(state):
    item = make_contribution("The bus is late")
    concern = open_concern(item, opened_by="moderator", reasons=["worried"], commit=True)
    concern.state = state
    db.session.commit()
    in_sql = db.session.scalar(select(Concern.id).where(Concern.is_active)) is not None
    assert concern.is_active == in_sql == (state != ConcernState.CLOSED)
    assert has_active_concern(item.id) == in_sql
    assert db.session.scalar(select(active_concern_exists(item.id))) == in_sql


def test_no_concern_is_not_an_active_concern():
    item = make_contribution("The bus is late")
    assert not has_active_concern(item.id)
