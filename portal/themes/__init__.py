"""The theme taxonomy and tagging contributions with themes."""
