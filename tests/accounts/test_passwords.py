"""The password policy."""

import pytest

from portal.accounts.passwords import password_problem


@pytest.mark.parametrize(
    "password,problem",
    [
        ("short", "at least 12"),
        ("password1234", "too common"),
        ("qwertyuiop123", "too common"),
        ("aaaaaaaaaaaa", "too easy"),
        ("abcabcabcabc", "too easy"),
        ("purple-lantern-otter-41", "published"),
        ("PURPLE_LANTERN_OTTER_99", "published"),
        ("Shropshire2026!", "too easy"),
        ("Sendiass2026!", "too easy"),
        ("Welcome2024!", "too common"),
    ],
)
def test_refused(password, problem):
    assert problem in password_problem(password).lower()


@pytest.mark.parametrize("password", ["copper-kettle-marsh-river", "Tr4in! station violet"])
def test_accepted(password):
    assert password_problem(password) is None


def test_email_is_not_a_password():
    assert (
        password_problem("jo.bloggs@example.org", user_inputs=["jo.bloggs@example.org"]) is not None
    )
