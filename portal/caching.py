"""Cache rules: no browser, proxy or Back button keeps a page about a person.

Every response is sent with `Cache-Control: no-store` unless it is a static file (versioned URLs are
cached for a year) or its endpoint is in CACHEABLE: public pages that show nothing of the person
reading them and hold no form for their words. A new page is therefore no-store until someone
decides otherwise here; tests/security/test_cache_control.py walks the URL map and checks every
route.
"""

from flask import request

from portal.sessions import signed_in

CACHEABLE = frozenset(
    {
        "main.index",
        "main.accessibility",
        "main.contact",
        "main.cookies",
        "main.privacy",
        "glossary.index",
        "measures.results",
        "api.measures",
        "api.measure",
        "api.openapi",
        "surveys.index",
        "surveys.printable",
        "forum.house_rules",
        "you_said_we_did.index",
        "you_said_we_did.entry",
        "you_said_we_did.decisions",
        "you_said_we_did.feed",
    }
)
LONG_CACHE = "public, max-age=31536000, immutable"


def cache_control(endpoint, *, versioned, signed_in, method):
    """The Cache-Control value for a response, or None to send none (a public page anyone may
    cache)."""
    if endpoint == "static":
        return (
            LONG_CACHE if versioned else "no-cache"
        )  # versioned URLs (see jinja.asset) never change
    if endpoint in CACHEABLE and method in ("GET", "HEAD") and not signed_in:
        return None
    return "no-store"


def register_cache_rules(app):
    @app.after_request
    def cache_rules(response):
        value = cache_control(
            request.endpoint,
            versioned=bool(request.args.get("v")),
            signed_in=signed_in(),
            method=request.method,
        )
        if value:
            response.headers["Cache-Control"] = value
        return response
