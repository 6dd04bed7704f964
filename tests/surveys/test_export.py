"""The survey CSV and XLSX exports: each profile field once, plain headings, right values, safe
cells."""

import csv
import io

from flask import g
from openpyxl import load_workbook

from portal.surveys.results import PROFILE_COLUMNS
from tests.surveys.helpers import PARENTS, open_seeded_surveys, walk

PROFILE = {
    "Answering as": "parent_carer",
    "Area": "shrewsbury",
    "Age band": "11-15",
    "Plan or support in place": "ehcp",
    "Setting": "mainstream_school",
}
PROFILE_WORDING = [
    "Are you answering as a parent or carer?",
    "Where do you live?",
    "How old is your child?",
    "What support does your child have at the moment?",
    "Where does your child go to learn?",
]


def _send(client, answers=None):
    walk(client, PARENTS, answers)
    assert client.post(f"/surveys/{PARENTS}/check").status_code == 302


def _csv(client, survey_id):
    response = client.get(f"/staff/surveys/{survey_id}/export.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def _as(login_as, user):
    login_as(user)
    g.pop("_login_user", None)


def test_each_profile_field_appears_once_with_plain_headings(client, moderator, login_as):
    surveys = open_seeded_surveys()
    _send(client)
    _as(login_as, moderator)
    header, *rows = _csv(client, surveys[PARENTS].id)
    assert len(header) == len(set(header)), [h for h in header if header.count(h) > 1]
    for heading in PROFILE:
        assert header.count(heading) == 1
    for wording in PROFILE_WORDING:  # the profile questions have no second, answer column
        assert wording not in header
    for raw in (
        "role",
        "locality",
        "age_band",
        "cohort",
        "setting_type",
        "response_id",
        "what_is_working",
    ):
        assert raw not in header  # no database keys as headings
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert {k: row[k] for k in PROFILE} == PROFILE
    assert row["Status"] == "submitted" and row["Started"] and row["Sent"]
    assert (
        row["Overall, how satisfied are you with the support for your child's SEND?"] == "satisfied"
    )


def test_xlsx_has_the_same_single_columns(client, moderator, login_as):
    surveys = open_seeded_surveys()
    _send(client, {"what_is_working": "+SUM(A1:A9)"})
    _as(login_as, moderator)
    response = client.get(f"/staff/surveys/{surveys[PARENTS].id}/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data), read_only=True).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header == _csv(client, surveys[PARENTS].id)[0]
    assert header[: len(PROFILE_COLUMNS)] == PROFILE_COLUMNS
    row = dict(zip(header, rows[0], strict=True))
    assert row["Area"] == "shrewsbury" and row["Answering as"] == "parent_carer"
    # free text that looks like a formula is written so a spreadsheet shows it, never runs it
    assert str(row["What is working well for your child?"]).startswith("'+SUM")


def test_moderator_gets_free_text_guarded_against_formulas(client, moderator, login_as):
    surveys = open_seeded_surveys()
    _send(client, {"what_should_change": "@cmd|' /C calc'!A0", "what_is_working": "-2+3"})
    _as(login_as, moderator)
    header, row = _csv(client, surveys[PARENTS].id)
    row = dict(zip(header, row, strict=True))
    assert row["What is the one thing that should change?"] == "'@cmd|' /C calc'!A0"
    assert row["What is working well for your child?"] == "'-2+3"


def test_duplicate_wording_is_told_apart_by_key(app):
    from portal.surveys.models import Question
    from portal.surveys.results import _headings

    questions = [
        Question(key="a", type="long_text", text="Anything else?"),
        Question(key="b", type="long_text", text="Anything  else?"),
        Question(key="c", type="long_text", text="Status"),
    ]
    assert _headings(questions) == ["Anything else? (a)", "Anything else? (b)", "Status (c)"]
