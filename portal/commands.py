"""Small commands with no feature of their own: seed the built-in themes and measures."""

import click

from portal.measures.seeds import seed_measures
from portal.themes.services import seed_themes


@click.command("seed-themes")
def seed_themes_command():
    """Add the built-in themes that are missing from the taxonomy (safe to run again)."""
    click.echo(f"Added {seed_themes()} themes.")


@click.command("seed-measures")
def seed_measures_command():
    """Add the seeded measures (KPI dictionary) that are missing, with staff baselines and
    targets."""
    click.echo(f"Added {seed_measures()} measures.")
