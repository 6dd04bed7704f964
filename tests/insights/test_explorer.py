"""The insight explorer: SQL counts, filters, small-number suppression, quotes and emerging
themes."""

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, select

from portal.contributions.models import Status
from portal.extensions import db
from portal.insights.explorer import emerging_rows, quarter_counts
from portal.reference.models import Locality
from portal.safeguarding.models import Concern
from portal.themes.models import ContributionTheme, TagState
from tests.factories import make_contribution, make_reference_data, make_user
from tests.themes.helpers import theme


def _add(n, slug="transport", state=TagState.CONFIRMED, when=None, **fields):
    """n contributions carrying one theme, inserted directly (the explorer only reads)."""
    text = fields.pop("text", None) or f"about {slug}"
    return [
        make_contribution(
            text,
            themes=[slug],
            theme_state=state,
            analysed=False,
            created_at=when or datetime.now() - timedelta(days=1),
            **fields,
        )
        for _ in range(n)
    ]


def _row(page, label):
    """The text of the first table row whose header is `label`."""
    start = page.index(f'<th scope="row" class="govuk-table__header">{label}')
    return page[start : page.index("</tr>", start)]


@pytest.fixture
def viewing(client, login_as, admin):
    """The explorer's mechanics, read as an admin: exact counts and any period (see the protected
    tests below)."""
    login_as(admin)
    return lambda query="": client.get("/staff/insights" + query).get_data(as_text=True)


def test_counts_confirmed_and_suggested_only_with_small_numbers_hidden(viewing):
    _add(12, "transport")
    _add(3, "ehcp")
    _add(11, "waiting-times", state=TagState.SUGGESTED)
    both = _add(1, "therapies", state=TagState.SUGGESTED)[
        0
    ]  # suggested, but it also has a confirmed theme
    both.themes.append(
        ContributionTheme(theme_id=theme("early-years").id, state=TagState.CONFIRMED)
    )
    db.session.commit()
    page = viewing()
    transport, ehcp, waiting = (
        _row(page, label)
        for label in ("Travel to school or college", "EHC assessments and plans", "Waiting times")
    )
    assert ">12<" in transport and "fewer than 10" in ehcp and ">3<" not in ehcp
    assert ">11<" in waiting  # suggested only
    assert "fewer than 10" not in _row(page, "Therapies").split("</td>")[1]  # not suggested-only: 0
    assert "Contributions matching: <strong>27</strong>" in page


def test_filters_narrow_the_counts(viewing):
    make_reference_data()
    north, south = db.session.scalars(select(Locality).order_by(Locality.id).limit(2)).all()
    _add(
        10,
        "transport",
        locality_id=north.id,
        channel="paper",
        author_role="parent_carer",
        age_band="5-10",
        cohort="ehcp",
    )
    _add(
        10,
        "transport",
        locality_id=south.id,
        channel="online",
        author_role="young_person",
        age_band="16-18",
        cohort="sen_support",
        when=datetime(2025, 5, 1),
    )
    assert ">20<" in _row(viewing(), "Travel to school or college")
    for query in (
        f"?locality={north.id}",
        "?channel=paper",
        "?role=parent_carer",
        "?age_band=5-10",
        "?cohort=ehcp",
        "?from=2026-01-01",
        "?to=2025-05-01&from=2025-05-01",
    ):
        assert ">10<" in _row(viewing(query), "Travel to school or college"), query
    assert ">0<" in _row(viewing("?from=2020-01-01&to=2020-12-31"), "Travel to school or college")
    assert ">20<" in _row(
        viewing("?channel=made-up"), "Travel to school or college"
    )  # unknown: ignored


def test_a_bad_period_is_explained(client, login_as, viewer):
    login_as(viewer)
    response = client.get("/staff/insights?from=2026-13-01&to=2026-01-01")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Period from must be a real date" in page
    assert 'href="#filter-from"' in page and 'value="2026-13-01"' in page
    page = client.get("/staff/insights?from=2026-03-01&to=2026-01-01").get_data(as_text=True)
    assert "Period to must be the same as or after period from" in page


def test_breakdowns_hide_small_cells_and_the_next_smallest(viewing):
    make_reference_data()
    north, south = db.session.scalars(select(Locality).order_by(Locality.id).limit(2)).all()
    _add(15, "transport", locality_id=north.id)
    _add(3, "transport", locality_id=south.id)
    page = viewing()
    by_locality = _row(page[page.index('id="by-locality"') :], "Travel to school or college")
    # 3 is small; the total (18) is shown, so 15 is hidden too, or 3 could be worked out.
    assert "fewer than 10" in by_locality and ">15<" not in by_locality and "hidden" in by_locality
    assert ">18<" in by_locality


def test_quotes_are_approved_redacted_and_never_safeguarding(viewing, moderator):
    _add(
        1,
        "transport",
        status=Status.APPROVED,
        text="Call Jo on 07700 900123 about the bus",
        redacted_text="Call [name] on [phone] about the bus",
    )
    _add(
        1, "transport", status=Status.PENDING, text="PENDING-TEXT", redacted_text="PENDING-REDACTED"
    )
    _add(
        1,
        "transport",
        status=Status.APPROVED,
        text="FLAGGED-TEXT",
        redacted_text="FLAGGED-REDACTED",
        safeguarding_flag=True,
    )
    closed = _add(
        1,
        "transport",
        status=Status.APPROVED,
        text="CONCERN-TEXT",
        redacted_text="CONCERN-REDACTED",
    )[0]
    db.session.add(
        Concern(contribution_id=closed.id, opened_by="analysis", reasons=["x"], state="closed")
    )
    _add(
        1,
        "ehcp",
        state=TagState.SUGGESTED,
        status=Status.APPROVED,
        text="SUGGESTED",
        redacted_text="SUGGESTED",
    )
    db.session.commit()
    page = viewing()
    quotes = page[page.index('id="quotes"') :]
    assert "Call [name] on [phone] about the bus" in quotes
    for hidden in ("07700", "PENDING", "FLAGGED", "CONCERN", "SUGGESTED"):
        assert hidden not in page


def test_emerging_themes_compare_with_the_previous_period(viewing):
    today = date.today()
    _add(12, "transport", when=datetime.now() - timedelta(days=5))
    _add(2, "transport", when=datetime.now() - timedelta(days=40))
    _add(11, "ehcp", when=datetime.now() - timedelta(days=5))
    _add(10, "ehcp", when=datetime.now() - timedelta(days=40))
    start = today - timedelta(days=29)
    page = viewing(f"?from={start.isoformat()}&to={today.isoformat()}")
    emerging = page[page.index('id="emerging"') : page.index('id="quotes"')]
    transport, ehcp = (
        _row(emerging, "Travel to school or college"),
        _row(emerging, "EHC assessments and plans"),
    )
    assert ">12<" in transport and "fewer than 10" in transport and "Emerging" in transport
    assert ">11<" in ehcp and ">10<" in ehcp and "+10%" in ehcp and "Emerging" not in ehcp


def test_counts_come_from_a_fixed_number_of_queries(app, viewing):
    statements = []
    listener = lambda *args: statements.append(1)  # noqa: E731

    def count_queries():
        statements.clear()
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            viewing()
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    _add(2, "transport")
    few = count_queries()
    _add(40, "transport")
    _add(30, "ehcp", state=TagState.SUGGESTED)
    assert count_queries() == few


def test_survey_filter_lists_surveys_and_narrows_the_counts(viewing):
    from portal.surveys.models import Survey

    survey = Survey(slug="big-listen-test", title="Big Listen test survey", state="open")
    db.session.add(survey)
    db.session.commit()
    _add(12, "transport", survey_id=survey.id)
    _add(11, "ehcp")
    page = viewing()
    assert 'name="survey"' in page and "Big Listen test survey" in page
    ehcp_row = re.compile(
        r'EHC assessments and plans</th>\s*<td class="govuk-table__cell '
        r'govuk-table__cell--numeric">(\w+)<'
    )
    assert ehcp_row.search(page).group(1) == "11"
    assert ehcp_row.search(viewing(f"?survey={survey.id}")).group(1) == "0"


@pytest.mark.parametrize(
    "role,status",
    [("young_person", 403), ("viewer", 200), ("moderator", 200), ("editor", 200), ("admin", 200)],
)
def test_who_may_see_insights(client, login_as, role, status):
    login_as(make_user(role=role))
    assert client.get("/staff/insights").status_code == status


def test_anonymous_visitors_sign_in_first(client):
    response = client.get("/staff/insights")
    assert response.status_code == 302 and "sign-in" in response.headers["Location"]


def test_months_fold_into_financial_quarters():
    folded, labels = quarter_counts(
        {(1, 2026, 4): 2, (1, 2026, 6): 3, (1, 2027, 1): 4, (2, 2026, 3): 1}
    )
    assert labels == ["2025/26 Q4", "2026/27 Q1", "2026/27 Q4"]
    assert folded == {(1, "2026/27 Q1"): 5, (1, "2026/27 Q4"): 4, (2, "2025/26 Q4"): 1}


def test_emerging_rule():
    class T:
        def __init__(self, i, label):
            self.id, self.label = i, label

    a, b, c = T(1, "A"), T(2, "B"), T(3, "C")
    rows = emerging_rows([a, b, c], {1: 30, 2: 14, 3: 5}, {1: 20, 2: 4, 3: 0}, 10)
    flags = {theme.label: (now.n, growth, emerging) for theme, now, _, growth, emerging in rows}
    assert flags["A"] == (30, 0.5, True)
    assert flags["B"] == (
        14,
        None,
        True,
    )  # previous is small: no growth figure that would reveal it
    assert flags["C"] == (None, None, False)


# Everyone but admins reads protected counts: closed quarters only, rounded to 5.


def _last_closed_quarter():
    from portal.measures.periods import latest_window

    return latest_window()


def test_viewers_see_rounded_counts_for_closed_quarters_only(client, login_as, viewer):
    quarter = _last_closed_quarter()
    in_quarter = datetime.combine(quarter.start, datetime.min.time()) + timedelta(days=3)
    _add(12, "transport", when=in_quarter)
    _add(3, "ehcp", when=in_quarter)
    _add(
        1, "transport", when=datetime.now()
    )  # today: an open quarter, so not counted yet (nor pollable)
    login_as(viewer)
    page = client.get("/staff/insights").get_data(as_text=True)
    transport, ehcp = (
        _row(page, "Travel to school or college"),
        _row(page, "EHC assessments and plans"),
    )
    assert (
        ">10<" in transport and ">12<" not in transport and ">13<" not in transport
    )  # 12 rounds to 10
    assert "fewer than 10" in ehcp and "rounded to the nearest 5" in page
    assert "Contributions matching: <strong>15</strong>" in page  # 15 in the closed quarter


@pytest.mark.parametrize(
    "query,message",
    [
        ("?from=2026-07-02", "Period from must be the first day of a financial-year quarter"),
        ("?to=2026-08-01", "Period to must be the last day of a financial-year quarter"),
        (
            "?to=2099-03-31",
            "Period to must be the last day of a financial-year quarter that has ended",
        ),
    ],
)
def test_viewers_cannot_pick_days_to_difference(client, login_as, viewer, query, message):
    login_as(viewer)
    response = client.get("/staff/insights" + query)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page and 'class="govuk-error-summary"' in page


def test_one_new_contribution_moves_nothing_a_viewer_sees(client, login_as, viewer):
    quarter = _last_closed_quarter()
    _add(
        14,
        "transport",
        when=datetime.combine(quarter.start, datetime.min.time()) + timedelta(days=3),
    )
    login_as(viewer)
    before = client.get("/staff/insights").get_data(as_text=True)
    _add(1, "transport", when=datetime.now())
    after = client.get("/staff/insights").get_data(as_text=True)
    strip = lambda page: re.sub(r'name="csrf_token" value="[^"]*"|nonce="[^"]*"', "", page)  # noqa: E731
    assert strip(before) == strip(after)
