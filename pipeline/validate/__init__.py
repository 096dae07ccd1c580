"""Validate stage: great-expectations suites built from configs/tables.yaml (suites.py)."""
