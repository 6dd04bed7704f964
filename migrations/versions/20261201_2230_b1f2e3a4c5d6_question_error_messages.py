"""question error messages written for each question

Revision ID: b1f2e3a4c5d6
Revises: a28b901c7a08
Create Date: 2026-12-01 22:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b1f2e3a4c5d6"
down_revision = "a28b901c7a08"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("survey_questions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("error_message", sa.String(length=200), server_default="", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("survey_questions", schema=None) as batch_op:
        batch_op.drop_column("error_message")
