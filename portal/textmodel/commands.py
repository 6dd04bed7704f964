"""`portal text train` and `portal text activate VERSION`."""

import hashlib
import json
from datetime import UTC, datetime

import click
from flask.cli import with_appcontext

from portal.errors import InvalidTransition, ValidationFailed
from portal.text.learned.training import train
from portal.text.taxonomy import BUILTIN_THEMES
from portal.textmodel.services import activate, status, training_records, write_candidate

ROWS = [
    ("safeguarding", "recall"),
    ("safeguarding", "precision"),
    ("abusive", "recall"),
    ("abusive", "precision"),
    ("pii", "recall"),
    ("pii", "precision"),
]


@click.group("text")
def text_group():
    """The learned text model: train a candidate, activate a version."""


def version_for(document):
    parts = [document["vocabulary"], document["coef"], document["intercept"], document["combine"]]
    if document.get(
        "word_heads"
    ):  # only when present, so older models' versions still match their files
        parts.append(document["word_heads"])
    body = json.dumps(parts)
    return f"{datetime.now(UTC):%Y-%m-%d}-{hashlib.sha256(body.encode()).hexdigest()[:8]}"


def figure_lines(title, figures):
    lines = [title]
    for name, result in figures.items():
        parts = [f"{flag} {part[0].upper()} {result[flag][part]:.3f}" for flag, part in ROWS]
        parts += [
            f"{flag} P at real rate {result[flag]['precision_realistic']:.3f}"
            for flag in ("safeguarding", "abusive", "pii")
            if "precision_realistic" in result[flag]
        ]
        lines.append(
            f"  {name:<12} n={result['items']:<4} themes F1 {result['themes_micro_f1']:.3f}  "
            f"sentiment {result['sentiment_accuracy']:.3f}  " + "  ".join(parts)
        )
    return lines


@text_group.command("train")
@with_appcontext
def train_command():
    """Build a candidate model from the labelled sets and moderators' labels; print its
    cross-validated figures beside the active model's. Does not activate it."""

    slugs = [theme.slug for theme in BUILTIN_THEMES]
    records = training_records(slugs)
    document, _ = train(
        records, version="candidate", progress=lambda line: click.echo(line, err=True)
    )
    document["version"] = version_for(document)
    path = write_candidate(document)
    current = status()
    for line in figure_lines(
        f"Candidate {document['version']} (cross-validated, one labelled set left out at a time):",
        document["metrics"]["cross_validated"],
    ):
        click.echo(line)
    if current.model is not None:
        for line in figure_lines(
            f"Active {current.version} (its own cross-validated figures):",
            current.model.metrics.get("cross_validated", {}),
        ):
            click.echo(line)
    click.echo(f"Written to {path}. Activate with: portal text activate {document['version']}")


@text_group.command("activate")
@click.argument("version")
@with_appcontext
def activate_command(version):
    """Make VERSION the active model, if safeguarding recall falls on no reference set."""
    try:
        activation = activate(version, actor=None)
    except (ValidationFailed, InvalidTransition) as error:
        raise click.ClickException(str(error)) from None
    for name, after in activation.figures["after"].items():
        click.echo(
            f"  {name:<12} safeguarding recall {activation.figures['before'].get(name, 0):.3f} -> "
            f"{after:.3f}"
        )
    click.echo(
        f"Activated {version}. Run `portal reanalyse --outdated` to bring stored items up to it."
    )
