"""The safeguarding-realert command (also run on every pass of `send-mail --loop`)."""
import click



def realert_task():
    from portal.safeguarding.services import realert_due
    count = realert_due()
    return f"Re-alerted {count} unacknowledged safeguarding concern(s)." if count else None


@click.command("safeguarding-realert")
def safeguarding_realert():
    """Email the leads again about concerns nobody has acknowledged in time, then send the mail."""
    from portal.mail.services import deliver_outbox
    click.echo(realert_task() or "No concern needs a re-alert.")
    sent, failed = deliver_outbox()
    click.echo(f"Sent {sent} email(s); {failed} failed (retried later, or set aside: see /staff/outbox).")
