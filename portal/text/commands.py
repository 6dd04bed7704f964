"""The `analyse` command: run the offline text analysis over a JSON Lines file."""

import sys
import time

import click

from portal.extensions import db
from portal.text.batch import analyse_jsonl
from portal.text.learned.active import current_model, load_version, shipped_default_version


@click.command("analyse")
@click.argument("input", type=click.File("r", encoding="utf-8"))
@click.argument("output", type=click.File("w", encoding="utf-8"))
@click.option("--rules-only", is_flag=True, help="Leave the learned model out (to compare).")
def analyse_command(input, output, rules_only=False):
    """Analyse comments in INPUT (JSON Lines) and write records to OUTPUT ('-' for stdio)."""
    model = (
        None if rules_only else _model()
    )  # loaded before the clock starts, as the rules' lexicons load on first use
    click.echo(f"learned model: {model.version if model else 'none (rules alone)'}", err=True)
    started = time.perf_counter()
    try:
        count = analyse_jsonl(input, output, model=model)
    except ValueError as error:
        raise click.ClickException(f"{getattr(input, 'name', 'input')}: {error}") from None
    elapsed = max(time.perf_counter() - started, 1e-9)
    click.echo(
        f"analysed {count} items in {elapsed:.2f} s ({count / elapsed:.0f} items/second)", err=True
    )


def _model():
    """The active model; the shipped default when the database cannot say (not yet created)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return current_model()
    except SQLAlchemyError:
        db.session.rollback()  # a command of its own: nothing of anyone else's is pending
        click.echo(
            "the database could not say which model is active; using the shipped default", err=True
        )
        version = shipped_default_version()
        return load_version(version) if version else None


if __name__ == "__main__":  # pragma: no cover
    analyse_command(sys.argv[1:])
