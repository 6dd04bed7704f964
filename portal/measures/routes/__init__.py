"""Measures pages: public results and staff pages on one blueprint."""

from portal.measures.routes import coproduction, public, reports, staff  # noqa: F401  handlers register on import
from portal.measures.routes.blueprint import bp

__all__ = ["bp"]
