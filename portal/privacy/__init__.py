"""Data protection: retention (the purge command) and erasure of one person's data."""
