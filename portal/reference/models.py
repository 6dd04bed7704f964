"""Localities (with SEND population figures), age bands and cohorts."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class Locality(db.Model):
    __tablename__ = "localities"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    send_population: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class AgeBand(db.Model):
    __tablename__ = "age_bands"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Cohort(db.Model):
    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class EducationSetting(db.Model):
    """A school, nursery, college or service whose name, beside a child's, identifies the child."""

    __tablename__ = "education_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    active: Mapped[bool] = mapped_column(default=True)


# Stable codes: survey answers, imports and measures rely on them (DESIGN.md section 4).
DEFAULT_AGE_BANDS = [
    ("0-4", "0 to 4 years"),
    ("5-10", "5 to 10 years"),
    ("11-15", "11 to 15 years"),
    ("16-18", "16 to 18 years"),
    ("19-25", "19 to 25 years"),
]
DEFAULT_COHORTS = [
    ("ehcp", "Has an education, health and care (EHC) plan"),
    ("sen_support", "Gets SEN support at school or college, without an EHC plan"),
    ("awaiting_assessment", "Waiting for an assessment"),
    ("no_plan", "No plan or support yet"),
    ("dont_know", "Don't know"),
]
DEMO_LOCALITIES = [
    ("oswestry-ellesmere", "Oswestry and Ellesmere", 1650),
    ("whitchurch-market-drayton", "Whitchurch and Market Drayton", 1180),
    ("shrewsbury", "Shrewsbury", 2900),
    ("ludlow-south", "Ludlow and the South", 1240),
    ("bridgnorth-east", "Bridgnorth and the East", 1030),
]
# Made-up schools and settings for the demo list of names that redaction looks for.
DEMO_SETTINGS = [
    "Larkfield Primary School",
    "Cranmere High School",
    "Little Acorns Nursery",
    "Brookside Family Hub",
]
