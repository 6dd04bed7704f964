"""education settings (schools, nurseries, colleges) that redaction looks for; when a
moderator saved their own redaction of a contribution

Revision ID: 5e77a1c0d3b2
Revises: 5e55b7c0ffee
Create Date: 2026-12-01 23:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5e77a1c0d3b2"
down_revision = "5e55b7c0ffee"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "education_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=160), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_education_settings")),
        sa.UniqueConstraint("name", name=op.f("uq_education_settings_name")),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("redaction_saved_at", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_column("redaction_saved_at")
    op.drop_table("education_settings")
