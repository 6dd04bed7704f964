"""Shared fixtures: one app per test session, an emptied database for every test, role fixtures."""

import os
import tempfile

import pytest
from flask import g, request_started
from sqlalchemy import text

from portal.extensions import db, limiter

pytest_plugins = ["tests.fixtures.browser", "tests.fixtures.smtp"]


def _fresh_g(sender, **extra):
    g.__dict__.clear()


def _database_url(tmp_dir):
    # A file, not memory: the browser tests' live server reads it from other threads.
    return os.environ.get("PORTAL_TEST_DATABASE_URL") or f"sqlite:///{tmp_dir}/test.db"


@pytest.fixture(scope="session")
def app():
    from portal import create_app  # imported here, so a run of pure tests never loads the app

    with tempfile.TemporaryDirectory() as tmp_dir:
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": _database_url(tmp_dir)})
        # Each test runs inside one app context, which test-client requests reuse; start each
        # request with an empty `g`, as a served request would (or the signed-in user would leak).
        request_started.connect(_fresh_g, app)
        with app.app_context():
            db.drop_all()
            db.create_all()
        yield app
        with app.app_context():
            db.drop_all()
            db.engine.dispose()


def empty_database():
    """Remove every row (fast on both databases) so each test starts clean."""
    db.session.rollback()
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture(autouse=True)
def clean(request):
    """A fresh app context per test (so `g` and the session never leak), then an empty database.

    Tests marked `shared_demo` only read the demo data a module-scoped fixture loaded once, so
    their rows are kept for the next such test (the module fixture empties the database at the end).
    Tests marked `pure` (plain functions on plain values) get neither: no app is built for them.
    """
    if request.node.get_closest_marker("pure"):
        yield
        return
    app = request.getfixturevalue("app")
    with app.app_context():
        yield
        db.session.remove()
        if not request.node.get_closest_marker("shared_demo"):
            empty_database()
        limiter.reset()


@pytest.fixture(scope="module")
def shared_demo(app):
    """The demo data, loaded once for a module of read-only page checks."""
    from portal.demo import load_demo_data

    with app.app_context():
        empty_database()
        load_demo_data()
        db.session.remove()
    yield
    with app.app_context():
        empty_database()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def sign_in(client, user):
    """Sign `user` in on `client` without going through the form (the form has its own tests)."""
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
    return client


@pytest.fixture
def login_as(client):
    return lambda user: sign_in(client, user)


def _user(**fields):
    from tests.factories import make_user  # imported when first used, as create_app is

    return make_user(**fields)


@pytest.fixture
def admin():
    return _user(role="admin", email="admin@example.test")


@pytest.fixture
def editor():
    return _user(role="editor", email="editor@example.test")


@pytest.fixture
def moderator():
    return _user(role="moderator", email="moderator@example.test")


@pytest.fixture
def viewer():
    return _user(role="viewer", email="viewer@example.test")


@pytest.fixture
def young_person():
    return _user(role="young_person", username="skyblue42", email=None)
