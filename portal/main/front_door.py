"""The home page's data served ready: read once, kept until something it shows could have changed.

The home page is the busiest page and shows the same thing to everyone: the surveys open now and the
latest published "you said, we did" titles. Each process keeps that, as plain values, until:
- a commit in this process writes a survey, an entry or a glossary term (the titles carry the
  glossary's <abbr> markup), or runs raw SQL that may write (watched by `watch_front_door`),
  so a survey opened or an entry published here shows on the next page at once;
- a survey's opening or closing time passes (the kept data ends at the next one);
- FRONT_DOOR_SECONDS pass, so another worker process's change shows within that long.
"""

import threading
from dataclasses import dataclass
from datetime import datetime
from time import monotonic

from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from portal.clock import utcnow
from portal.glossary.services import mark_up
from portal.main import home

FRONT_DOOR_SECONDS = 10
WATCHED_TABLES = frozenset({"surveys", "ysywd_entries", "glossary_terms"})
_CHANGED = "portal.front_door_changed"
_lock = threading.Lock()
_generation = 0  # bumped by every commit that may change what the home page shows


@dataclass(frozen=True)
class OpenSurvey:
    slug: str
    title: str
    minutes_to_complete: int
    closes_at: datetime | None
    easy_read_slug: str | None  # its easy-read twin, when that is open too


@dataclass(frozen=True)
class Change:
    id: int
    title: object  # Markup: the title escaped, with the glossary's <abbr> markup


@dataclass(frozen=True)
class FrontDoor:
    surveys: tuple  # OpenSurvey, as home.surveys_open_now orders them
    changes: tuple  # Change, the latest published "you said, we did" entries, newest first
    ends: float  # monotonic() after which it is read again
    generation: int


def front_door():
    """The home page's FrontDoor for this app, read again only when it may have changed."""
    kept = current_app.extensions.get("portal.front_door")
    if kept is not None and kept.generation == _generation and monotonic() < kept.ends:
        return kept
    kept = current_app.extensions["portal.front_door"] = _read(_generation)
    return kept


def _read(generation):
    """Read the front door's data (`generation` is taken before reading, so a change committed while
    reading makes the next page read again)."""
    now = utcnow()
    rows = home.open_state_surveys()
    surveys = home.surveys_open_now([s for s in rows if s.is_open(now)])
    ends = monotonic() + FRONT_DOOR_SECONDS
    for survey in rows:
        for moment in (survey.opens_at, survey.closes_at):
            if moment is not None and moment > now:
                ends = min(ends, monotonic() + (moment - now).total_seconds())
    return FrontDoor(
        surveys=tuple(
            OpenSurvey(
                s.slug,
                s.title,
                s.minutes_to_complete,
                s.closes_at,
                s.easy_read_variant.slug
                if s.easy_read_variant is not None and s.easy_read_variant.is_open(now)
                else None,
            )
            for s in surveys
        ),
        changes=tuple(Change(id_, mark_up(title)) for id_, title in home.latest_changes()),
        ends=ends,
        generation=generation,
    )


def _note_flush(session, flush_context):
    for obj in (*session.new, *session.dirty, *session.deleted):
        if getattr(obj, "__tablename__", None) in WATCHED_TABLES:
            session.info[_CHANGED] = True
            return


def _note_statement(state):
    statement = state.statement
    if isinstance(statement, TextClause):
        if not statement.text.lstrip()[:6].upper() == "SELECT":
            state.session.info[_CHANGED] = True  # raw SQL that may write: read again to be sure
    elif state.is_update or state.is_delete or state.is_insert:
        table = getattr(statement, "table", None)
        if getattr(table, "name", None) in WATCHED_TABLES:
            state.session.info[_CHANGED] = True


def _note_commit(session):
    global _generation
    if session.info.pop(_CHANGED, False):
        with _lock:
            _generation += 1


def watch_front_door():
    """Listen for writes that change the home page (idempotent: building many apps adds none)."""
    for name, listener in (
        ("after_flush", _note_flush),
        ("do_orm_execute", _note_statement),
        ("after_commit", _note_commit),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
