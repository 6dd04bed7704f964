"""The `portal` command line: Flask's commands plus the portal's own."""
import getpass
import sys

import click
from flask.cli import FlaskGroup

from portal.errors import ValidationFailed


def _create_app():
    from portal import create_app
    return create_app()


main = FlaskGroup(create_app=_create_app, help="The SEND voice portal's commands.")
_COMMANDS = []


def command(*args, **kwargs):
    """Declare a portal command; features add theirs the same way and they join the app's CLI."""

    def decorator(fn):
        cmd = click.command(*args, **kwargs)(fn)
        _COMMANDS.append(cmd)
        return cmd

    return decorator


def register_cli(app):
    import portal.commands  # noqa: F401  feature commands register themselves on import
    for cmd in _COMMANDS:
        app.cli.add_command(cmd)


@command("create-user")
@click.option("--email", required=True)
@click.option("--role", required=True, type=click.Choice(["viewer", "moderator", "editor", "admin"]))
@click.option("--organisation", required=True,
              type=click.Choice(["council", "icb", "pcf", "sendiass", "school", "other"]))
@click.option("--name", default="")
@click.option("--password", default=None, help="Prompted for (hidden) when not given.")
@click.option("--safeguarding-lead", is_flag=True)
def create_user(email, role, organisation, name, password, safeguarding_lead):
    """Create a staff account."""
    from portal.accounts.services import create_staff_user
    if password is None:
        password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    try:
        user = create_staff_user(email=email, role=role, organisation=organisation, password=password,
                                 name=name, safeguarding_lead=safeguarding_lead)
    except ValidationFailed as error:
        for field, message in error.errors.items():
            click.echo(f"{field}: {message}", err=True)
        raise SystemExit(1)
    click.echo(f"Created {user.role} {user.email}")


@command("demo-data")
@click.option("--if-empty", is_flag=True, help="Only load when the database has no users yet.")
def demo_data(if_empty):
    """Load demo reference data, staff and content (safe to run again)."""
    from portal.demo import database_is_empty, demo_logins, load_demo_data
    lines = load_demo_data() if not if_empty or database_is_empty() else demo_logins()
    for line in lines:
        click.echo(line)
