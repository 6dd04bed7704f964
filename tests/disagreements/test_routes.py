"""Recording complaint and disagreement counts, and where they show: roles, bad input,
disclosure."""

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.disagreements import services
from portal.disagreements.models import DisagreementCount
from portal.errors import NotAllowed, ValidationFailed
from portal.extensions import db
from portal.themes.models import Theme
from portal.themes.services import seed_themes
from tests.factories import make_reference_data, make_user

Q = "2026-27-Q2"


@pytest.fixture
def themes():
    make_reference_data()
    seed_themes()
    return {t.slug: t for t in db.session.scalars(select(Theme))}


def _form(theme, **changes):
    return {
        "quarter": Q,
        "theme_id": str(theme.id),
        "stage": "complaint",
        "outcome": "upheld",
        "locality_id": "0",
        "count": "12",
        **changes,
    }


def _rows():
    db.session.expire_all()
    return db.session.scalars(select(DisagreementCount)).all()


def test_an_officer_records_a_count_and_saving_the_same_cell_replaces_it(client, login_as, themes):
    officer = make_user(role="editor", organisation="council")
    login_as(officer)
    response = client.post("/staff/measures/complaints/new", data=_form(themes["ehcp"]))
    assert response.status_code == 302 and response.headers["Location"].endswith(
        f"/staff/measures/complaints?period={Q}"
    )
    client.post("/staff/measures/complaints/new", data=_form(themes["ehcp"], count="14"))
    [row] = _rows()
    assert (row.count, row.locality_id, row.entered_by_id) == (14, None, officer.id)
    events = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action == "disagreements.record")
        .order_by(AuditEvent.id)
    ).all()
    assert [(e.details["count"], e.details["was"]) for e in events] == [(12, None), (14, 12)]
    page = client.get(f"/staff/measures/complaints?period={Q}").get_data(as_text=True)
    assert (
        "Counts recorded for" in page and ">14<" in page
    )  # the officer who keeps them sees the exact count


def test_bad_input_gets_clear_errors_and_keeps_what_was_typed(client, login_as, editor, themes):
    login_as(editor)
    page = client.post(
        "/staff/measures/complaints/new",
        data={
            "quarter": "2031-32-Q1",
            "theme_id": "nope",
            "outcome": "",
            "locality_id": "0",
            "count": "lots",
        },
    ).get_data(as_text=True)
    assert "There is a problem" in page and "<title>Error:" in page
    assert "Enter how many, as a whole number from 0 to 100,000" in page
    assert "Choose the stage: complaint, mediation, tribunal or ombudsman" in page
    assert 'value="lots"' in page
    page = client.post(
        "/staff/measures/complaints/new",
        data=_form(themes["ehcp"], quarter="2031-32-Q1", outcome="won", count="-3"),
    ).get_data(as_text=True)
    assert "Enter how many, as a whole number from 0 to 100,000" in page and 'value="-3"' in page
    page = client.post(
        "/staff/measures/complaints/new",
        data=_form(themes["ehcp"], quarter="2031-32-Q1", outcome="won"),
    ).get_data(as_text=True)
    assert "Choose a quarter that has ended" in page and "Choose the outcome" in page
    assert 'value="12"' in page and f'<option value="{themes["ehcp"].id}" selected>' in page
    assert _rows() == []


def test_there_is_nowhere_to_type_a_name_or_story(client, login_as, editor, themes):
    login_as(editor)
    page = client.get("/staff/measures/complaints/new").get_data(as_text=True)
    assert "<textarea" not in page and page.count('type="text"') == 1  # the count box only
    columns = {column.name for column in DisagreementCount.__table__.columns}
    assert columns == {
        "id",
        "quarter",
        "theme_id",
        "stage",
        "outcome",
        "locality_id",
        "count",
        "entered_by_id",
        "entered_at",
    }


@pytest.mark.parametrize("role", ["viewer", "moderator"])
def test_read_only_roles_see_the_table_but_cannot_record(client, login_as, themes, role):
    login_as(make_user(role=role))
    assert client.get(f"/staff/measures/complaints?period={Q}").status_code == 200
    assert client.get("/staff/measures/complaints/new").status_code == 403
    assert (
        client.post("/staff/measures/complaints/new", data=_form(themes["ehcp"])).status_code == 403
    )
    assert _rows() == []
    with pytest.raises(NotAllowed):
        services.record_count(
            actor=make_user(role=role),
            quarter=Q,
            theme_id=themes["ehcp"].id,
            stage="complaint",
            outcome="upheld",
            locality_id=None,
            count=3,
        )


def test_young_people_and_visitors_are_kept_out(client, login_as, themes):
    assert client.get("/staff/measures/complaints").status_code == 302
    login_as(make_user(role="young_person"))
    assert client.get("/staff/measures/complaints").status_code == 403


def _record(officer, theme, count, stage="complaint", outcome="upheld", locality_id=None):
    services.record_count(
        actor=officer,
        quarter=Q,
        theme_id=theme.id,
        stage=stage,
        outcome=outcome,
        locality_id=locality_id,
        count=count,
    )


@pytest.mark.parametrize(
    "path",
    [
        f"/staff/measures/complaints?period={Q}",
        f"/staff/measures?period={Q}",
        f"/staff/measures/report?period={Q}",
    ],
)
def test_a_suppressed_count_never_shows_nor_comes_out_of_the_total(
    client, login_as, viewer, themes, path
):
    officer = make_user(role="editor", organisation="council")
    _record(officer, themes["ehcp"], 3)  # small: hidden
    _record(officer, themes["transport"], 12, outcome="upheld")  # 12 + 8 = 20 shown as 20
    _record(officer, themes["transport"], 8, outcome="not_upheld")
    _record(officer, themes["waiting-times"], 14)  # hidden too, or 37 - 20 - 14 = 3
    _record(officer, themes["ehcp"], 6, stage="tribunal", outcome="ongoing")
    login_as(viewer)
    page = client.get(path).get_data(as_text=True)
    section = page[page.index('id="disagreements-heading"') :]
    section = section[: section.index("</section>")]
    rows = {
        slug: section[section.index(f">{themes[slug].label}</th>") :][:700]
        for slug in ("ehcp", "transport", "waiting-times")
    }
    ehcp, waiting = rows["ehcp"], rows["waiting-times"]
    assert (
        ">3<" not in section
        and ">6<" not in section
        and ">14<" not in section
        and ">37<" not in section
    )
    assert 'Hidden<span class="govuk-visually-hidden">: fewer than 10' in ehcp
    assert "so a small number cannot be worked out" in waiting
    assert ">20<" in rows["transport"]
    all_themes = section[section.index(">All themes</th>") :]
    assert (
        ">35<" in all_themes
    )  # 37 rounded; 35 - 20 leaves two hidden cells, at least 10 between them
    assert "Counts recorded for" not in page  # a viewer never sees the exact counts


def test_two_officers_saving_the_same_cell_at_once_leave_one_row(app, themes):
    from tests.fixtures.servers import at_once

    first, second = make_user(role="editor").id, make_user(role="editor").id
    theme_id = themes["ehcp"].id
    db.session.remove()

    def save(officer_id, count):
        def run():
            with app.app_context():
                from portal.accounts.models import User

                services.record_count(
                    actor=db.session.get(User, officer_id),
                    quarter=Q,
                    theme_id=theme_id,
                    stage="complaint",
                    outcome="upheld",
                    locality_id=None,
                    count=count,
                )

        return run

    results = at_once([save(first, 11), save(second, 12)], together=True)
    assert [r for r in results if isinstance(r, Exception)] == []
    assert db.session.scalar(select(func.count(DisagreementCount.id))) == 1
    assert _rows()[0].count in (11, 12)


def test_the_service_refuses_what_the_form_cannot_send(themes):
    officer = make_user(role="editor")
    with pytest.raises(ValidationFailed) as error:
        services.record_count(
            actor=officer,
            quarter="2026-27-Q2",
            theme_id=999,
            stage="appeal",
            outcome="won",
            locality_id=999,
            count=100001,
        )
    assert set(error.value.errors) == {"theme_id", "stage", "outcome", "locality_id", "count"}
