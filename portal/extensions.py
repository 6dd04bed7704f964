"""Flask extensions, created unbound and initialised in the factory."""

import select
import sqlite3

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError

from portal.security_headers import PortalTalisman

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(get_remote_address)
talisman = PortalTalisman()

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


@event.listens_for(Engine, "connect")
def _sqlite_settings(dbapi_connection, connection_record):
    """SQLite: write-ahead logging (readers never wait for a writer; no sync on every commit) and a
    30-second wait for the write lock instead of failing at once when many people answer together (a
    busy machine can starve one writer for over 10 seconds: seen with fifty people at once under
    load)."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(
        "PRAGMA synchronous=NORMAL"
    )  # durable at checkpoints; safe from corruption in WAL mode
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@event.listens_for(Engine, "checkout")
def _replace_ended_connection(dbapi_connection, connection_record, connection_proxy):
    """PostgreSQL: a pooled connection the server has ended (a restart, an administrator, an idle
    limit) is replaced before use, noticed without a round trip. An ended connection's socket has
    something to read while idle (the server's goodbye, or its closing): a healthy idle one never
    has, as the portal listens for no notifications. The pool then opens a fresh connection. This
    does the work of SQLAlchemy's pool_pre_ping, which cost every request a round trip; a network
    that drops idle connections without a word is met by pool_recycle (portal/config.py)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        return
    if getattr(dbapi_connection, "closed", False) or _has_something_to_read(dbapi_connection):
        raise DisconnectionError("the database ended this pooled connection")


def _has_something_to_read(dbapi_connection):
    poller = select.poll()
    poller.register(dbapi_connection.fileno(), select.POLLIN | select.POLLERR | select.POLLHUP)
    return bool(poller.poll(0))


def one_statement_options(engine):
    """Execution options for a connection whose statements each stand alone: reads, and a write
    that is whole in one statement (saving a question page). On PostgreSQL that is outside a
    transaction, each statement its own durable commit, which spares a BEGIN and a COMMIT or
    ROLLBACK round trip; several writes that belong together must not run on such a connection.
    SQLite gains nothing (it begins no transaction for a read) and would pay to reset the setting,
    so it gets none."""
    return {"isolation_level": "AUTOCOMMIT"} if engine.dialect.name == "postgresql" else {}
