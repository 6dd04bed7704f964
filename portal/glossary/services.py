"""The glossary: editing terms, and marking acronyms up as <abbr> with the expansion on first
use."""

import re

from flask import has_request_context, request
from markupsafe import Markup, escape
from sqlalchemy import func, select

from portal.audit.services import record
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.glossary.models import GlossaryTerm
from portal.glossary.seed import GLOSSARY_SEED


def all_terms():
    return db.session.scalars(select(GlossaryTerm).order_by(func.lower(GlossaryTerm.term))).all()


def seed_glossary():
    """Add the starting terms that are missing (idempotent). Returns how many were added."""
    existing = set(db.session.scalars(select(GlossaryTerm.term)))
    added = [
        GlossaryTerm(term=t, expansion=e, explanation=x)
        for t, e, x in GLOSSARY_SEED
        if t not in existing
    ]
    db.session.add_all(added)
    db.session.commit()
    return len(added)


def save_term(term_row, *, actor, term, expansion, explanation=""):
    """Create (term_row=None) or change a glossary term. Raises ValidationFailed."""
    term, expansion = (term or "").strip(), (expansion or "").strip()
    errors = {}
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9/&]{0,29}", term):
        errors["term"] = "Enter the acronym: letters and numbers only, up to 30, no spaces"
    if not expansion:
        errors["expansion"] = "Enter what the acronym stands for"
    clash = db.session.scalar(select(GlossaryTerm).where(GlossaryTerm.term == term))
    if clash is not None and clash is not term_row:
        errors["term"] = "This acronym is already in the glossary"
    if errors:
        raise ValidationFailed("Check the term", errors)
    created = term_row is None
    if created:
        term_row = GlossaryTerm()
        db.session.add(term_row)
    term_row.term, term_row.expansion, term_row.explanation = (
        term,
        expansion,
        (explanation or "").strip(),
    )
    record(actor, "glossary.create" if created else "glossary.update", term_row, term=term)
    db.session.commit()
    return term_row


def delete_term(term_row, *, actor):
    """Remove a term from the glossary."""
    record(actor, "glossary.delete", term_row, term=term_row.term)
    db.session.delete(term_row)
    db.session.commit()


def compile_terms(terms):
    """({term: expansion}, one pattern matching any of them, or None) as `mark_up` uses them."""
    words = sorted(terms, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, words)) + r")(?![\w/])")
        if words
        else None
    )
    return terms, pattern


def _lookup():
    """{term: expansion} and one compiled pattern, loaded once per request."""
    # Cached on the request (not `g`, which tests share between requests) so edits show at once.
    cached = getattr(request, "_glossary", None) if has_request_context() else None
    if cached is None:
        cached = compile_terms(
            dict(db.session.execute(select(GlossaryTerm.term, GlossaryTerm.expansion)).all())
        )
        if has_request_context():
            request._glossary = cached
    return cached


def terms_in(texts):
    """{term: expansion} of the glossary terms found in `texts` (a survey version freezes those it
    uses)."""
    terms, pattern = _lookup()
    found = {}
    for text in texts if pattern is not None else ():
        for match in pattern.finditer(str(escape(text or ""))):
            found[match.group(1)] = terms[match.group(1)]
    return found


def use_terms(compiled):
    """Mark up the rest of this request with `compiled` (from compile_terms), not the table: a
    survey page shows the glossary its frozen version was written with, without reading it again."""
    request._glossary = compiled


def mark_up(text, expand_first=True):
    """Escape `text`, then wrap each known acronym in <abbr title="...">; the first on a page is
    expanded.

    Returns Markup safe to print. Later uses on the same page carry the title only.
    """
    escaped = str(escape(text or ""))
    terms, pattern = _lookup()
    if pattern is None:
        return Markup(escaped)
    seen = set()
    if has_request_context():
        seen = request.__dict__.setdefault("_glossary_seen", set())

    lowered = escaped.lower()

    def replace(match):
        term = match.group(1)
        title = str(escape(terms[term]))
        abbr = f'<abbr title="{title}">{term}</abbr>'
        if (
            title.lower() in lowered
        ):  # the writer already spelled it out: never expand it a second time
            seen.add(term)
        if expand_first and term not in seen:
            seen.add(term)
            return f"{abbr} ({title})"
        return abbr

    return Markup(pattern.sub(replace, escaped))
