"""`portal measures check`: run the deterioration rule (a worker or cron runs it daily)."""

import click
from flask.cli import with_appcontext

from portal.measure_actions.check import check_measures
from portal.measures.periods import UnknownWindow


@click.command("check")
@click.option(
    "--period",
    default="",
    help="A closed quarter like 2026-27-Q3; the latest closed one if not given.",
)
@with_appcontext
def check_command(period):
    """Open an action (and email its owner) for each measure that got worse; safe to run again."""
    try:
        opened = check_measures(period=period or None)
    except UnknownWindow as error:
        raise click.ClickException(str(error)) from None
    for action in opened:
        click.echo(
            f"Opened action {action.id}: {action.measure.name}, {action.period_label}, "
            f"{action.trigger}"
        )
    click.echo(f"{len(opened)} action(s) opened.")
