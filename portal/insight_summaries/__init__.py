"""The monthly insight summary: what, why, so what and next, drafted from the portal's own data."""
