"""survey free text stored once: a sent answer's text lives only on its contribution

Revision ID: c4d8e2f6a1b3
Revises: 3b8f1d2c4e6a
Create Date: 2026-12-02 03:00:00

A free-text answer was kept twice: on the survey answer and on the contribution its submission
made. The answer's copy is emptied wherever the contribution holds the same text (never otherwise,
so nothing is lost); the answer row stays, so the question still counts as answered. Downgrade
copies the text back from the contribution.
"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "c4d8e2f6a1b3"
down_revision = "3b8f1d2c4e6a"
branch_labels = None
depends_on = None

ITS_CONTRIBUTION = (
    "FROM contributions c WHERE c.source = 'survey' "
    "AND c.response_id = survey_answers.response_id "
    "AND c.question_key = survey_answers.question_key"
)


def upgrade():
    op.execute(
        "UPDATE survey_answers SET text = NULL WHERE text IS NOT NULL "
        f"AND EXISTS (SELECT 1 {ITS_CONTRIBUTION} AND c.text = survey_answers.text)"
    )


def downgrade():
    op.execute(
        f"UPDATE survey_answers SET text = (SELECT min(c.text) {ITS_CONTRIBUTION}) "
        "WHERE text IS NULL AND code IS NULL AND number IS NULL "
        f"AND EXISTS (SELECT 1 {ITS_CONTRIBUTION})"
    )
