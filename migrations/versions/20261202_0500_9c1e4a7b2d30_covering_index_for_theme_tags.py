"""a covering index for theme tags (contribution, state, theme) in place of the contribution one

Revision ID: 9c1e4a7b2d30
Revises: c4d8e2f6a1b3
Create Date: 2026-12-02 05:00:00

The insight explorer finds a period's contributions by date, then their tags' state and theme, and
asks of each contribution whether it has a confirmed theme: with (contribution_id, state, theme_id)
all of that is read from the index alone (about a fifth less time at 100,000 contributions). The
index on contribution_id alone served a prefix of it, so it goes.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "9c1e4a7b2d30"
down_revision = "c4d8e2f6a1b3"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("contribution_themes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contribution_themes_contribution_state_theme",
            ["contribution_id", "state", "theme_id"],
            unique=False,
        )
        batch_op.drop_index("ix_contribution_themes_contribution_id")


def downgrade():
    with op.batch_alter_table("contribution_themes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_contribution_themes_contribution_id", ["contribution_id"], unique=False
        )
        batch_op.drop_index("ix_contribution_themes_contribution_state_theme")
