"""Read helpers for moderation pages: highlighted text."""

from portal.reference.services import settings_gazetteer
from portal.text.pii import describe, setting_checks


def highlighted(text, spans):
    """Split `text` into [(part, reason or None)] so templates can <mark> the personal data
    (escaped).

    The reason is in plain words ("a person's name"). School and setting names that were not
    redacted are marked too, for the moderator to check."""
    checks = [
        {"start": c.start, "end": c.end, "kind": c.kind}
        for c in setting_checks(text, spans, settings_gazetteer())
    ]
    parts, position = [], 0
    for span in sorted([*(spans or []), *checks], key=lambda s: s["start"]):
        start, end = max(span["start"], position), min(span["end"], len(text))
        if start >= end:
            continue
        if start > position:
            parts.append((text[position:start], None))
        parts.append((text[start:end], describe(span["kind"])))
        position = end
    if position < len(text):
        parts.append((text[position:], None))
    return parts
