"""Calculations for the portal's measures (DESIGN.md section 7), with no Flask and no database.

Everything here takes plain numbers, dates and dicts and returns plain values or dataclasses, so
the public page, staff dashboard, board report, exports and JSON API all show the same figures.
"""

from __future__ import annotations

from portal.metrics.intervals import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    Z_95,
    change_verdict,
    newcombe_difference,
    proportion,
    wilson_interval,
)

__all__ = [
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "Z_95",
    "change_verdict",
    "newcombe_difference",
    "proportion",
    "wilson_interval",
]
