"""Migrations build the same schema as the models, from an empty database."""

import os
import tempfile

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import text

from portal import create_app
from portal.extensions import db


def test_upgrade_from_empty_matches_models():
    with tempfile.TemporaryDirectory() as tmp_dir:
        url = os.environ.get("PORTAL_MIGRATION_DATABASE_URL") or f"sqlite:///{tmp_dir}/migrate.db"
        app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade(directory=os.path.join(os.path.dirname(__file__), "..", "migrations"))
            with db.engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": True})
                diff = compare_metadata(context, db.metadata)
                version = connection.execute(
                    text("SELECT version_num FROM alembic_version")
                ).scalar()
            db.engine.dispose()
    assert version
    assert diff == [], f"models and migrations differ: {diff}"
