"""Reading and changing reference data (admins)."""

import re

from sqlalchemy import func, select

from portal.audit.services import record
from portal.errors import ValidationFailed
from portal.extensions import db
from portal.reference.models import (
    DEFAULT_AGE_BANDS,
    DEFAULT_COHORTS,
    DEMO_SETTINGS,
    AgeBand,
    Cohort,
    EducationSetting,
    Locality,
)
from portal.text.settings import gazetteer_pattern


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def active_localities():
    return db.session.scalars(
        select(Locality).where(Locality.active.is_(True)).order_by(Locality.position, Locality.name)
    ).all()


def all_localities():
    return db.session.scalars(select(Locality).order_by(Locality.position, Locality.name)).all()


def find_locality(value):
    """A locality by slug or name, case-insensitive, or None."""
    value = (value or "").strip().lower()
    return db.session.scalar(
        select(Locality).where(
            (func.lower(Locality.slug) == value) | (func.lower(Locality.name) == value)
        )
    )


def active_age_bands():
    return db.session.scalars(
        select(AgeBand).where(AgeBand.active.is_(True)).order_by(AgeBand.position)
    ).all()


def active_cohorts():
    return db.session.scalars(
        select(Cohort).where(Cohort.active.is_(True)).order_by(Cohort.position)
    ).all()


def save_locality(locality, *, actor, name, send_population, active=True):
    """Create (locality=None) or update a locality. Raises ValidationFailed."""
    name = (name or "").strip()
    if not name:
        raise ValidationFailed("Enter a name", {"name": "Enter the locality's name"})
    clash = db.session.scalar(select(Locality).where(func.lower(Locality.name) == name.lower()))
    if clash is not None and clash is not locality:
        raise ValidationFailed("Name taken", {"name": "A locality with this name already exists"})
    if send_population is not None and send_population < 0:
        raise ValidationFailed(
            "Bad figure", {"send_population": "SEND population must be 0 or more"}
        )
    created = locality is None
    if created:
        locality = Locality(slug=slugify(name), position=len(all_localities()))
        db.session.add(locality)
    locality.name, locality.send_population, locality.active = name, send_population, active
    record(
        actor,
        "locality.create" if created else "locality.update",
        locality,
        name=name,
        send_population=send_population,
        active=active,
    )
    db.session.commit()
    return locality


def save_label(item, *, actor, label, active):
    """Change an age band's or cohort's label and active flag (codes never change)."""
    label = (label or "").strip()
    if not label:
        raise ValidationFailed("Enter a label", {"label": "Enter a label"})
    item.label, item.active = label, active
    record(actor, f"{type(item).__name__.lower()}.update", item, label=label, active=active)
    db.session.commit()
    return item


def ensure_demo_settings():
    """Add the made-up demo schools and settings when missing (idempotent)."""
    for name in DEMO_SETTINGS:
        if not db.session.scalar(select(EducationSetting).where(EducationSetting.name == name)):
            db.session.add(EducationSetting(name=name))
    db.session.commit()


def ensure_defaults(localities=()):
    """Insert the standard age bands and cohorts and the given localities when missing
    (idempotent)."""
    for position, (code, label) in enumerate(DEFAULT_AGE_BANDS):
        if not db.session.scalar(select(AgeBand).where(AgeBand.code == code)):
            db.session.add(AgeBand(code=code, label=label, position=position))
    for position, (code, label) in enumerate(DEFAULT_COHORTS):
        if not db.session.scalar(select(Cohort).where(Cohort.code == code)):
            db.session.add(Cohort(code=code, label=label, position=position))
    for position, (slug, name, population) in enumerate(localities):
        if not db.session.scalar(select(Locality).where(Locality.slug == slug)):
            db.session.add(
                Locality(slug=slug, name=name, send_population=population, position=position)
            )
    db.session.commit()


def all_settings():
    return db.session.scalars(select(EducationSetting).order_by(EducationSetting.name)).all()


def settings_gazetteer():
    """A regex of every active school and setting name, for the text analysis (None if there are
    none)."""

    return gazetteer_pattern(
        db.session.scalars(
            select(EducationSetting.name).where(EducationSetting.active.is_(True))
        ).all()
    )


def save_setting(setting, *, actor, name, active=True):
    """Create (setting=None) or rename a school or setting in the redaction list.

    Raises ValidationFailed for an empty, too short or duplicate name. Audited."""
    name = " ".join((name or "").split())
    if len(name) < 4:
        raise ValidationFailed(
            "Enter a name",
            {"name": "Enter the school or setting's full name, 4 characters or more"},
        )
    clash = db.session.scalar(
        select(EducationSetting).where(func.lower(EducationSetting.name) == name.lower())
    )
    if clash is not None and clash is not setting:
        raise ValidationFailed(
            "Name taken", {"name": "This school or setting is already on the list"}
        )
    created = setting is None
    if created:
        setting = EducationSetting()
        db.session.add(setting)
    setting.name, setting.active = name, active
    db.session.flush()
    record(
        actor, "setting.create" if created else "setting.update", setting, name=name, active=active
    )
    db.session.commit()
    return setting
