"""The `portal` command line: Flask's commands plus the portal's own.

Every portal command is listed in COMMANDS below; a feature's command exists only if it is here.
"""

import getpass
import sys

import click
from flask.cli import FlaskGroup

from portal.accounts.services import create_staff_user
from portal.commands import seed_measures_command, seed_themes_command
from portal.demo import database_is_empty, demo_logins, load_demo_data
from portal.errors import ValidationFailed
from portal.mail.commands import send_mail
from portal.measure_actions.commands import check_command
from portal.measures.commands import measures_group
from portal.privacy.commands import erase_person_command, purge_command
from portal.safeguarding.commands import safeguarding_realert
from portal.surveys.commands import (
    import_responses_command,
    seed_surveys_command,
)
from portal.text.commands import analyse_command
from portal.textmodel.commands import text_group
from portal.themes.commands import reanalyse_command


def _create_app():
    from portal import create_app  # the package imports this module: a cycle forbids a top import

    return create_app()


main = FlaskGroup(create_app=_create_app, help="The SEND voice portal's commands.")


@click.command("create-user")
@click.option("--email", required=True)
@click.option(
    "--role", required=True, type=click.Choice(["viewer", "moderator", "editor", "admin"])
)
@click.option(
    "--organisation",
    required=True,
    type=click.Choice(["council", "icb", "pcf", "sendiass", "school", "other"]),
)
@click.option("--name", default="")
@click.option("--password", default=None, help="Prompted for (hidden) when not given.")
@click.option("--safeguarding-lead", is_flag=True)
def create_user(email, role, organisation, name, password, safeguarding_lead):
    """Create a staff account."""
    if password is None:
        password = (
            getpass.getpass("Password: ")
            if sys.stdin.isatty()
            else sys.stdin.readline().rstrip("\n")
        )
    try:
        user = create_staff_user(
            email=email,
            role=role,
            organisation=organisation,
            password=password,
            name=name,
            safeguarding_lead=safeguarding_lead,
        )
    except ValidationFailed as error:
        for field, message in error.errors.items():
            click.echo(f"{field}: {message}", err=True)
        raise SystemExit(1) from error
    click.echo(f"Created {user.role} {user.email}")


@click.command("demo-data")
@click.option("--if-empty", is_flag=True, help="Only load when the database has no users yet.")
def demo_data(if_empty):
    """Load demo reference data, staff and content (safe to run again)."""
    lines = load_demo_data() if not if_empty or database_is_empty() else demo_logins()
    for line in lines:
        click.echo(line)


# `portal measures check` lives with measure actions; it joins the measures group here.
measures_group.add_command(check_command)

# Every portal command (`portal --help` lists them sorted).
COMMANDS = [
    create_user,
    demo_data,
    seed_themes_command,
    seed_measures_command,
    seed_surveys_command,
    import_responses_command,
    send_mail,
    safeguarding_realert,
    purge_command,
    erase_person_command,
    reanalyse_command,
    analyse_command,
    text_group,
    measures_group,
]


def register_cli(app):
    for cmd in COMMANDS:
        app.cli.add_command(cmd)
