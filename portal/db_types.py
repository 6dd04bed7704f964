"""Constraint helpers shared by every feature's models."""

from sqlalchemy import CheckConstraint


def enum_check(column, values, *, name=None):
    """CHECK (column IN ('a', 'b', ...)) built from the values it allows, so they are typed once.

    values: a StrEnum class, or a dict or tuple of codes, in the order they are listed in the SQL.
    name: the constraint's name (the naming convention makes it ck_<table>_<name>); by default
    '<column>_known'. The SQL text is what hand-written constraints had, so no migration follows.
    """
    codes = ", ".join("'{}'".format(str(value).replace("'", "''")) for value in values)
    return CheckConstraint(f"{column} IN ({codes})", name=name or f"{column}_known")
