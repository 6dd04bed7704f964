"""Walls between organisations: whose text is whose, and who may read it in full."""
