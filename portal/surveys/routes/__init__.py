"""Survey pages: public, builder (staff), staff operations and event (kiosk) mode on one
blueprint."""

from portal.surveys.routes import kiosk, ops, public, staff  # noqa: F401  handlers register on import, in this order
from portal.surveys.routes.blueprint import bp

__all__ = ["bp"]
