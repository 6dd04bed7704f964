"""The staff home page's panels, as wired in portal/wiring.py."""

from portal.hooks import wired


def panels():
    """Every wired panel, in order."""
    return [panel for provider in wired().staff_panels for panel in provider()]
