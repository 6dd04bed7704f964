"""Tests for the one free-text pipeline."""
