"""One moderation queue for every contribution: redact, approve, reject, escalate."""
