"""Editors' pages: drafting from an insight explorer selection, evidence, review, status, report and
CSV."""

import csv
import io

import pytest

from portal.contributions.services import submit_contribution
from portal.extensions import db
from portal.you_said_we_did.models import Entry, EntryState
from tests.factories import make_user
from tests.you_said_we_did.conftest import approved, draft, published, theme_id

pytestmark = pytest.mark.usefixtures("reference")


def test_new_from_selection_preselects_theme_locality_and_evidence(client, login_as, editor):
    login_as(editor)
    ids = [approved().id, approved("Another one about the bus.").id]
    page = client.get(
        f"/staff/you-said-we-did/new?theme=transport&locality=shrewsbury&contributions={ids[0]},{ids[1]}"
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and f'value="{ids[0]},{ids[1]}"' in html
    assert f'value="{theme_id("transport")}" checked' in html and "There is a problem" not in html


def test_new_from_selection_refuses_unapproved_ids(client, login_as, editor):
    login_as(editor)
    pending = submit_contribution(source="feedback", text="Still pending")
    html = client.get(f"/staff/you-said-we-did/new?contributions={pending.id}").get_data(
        as_text=True
    )
    assert "There is a problem" in html and f"Contribution {pending.id} cannot be used" in html
    response = client.post(
        "/staff/you-said-we-did/new",
        data={
            "title": "T",
            "you_said": "Y",
            "we_did": "W",
            "status": "planned",
            "owner_organisation": "council",
            "contributions": str(pending.id),
        },
    )
    assert response.status_code == 200 and db.session.query(Entry).count() == 0
    assert 'value="T"' in response.get_data(as_text=True)  # what they typed is kept


def test_draft_then_evidence_then_publish_through_the_pages(client, login_as, editor):
    login_as(editor)
    contribution = approved()
    response = client.post(
        "/staff/you-said-we-did/new",
        data={
            "title": "Buses",
            "you_said": "Late buses",
            "we_did": "New timetable",
            "status": "planned",
            "owner_organisation": "council",
            "themes": [str(theme_id("transport"))],
            "young_text": "The bus was late. We will fix it.",
            "young_title": "Buses on time",
            "due_on": ["1", "5", "2027"],
            "contributions": "",
        },
    )
    entry = db.session.query(Entry).one()
    assert response.status_code == 302 and response.location.endswith(
        f"/staff/you-said-we-did/{entry.id}/evidence"
    )
    assert str(entry.due_on) == "2027-05-01"
    response = client.post(
        f"/staff/you-said-we-did/{entry.id}/evidence",
        data={"evidence": [str(contribution.id)], "quotes": [str(contribution.id)]},
    )
    assert response.status_code == 302
    client.post(f"/staff/you-said-we-did/{entry.id}/publish")
    db.session.refresh(entry)
    assert entry.state == EntryState.PUBLISHED
    assert client.get(f"/you-said-we-did/{entry.id}").status_code == 200


def test_bad_date_is_an_error_and_keeps_input(client, login_as, editor):
    login_as(editor)
    response = client.post(
        "/staff/you-said-we-did/new",
        data={
            "title": "Buses",
            "you_said": "Y",
            "we_did": "W",
            "status": "planned",
            "owner_organisation": "council",
            "due_on": ["31", "2", "2027"],
        },
    )
    html = response.get_data(as_text=True)
    assert "Enter a real date" in html and 'value="Buses"' in html


def test_review_and_status_pages(client, login_as, editor):
    entry = draft(editor)
    login_as(editor)
    client.post(f"/staff/you-said-we-did/{entry.id}/request-review")
    client.post(f"/staff/you-said-we-did/{entry.id}/publish")  # refused: same person
    db.session.refresh(entry)
    assert entry.state == EntryState.IN_REVIEW
    login_as(make_user(role="editor"))
    client.post(f"/staff/you-said-we-did/{entry.id}/publish")
    db.session.refresh(entry)
    assert entry.state == EntryState.PUBLISHED
    response = client.post(
        f"/staff/you-said-we-did/{entry.id}/status", data={"status": "not_possible"}
    )
    assert "Say why it is not possible" in response.get_data(as_text=True)
    client.post(
        f"/staff/you-said-we-did/{entry.id}/status", data={"status": "done", "note": "Finished"}
    )
    db.session.refresh(entry)
    assert entry.status == "done" and "Finished" in client.get(
        f"/you-said-we-did/{entry.id}"
    ).get_data(as_text=True)


@pytest.mark.parametrize(
    "role,status", [("viewer", 403), ("moderator", 403), ("editor", 200), ("admin", 200)]
)
def test_only_editors_manage(client, login_as, role, status):
    login_as(make_user(role=role))
    assert client.get("/staff/you-said-we-did/new").status_code == status
    assert client.get("/staff/you-said-we-did/report").status_code == 200  # viewers read reports


def test_moderator_cannot_publish_by_post(client, login_as, editor):
    entry = draft(editor)
    login_as(make_user(role="moderator"))
    assert client.post(f"/staff/you-said-we-did/{entry.id}/publish").status_code == 403
    db.session.refresh(entry)
    assert entry.state == EntryState.DRAFT


def test_report_and_csv_for_a_period(client, login_as, editor):
    published(editor, title='=HYPERLINK("http://evil")')
    published(editor, title="Buses on time")
    login_as(make_user(role="viewer"))
    page = client.get("/staff/you-said-we-did/report").get_data(as_text=True)
    assert "Buses on time" in page and "2 entries" in page
    assert "0 entries" in client.get(
        "/staff/you-said-we-did/report?start=2020-01-01&end=2020-12-31"
    ).get_data(as_text=True)
    assert "Enter dates like" in client.get(
        "/staff/you-said-we-did/report?start=nonsense"
    ).get_data(as_text=True)
    response = client.get("/staff/you-said-we-did/report.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:3] == ["id", "title", "status"] and len(rows) == 3
    titles = {row[1] for row in rows[1:]}
    assert "Buses on time" in titles and '\'=HYPERLINK("http://evil")' in titles
