"""The home page's data served ready: read once, yet a change shows on the next page."""

from datetime import timedelta

import pytest
from sqlalchemy import event, select

from portal.clock import utcnow
from portal.extensions import db
from portal.glossary.services import seed_glossary
from portal.main import front_door
from portal.surveys.builder import set_state
from portal.surveys.models import Survey, SurveyState
from tests.surveys.helpers import PARENTS, YOUNG, open_seeded_surveys
from tests.you_said_we_did.conftest import draft, published, reference  # noqa: F401


class Statements:
    """Counts the SQL statements run while it is open."""

    def __enter__(self):
        self.seen = []
        event.listen(db.engine, "before_cursor_execute", self._add)
        return self.seen

    def __exit__(self, *exc):
        event.remove(db.engine, "before_cursor_execute", self._add)

    def _add(self, conn, cursor, statement, *args):
        self.seen.append(statement)


def _home(client):
    return client.get("/").get_data(as_text=True)


def test_home_reads_the_database_once_then_serves_what_it_read(client):
    open_seeded_surveys()
    first = _home(client)
    with Statements() as seen:
        again = _home(client)
    assert seen == [] and again.count(f'href="/surveys/{PARENTS}"') == first.count(
        f'href="/surveys/{PARENTS}"'
    )
    db.session.execute(select(1))  # a read elsewhere changes nothing
    db.session.commit()
    with Statements() as seen:
        _home(client)
    assert seen == []


def test_a_survey_opened_shows_at_once_and_a_closed_one_goes(client, editor):
    surveys = open_seeded_surveys()
    surveys[PARENTS].state = SurveyState.DRAFT
    db.session.commit()
    assert f'href="/surveys/{PARENTS}"' not in _home(client)
    set_state(db.session.get(Survey, surveys[PARENTS].id), SurveyState.OPEN, actor=editor)
    assert f'href="/surveys/{PARENTS}"' in _home(client)
    set_state(db.session.get(Survey, surveys[PARENTS].id), SurveyState.CLOSED, actor=editor)
    assert f'href="/surveys/{PARENTS}"' not in _home(client)


@pytest.mark.usefixtures("reference")
def test_a_newly_published_entry_shows_at_once(client, editor):
    entry = draft(editor, title="Buses on time")
    assert "Buses on time" not in _home(client)
    from portal.you_said_we_did.services import publish

    publish(entry, editor=editor)  # an UPDATE statement, not a changed object
    assert f'href="/you-said-we-did/{entry.id}">Buses on time<' in _home(client)
    seed_glossary()  # the titles carry the glossary's markup, so a new term shows too
    published(editor, title="Shorter waits for the SENCO")
    page = _home(client)
    assert "Shorter waits" in page and "<abbr" in page  # titles keep the glossary's markup


def test_raw_sql_that_writes_makes_the_home_page_read_again(client):
    surveys = open_seeded_surveys()
    assert f'href="/surveys/{YOUNG}"' in _home(client)
    db.session.execute(
        db.text("UPDATE surveys SET state = 'closed' WHERE id = :id"), {"id": surveys[YOUNG].id}
    )
    db.session.commit()
    assert f'href="/surveys/{YOUNG}"' not in _home(client)


def test_a_survey_goes_when_its_closing_time_passes(client, monkeypatch):
    surveys = open_seeded_surveys()
    closes = utcnow() + timedelta(minutes=5)
    surveys[PARENTS].closes_at = closes
    db.session.commit()
    assert f'href="/surveys/{PARENTS}"' in _home(client)
    later = front_door.monotonic() + 5 * 60 + 1
    monkeypatch.setattr(front_door, "monotonic", lambda: later)
    monkeypatch.setattr(front_door, "utcnow", lambda: closes + timedelta(seconds=1))
    assert f'href="/surveys/{PARENTS}"' not in _home(client)


def test_another_process_change_shows_within_the_time_kept(client, monkeypatch):
    surveys = open_seeded_surveys()
    assert f'href="/surveys/{YOUNG}"' in _home(client)
    # As if another worker closed it: the row changes, this process is not told.
    with db.engine.begin() as connection:
        connection.execute(
            db.text("UPDATE surveys SET state = 'closed' WHERE id = :id"),
            {"id": surveys[YOUNG].id},
        )
    assert f'href="/surveys/{YOUNG}"' in _home(client)  # kept ...
    later = front_door.monotonic() + front_door.FRONT_DOOR_SECONDS + 1
    monkeypatch.setattr(front_door, "monotonic", lambda: later)
    assert f'href="/surveys/{YOUNG}"' not in _home(client)  # ... for FRONT_DOOR_SECONDS at most
