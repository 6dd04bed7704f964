"""What the public home pages show: surveys open now and the latest published changes."""

from sqlalchemy import select

from portal.extensions import db
from portal.surveys.models import Audience, Survey, SurveyState
from portal.surveys.services import open_surveys
from portal.you_said_we_did.models import Entry
from portal.you_said_we_did.queries import published_query

LATEST_CHANGES = 3


def surveys_open_now(surveys=None):
    """Open standard surveys (each links its easy-read version), then easy-read ones with no
    standard twin. `surveys`: the open surveys, when already read."""
    surveys = open_surveys() if surveys is None else surveys
    twins = {s.easy_read_variant_id for s in surveys if s.easy_read_variant_id}
    return [s for s in surveys if not s.is_easy_read or s.id not in twins]


def open_state_surveys():
    """Surveys in the open state, whatever their dates (some may open or close later), by title."""
    return db.session.scalars(
        select(Survey).where(Survey.state == SurveyState.OPEN).order_by(Survey.title)
    ).all()


def young_peoples_surveys():
    """Open surveys written for young people: their own audience or an easy-read version."""
    return [s for s in open_surveys() if s.audience == Audience.YOUNG_PERSON or s.is_easy_read]


def latest_changes(limit=LATEST_CHANGES):
    """The newest published "you said, we did" entries as (id, title) rows: the home page links them
    by title.

    Only the two columns are read: loading whole entries also loads their themes, localities and
    evidence (several queries), which the home page never shows.
    """
    return db.session.execute(
        published_query().with_only_columns(Entry.id, Entry.title).limit(limit)
    ).all()
