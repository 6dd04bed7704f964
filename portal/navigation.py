"""The main menu and the home page's links, as wired in portal/wiring.py."""

from flask import current_app
from flask_login import current_user

from portal.hooks import wired


def nav_items():
    """(endpoint, label, show) for the current user, only for endpoints this app has."""
    known = current_app.view_functions
    return [
        (item.endpoint, item.label, item.visible(current_user))
        for item in wired().nav_items
        if item.endpoint in known
    ]


def home_links():
    """(endpoint, text) for the home page, only for endpoints this app has."""
    known = current_app.view_functions
    return [(endpoint, text) for endpoint, text in wired().home_links if endpoint in known]
