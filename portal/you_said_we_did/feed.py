"""The Atom 1.0 feed of published entries, built with ElementTree so it is always well formed."""

import re
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from portal.you_said_we_did.models import STATUS_LABELS

ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 forbids


def _stamp(moment):
    return moment.replace(microsecond=0).isoformat() + "Z"  # stored as naive UTC


def _add(parent, tag, text=None, **attrs):
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def atom_feed(*, title, self_url, page_url, entries, updated_at, entry_url, author):
    """Bytes of an Atom document. `updated_at` maps entry id to its last public change;
    `entry_url(entry)` gives each entry's absolute link. Ids are tag URIs, stable when the site
    moves behind a new path."""
    host = urlsplit(self_url).hostname or "localhost"
    feed = ET.Element("feed", xmlns=ATOM)
    _add(feed, "id", f"tag:{host},2026:you-said-we-did")
    _add(feed, "title", title)
    stamps = [updated_at.get(e.id) or e.published_at for e in entries]
    _add(feed, "updated", _stamp(max(stamps)) if stamps else "2026-04-01T00:00:00Z")
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    _add(_add(feed, "author"), "name", author)
    for entry, stamp in zip(entries, stamps, strict=True):
        item = _add(feed, "entry")
        _add(item, "id", f"tag:{host},2026:you-said-we-did/{entry.id}")
        _add(item, "title", entry.title)
        _add(item, "updated", _stamp(stamp))
        _add(item, "published", _stamp(entry.published_at))
        _add(item, "link", rel="alternate", type="text/html", href=entry_url(entry))
        _add(
            item,
            "summary",
            f"{STATUS_LABELS[entry.status]}. You said: {entry.you_said} We did: {entry.we_did}",
        )
        for theme in entry.themes:
            _add(item, "category", term=theme.slug, label=theme.label)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
