"""Measures pages: public results wording, staff dashboard, baseline lock/unlock, targets, log,
exports."""

import csv
import io
from datetime import datetime

import pytest
from flask import g
from openpyxl import load_workbook
from sqlalchemy import select

from portal.errors import NotAllowed
from portal.extensions import db
from portal.measures import services
from portal.measures.models import Baseline, CoproductionActivity
from portal.measures.seeds import seed_measures
from tests.factories import make_reference_data
from tests.measures.factories import make_mixed


def _big_listen():
    make_reference_data()
    seed_measures()
    make_mixed(30, 20, dont_know=4, submitted_at=datetime(2026, 8, 3))


def test_public_results_show_figures_words_and_small_number_text(client):
    _big_listen()
    make_mixed(3, 2, role="young_person", submitted_at=datetime(2026, 8, 3))
    page = client.get("/results?period=2026-27-Q2").get_data(as_text=True)
    assert "60%" in page and "about 30 of about 50 people" in page
    assert "We are 95% confident the true figure is between" in page
    assert "Fewer than 10 responses" in page
    assert "<svg" in page and "<title" in page and "<desc" in page
    assert "No baseline has been set yet." in page


def test_public_results_say_change_against_the_locked_baseline(client, editor):
    _big_listen()
    measure = services.find_measure("parent-carer-satisfaction")
    services.lock_baseline(
        measure,
        actor=editor,
        label="Summer 2026 Big Listen",
        date_from=datetime(2026, 7, 1).date(),
        date_to=datetime(2026, 9, 30).date(),
    )
    # Only closed quarters are published, so the comparison is with another closed quarter.
    make_mixed(45, 5, submitted_at=datetime(2026, 5, 2))
    page = client.get("/results?period=2026-27-Q1").get_data(as_text=True)
    assert "Baseline (Summer 2026 Big Listen): 60%" in page
    assert "Change since the baseline: <strong>Improved</strong>" in page


def test_editor_previews_then_locks_and_admin_unlocks(client, login_as, editor, admin):
    _big_listen()
    login_as(editor)
    form = {
        "label": "Summer 2026",
        "date_from": ["1", "7", "2026"],
        "date_to": ["30", "9", "2026"],
        "survey_id": "0",
    }
    preview = client.post(
        "/staff/measures/parent-carer-satisfaction/baseline", data={**form, "preview": "y"}
    )
    assert preview.status_code == 200 and "60.0% (30 of 50 valid answers" in preview.get_data(
        as_text=True
    )
    assert (
        db.session.scalar(
            select(Baseline.id).where(
                Baseline.measure_id == services.find_measure("parent-carer-satisfaction").id
            )
        )
        is None
    )
    locked = client.post(
        "/staff/measures/parent-carer-satisfaction/baseline", data={**form, "lock": "y"}
    )
    assert locked.status_code == 302
    baseline = services.locked_baseline(services.find_measure("parent-carer-satisfaction"))
    assert (baseline.n, baseline.locked_by_id) == (50, editor.id)
    assert (
        client.post(
            f"/staff/measures/baselines/{baseline.id}/unlock", data={"reason": "x"}
        ).status_code
        == 403
    )
    g.pop("_login_user", None)  # requests share the test's app context, so Flask-Login's cache too
    login_as(admin)
    response = client.post(
        f"/staff/measures/baselines/{baseline.id}/unlock", data={"reason": "Wrong dates"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Baseline, baseline.id).state == "unlocked"


def test_lock_with_too_few_answers_shows_an_error_and_keeps_input(client, login_as, editor):
    make_reference_data()
    seed_measures()
    login_as(editor)
    response = client.post(
        "/staff/measures/young-people-satisfaction/baseline",
        data={"label": "Summer 2026", "survey_id": "0", "lock": "y"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "fewer than 10 valid answers" in page
    assert 'value="Summer 2026"' in page


def test_targets_are_typed_as_percentages(client, login_as, editor):
    seed_measures()
    login_as(editor)
    response = client.post(
        "/staff/measures/parent-carer-satisfaction/targets",
        data={"target_2026": "65", "target_2027": "70", "target_2028": ""},
    )
    assert response.status_code == 302
    measure = services.find_measure("parent-carer-satisfaction")
    assert {t.financial_year: t.value for t in measure.targets} == {
        "2026/27": 0.65,
        "2027/28": 0.70,
    }
    bad = client.post(
        "/staff/measures/parent-carer-satisfaction/targets", data={"target_2026": "150"}
    )
    assert "Enter a target from 0% to 100%" in bad.get_data(as_text=True)


def test_dashboard_shows_representativeness_and_co_production(client, login_as, viewer, moderator):
    _big_listen()
    login_as(moderator)
    response = client.post(
        "/staff/measures/co-production/new",
        data={
            "title": "Family hub Big Listen",
            "held_on": ["18", "7", "2026"],
            "locality_id": "0",
            "parent_carers": "34",
            "young_people": "6",
            "professionals": "9",
            "decision_level": "service",
            "what_changed": "Evening opening",
        },
    )
    assert (
        response.status_code == 302
        and db.session.scalar(select(CoproductionActivity.title)) == "Family hub Big Listen"
    )
    g.pop("_login_user", None)
    login_as(viewer)
    page = client.get("/staff/measures?period=2026-27-Q2").get_data(as_text=True)
    # A viewer sees protected counts: 54 rounds to 55.
    assert "about 55 survey responses in this period, against the target of 200" in page
    assert "0 of 5 localities are represented" in page
    assert "34 parent carers" in page and "0 published, 0 completed; median not available" in page


def test_viewer_cannot_log_or_lock(client, login_as, viewer):
    seed_measures()
    login_as(viewer)
    assert client.get("/staff/measures/co-production/new").status_code == 403
    assert client.get("/staff/measures/parent-carer-satisfaction/baseline").status_code == 403


def test_board_report_downloads(client, login_as, viewer):
    _big_listen()
    login_as(viewer)
    report = client.get("/staff/measures/report?period=2026-27-Q2").get_data(as_text=True)
    assert "Suppression" in report and "Produced" in report
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/staff/measures/report.csv?period=2026-27-Q2").get_data(as_text=True)
            )
        )
    )
    satisfaction = next(row for row in rows if row["measure"] == "parent-carer-satisfaction")
    assert (satisfaction["value"], satisfaction["n"]) == ("0.6", "50")
    young = next(row for row in rows if row["measure"] == "young-people-satisfaction")
    assert (young["value"], young["n"], young["suppressed"]) == ("", "", "True")
    book = load_workbook(
        io.BytesIO(client.get("/staff/measures/report.xlsx?period=2026-27-Q2").data)
    )
    assert book.sheetnames == ["Measures", "Notes"] and book["Measures"]["A1"].value == "measure"
    quarterly = list(
        csv.DictReader(
            io.StringIO(client.get("/staff/measures/quarterly-return.csv").get_data(as_text=True))
        )
    )
    assert {
        "measure": "parent-carer-satisfaction",
        "financial_year": "2026/27",
        "quarter": "Q2",
        "n": "50",
    }.items() <= next(r for r in quarterly if r["measure"] == "parent-carer-satisfaction").items()


def _who_sees_what(client, login_as, user):
    g.pop("_login_user", None)
    login_as(user)
    page = client.get("/staff/measures/parent-carer-satisfaction?period=2026-27-Q2").get_data(
        as_text=True
    )
    csv_body = client.get("/staff/measures/report.csv?period=2026-27-Q2").get_data(as_text=True)
    row = next(
        r
        for r in csv.DictReader(io.StringIO(csv_body))
        if r["measure"] == "parent-carer-satisfaction"
    )
    return page, row


def test_exact_counts_only_for_the_owning_organisation_and_admins(client, login_as, viewer, admin):
    from tests.factories import make_user

    make_reference_data()
    seed_measures()
    make_mixed(31, 22, submitted_at=datetime(2026, 8, 3))  # 31 of 53
    council = make_user("moderator", email="council-mod@example.org", organisation="council")
    forum = make_user("editor", email="pcf-editor@example.org", organisation="pcf")
    for user, exact in ((council, True), (admin, True), (viewer, False), (forum, False)):
        page, row = _who_sees_what(client, login_as, user)
        if exact:
            assert "31 of 53 people" in page and "You see exact counts" in page, user.email
        else:
            assert "about 30 of about 55 people" in page and "31 of 53" not in page, user.email
        # The board report's downloads are protected for everyone, admins included.
        assert (row["n"], row["favourable"]) == ("55", "30"), user.email


def test_staff_pages_refuse_a_period_that_is_not_published(client, login_as, viewer):
    seed_measures()
    login_as(viewer)
    for url in (
        "/staff/measures?period=all",
        "/staff/measures/parent-carer-satisfaction?period=2099-00-Q1",
        "/staff/measures/report?period=fy-2026",
    ):
        response = client.get(url)
        page = response.get_data(as_text=True)
        assert (
            response.status_code == 400 and "There is a problem" in page and "2026-27-Q2" in page
        ), url
    assert client.get("/staff/measures/report.csv?period=all").status_code == 400


def test_results_page_refuses_an_unknown_period_with_an_error_summary(client):
    seed_measures()
    response = client.get("/results?period=since-baseline")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert (
        'class="govuk-error-summary"' in page and 'href="#period"' in page and "2026-27-Q1" in page
    )


def test_only_admins_choose_whose_staff_see_exact_counts(client, login_as, editor, admin):
    seed_measures()
    form = {
        "slug": "parent-carer-satisfaction",
        "name": "Parent carer satisfaction",
        "definition": "d",
        "audience": "parent_carer",
        "source": "survey",
        "question_key": "overall_satisfaction",
        "favourable_codes": "satisfied",
        "polarity": "higher_is_better",
        "unit": "",
        "owner": "WS1",
        "public": "y",
        "owner_organisation": "pcf",
    }
    login_as(editor)  # a PCF editor cannot hand their own organisation exact counts
    assert 'name="owner_organisation"' not in client.get(
        "/staff/measures/parent-carer-satisfaction/edit"
    ).get_data(as_text=True)
    assert (
        client.post("/staff/measures/parent-carer-satisfaction/edit", data=form).status_code == 302
    )
    db.session.expire_all()
    assert services.find_measure("parent-carer-satisfaction").owner_organisation == "council"
    with pytest.raises(NotAllowed):
        services.save_measure(
            services.find_measure("parent-carer-satisfaction"),
            actor=editor,
            favourable_codes=["satisfied"],
            **{k: v for k, v in form.items() if k not in ("favourable_codes", "public")},
        )
    g.pop("_login_user", None)
    login_as(admin)
    assert (
        client.post("/staff/measures/parent-carer-satisfaction/edit", data=form).status_code == 302
    )
    db.session.expire_all()
    assert services.find_measure("parent-carer-satisfaction").owner_organisation == "pcf"


def test_measure_page_trend_shows_each_closed_quarter_as_published(client, login_as, viewer):
    _big_listen()  # 30 of 50 in 2026/27 Q2
    make_mixed(8, 4, submitted_at=datetime(2026, 5, 3))  # 12 in Q1
    make_mixed(2, 1, submitted_at=datetime(2026, 2, 3))  # 3 in 2025/26 Q4
    login_as(viewer)
    page = client.get("/staff/measures/parent-carer-satisfaction?period=2026-27-Q2").get_data(
        as_text=True
    )
    trend = page[page.index("By financial-year quarter (trend)") :]
    table = trend[trend.index("<table") :]

    def row(label):
        start = table.index(f'<th scope="row" class="govuk-table__header">{label}<')
        return table[start : table.index("</tr>", start)]

    rows = {label: row(label) for label in ("2025/26 Q4", "2026/27 Q1", "2026/27 Q2")}
    assert "Fewer than 10 responses" in rows["2025/26 Q4"]
    assert (
        ">10<" in rows["2026/27 Q1"] and ">12<" not in rows["2026/27 Q1"]
    )  # as that quarter's own figure
    assert ">50<" in rows["2026/27 Q2"]


def test_representativeness_is_exact_only_for_the_survey_owner(client, login_as):
    from tests.factories import make_user

    _big_listen()  # 54 responses, no locality
    for organisation, expected in (
        ("council", "54 survey responses"),
        ("pcf", "about 55 survey responses"),
    ):
        g.pop("_login_user", None)
        login_as(
            make_user(
                "moderator", email=f"{organisation}-rep@example.org", organisation=organisation
            )
        )
        page = client.get("/staff/measures?period=2026-27-Q2").get_data(as_text=True)
        assert expected in page, organisation
