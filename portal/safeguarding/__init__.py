"""Safeguarding concerns: opened at once, emailed to every lead, re-alerted until acknowledged."""
