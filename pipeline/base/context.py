"""The context every stage entry of a package takes (as OCRmyPDF's PdfContext): one per package."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.base.models import Package
from pipeline.base.settings import Settings


def _unwatched(package: str, stage: str) -> None:
    pass


@dataclass(frozen=True)
class PackageContext:
    """One package being worked on: the package, the run's settings, its work folder, where it is published.

    A stage entry takes the context and the results of the stages before it, and returns its own result.
    """

    package: Package
    settings: Settings
    workdir: Path  # the package's temporary folder, removed when it is done
    out_dir: Path  # processed/: the package is published to out_dir / package.id
    watcher: Callable[[str, str], None] = _unwatched  # told (package id, stage) as each stage starts

    def stage(self, name: str) -> None:
        self.watcher(self.package.id, name)

    def __getstate__(self) -> dict:
        """Sent to another process (the validation helper) without its watcher, which stays here."""
        return {name: value for name, value in self.__dict__.items() if name != "watcher"}

    def __setstate__(self, state: dict) -> None:
        for name, value in {**state, "watcher": _unwatched}.items():
            object.__setattr__(self, name, value)
