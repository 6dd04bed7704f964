"""survey versions: a survey's definition frozen when opened and at each edit while open; responses
record theirs

Revision ID: 152d5df89ec2
Revises: a33501314b36
Create Date: 2026-12-02 01:09:34.815893

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "152d5df89ec2"
down_revision = "a33501314b36"
branch_labels = None
depends_on = None


def upgrade():

    op.create_table(
        "survey_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_survey_versions_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_survey_versions_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_versions")),
        sa.UniqueConstraint("survey_id", "number", name=op.f("uq_survey_versions_survey_id")),
    )
    with op.batch_alter_table("survey_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_survey_versions_survey_id"), ["survey_id"], unique=False
        )

    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_survey_responses_version_id"), ["version_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_survey_responses_version_id_survey_versions"),
            "survey_versions",
            ["version_id"],
            ["id"],
        )


def downgrade():

    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_survey_responses_version_id_survey_versions"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_survey_responses_version_id"))
        batch_op.drop_column("version_id")

    with op.batch_alter_table("survey_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_versions_survey_id"))

    op.drop_table("survey_versions")
