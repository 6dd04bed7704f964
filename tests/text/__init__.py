"""Tests for the offline text analysis module."""
