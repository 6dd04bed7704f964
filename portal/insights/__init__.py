"""Insight explorer: what people talk about, by theme, place, feeling and time."""
