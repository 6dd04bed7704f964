"""The `portal measures` commands: `refresh` (here) stores the published figures ahead of requests;
`check` (portal.measure_actions.commands) is added to this group in portal/cli.py."""

import click
from flask import current_app

from portal.measures.publishing import refresh


@click.group("measures")
def measures_group():
    """Published measures: refresh the stored figures; check for deterioration (run daily)."""


@measures_group.command("refresh")
@click.option("--all-periods", is_flag=True, help="Every closed quarter, not only the latest.")
def refresh_command(all_periods):
    """Recompute and store /results and the public API for the latest closed quarter (or all)."""
    with current_app.test_request_context("/"):
        done = refresh(all_periods=all_periods)
    if not done:
        click.echo("No reporting period has closed yet: nothing to publish.")
    for key, count in done:
        click.echo(f"{key}: stored the results page and {count} API answers.")
