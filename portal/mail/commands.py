"""The send-mail command: one pass over the outbox, or a loop for production."""
import time

import click

from portal.cli import command

_PERIODIC = []


def every_pass(task):
    """Register `task() -> str | None`, also run on each pass of `send-mail --loop` (re-alerts)."""
    _PERIODIC.append(task)
    return task


@command("send-mail")
@click.option("--loop", is_flag=True, help="Keep running, one pass every --interval seconds.")
@click.option("--interval", default=30, show_default=True, type=click.IntRange(min=1))
def send_mail(loop, interval):
    """Send the emails waiting in the outbox (and run safeguarding re-alerts)."""
    from portal.mail.services import deliver_outbox
    while True:
        for task in _PERIODIC:
            if message := task():
                click.echo(message)
        sent, failed = deliver_outbox()
        click.echo(f"Sent {sent} email(s); {failed} failed and will be retried.")
        if not loop:
            return
        time.sleep(interval)
