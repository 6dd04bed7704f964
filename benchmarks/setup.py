"""A portal database with migrations and demo data, for the benchmarks."""

import functools
import os
import tempfile

from flask_migrate import upgrade

from portal import create_app
from portal.demo import load_demo_data
from portal.extensions import db

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETTINGS = {"SECRET_KEY": "bench", "RATELIMIT_ENABLED": False, "SESSION_COOKIE_SECURE": False}


@functools.cache
def demo_database(url=None):
    """Create (once per run) a migrated database holding the demo data; returns its URL."""
    url = url or f"sqlite:///{tempfile.mkdtemp(prefix='portal-bench-')}/bench.db"
    app = create_app({**SETTINGS, "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.drop_all()
            db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
            db.session.commit()
        upgrade(directory=os.path.join(ROOT, "migrations"))
        load_demo_data()
        if db.engine.dialect.name == "postgresql":
            _settle()
    return url


def _settle():
    """Let PostgreSQL finish with the bulk load before anything is timed, as a database in service
    has: statistics and visibility up to date (else autovacuum and the next checkpoint run during
    the first load test, on the same two cores)."""
    from sqlalchemy.exc import ProgrammingError

    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(db.text("VACUUM ANALYZE"))
        try:
            connection.execute(db.text("CHECKPOINT"))
        except ProgrammingError:  # needs a superuser or pg_checkpoint; else it comes later
            pass


def demo_app(url=None):
    return create_app({**SETTINGS, "SQLALCHEMY_DATABASE_URI": demo_database(url)})


def public_pages():
    """(app, [(endpoint, kwargs)]) for every public HTML page, with the page checks' sample URLs."""
    from tests.fixtures.pages import SAMPLE_ARGS, SKIP

    app = demo_app()
    pages = []
    with app.app_context():
        for rule in app.url_map.iter_rules():
            view = app.view_functions[rule.endpoint]
            if (
                rule.endpoint in SKIP
                or "GET" not in rule.methods
                or not getattr(view, "is_public", False)
            ):
                continue
            if rule.arguments and rule.endpoint not in SAMPLE_ARGS:
                continue
            pages.append((rule.endpoint, SAMPLE_ARGS[rule.endpoint]() if rule.arguments else {}))
    return app, sorted(set((e, tuple(sorted(k.items()))) for e, k in pages))


def environment(url):
    """Environment settings that point a gunicorn-served portal at the benchmark database."""
    from tests.fixtures.servers import portal_environment

    return portal_environment(url, secret="bench")
