"""Imports every feature's commands so they join the `portal` group."""
import click

from portal.cli import _COMMANDS, command
from portal.text.commands import analyse_command
import portal.mail.commands  # noqa: F401,E402
import portal.safeguarding.commands  # noqa: F401,E402
import portal.privacy.commands  # noqa: F401,E402
import portal.themes.commands  # noqa: F401,E402
import portal.textmodel.commands  # noqa: F401,E402
import portal.measure_actions.commands  # noqa: F401,E402

import portal.measures.commands  # noqa: F401,E402

_COMMANDS.append(analyse_command)


@command("seed-themes")
def seed_themes_command():
    """Add the built-in themes that are missing from the taxonomy (safe to run again)."""
    from portal.themes.services import seed_themes
    click.echo(f"Added {seed_themes()} themes.")


@command("seed-measures")
def seed_measures_command():
    """Add the seeded measures (KPI dictionary) that are missing, with staff baselines and targets."""
    from portal.measures.seeds import seed_measures
    click.echo(f"Added {seed_measures()} measures.")
import portal.surveys.commands  # noqa: E402,F401  survey commands register themselves
import portal.surveys.demo  # noqa: E402,F401  the demo loader registers itself
import portal.measures.demo  # noqa: E402,F401  after the surveys demo: it locks baselines from its answers
import portal.measure_actions.demo  # noqa: E402,F401  after the measures demo: it checks their figures
import portal.disagreements.demo  # noqa: E402,F401
import portal.insight_summaries.demo  # noqa: E402,F401  last: drafts last month's summary from the demo data
