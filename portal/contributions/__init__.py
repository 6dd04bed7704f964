"""Contributions: every piece of free text people give, in one pipeline (DESIGN.md section 2)."""
