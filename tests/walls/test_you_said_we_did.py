"""'You said, we did' takes walled text only once its owner approves it for publication outside."""

import pytest

from portal.contributions.models import Status
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.themes.services import seed_themes
from portal.walls.services import approve_outside, withdraw_outside
from portal.you_said_we_did import services
from portal.you_said_we_did.evidence import public_quotes
from tests.factories import make_reference_data, make_user
from tests.walls.helpers import walled_item
from tests.you_said_we_did.conftest import entry_data, theme_id


@pytest.fixture(autouse=True)
def reference():
    make_reference_data()
    seed_themes()


def test_draft_link_names_the_walled_item_and_keeps_the_rest(client, login_as):
    item = walled_item("sendiass", "brackenfold", status=Status.APPROVED)
    login_as(
        make_user(role="editor", organisation="sendiass")
    )  # even SENDIASS's own editor: entries go public
    response = client.get(f"/staff/you-said-we-did/new?theme=transport&contributions={item.id}")
    page = response.get_data(as_text=True)
    assert "govuk-error-summary" in page and "brackenfold" not in page
    assert (
        f"Contribution {item.id} cannot be used: SENDIASS has not approved it for publication "
        "outside SENDIASS" in page
    )
    assert f'value="{item.id}"' in page  # the link's ids are kept in the box to correct


def test_evidence_and_quote_need_the_owners_approval_and_stop_when_withdrawn(client):
    item = walled_item("sendiass", "brackenfold", status=Status.APPROVED)
    editor, owner = (
        make_user(role="editor", organisation="council"),
        make_user(organisation="sendiass"),
    )
    with pytest.raises(ValidationFailed):
        services.save_entry(
            editor=editor, data=entry_data(evidence_ids=[item.id], quote_ids=[item.id])
        )
    approve_outside(item, moderator=owner)
    entry = services.save_entry(
        editor=editor,
        data=entry_data(
            evidence_ids=[item.id], quote_ids=[item.id], theme_ids=[theme_id("transport")]
        ),
    )
    services.publish(entry, editor=editor)
    assert "brackenfold" in client.get(f"/you-said-we-did/{entry.id}").get_data(as_text=True)
    withdraw_outside(item, moderator=owner)
    db.session.expire_all()
    assert public_quotes(entry) == []
    assert "brackenfold" not in client.get(f"/you-said-we-did/{entry.id}").get_data(as_text=True)
