"""Publish stage: a package's outputs written to processed/<package-id>/ all or nothing (package.py), its
Frictionless descriptors (datapackage.py), report and crops (report.py, evidence.py), the combined
dataset (combine.py) and the Excel export (export.py)."""
