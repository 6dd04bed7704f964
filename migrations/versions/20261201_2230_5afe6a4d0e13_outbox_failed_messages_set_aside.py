"""outbox: failed messages are set aside (failed_at)

Revision ID: 5afe6a4d0e13
Revises: c7d8e9f0a1b2
Create Date: 2026-12-01 22:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5afe6a4d0e13"
down_revision = "c7d8e9f0a1b2"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_at", sa.DateTime(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_outbox_messages_failed_at"), ["failed_at"], unique=False
        )


def downgrade():
    with op.batch_alter_table("outbox_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_messages_failed_at"))
        batch_op.drop_column("failed_at")
