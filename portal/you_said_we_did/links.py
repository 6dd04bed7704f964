"""Absolute links for emails and the feed, built from PUBLIC_BASE_URL (no request needed)."""
from flask import current_app, url_for


def public_url(endpoint, **values):
    """PUBLIC_BASE_URL plus the path of `endpoint`, usable from commands as well as requests."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    with current_app.test_request_context("/"):
        return base + url_for(endpoint, **values)
