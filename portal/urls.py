"""URL helpers: safe redirect targets, and absolute links for emails and feeds."""
from urllib.parse import urlsplit

from flask import current_app, url_for


def safe_next(target):
    """Return `target` only when it is a path on this site, else None (no open redirects)."""
    if not target or not isinstance(target, str):
        return None
    target = target.strip()
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def public_url(endpoint, **values):
    """PUBLIC_BASE_URL plus the path of `endpoint`, usable from commands as well as requests.

    Links in emails come from this setting, never from the request's Host header.
    """
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    with current_app.test_request_context("/"):
        return base + url_for(endpoint, **values)
