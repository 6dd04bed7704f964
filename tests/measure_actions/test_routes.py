"""Measure action pages: who may see and change them, the close and owner forms, staff home and
board report."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.mail.models import OutboxMessage
from portal.measure_actions.check import check_measures
from portal.measure_actions.models import MeasureAction
from tests.factories import make_user
from tests.measure_actions.factories import AFTER_Q3, worse_measure


@pytest.fixture
def action():
    worse_measure()
    [opened] = check_measures(today=AFTER_Q3)
    return opened


def _overdue(action):
    action.review_by = date.today() - timedelta(days=1)
    db.session.commit()


@pytest.mark.parametrize("role", ["viewer", "moderator", "editor", "admin"])
def test_staff_see_the_list_and_the_action(client, login_as, action, role):
    login_as(make_user(role=role))
    listing = client.get("/staff/measures/actions").get_data(as_text=True)
    assert "Parent carer satisfaction" in listing and "Worse than the baseline" in listing
    page = client.get(f"/staff/measures/actions/{action.id}").get_data(as_text=True)
    assert (
        "Verdict: worse" in page
        and "Olu Owner" in page
        and "2026/27 Q4 (January to March 2027)" in page
    )
    can_change = role in ("editor", "admin")
    assert ("Close the action" in page) is can_change and (
        "Save owner and review date" in page
    ) is can_change


@pytest.mark.parametrize("role", ["viewer", "moderator"])
def test_read_only_roles_cannot_close_or_reassign(client, login_as, action, role):
    login_as(make_user(role=role))
    assert (
        client.post(f"/staff/measures/actions/{action.id}/close", data={"note": "Done"}).status_code
        == 403
    )
    other = make_user(role="editor", organisation="council")
    assert (
        client.post(
            f"/staff/measures/actions/{action.id}/owner",
            data={"owner_id": other.id, "review_by": ["1", "3", "2030"]},
        ).status_code
        == 403
    )
    db.session.expire_all()
    assert db.session.get(MeasureAction, action.id).is_open


def test_young_people_and_visitors_are_kept_out(client, login_as, action):
    assert client.get("/staff/measures/actions").status_code == 302
    login_as(make_user(role="young_person"))
    assert client.get("/staff/measures/actions").status_code == 403
    assert client.get(f"/staff/measures/actions/{action.id}").status_code == 403
    assert (
        client.post(f"/staff/measures/actions/{action.id}/close", data={"note": "x"}).status_code
        == 403
    )


def test_closing_without_a_note_shows_an_error_and_keeps_the_page(client, login_as, editor, action):
    login_as(editor)
    page = client.post(f"/staff/measures/actions/{action.id}/close", data={"note": "  "}).get_data(
        as_text=True
    )
    assert "There is a problem" in page and "Enter what was done before closing the action" in page
    assert "<title>Error:" in page
    db.session.expire_all()
    assert db.session.get(MeasureAction, action.id).is_open
    done = client.post(
        f"/staff/measures/actions/{action.id}/close",
        data={"note": "Reviewed at QAG; drop-in sessions added in two localities."},
    )
    assert done.status_code == 302 and done.headers["Location"].endswith("/staff/measures/actions")
    db.session.expire_all()
    closed = db.session.get(MeasureAction, action.id)
    assert closed.closed_by_id == editor.id
    page = client.get(f"/staff/measures/actions/{action.id}").get_data(as_text=True)
    assert "drop-in sessions added" in page and "Close the action" not in page


def test_a_too_long_note_keeps_what_was_typed(client, login_as, editor, action):
    login_as(editor)
    note = "Reviewed. " * 401
    page = client.post(f"/staff/measures/actions/{action.id}/close", data={"note": note}).get_data(
        as_text=True
    )
    assert "Keep the note under 4,000 characters" in page and "Reviewed. Reviewed." in page


def test_reassigning_with_bad_input_keeps_what_was_typed(client, login_as, editor, action):
    login_as(editor)
    page = client.post(
        f"/staff/measures/actions/{action.id}/owner",
        data={"owner_id": "nobody", "review_by": ["31", "2", "2027"]},
    ).get_data(as_text=True)
    assert "Choose the person who owns this action" in page and "Enter a real date" in page
    assert 'value="31"' in page and 'value="2027"' in page
    other = make_user(role="editor", organisation="council", email="next@example.test")
    done = client.post(
        f"/staff/measures/actions/{action.id}/owner",
        data={"owner_id": str(other.id), "review_by": ["1", "3", "2030"]},
    )
    assert done.status_code == 302
    messages = db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    assert [m.to for m in messages][-1] == "next@example.test" and all(
        m.sent_at is None for m in messages
    )


def test_overdue_actions_show_on_the_staff_home_and_the_board_report(
    client, login_as, viewer, action
):
    login_as(viewer)
    home = client.get("/staff").get_data(as_text=True)
    assert "Overdue measure actions" in home
    _overdue(action)
    home = client.get("/staff").get_data(as_text=True)
    panel = home[home.index("Overdue measure actions") :]
    assert '<p class="govuk-heading-l">1</p>' in panel[:200] and "1 open in all" in panel
    report = client.get("/staff/measures/report?period=2026-27-Q2").get_data(as_text=True)
    section = report[report.index("Actions on measures that got worse") :]
    assert (
        "Parent carer satisfaction, 2026/27 Q3" in section
        and "Overdue" in section
        and "Verdict: worse" in section
    )
    assert "1 open, of which 1 overdue" in section


def test_the_list_flags_overdue_and_closed_actions(client, login_as, editor, action):
    _overdue(action)
    login_as(editor)
    assert "Overdue" in client.get("/staff/measures/actions").get_data(as_text=True)
    client.post(
        f"/staff/measures/actions/{action.id}/close", data={"note": "Done and followed up."}
    )
    page = client.get("/staff/measures/actions").get_data(as_text=True)
    assert "No actions are open." in page and "Closed actions" in page


def test_an_unknown_action_is_404(client, login_as, editor):
    login_as(editor)
    assert client.get("/staff/measures/actions/999").status_code == 404
    assert client.post("/staff/measures/actions/999/close", data={"note": "x"}).status_code == 404


def test_the_check_command(runner, app):
    # Q2 (July to September 2026) has closed by now, whenever the tests run.
    worse_measure(
        baseline=(date(2025, 10, 1), date(2025, 12, 31)), worse_on=datetime(2026, 8, 4, 12)
    )
    result = runner.invoke(args=["measures", "check", "--period", "2026-27-Q2"])
    assert result.exit_code == 0, result.output
    assert "1 action(s) opened." in result.output
    again = runner.invoke(args=["measures", "check", "--period", "2026-27-Q2"])
    assert "0 action(s) opened." in again.output
    bad = runner.invoke(args=["measures", "check", "--period", "next-week"])
    assert bad.exit_code != 0 and "is not a reporting period" in bad.output


def test_officer_pages_with_their_errors_are_valid_html(client, login_as, action, tmp_path):
    """The forms (which viewers never see, so the page walk does not check them) and their error
    states."""
    from tests.security.test_html_valid import html_problems, require_checker

    require_checker()
    officer = make_user(role="editor", organisation="council")
    login_as(officer)
    pages = {
        "list": client.get("/staff/measures/actions"),
        "action": client.get(f"/staff/measures/actions/{action.id}"),
        "close error": client.post(f"/staff/measures/actions/{action.id}/close", data={"note": ""}),
        "owner error": client.post(
            f"/staff/measures/actions/{action.id}/owner",
            data={"owner_id": "x", "review_by": ["40", "1", "2027"]},
        ),
        "complaints": client.get("/staff/measures/complaints?period=2026-27-Q2"),
        "record": client.get("/staff/measures/complaints/new"),
        "record error": client.post("/staff/measures/complaints/new", data={"count": "x"}),
    }
    files = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        path = tmp_path / f"{name.replace(' ', '-')}.html"
        path.write_text(response.get_data(as_text=True))
        files[str(path)] = name
    problems = html_problems(files)
    assert problems == [], "\n".join(problems)


def test_the_action_page_shows_the_follow_up_quarter_once_it_has_closed(client, login_as, viewer):
    from datetime import datetime as at

    from tests.measures.factories import make_mixed

    worse_measure(baseline=(date(2025, 10, 1), date(2025, 12, 31)), worse_on=at(2026, 5, 4, 12))
    [action] = check_measures(period="2026-27-Q1")
    make_mixed(70, 30, submitted_at=at(2026, 8, 4, 12))  # 2026/27 Q2, closed whenever the tests run
    login_as(viewer)
    page = client.get(f"/staff/measures/actions/{action.id}").get_data(as_text=True)
    assert "2026/27 Q2 (July to September 2026): Parent carer satisfaction was 70%" in page
