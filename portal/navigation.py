"""The main menu and the home page's links, as wired in portal/wiring.py."""

from flask import current_app
from flask_login import current_user

from portal.hooks import wired
from portal.sessions import signed_in


def nav_items():
    """(endpoint, label, show) for the current user, only for endpoints this app has.

    Most pages are read by visitors who are not signed in, and a menu entry's `visible(user)` looks
    at the user alone, so their menu is worked out once per app rather than on every page.
    """
    if signed_in():
        return _items(current_user)
    menu = current_app.extensions.get("portal.anonymous_nav")
    if menu is None:
        menu = current_app.extensions["portal.anonymous_nav"] = _items(current_user)
    return menu


def _items(user):
    known = current_app.view_functions
    return [
        (item.endpoint, item.label, item.visible(user))
        for item in wired().nav_items
        if item.endpoint in known
    ]


def home_links():
    """(endpoint, text) for the home page, only for endpoints this app has."""
    known = current_app.view_functions
    return [(endpoint, text) for endpoint, text in wired().home_links if endpoint in known]
