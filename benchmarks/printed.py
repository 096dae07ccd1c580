"""Published cells against what the page prints: the two silent corruptions bench-unseen found.

    python benchmarks/printed.py OUT PDF_DIR

For every table bilag published under OUT (``bilag run --out OUT``, the PDFs in PDF_DIR):

- a typed cell (a field of type number or integer) whose figure the page prints only with a ``%``
  while the field has no unit ``%``: the share is published as a bare number (``3.5006%`` as
  ``3.5006`` in a column that also holds ``2,577``);
- a row whose every word the page prints outside its visible box, some only there (words below the
  media box, which no viewer shows): a table of text nobody can see.

Each is printed with its package, table and cell; the last line counts them.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import re
import sys
import unicodedata
import warnings
from pathlib import Path


def key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def digits(text: str) -> str:
    return re.sub(r"\D", "", text).lstrip("0")


class Page:
    """One PDF page's words, inside and outside its visible box."""

    def __init__(self, pdf: Path, number: int) -> None:
        import pdfplumber

        with pdfplumber.open(str(pdf)) as document:
            page = document.pages[number - 1]
            x0, top, x1, bottom = page.bbox
            words = page.extract_words()
        self.inside: set[str] = set()
        self.outside: set[str] = set()
        self.figures: dict[str, list[str]] = collections.defaultdict(list)
        for w in words:
            seen = x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
            (self.inside if seen else self.outside).add(key(w["text"]))
            if seen and digits(w["text"]):
                self.figures[digits(w["text"])].append(w["text"].strip("()"))


def tables(package: Path):
    """(table name, page, fields, rows) for each published file of each table resource."""
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor.get("resources", []):
        paths = resource.get("path")
        paths = paths if isinstance(paths, list) else [paths]
        if not all(str(p).startswith("tables/") and str(p).endswith(".csv") for p in paths):
            continue
        fields = resource.get("schema", {}).get("fields", [])
        for path in paths:
            found = re.search(r"page-(\d+)", Path(path).name)
            if found and (package / path).exists():
                with open(package / path, encoding="utf-8", newline="") as fh:
                    yield resource["name"], int(found.group(1)), fields, list(csv.reader(fh))


def share_lost(value: str, field: dict, page: Page) -> bool:
    """A typed figure the page prints only as a share, published without the unit."""
    if field.get("type") not in ("number", "integer") or field.get("unit") == "%" or not digits(value):
        return False
    try:
        float(value)
    except ValueError:
        return False  # the header row
    printed = page.figures.get(digits(value), [])
    return bool(printed) and all(t.endswith("%") for t in printed)


def unseen_row(row: list[str], page: Page) -> bool:
    """Every word of the row printed outside the page's visible box, some only there (a ``0`` may be
    printed inside too)."""
    words = [key(w) for v in row for w in v.split() if key(w)]
    return bool(words) and all(w in page.outside for w in words) and any(w not in page.inside for w in words)


def check(out: Path, pdf_dir: Path) -> tuple[int, int]:
    shares = unseen = 0
    for manifest in sorted(out.glob("*/manifest.json")):
        package = manifest.parent
        pdfs = json.loads(manifest.read_text(encoding="utf-8")).get("pdfs", [])
        if len(pdfs) != 1 or not (package / "datapackage.json").exists():
            continue
        pdf = pdf_dir / pdfs[0]["name"]
        pages: dict[int, Page] = {}
        for name, number, fields, rows in tables(package):
            page = pages.setdefault(number, Page(pdf, number))
            for row in rows:
                for value, field in zip(row, fields):
                    if share_lost(value, field, page):
                        shares += 1
                        print(f"  share lost: {package.name}/{name} p{number} '{field['name']}': {value}")
                if unseen_row(row, page):
                    unseen += 1
                    print(f"  printed outside the page: {package.name}/{name} p{number}: {row}")
    return shares, unseen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("pdfs", type=Path)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    shares, unseen = check(args.out, args.pdfs)
    print(f"printed check: {shares} typed cells lose a printed %, {unseen} rows printed outside the page")


if __name__ == "__main__":
    sys.exit(main())
