"""The one place HTML from users is cleaned (bleach); everything else is escaped by the
templates."""

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"https", "mailto"})


def clean_html(text):
    """Return `text` with only a small allowlist of tags; links limited to https and mailto."""
    return bleach.clean(
        text or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )


def plain_text(text):
    """Return `text` with every tag removed (for places that must hold plain text only)."""
    return bleach.clean(text or "", tags=set(), strip=True)
