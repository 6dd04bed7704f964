"""A real local SMTP server (aiosmtpd) and helpers for pipeline tests."""
import socket

import pytest
from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Collector:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def smtp_port(app):
    """A free port wired into the app's MAIL_PORT; nothing listens until `smtp_server` starts."""
    port = free_port()
    old = app.config["MAIL_SERVER"], app.config["MAIL_PORT"], app.config["MAIL_RETRY_BASE_SECONDS"]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_RETRY_BASE_SECONDS=60)
    yield port
    app.config["MAIL_SERVER"], app.config["MAIL_PORT"], app.config["MAIL_RETRY_BASE_SECONDS"] = old


@pytest.fixture
def smtp_server(smtp_port):
    """Start an SMTP server on the app's mail port; yields its Collector (received envelopes)."""
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield collector
    controller.stop()
