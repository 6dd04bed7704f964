"""The purge and erase-person commands."""

import click

from portal.privacy.services import erase_person, purge


@click.command("purge")
def purge_command():
    """Delete everything past its retention time (run daily; the steps are PURGE_STEPS)."""
    counts = purge()
    click.echo(", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in counts.items()))


@click.command("erase-person")
@click.argument("identifier")
def erase_person_command(identifier):
    """Erase everything linked to an email address or a forum username."""
    counts = erase_person(identifier, actor=None)
    click.echo(", ".join(f"{key.replace('_', ' ')}: {value}" for key, value in counts.items()))
