"""Outgoing email: an outbox table delivered over SMTP with retries."""
