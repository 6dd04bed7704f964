"""enum_check: CHECK constraints typed once, from the enum or codes they allow."""

from enum import StrEnum

import pytest
from sqlalchemy import Column, MetaData, String, Table, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateTable

from portal.db_types import enum_check
from portal.extensions import NAMING_CONVENTION, db
from portal.surveys.models import Survey, SurveyState


class Colour(StrEnum):
    RED = "red"
    DARK_BLUE = "dark_blue"


def _ddl(*constraint):
    table = Table(
        "things",
        MetaData(naming_convention=NAMING_CONVENTION),
        Column("colour", String),
        *constraint,
    )
    return str(CreateTable(table))


def test_sql_lists_the_values_in_order_with_the_conventional_name():
    ddl = _ddl(enum_check("colour", Colour))
    assert "CONSTRAINT ck_things_colour_known CHECK (colour IN ('red', 'dark_blue'))" in ddl


def test_codes_from_a_dict_or_tuple_and_a_given_name_and_quotes_escaped():
    assert "CONSTRAINT ck_things_hue CHECK (colour IN ('a', 'b'))" in _ddl(
        enum_check("colour", {"a": "A", "b": "B"}, name="hue")
    )
    assert "colour IN ('it''s')" in _ddl(enum_check("colour", ("it's",)))


def test_the_database_refuses_a_value_outside_the_enum(app):
    survey = Survey(title="Travel", slug="travel", state=SurveyState.DRAFT)
    db.session.add(survey)
    db.session.commit()
    with pytest.raises(IntegrityError):
        db.session.execute(
            text("UPDATE surveys SET state = 'archived' WHERE id = :id"), {"id": survey.id}
        )
        db.session.commit()
    db.session.rollback()
