"""The `reanalyse` command: re-run analysis over stored contributions."""

import sys

import click

from portal.contributions.models import Source
from portal.themes.reanalyse import count_to_reanalyse, reanalyse


@click.command("reanalyse")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only contributions created on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--source",
    type=click.Choice([s.value for s in Source]),
    default=None,
    help="Only contributions from this source.",
)
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=500, show_default=True)
@click.option(
    "--outdated",
    is_flag=True,
    help="Only contributions not yet analysed with the active learned text model.",
)
def reanalyse_command(since, source, batch_size, outdated):
    """Re-run analysis over contributions; confirmed themes and moderation decisions are kept."""
    total = count_to_reanalyse(since=since, source=source, outdated=outdated)
    with click.progressbar(length=total, label="Re-analysing", file=sys.stderr) as bar:
        counts = reanalyse(
            since=since,
            source=source,
            batch_size=batch_size,
            progress=bar.update,
            outdated=outdated,
        )
    click.echo(f"Re-analysed {counts.analysed} contributions in {counts.batches} batch(es).")
    click.echo(
        f"Newly flagged for safeguarding: {counts.newly_flagged}; concerns opened: "
        f"{counts.concerns_opened}."
    )
