"""The "tell us" feedback form: anonymous by default, contact details held apart from the
message."""
