"""Complaints, mediation, tribunal and ombudsman outcomes, recorded as counts by theme (no names, no
free text)."""
