"""The pages: who may see and do what, errors that keep what was typed, the public and board
views."""

import pytest

from portal.extensions import db
from portal.insight_summaries import services
from portal.insight_summaries.models import InsightSummary
from tests.factories import make_user
from tests.insight_summaries.conftest import OCTOBER, YOUNG, published_summary, text_of
from tests.reading import main_text, reading_age

pytestmark = pytest.mark.usefixtures("reference")
STAFF = "/staff/insight-summaries"


def form_data(version, **changes):
    return {
        **text_of(version),
        "young_people": version.young_people,
        "note": "",
        "base_number": version.number,
        **changes,
    }


def test_an_officer_drafts_a_month_through_the_page(client, login_as, editor):
    login_as(editor)
    page = client.get(STAFF).get_data(as_text=True)
    assert 'value="2026-10"' in page and "Draft the summary" in page
    response = client.post(STAFF, data={"month": "2026-10"})
    assert response.status_code == 302 and response.location.endswith(f"{STAFF}/2026-10")
    html = client.get(f"{STAFF}/2026-10").get_data(as_text=True)
    for heading in ("What", "Why", "So what", "Next"):
        assert '<h2 class="govuk-heading-l" id="part-' in html and f">{heading}</h2>" in html
    assert 'id="sign-off-blocked"' in html  # the drafter is told someone else signs off


def test_a_month_drafted_meanwhile_by_someone_else_leads_to_their_summary(client, login_as, editor):
    services.draft(
        OCTOBER, officer=make_user(role="editor")
    )  # after this officer's page was loaded
    login_as(editor)
    response = client.post(STAFF, data={"month": "2026-10"}, follow_redirects=True)
    assert "October 2026 already has a summary" in response.get_data(as_text=True)
    assert db.session.query(InsightSummary).count() == 1


def test_the_staff_home_shows_summaries_waiting_for_sign_off(client, login_as, editor, admin):
    services.draft(OCTOBER, officer=editor)
    login_as(admin)
    html = client.get("/staff").get_data(as_text=True)
    assert "Insight summaries waiting for your sign-off" in html


@pytest.mark.parametrize("month", ["2099-01", "nonsense", "2026-13", ""])
def test_an_open_or_bad_month_is_refused_with_a_message(client, login_as, editor, month):
    login_as(editor)
    response = client.post(STAFF, data={"month": month})
    assert response.status_code == 400 and "There is a problem" in response.get_data(as_text=True)
    assert db.session.query(InsightSummary).count() == 0


def test_viewers_read_published_summaries_only(client, login_as, viewer):
    summary, _, _ = published_summary()
    services.draft(OCTOBER.replace(month=9), officer=make_user(role="editor"))
    login_as(viewer)
    index = client.get(STAFF).get_data(as_text=True)
    assert (
        "October 2026" in index
        and "September 2026" not in index
        and "Draft the summary" not in index
    )
    assert client.get(f"{STAFF}/2026-10").status_code == 200
    assert client.get(f"{STAFF}/2026-09").status_code == 404
    assert client.post(STAFF, data={"month": "2026-08"}).status_code == 403
    assert client.get(f"{STAFF}/2026-10/edit").status_code == 403
    assert client.post(f"{STAFF}/2026-10/sign-off").status_code == 403
    assert client.post(f"{STAFF}/2026-10/publish").status_code == 403


def test_the_public_never_sees_anything_unpublished(client, editor):
    summary, _ = services.draft(OCTOBER, officer=editor)
    services.save_version(
        summary,
        officer=editor,
        base_number=1,
        data={**text_of(summary.latest), "young_people": YOUNG},
    )
    services.sign_off(summary, officer=make_user(role="admin"))  # signed off, still not published
    assert client.get("/insight-summaries/2026-10").status_code == 404
    assert "October 2026" not in client.get("/insight-summaries").get_data(as_text=True)
    response = client.get(f"{STAFF}/2026-10")
    assert response.status_code == 302 and "/sign-in" in response.location


def test_the_public_page_shows_the_published_young_peoples_and_public_versions(client):
    summary, drafter, _ = published_summary()
    html = client.get("/insight-summaries/2026-10").get_data(as_text=True)
    assert YOUNG in html and "For young people" in html and ">So what</h2>" in html
    assert "Version" not in html and drafter.email not in html  # no staff history in public
    assert "October 2026" in client.get("/insight-summaries").get_data(as_text=True)
    assert "/insight-summaries" in client.get("/results").get_data(as_text=True)


def test_the_young_peoples_version_reads_easily(client):
    published_summary()
    html = client.get("/insight-summaries/2026-10").get_data(as_text=True)
    young = html.split('id="young-people-text">')[1].split("</div>")[0]
    assert reading_age([young]) <= 9 and young in " ".join(main_text(html))


def test_a_correction_is_published_beside_the_history_not_over_it(client, login_as):
    summary, drafter, second = published_summary()
    login_as(second)
    client.post(
        f"{STAFF}/2026-10/edit",
        data=form_data(summary.latest, what="Corrected.", note="Wrong count"),
    )
    assert "Corrected." not in client.get("/insight-summaries/2026-10").get_data(as_text=True)
    login_as(drafter)
    client.post(f"{STAFF}/2026-10/sign-off")
    client.post(f"{STAFF}/2026-10/publish")
    html = client.get("/insight-summaries/2026-10").get_data(as_text=True)
    assert "Corrected." in html and "corrected version" in html
    staff = client.get(f"{STAFF}/2026-10").get_data(as_text=True)
    assert "Version 1" in staff and "Version 3" in staff and "Wrong count" in staff
    assert client.get(f"{STAFF}/2026-10/versions/2").status_code == 200
    assert client.get(f"{STAFF}/2026-10/versions/9").status_code == 404


def test_the_writer_cannot_sign_off_through_the_page(client, login_as, editor):
    services.draft(OCTOBER, officer=editor)
    login_as(editor)
    response = client.post(f"{STAFF}/2026-10/sign-off", follow_redirects=True)
    assert "someone else must sign it off" in response.get_data(as_text=True)
    assert db.session.query(InsightSummary).one().latest.signed_off_at is None


def test_bad_input_shows_errors_and_keeps_the_text(client, login_as, editor):
    summary, _ = services.draft(OCTOBER, officer=editor)
    login_as(editor)
    response = client.post(
        f"{STAFF}/2026-10/edit",
        data=form_data(
            summary.latest,
            why="<b>bold</b> claim",
            so_what="My careful so-what text",
            young_people="Fine words.",
        ),
    )
    html = response.get_data(as_text=True)
    assert (
        response.status_code == 400
        and "There is a problem" in html
        and "must be plain text" in html
    )
    assert "My careful so-what text" in html and "&lt;b&gt;bold&lt;/b&gt; claim" in html
    assert len(summary.versions) == 1


def test_a_stale_edit_is_a_conflict_that_keeps_the_text(client, login_as, editor, admin):
    summary, _ = services.draft(OCTOBER, officer=editor)
    stale = form_data(summary.latest, what="My edit from version one")
    services.save_version(summary, officer=admin, base_number=1, data=text_of(summary.latest))
    login_as(editor)
    response = client.post(f"{STAFF}/2026-10/edit", data=stale)
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "Someone else saved version 2" in html
    assert "My edit from version one" in html and len(summary.versions) == 2


def test_the_board_report_carries_published_summaries_for_its_period(client, login_as, viewer):
    published_summary()
    login_as(viewer)
    from portal.measures.periods import latest_window

    html = client.get(f"/staff/measures/report?period={latest_window().key}").get_data(as_text=True)
    assert "Monthly insight summaries" in html and 'id="summary-2026-10"' in html
    other = client.get("/staff/measures/report?period=2026-27-Q1").get_data(as_text=True)
    assert 'id="summary-2026-10"' not in other


def test_print_hides_the_staff_controls(client, login_as, editor):
    services.draft(OCTOBER, officer=editor)
    login_as(editor)
    html = client.get(f"{STAFF}/2026-10").get_data(as_text=True)
    controls = html.split('<div class="portal-no-print">')[1].split("</div>")[0]
    assert "Edit the text" in controls


def test_officers_see_the_protected_data_behind_the_draft(client, login_as, editor):
    from tests.insight_summaries.conftest import themed

    themed(25, "transport", role="young_person")
    themed(3, "transport", role="parent_carer")
    services.draft(OCTOBER, officer=editor)
    login_as(editor)
    html = client.get(f"{STAFF}/2026-10").get_data(as_text=True)
    table = html.split("The data behind the first draft")[1].split("</details>")[0]
    assert (
        "Travel to school or college" in table
        and "fewer than 10" in table
        and ">not shown<" in table
    )
    assert ">30<" in table and ">3<" not in table and ">25<" not in table
