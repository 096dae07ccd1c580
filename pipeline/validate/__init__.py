"""Validate stage: great-expectations suites built from configs/tables.yaml (suites.py)."""

from __future__ import annotations

from pipeline.base.context import PackageContext
from pipeline.base.models import Extraction, Validation
from pipeline.validate.suites import validate


def validate_package(context: PackageContext, extraction: Extraction) -> Validation:
    """Validate stage entry: the package's tables against their suites, every printed total checked."""
    return validate(extraction, context.settings.tables, context.settings.gazetteer)
