"""Confidence and satisfaction measures: KPI dictionary, baselines, targets, results, reports and
API."""
