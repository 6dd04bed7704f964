"""The walls' own views of a moderation item, checked in Chromium: the owner's item page with its
"approve for publication outside" button, and the page another organisation gets instead of the
text."""

import pytest
from sqlalchemy import select

from portal.accounts.models import User
from portal.contributions.models import Contribution
from portal.extensions import db
from tests.browser.test_pages import _session_cookie
from tests.fixtures.browser import axe_violations, horizontal_overflow

pytestmark = [pytest.mark.browser, pytest.mark.shared_demo]


def _walled_approved_item():
    return db.session.scalar(
        select(Contribution.id)
        .where(
            Contribution.owner_organisation == "sendiass",
            Contribution.status == "approved",
            Contribution.outside_approved_at.is_(None),
        )
        .order_by(Contribution.id)
    )


@pytest.mark.parametrize(
    "email,status,heading",
    [
        ("sendiass@example.org", 200, "Staff-logged insight"),
        ("moderator@example.org", 403, "This text belongs to SENDIASS"),
        ("editor@example.org", 403, "This text belongs to SENDIASS"),
    ],
)
def test_walled_item_pages_are_accessible(
    app, live_server, context_factory, shared_demo, email, status, heading
):
    item_id = _walled_approved_item()
    user = db.session.scalar(select(User).where(User.email == email))
    for javascript in (True, False):
        phone = context_factory(width=320, height=640, javascript=javascript)
        phone.add_cookies([_session_cookie(app, user, live_server)])
        page = phone.new_page()
        response = page.goto(f"{live_server}/staff/moderation/{item_id}")
        assert response.status == status
        assert page.locator("h1").first.inner_text().startswith(heading)
        if status == 200:
            assert (
                page.get_by_role("button", name="Approve for publication outside SENDIASS").count()
                == 1
            )
        assert ("tribunal" in page.content()) == (status == 200)
        if javascript:
            assert not axe_violations(page), axe_violations(page)
            assert horizontal_overflow(page) <= 0
