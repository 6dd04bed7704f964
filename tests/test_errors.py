"""Error pages: a broken database connection mid-request gives a clear page and the next request
works."""

import pytest
from sqlalchemy import text

from portal import create_app
from portal.extensions import db
from portal.permissions import public
from tests.factories import make_user


@pytest.fixture
def fragile_app(app):
    """The suite's database, plus a page whose database connection dies halfway through."""
    other = create_app(
        {
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        }
    )

    @public
    def drop_connection():
        db.session.execute(text("SELECT 1"))
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect() as killer:  # another connection ends this request's session
                pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
                killer.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        else:
            db.session.connection().connection.dbapi_connection.close()
        db.session.execute(text("SELECT 1"))
        return "unreachable"

    other.add_url_rule("/test/drop-connection", view_func=drop_connection)
    yield other
    with other.app_context():
        db.engine.dispose()


def test_dropped_connection_gives_clear_page_then_recovers(fragile_app):
    client = fragile_app.test_client()  # each request gets its own app context, as when served
    response = client.get("/test/drop-connection")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Sorry, there is a problem with the service" in page
    assert "Answers you already saved have not been lost" in page
    assert '<a href="#main-content" class="govuk-skip-link"' in page  # the full, accessible layout
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 200


def test_signed_in_user_gets_the_page_too(fragile_app):
    user = make_user(role="viewer")
    client = fragile_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
    response = client.get("/test/drop-connection")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.get_data(as_text=True)
    assert client.get("/staff").status_code == 200


def test_unknown_page_is_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_wrong_method_is_405_with_allow_header(client):
    response = client.delete("/sign-in")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}
    assert "<html" in response.get_data(as_text=True)


def test_api_errors_are_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json and response.get_json()["error"]
    response = client.post("/api/v1/measures")
    assert response.status_code == 405 and response.is_json and "GET" in response.headers["Allow"]


def test_connections_the_database_ended_cost_no_request(fragile_app):
    """A database restart (or an administrator) ends the pooled connections between requests: the
    next request gets a working connection, not an error page. PostgreSQL only: SQLite is a
    file, with no server to end a connection (CI runs this on PostgreSQL)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("a SQLite file has no server to end connections")
    client = fragile_app.test_client()
    assert client.get("/surveys").status_code == 200  # its connection now waits in the pool
    with fragile_app.app_context(), db.engine.connect() as pooled:  # that same connection
        pid = pooled.execute(text("SELECT pg_backend_pid()")).scalar()
    with db.engine.connect() as killer:
        killer.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    _wait_until_gone([pid])
    for _ in range(3):
        assert client.get("/surveys").status_code == 200


def _wait_until_gone(pids, seconds=5):
    import time

    for _ in range(int(seconds * 20)):
        with db.engine.connect() as connection:
            alive = connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(:pids)"),
                {"pids": pids},
            ).scalar()
        if not alive:
            return
        time.sleep(0.05)
    raise AssertionError(f"backends {pids} still running")
