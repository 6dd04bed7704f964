"""the contribution owns its title: forum topic titles move onto the opening post's contribution

Revision ID: 3b8f1d2c4e6a
Revises: 152d5df89ec2
Create Date: 2026-12-02 02:30:00

Copies each topic's title (as given and as published) onto the contribution of the topic's first
post, unchanged, so every title shown today is shown the same afterwards; then drops the forum's
copies. Title highlights (title_pii_spans) start empty for old topics: they were never stored.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "3b8f1d2c4e6a"
down_revision = "152d5df89ec2"
branch_labels = None
depends_on = None

OPENING_POST = (
    "SELECT p.contribution_id FROM forum_posts p WHERE p.topic_id = forum_topics.id "
    "ORDER BY p.id LIMIT 1"
)


def upgrade():
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("redacted_title", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("title_pii_spans", sa.JSON(), nullable=True))
    op.execute(
        "UPDATE contributions SET title = (SELECT t.title FROM forum_topics t JOIN forum_posts p "
        "ON p.topic_id = t.id          WHERE p.contribution_id = contributions.id          AND "
        "p.id = (SELECT min(p2.id) FROM forum_posts p2 WHERE p2.topic_id = t.id)), redacted_title "
        "= (SELECT t.title_redacted FROM forum_topics t JOIN forum_posts p ON p.topic_id = t.id    "
        "      WHERE p.contribution_id = contributions.id          AND p.id = (SELECT min(p2.id) "
        "FROM forum_posts p2 WHERE p2.topic_id = t.id)) WHERE id IN (SELECT p.contribution_id FROM "
        "forum_posts p              WHERE p.id = (SELECT min(p2.id) FROM forum_posts p2 WHERE "
        "p2.topic_id = p.topic_id))"
    )
    with op.batch_alter_table("forum_topics", schema=None) as batch_op:
        batch_op.drop_column("title_redacted")
        batch_op.drop_column("title")


def downgrade():
    with op.batch_alter_table("forum_topics", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("title", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("title_redacted", sa.String(length=120), nullable=True))
    op.execute(
        "UPDATE forum_topics SET "
        "title = COALESCE((SELECT c.title FROM contributions c WHERE c.id = ("
        + OPENING_POST
        + ")), ''), "
        "title_redacted = (SELECT c.redacted_title FROM contributions c WHERE c.id = ("
        + OPENING_POST
        + "))"
    )
    with op.batch_alter_table("forum_topics", schema=None) as batch_op:
        batch_op.alter_column("title", server_default=None)
    with op.batch_alter_table("contributions", schema=None) as batch_op:
        batch_op.drop_column("title_pii_spans")
        batch_op.drop_column("redacted_title")
        batch_op.drop_column("title")
