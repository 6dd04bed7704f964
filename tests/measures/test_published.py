"""Published figures stored ready: stored equals live, every change refreshes them, suppression
holds."""

import json
import re
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from portal.audit.services import record
from portal.extensions import db
from portal.measures import published, services
from portal.measures.api import measure_json
from portal.measures.models import PublishedFigure
from portal.measures.periods import closed_windows, quarter_window, resolve_window
from portal.measures.publishing import refresh
from portal.measures.queries import BREAKDOWNS
from portal.measures.routes.public import results_for
from portal.measures.seeds import seed_measures
from portal.reference.models import Locality
from portal.reference.services import save_locality
from tests.factories import make_reference_data
from tests.measures.factories import make_mixed

Q2 = quarter_window(2026, 2)  # July to September 2026
SLUG = "parent-carer-satisfaction"


def _figures():
    make_reference_data()
    seed_measures()
    north = db.session.scalar(select(Locality).order_by(Locality.position))
    make_mixed(30, 20, dont_know=4, submitted_at=datetime(2026, 8, 3), locality_id=north.id)
    make_mixed(3, 2, submitted_at=datetime(2026, 8, 3))  # a small "not given" cell
    make_mixed(3, 2, role="young_person", submitted_at=datetime(2026, 8, 3))
    return north


def _no_ids(html):
    return re.sub(r"chart-(title|desc)-\d+", r"chart-\1-N", html)


def _live_results(app):
    from flask import render_template

    items = results_for(services.list_measures(public_only=True), Q2, ("locality", "role"))
    return render_template(
        "measures/_results_figures.html",
        items=items,
        threshold=app.config["SMALL_NUMBER_THRESHOLD"],
    )


def _stored(page="results", measure="", breakdown=""):
    found = published.read(page, period=Q2.key, threshold=10, measure=measure, breakdown=breakdown)
    return found and found[0]


def _api(client, by=None, period=Q2.key):
    query = {"period": period, **({"by": by} if by else {})}
    return client.get(f"/api/v1/measures/{SLUG}", query_string=query)


def test_results_page_is_stored_once_and_equals_the_live_figures(app, client):
    _figures()
    page = client.get(f"/results?period={Q2.key}").get_data(as_text=True)
    stored = _stored()
    assert stored and _no_ids(stored) in _no_ids(page)
    with app.test_request_context("/"):
        assert _no_ids(stored) == _no_ids(_live_results(app))
    assert "Fewer than 10 responses" in stored  # the small cell stays hidden in what is stored
    client.get(f"/results?period={Q2.key}")
    assert db.session.scalar(select(func.count()).select_from(PublishedFigure)) == 1


@pytest.mark.parametrize("by", [None, *BREAKDOWNS])
def test_api_answer_is_stored_and_equals_the_live_answer(app, client, by):
    _figures()
    body = _api(client, by).get_json()
    stored = _stored("api", SLUG, by or "")
    assert json.loads(stored) == body
    with app.test_request_context("/"):
        assert json.loads(measure_json(services.find_measure(SLUG), by, Q2)) == body
    if by == "locality":
        cells = {row["key"]: row for row in body["breakdown"]}
        assert cells["not_given"]["suppressed"] and cells["not_given"]["n"] is None
    assert (body["favourable"], body["n"]) == (35, 55)  # 33 of 55, each rounded to 5


def _lock(editor):
    measure = services.find_measure(SLUG)
    return services.lock_baseline(
        measure,
        actor=editor,
        label="Summer 2026 Big Listen",
        date_from=date(2026, 7, 1),
        date_to=date(2026, 9, 30),
    )


def test_locking_and_unlocking_a_baseline_refreshes_the_stored_figures(client, editor, admin):
    _figures()
    assert _api(client).get_json()["baseline"] is None
    baseline = _lock(editor)
    assert _api(client).get_json()["baseline"]["period"] == "Summer 2026 Big Listen"
    assert "Baseline (Summer 2026 Big Listen)" in client.get(f"/results?period={Q2.key}").get_data(
        as_text=True
    )
    services.unlock_baseline(baseline, actor=admin, reason="Wrong period")
    assert _api(client).get_json()["baseline"] is None
    assert "Baseline (Summer 2026 Big Listen)" not in client.get(
        f"/results?period={Q2.key}"
    ).get_data(as_text=True)


def test_setting_a_target_refreshes_the_stored_figures(client, editor):
    _figures()
    assert _api(client).get_json()["target"] is None
    assert "Target for 2026/27: 70%" not in client.get(f"/results?period={Q2.key}").get_data(
        as_text=True
    )
    services.set_target(
        services.find_measure(SLUG), actor=editor, financial_year="2026/27", value=0.7
    )
    assert _api(client).get_json()["target"] == pytest.approx(0.7)
    assert "Target for 2026/27: 70%" in client.get(f"/results?period={Q2.key}").get_data(
        as_text=True
    )
    assert "Target for 2026/27: 70%" in _stored()


def test_a_staff_figure_refreshes_the_stored_answer(client, editor):
    _figures()
    measure = services.find_measure("complaints-per-month")
    url = f"/api/v1/measures/{measure.slug}"
    before = client.get(url, query_string={"period": Q2.key}).get_json()
    services.record_figure(
        measure,
        actor=editor,
        period_start=date(2026, 8, 1),
        period_end=date(2026, 8, 31),
        value=123,
    )
    after = client.get(url, query_string={"period": Q2.key}).get_json()
    assert after["value"] != before["value"] and after["n"] == before["n"] + 1


def test_unpublishing_a_measure_takes_its_stored_answer_down(client, editor):
    _figures()
    assert _api(client).status_code == 200
    measure = services.find_measure(SLUG)
    services.save_measure(
        measure,
        actor=editor,
        slug=measure.slug,
        name=measure.name,
        definition=measure.definition,
        audience=measure.audience,
        question_key=measure.question_key,
        favourable_codes=measure.favourable_codes,
        owner=measure.owner,
        source=measure.source,
        polarity=measure.polarity,
        public=False,
    )
    assert _api(client).status_code == 404
    assert measure.name not in client.get(f"/results?period={Q2.key}").get_data(as_text=True)


def test_renaming_a_locality_refreshes_the_breakdowns(client, admin):
    north = _figures()
    client.get(f"/results?period={Q2.key}")
    save_locality(north, actor=admin, name="Northfields", send_population=north.send_population)
    assert "Northfields" in client.get(f"/results?period={Q2.key}").get_data(as_text=True)
    assert "Northfields" in [
        row["label"] for row in _api(client, "locality").get_json()["breakdown"]
    ]


def test_an_audited_import_into_a_closed_quarter_refreshes_the_figures(client):
    _figures()
    before = _api(client).get_json()
    make_mixed(
        40, 0, submitted_at=datetime(2026, 9, 1)
    )  # rows written in bulk, as the importer does
    assert _api(client).get_json() == before  # nothing audited: the stored answer stands
    record(None, "survey.import", None, rows=40)
    db.session.commit()
    assert _api(client).get_json()["n"] == 95


def test_answers_submitted_now_never_change_a_closed_quarter(app, client):
    _figures()
    before = _api(client, period=resolve_window("").key)
    make_mixed(40, 0, submitted_at=datetime.now())
    with app.test_request_context("/"):
        live = measure_json(services.find_measure(SLUG), None, resolve_window(""))
    assert json.loads(live) == before.get_json()


def test_an_open_period_is_refused_and_never_stored(client):
    _figures()
    today = date.today()
    open_quarter = next(
        quarter_window(year, q)
        for year in (today.year - 1, today.year)
        for q in (1, 2, 3, 4)
        if quarter_window(year, q).start <= today <= quarter_window(year, q).end
    )
    assert _api(client, period=open_quarter.key).status_code == 400
    assert client.get(f"/results?period={open_quarter.key}").status_code == 400
    assert (
        db.session.scalar(select(func.count()).where(PublishedFigure.period == open_quarter.key))
        == 0
    )


def test_figures_computed_while_a_change_commits_are_not_served_after_it(app, editor):
    _figures()
    measure = services.find_measure(SLUG)
    key = dict(period=Q2.key, threshold=10, measure=SLUG)

    def compute_then_an_editor_sets_a_target():
        payload = measure_json(measure, None, Q2)
        services.set_target(measure, actor=editor, financial_year="2026/27", value=0.7)
        return payload

    with app.test_request_context("/"):
        stale, _ = published.stored("api", compute=compute_then_an_editor_sets_a_target, **key)
        assert json.loads(stale)["target"] is None
        assert (
            published.read("api", **key) is None
        )  # stored under the older generation: never served
        fresh, _ = published.stored("api", compute=lambda: measure_json(measure, None, Q2), **key)
    assert json.loads(fresh)["target"] == pytest.approx(0.7)


def test_two_requests_storing_the_same_figures_keep_one(app):
    _figures()
    with app.test_request_context("/"):
        for _ in range(2):
            published._insert(
                dict(
                    page="api",
                    measure=SLUG,
                    period=Q2.key,
                    breakdown="",
                    threshold=10,
                    generation=published.generation(),
                    payload="{}",
                )
            )
    assert db.session.scalar(select(func.count()).select_from(PublishedFigure)) == 1


def test_a_new_quarter_closing_is_stored_under_its_own_key(app):
    _figures()
    with app.test_request_context("/"):
        first = refresh(today=date(2026, 10, 2))
        later = refresh(today=date(2027, 1, 2))
    assert first[0][0] == "2026-27-Q2" and later[0][0] == "2026-27-Q3"
    assert {row for row in db.session.scalars(select(PublishedFigure.period).distinct())} == {
        "2026-27-Q3"
    }


def test_refresh_command_stores_results_and_every_api_answer(app, runner):
    _figures()
    outcome = runner.invoke(args=["measures", "refresh"])
    assert outcome.exit_code == 0, outcome.output
    latest = closed_windows()[0]
    public = len(services.list_measures(public_only=True))
    assert (
        f"{latest.key}: stored the results page and {public * (1 + len(BREAKDOWNS))} API answers"
        in outcome.output
    )
    stored = db.session.scalar(select(func.count()).where(PublishedFigure.period == latest.key))
    assert stored == 1 + public * (1 + len(BREAKDOWNS))


def test_staff_dashboard_says_how_fresh_its_live_figures_are(client, login_as, viewer):
    _figures()
    login_as(viewer)
    page = client.get(f"/staff/measures?period={Q2.key}").get_data(as_text=True)
    assert "Figures as of" in page and "worked out live" in page


def test_a_store_that_fails_still_serves_the_figures(client, monkeypatch):
    _figures()

    def broken(values):
        from sqlalchemy.exc import OperationalError

        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(published, "_insert", broken)
    response = _api(client)
    assert response.status_code == 200 and response.get_json()["n"] == 55
    assert client.get(f"/results?period={Q2.key}").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(PublishedFigure)) == 0


def test_importing_paper_answers_into_a_closed_quarter_refreshes_the_figures(
    client, runner, tmp_path
):
    from tests.surveys.helpers import PARENTS, open_seeded_surveys

    _figures()
    open_seeded_surveys()
    before = _api(client).get_json()
    paper = tmp_path / "paper.csv"
    paper.write_text(
        "role,overall_satisfaction,channel,submitted_at\n"
        + "parent_carer,Very satisfied,paper,2026-08-20\n" * 20
    )
    result = runner.invoke(args=["import-responses", PARENTS, str(paper)])
    assert result.exit_code == 0, result.output
    after = _api(client).get_json()
    assert (before["n"], after["n"]) == (55, 75) and after["favourable"] == 55
