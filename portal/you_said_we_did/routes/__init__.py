""" "You said, we did" pages: public, editors' (staff) and the report on one blueprint."""

from portal.you_said_we_did.routes import public, report, staff  # noqa: F401  handlers register on import
from portal.you_said_we_did.routes.blueprint import bp

__all__ = ["bp"]
