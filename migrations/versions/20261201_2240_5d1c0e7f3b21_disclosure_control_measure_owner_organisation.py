"""disclosure control: the organisation that owns a measure (its staff see exact counts)

Revision ID: 5d1c0e7f3b21
Revises: 5e1a0c3b7d21
Create Date: 2026-12-01 22:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5d1c0e7f3b21"
down_revision = "5e1a0c3b7d21"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_organisation", sa.String(length=20), nullable=True))


def downgrade():
    with op.batch_alter_table("measures", schema=None) as batch_op:
        batch_op.drop_column("owner_organisation")
