"""The safeguarding-realert command (also run on every pass of `send-mail --loop`)."""

import click

from portal.mail.services import deliver_outbox
from portal.safeguarding.services import realert_due


def realert_task():
    """Re-alert the leads about unacknowledged concerns; wired as a mail pass (portal/wiring.py)."""
    count = realert_due()
    return f"Re-alerted {count} unacknowledged safeguarding concern(s)." if count else None


@click.command("safeguarding-realert")
def safeguarding_realert():
    """Email the leads again about concerns nobody has acknowledged in time, then send the mail."""
    click.echo(realert_task() or "No concern needs a re-alert.")
    sent, failed = deliver_outbox()
    click.echo(
        f"Sent {sent} email(s); {failed} failed (retried later, or set aside: see /staff/outbox)."
    )
