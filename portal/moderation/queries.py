"""Read helpers for moderation pages: highlighted text and filter choices."""
from sqlalchemy import select

from portal.extensions import db
from portal.reference.models import Locality

PII_LABELS = {"name": "name", "phone": "phone number", "email": "email address", "address": "address",
              "postcode": "postcode", "dob": "date of birth", "handle": "social media handle",
              "school": "school"}


def highlighted(text, spans):
    """Split `text` into [(part, kind or None)] so templates can <mark> the personal data (escaped)."""
    parts, position = [], 0
    for span in sorted(spans or [], key=lambda s: s["start"]):
        start, end = max(span["start"], position), min(span["end"], len(text))
        if start >= end:
            continue
        if start > position:
            parts.append((text[position:start], None))
        parts.append((text[start:end], PII_LABELS.get(span["kind"], span["kind"])))
        position = end
    if position < len(text):
        parts.append((text[position:], None))
    return parts


def locality_choices():
    return db.session.scalars(select(Locality).where(Locality.active.is_(True)).order_by(Locality.position,
                                                                                        Locality.name)).all()
