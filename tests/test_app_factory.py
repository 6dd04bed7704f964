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


def test_sqlite_needs_no_ping_before_each_use_and_postgresql_keeps_it():
    sqlite = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert sqlite.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is False
    url = "postgresql+psycopg://localhost/elsewhere"
    postgres = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    assert postgres.config["SQLALCHEMY_ENGINE_OPTIONS"]["pool_pre_ping"] is True
