"""The `analyse` command: run the offline text analysis over a JSON Lines file."""
import sys
import time

import click

from portal.text.batch import analyse_jsonl


@click.command("analyse")
@click.argument("input", type=click.File("r", encoding="utf-8"))
@click.argument("output", type=click.File("w", encoding="utf-8"))
def analyse_command(input, output):
    """Analyse comments in INPUT (JSON Lines) and write records to OUTPUT ('-' for stdio)."""
    started = time.perf_counter()
    try:
        count = analyse_jsonl(input, output)
    except ValueError as error:
        raise click.ClickException(f"{getattr(input, 'name', 'input')}: {error}") from None
    elapsed = max(time.perf_counter() - started, 1e-9)
    click.echo(f"analysed {count} items in {elapsed:.2f} s ({count / elapsed:.0f} items/second)",
               err=True)


if __name__ == "__main__":  # pragma: no cover
    analyse_command(sys.argv[1:])
