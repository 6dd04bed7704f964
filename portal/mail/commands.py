"""The send-mail command: one pass over the outbox, or a loop (the mail worker) for production."""

import logging
import time

import click

from portal.extensions import db
from portal.hooks import wired
from portal.mail.services import deliver_outbox

log = logging.getLogger(__name__)


def one_pass():
    """Run the periodic tasks, then deliver what is due. Returns the lines to print. A task that
    breaks is logged and the pass goes on, so a failing re-alert never stops the mail."""
    lines = []
    for task in wired().mail_passes:
        try:
            if message := task():
                lines.append(message)
        except Exception:  # the worker must keep delivering
            db.session.rollback()
            log.exception("Periodic task %s failed", task.__name__)
            lines.append(f"{task.__name__} failed; see the log.")
    sent, failed = deliver_outbox()
    lines.append(
        f"Sent {sent} email(s); {failed} failed (retried later, or set aside: see /staff/outbox)."
    )
    return lines


@click.command("send-mail")
@click.option(
    "--loop",
    is_flag=True,
    help="Keep running (the mail worker), one pass every --interval seconds.",
)
@click.option("--interval", default=30, show_default=True, type=click.IntRange(min=1))
def send_mail(loop, interval):
    """Send the emails waiting in the outbox (and run safeguarding re-alerts)."""
    while True:
        try:
            for line in one_pass():
                if not (
                    loop and line.startswith("Sent 0 email(s); 0 failed")
                ):  # a quiet loop when idle
                    click.echo(line)
        except Exception:  # for example the database is restarting: try again next pass
            if not loop:
                raise
            db.session.rollback()
            log.exception("Mail pass failed; trying again in %s seconds", interval)
        if not loop:
            return
        db.session.remove()  # a fresh session each pass, so the worker never reads stale rows
        time.sleep(interval)
