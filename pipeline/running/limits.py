"""A package past one of the fence's limits (``fence:`` in configs/inputs.yaml): refused, the limit named."""

from __future__ import annotations

from pipeline.base.models import Package
from pipeline.base.names import shown
from pipeline.base.settings import FenceLimits
from pipeline.running.results import PackageResult

MB = 1 << 20


def address_space_named(limits: FenceLimits) -> str:
    return f"needed more than {limits.address_space_mb:g} MB (address_space_mb)"


def shown_source(package: Package) -> str:
    return shown(package.pdfs[0] if len(package.pdfs) == 1 else package.source)


def over_limit(package: Package, limit: str, seconds: float = 0.0) -> PackageResult:
    message = f"{shown_source(package)}: refused: bilag's work on it {limit}"
    return PackageResult(package.id, "refused", message=message, seconds=seconds)
