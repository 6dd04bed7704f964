"""The factory: configuration sources and refusal to start without a secret."""

import pytest

from portal import create_app
from portal.config import ProductionConfig, TestingConfig


def test_testing_config():
    app = create_app(TestingConfig)
    assert app.testing
    assert app.config["WTF_CSRF_ENABLED"] is False


def test_mapping_overrides_and_database_url_alias():
    app = create_app({"DATABASE_URL": "sqlite:////tmp/other.db", "SECRET_KEY": "x"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "sqlite:////tmp/other.db"


def test_prefixed_environment_settings(monkeypatch):
    monkeypatch.setenv("PORTAL_STAFF_IDLE_MINUTES", "7")
    monkeypatch.setenv("PORTAL_DATABASE_URL", "postgresql+psycopg://localhost/elsewhere")
    app = create_app(TestingConfig)
    assert app.config["STAFF_IDLE_MINUTES"] == 7
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://localhost/elsewhere"


def test_production_refuses_to_start_without_secret(monkeypatch):
    monkeypatch.delenv("PORTAL_SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProductionConfig)


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_no_ping_before_each_use_and_postgresql_connections_are_renewed():
    """Neither database pings before each use (tests/test_errors.py shows an ended PostgreSQL
    connection is replaced without one); PostgreSQL connections are renewed every five minutes,
    SQLite's never (an in-memory database would be emptied)."""
    sqlite = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert sqlite.config["SQLALCHEMY_ENGINE_OPTIONS"] == {"pool_pre_ping": False}
    url = "postgresql+psycopg://localhost/elsewhere"
    postgres = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    assert postgres.config["SQLALCHEMY_ENGINE_OPTIONS"] == {
        "pool_pre_ping": False,
        "pool_recycle": 300,
    }


def test_a_one_statement_connection_opens_no_transaction_on_postgresql(app):
    """The question page, its save and the stored figures run outside a transaction on PostgreSQL
    (no BEGIN, COMMIT or ROLLBACK round trip); SQLite, which begins none for a read, keeps its
    default."""
    from sqlalchemy import text

    from portal.extensions import db, one_statement_options

    options = one_statement_options(db.engine)
    with db.engine.connect().execution_options(**options) as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
        raw = connection.connection.dbapi_connection
        if db.engine.dialect.name == "postgresql":
            from psycopg.pq import TransactionStatus

            assert raw.info.transaction_status == TransactionStatus.IDLE  # no BEGIN was sent
        else:
            assert options == {} and not raw.in_transaction
    with db.engine.connect() as connection:  # the setting does not outlive its connection
        connection.execute(text("SELECT 1"))
        if db.engine.dialect.name == "postgresql":
            raw = connection.connection.dbapi_connection
            assert raw.info.transaction_status == TransactionStatus.INTRANS
