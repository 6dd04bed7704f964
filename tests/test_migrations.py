"""Migrations build the same schema as the models, from an empty database."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import text

from portal.extensions import db
from tests.fixtures.migrations import MIGRATIONS, migration_database


def test_upgrade_from_empty_matches_models():
    with migration_database("migrate"):
        upgrade(directory=MIGRATIONS)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
            version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version
    assert diff == [], f"models and migrations differ: {diff}"
