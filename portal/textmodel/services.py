"""Moderators' labels, training candidates and switching the active model (audited)."""

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, has_app_context
from sqlalchemy import func, select

from portal.audit.services import record
from portal.errors import InvalidTransition, ValidationFailed
from portal.extensions import db
from portal.text.analysis import analyse
from portal.text.learned import active, corpus
from portal.text.learned.model import ModelFileError
from portal.textmodel.models import LABEL_FIELDS, TextLabel, TextModelActivation

log = logging.getLogger(__name__)
SENTIMENTS = ("positive", "negative", "mixed", "neutral")


def register_text_model(app):
    """Analysis asks the database which model is active; candidates live in TEXT_MODEL_DIR."""
    folder = Path(app.config.get("TEXT_MODEL_DIR") or Path(app.instance_path) / "text-models")
    app.config["TEXT_MODEL_DIR"] = str(folder)
    active.add_search_dir(folder)
    active.set_resolver(_activated_version)


def _activated_version():
    """The version an admin last activated, or None (the shipped default). No error handling here:
    rolling back would throw away the caller's unsaved work, and a database without this table
    lacks the contribution columns too, so `portal db upgrade` is the only fix."""
    if not has_app_context():
        return None
    return db.session.scalar(
        select(TextModelActivation.version).order_by(TextModelActivation.id.desc()).limit(1)
    )


def candidate_folder():
    return Path(current_app.config["TEXT_MODEL_DIR"])


# --- labels -------------------------------------------------------------------------------------


def record_label(contribution, field, value):
    """Store one moderator decision as a label (the caller's service audits and commits).

    field: safeguarding, abusive or pii with value True/False; sentiment with a label; theme with
    '+slug' (confirmed) or '-slug' (removed). Only the redacted text is kept."""
    if field not in LABEL_FIELDS:
        raise ValueError(f"unknown label field {field!r}")
    if field in ("safeguarding", "abusive", "pii"):
        value = "true" if value else "false"
    elif field == "sentiment" and value not in SENTIMENTS:
        raise ValueError(f"unknown sentiment {value!r}")
    elif field == "theme" and (value[:1] not in "+-" or len(value) < 2):
        raise ValueError("a theme label is '+slug' or '-slug'")
    text = contribution.redacted_text
    if not text:
        raise ValueError("a label needs the contribution's redacted text")
    label = TextLabel(contribution_id=contribution.id, field=field, value=value, text=text)
    db.session.add(label)
    return label


def waiting_label_count():
    """Moderator labels no active model has been trained on yet."""
    return db.session.scalar(
        select(func.count(TextLabel.id)).where(TextLabel.used_in_version.is_(None))
    )


def training_records(slugs):
    labels = db.session.scalars(select(TextLabel)).all()
    return corpus.load_sets(slugs) + corpus.from_moderator_labels(labels)


# --- the active model ---------------------------------------------------------------------------


@dataclass
class ModelStatus:
    version: str | None
    model: object
    activated: TextModelActivation | None
    waiting_labels: int
    candidates: list


def status():
    version = active.active_version()
    model = active.load_version(version) if version else None
    latest = db.session.scalars(
        select(TextModelActivation).order_by(TextModelActivation.id.desc()).limit(1)
    ).first()
    folder = candidate_folder()
    candidates = sorted(path.stem for path in folder.glob("*.json")) if folder.is_dir() else []
    return ModelStatus(
        version=version,
        model=model,
        activated=latest,
        waiting_labels=waiting_label_count(),
        candidates=candidates,
    )


def reference_sets():
    """{name: [(text, is_safeguarding)]} from every labelled set here and the moderators' labels."""
    sets = {
        name: [(row["text"], bool(row.get("safeguarding"))) for row in corpus.read_jsonl(path)]
        for name, path in corpus.available_sets().items()
    }
    moderators = [
        (r["text"], r["safeguarding"])
        for r in corpus.from_moderator_labels(
            db.session.scalars(select(TextLabel).where(TextLabel.field == "safeguarding")).all()
        )
    ]
    if moderators:
        sets["moderators"] = moderators
    return sets


def safeguarding_recall(model, sets):
    """{set name: recall of the safeguarding flag} with `model` (None: the rules alone)."""
    figures = {}
    for name, rows in sets.items():
        positives = [text for text, flagged in rows if flagged]
        if positives:
            caught = sum(analyse(text, model=model).safeguarding for text in positives)
            figures[name] = round(caught / len(positives), 4)
    return figures


def activate(version, *, actor):
    """Make `version` the active model, only if safeguarding recall falls on no reference set.

    Raises ValidationFailed for an unknown or broken model file, InvalidTransition when recall
    would fall (naming the sets). Audited; marks the moderator labels it was trained on as used."""
    try:
        candidate = active.load_version(version)
    except ModelFileError as error:
        raise ValidationFailed(
            f"Model {version} cannot be used: {error}", {"version": str(error)}
        ) from None
    current_version = active.active_version()
    if current_version == version:
        raise InvalidTransition(f"Model {version} is already active")
    current = active.load_version(current_version) if current_version else None
    sets = reference_sets()
    before, after = safeguarding_recall(current, sets), safeguarding_recall(candidate, sets)
    fallen = {
        name: (before[name], after.get(name, 0.0))
        for name in before
        if after.get(name, 0.0) < before[name]
    }
    if fallen:
        detail = "; ".join(
            f"{name} {old:.3f} -> {new:.3f}" for name, (old, new) in sorted(fallen.items())
        )
        raise InvalidTransition(
            f"Safeguarding recall would fall, so {version} was not activated: {detail}"
        )
    activation = TextModelActivation(
        version=version,
        activated_by_id=getattr(actor, "id", None),
        figures={"before": before, "after": after, "previous": current_version},
    )
    db.session.add(activation)
    used = [
        int(item[1:]) for item in candidate.data.get("training", {}).get("moderator_label_ids", [])
    ]
    if used:
        for label in db.session.scalars(
            select(TextLabel).where(
                TextLabel.contribution_id.in_(used), TextLabel.used_in_version.is_(None)
            )
        ):
            label.used_in_version = version
    record(
        actor,
        "text_model.activated",
        activation,
        version=version,
        previous=current_version,
        safeguarding_recall_before=before,
        safeguarding_recall_after=after,
    )
    db.session.commit()
    log.info("text model %s activated (was %s)", version, current_version)
    return activation


def write_candidate(document):
    folder = candidate_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{document['version']}.json"
    path.write_text(
        json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    return path
