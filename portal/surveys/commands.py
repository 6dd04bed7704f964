"""Survey commands: seed the Big Listen surveys and import responses."""

import click

from portal.errors import ValidationFailed
from portal.glossary.services import seed_glossary
from portal.surveys.builder import seed_surveys
from portal.surveys.importer import import_responses
from portal.surveys.services import survey_by_slug


@click.command("seed-surveys")
def seed_surveys_command():
    """Add the Big Listen 2026 surveys (as drafts) and the glossary, when missing (safe to run
    again)."""
    added = seed_surveys()
    terms = seed_glossary()
    click.echo(
        f"Added {len(added)} draft surveys{': ' + ', '.join(added) if added else ''}. "
        f"Added {terms} glossary terms."
    )


@click.command("import-responses")
@click.argument("slug")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_responses_command(slug, path):
    """Import responses from a CSV (columns: question keys, role, locality, age_band, cohort,
    channel, submitted_at)."""
    survey = survey_by_slug(slug)
    if survey is None:
        click.echo(f"No survey with the address {slug!r}.", err=True)
        raise SystemExit(1)
    try:
        count = import_responses(survey, path)
    except ValidationFailed as error:
        click.echo(f"{error} ({len(error.errors['rows'])} problems):", err=True)
        for line in error.errors["rows"]:
            click.echo(f"  {line}", err=True)
        raise SystemExit(1) from error
    click.echo(f"Imported {count} responses into {survey.title}.")
