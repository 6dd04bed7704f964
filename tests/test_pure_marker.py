"""Tests marked `pure` run without the app: no app context, no database emptied after them."""

import pytest
from flask import has_app_context


@pytest.mark.pure
def test_a_pure_test_has_no_app_context():
    assert not has_app_context()


def test_any_other_test_runs_inside_an_app_context():
    assert has_app_context()
