"""a title in easy words for the young people's version of "you said, we did"

Revision ID: c7d8e9f0a1b2
Revises: b1f2e3a4c5d6
Create Date: 2026-12-01 22:48:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c7d8e9f0a1b2"
down_revision = "b1f2e3a4c5d6"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("ysywd_entries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("young_title", sa.String(length=150), server_default="", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("ysywd_entries", schema=None) as batch_op:
        batch_op.drop_column("young_title")
