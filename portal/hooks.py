"""What the app factory wired into this app (see portal/wiring.py): features read it, never fill
it."""

from dataclasses import dataclass

from flask import current_app


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: str
    visible: object  # visible(user) -> bool, from the user alone (anonymous menu worked out once)


@dataclass(frozen=True)
class Wiring:
    nav_items: tuple  # NavItem, in menu order
    home_links: tuple  # (endpoint, text), in page order
    staff_panels: tuple  # provider() -> list[dict(title, value, detail, url)]
    on_analysed: tuple  # hook(contribution, analysis), same transaction as the save
    purge_steps: tuple  # (name, step(now) -> rows deleted), run by `portal purge`
    erasure_steps: tuple  # (name, step(identifier) -> rows deleted), run by erase-person
    mail_passes: tuple  # task() -> str | None, run on every pass of `portal send-mail`
    author_lookups: tuple  # (Source, lookup(contribution) -> User or None), for moderators


def wired():
    """This app's wiring."""
    return current_app.extensions["portal.wiring"]
