"""`portal create-user` and `portal demo-data`."""

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.extensions import db


def test_create_user_with_password(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "Ed@Example.test",
            "--role",
            "editor",
            "--organisation",
            "council",
            "--password",
            "copper-kettle-marsh-river",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "ed@example.test"))
    assert user.role == "editor" and user.check_password("copper-kettle-marsh-river")


def test_create_user_prompts_for_password(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "p@example.test",
            "--role",
            "viewer",
            "--organisation",
            "icb",
        ],
        input="copper-kettle-marsh-river\n",
    )
    assert result.exit_code == 0, result.output
    assert db.session.scalar(select(User).where(User.email == "p@example.test")) is not None


def test_create_user_rejects_weak_password(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "w@example.test",
            "--role",
            "viewer",
            "--organisation",
            "icb",
            "--password",
            "password",
        ]
    )
    assert result.exit_code == 1
    assert "at least 12" in result.output
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_create_user_rejects_unknown_role(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "w@example.test",
            "--role",
            "boss",
            "--organisation",
            "icb",
            "--password",
            "copper-kettle-marsh-river",
        ]
    )
    assert result.exit_code == 2


def test_demo_data_is_idempotent(runner):
    first = runner.invoke(args=["demo-data"])
    assert first.exit_code == 0, first.output
    count = db.session.scalar(select(func.count(User.id)))
    second = runner.invoke(args=["demo-data"])
    assert second.exit_code == 0
    assert (
        db.session.scalar(select(func.count(User.id))) == count == 6
    )  # 5 staff + the demo forum member
    assert "admin@example.org" in second.output


def test_demo_data_if_empty_skips_a_used_database(runner):
    runner.invoke(args=["demo-data"])
    result = runner.invoke(args=["demo-data", "--if-empty"])
    assert "Demo staff sign-ins" in result.output
    assert "Reference data" not in result.output
