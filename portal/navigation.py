"""The main menu. Features add their own entries with `add_nav_item`."""
from flask import current_app
from flask_login import current_user

from portal.permissions import can_admin, is_staff

_ITEMS = []


def add_nav_item(endpoint, label, visible=lambda user: True, order=50):
    """Add a menu entry shown when `visible(current_user)` is true; lower `order` comes first."""
    if all(item[0] != endpoint for item in _ITEMS):
        _ITEMS.append((endpoint, label, visible, order))
        _ITEMS.sort(key=lambda item: item[3])


def nav_items():
    """(endpoint, label, show) for the current user, only for endpoints this app has."""
    known = current_app.view_functions
    return [(endpoint, label, visible(current_user)) for endpoint, label, visible, _ in _ITEMS if endpoint in known]


add_nav_item("main.index", "Home", order=0)
add_nav_item("surveys.index", "Surveys", order=5)
add_nav_item("main.staff_home", "Staff home", is_staff, order=80)
add_nav_item("accounts.list_users", "Users", can_admin, order=90)
add_nav_item("reference.index", "Reference data", can_admin, order=91)
add_nav_item("audit.index", "Audit log", can_admin, order=92)

_HOME_LINKS = []


def add_home_link(endpoint, text, order=50):
    """Add a link to the home page's list of things a visitor can do."""
    if all(link[0] != endpoint for link in _HOME_LINKS):
        _HOME_LINKS.append((endpoint, text, order))
        _HOME_LINKS.sort(key=lambda link: link[2])


def home_links():
    """(endpoint, text) for the home page, only for endpoints this app has."""
    known = current_app.view_functions
    return [(endpoint, text) for endpoint, text, _ in _HOME_LINKS if endpoint in known]
