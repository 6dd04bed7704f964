"""walls between organisations: contribution owner, outside approval, organisation wall settings

Revision ID: 5e1a0c3b7d21
Revises: 5afe6a4d0e13
Create Date: 2026-12-01 22:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "5e1a0c3b7d21"
down_revision = "5afe6a4d0e13"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "organisation_walls",
        sa.Column("organisation", sa.String(length=20), nullable=False),
        sa.Column("walled", sa.Boolean(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["users.id"],
            name=op.f("fk_organisation_walls_changed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("organisation", name=op.f("pk_organisation_walls")),
    )
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner_organisation", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("outside_approved_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("outside_approved_by_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_contributions_owner_organisation"), ["owner_organisation"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_contributions_outside_approved_by_id_users"),
            "users",
            ["outside_approved_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Staff-logged insight already stored belongs to the organisation of whoever logged it.
    op.execute(
        "UPDATE contributions SET owner_organisation = (SELECT users.organisation FROM users "
        "WHERE users.id = contributions.entered_by_id) WHERE source = 'insight'"
    )


def downgrade():
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_contributions_outside_approved_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_contributions_owner_organisation"))
        batch_op.drop_column("outside_approved_by_id")
        batch_op.drop_column("outside_approved_at")
        batch_op.drop_column("owner_organisation")
    op.drop_table("organisation_walls")
