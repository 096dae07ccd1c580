"""Names bilag gives what it publishes: Frictionless names (lower-case ASCII) and tables' file names."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from pipeline.base.models import OtherTable

ASCII = {"æ": "ae", "ø": "oe", "å": "aa"}


def frictionless_name(text: str) -> str:
    """Frictionless names are lower-case ASCII: ``Møde-12`` becomes ``moede-12``."""
    text = "".join(ASCII.get(c, c) for c in text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9._-]+", "-", text).strip("-") or "package"


def table_name(table: OtherTable) -> str:
    """``page-NNN-<n>-<slug of title>``: the published file's name, without .csv."""
    slug = re.sub(r"[^a-z0-9]+", "-", frictionless_name(table.title))[:48].strip("-") or "table"
    return f"page-{table.page:03d}-{table.index}-{slug}"


def shown(text: object) -> str:
    """``text`` (a path, a message) as one printable line: undecodable bytes as ``\\xff``, controls escaped."""
    text = os.fsencode(str(text)).decode("utf-8", "backslashreplace") if isinstance(text, Path) else str(text)
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
