"""Glossary terms: acronyms and their plain-English expansions."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class GlossaryTerm(db.Model):
    """An acronym and its plain-English expansion, marked up wherever it appears."""

    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(30), unique=True)
    expansion: Mapped[str] = mapped_column(String(200))
    explanation: Mapped[str] = mapped_column(Text, default="")
