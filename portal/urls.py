"""URL helpers: safe redirect targets, and absolute links for emails and feeds."""

from urllib.parse import urlsplit

from flask import current_app, request, url_for
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # the largest value an Integer column holds on PostgreSQL
MAX_PAGE = 100_000  # far beyond any real list; keeps the SQL offset inside a 64-bit integer
# url_for keywords that are not route arguments: copied from a query string they break the link.
URL_FOR_KEYWORDS = frozenset({"endpoint", "values"})


def safe_next(target):
    """Return `target` only when it is a path on this site, else None (no open redirects)."""
    if not target or not isinstance(target, str):
        return None
    target = target.strip()
    parts = urlsplit(target)
    if (
        parts.scheme
        or parts.netloc
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
    ):
        return None
    return target


def public_url(endpoint, **values):
    """PUBLIC_BASE_URL plus the path of `endpoint`, usable from commands as well as requests.

    Links in emails come from this setting, never from the request's Host header.
    """
    with current_app.test_request_context("/"):
        return public_base_url() + url_for(endpoint, **values)


def public_base_url():
    """PUBLIC_BASE_URL without a trailing slash."""
    return current_app.config["PUBLIC_BASE_URL"].rstrip("/")


def page_arg(name="page"):
    """The page number asked for in the query string: 1 when missing, not a number or below 1,
    and never above MAX_PAGE (a twenty-digit number would overflow the database's integer)."""
    raw = request.args.get(name, "")
    if not (raw.isascii() and raw.isdigit()):
        return 1
    return MAX_PAGE if len(raw) > 6 else min(max(int(raw), 1), MAX_PAGE)


def copyable_args(args):
    """Query arguments that are safe to pass back into url_for: no `_method`, `_external`,
    `_anchor`, `_scheme` (url_for's own options) and no `endpoint`."""
    return {
        key: value
        for key, value in args.items()
        if key and not key.startswith("_") and key not in URL_FOR_KEYWORDS
    }


class IdConverter(IntegerConverter):
    """`<int:...>` in routes: a number too big for a database id is a 404, not an overflow (a
    500)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def db_id(value):
    """For `request.args.get(name, type=db_id)`: a whole number a database id can be, else the
    default."""
    number = int(value) if len(value) < 12 else MAX_ID + 1
    if not 0 < number <= MAX_ID:
        raise ValueError("not a database id")
    return number
