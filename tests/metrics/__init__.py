"""Tests for the pure calculations in portal.metrics."""
