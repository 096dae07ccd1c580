"""``bilag export PKG --xlsx FILE``: a published package's tables as one Excel workbook.

The CSVs are UTF-8 with commas, which a Danish-locale Excel opens garbled; a workbook
opens the same everywhere. One sheet per table, figures as numbers; a cell read again,
derived from a printed total, read with low confidence or left empty has a fill and a
comment saying why (from the provenance and validation.json). A last sheet lists the
findings.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pipeline.base.errors import UsageError

FILLS = {  # why a cell is marked -> its fill colour
    "re-ocr": "FFF2CC",
    "derived": "FCE4D6",
    "doubtful": "DDEBF7",
    "empty": "F8CBAD",
}


def export_xlsx(package_dir: Path, target: Path) -> Path:
    """Write the workbook for the package published in ``package_dir``; returns ``target``."""
    from openpyxl import Workbook  # lazy: only the export needs it

    tables = package_dir / "tables"
    report_path = package_dir / "validation.json"
    if not tables.is_dir() or not report_path.is_file():
        raise UsageError(f"{package_dir}: not a published package (no tables/ and validation.json)")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    flagged = {(f["table"], str(f["key"]), f["column"]): f for f in report.get("flagged", []) if f["key"] is not None}
    book = Workbook()
    book.remove(book.active)
    for path in sorted(tables.glob("*.csv")):
        if not path.name.endswith(".provenance.csv"):
            _sheet(book, path, _provenance(path.with_suffix(".provenance.csv")), flagged)
    _findings_sheet(book, report)
    target.parent.mkdir(parents=True, exist_ok=True)
    book.save(target)
    return target


def _provenance(path: Path) -> dict[tuple[str, str], dict]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    key = next(iter(rows[0])) if rows else ""
    return {(row[key], row["column"]): row for row in rows}


def _sheet(book, path: Path, provenance: dict, flagged: dict) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    table = path.stem
    sheet = book.create_sheet(table[:31])  # Excel's limit on a sheet name
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(body, start=2):
        sheet.append([_number(value) for value in row])
        for column, value in zip(header, row):
            origin = provenance.get((row[0], column))
            if origin is None:
                continue
            mark, why = _mark(origin, value, flagged.get((table, row[0], column)))
            if mark:
                cell = sheet.cell(number, header.index(column) + 1)
                cell.fill = PatternFill("solid", start_color=FILLS[mark])
                cell.comment = Comment(why, "bilag")
    sheet.freeze_panes = "A2"


def _mark(origin: dict, value: str, flagged: dict | None) -> tuple[str, str]:
    """The fill for a cell and the comment that says why ("" for a cell read as printed)."""
    where = f"page {origin['page']}" if origin["page"] else "no page"
    first = f"; first read {flagged['first']!r}" if flagged and flagged.get("first") else ""
    if origin["how"] == "re-ocr":
        return "re-ocr", f"read again from the page image ({where}){first}"
    if origin["how"] == "derived":
        return "derived", f"derived from the printed total ({where}): the cell itself could not be read{first}"
    if value == "":
        return "empty", f"could not be read ({origin['how']}, {where})"
    if flagged is not None:
        return "doubtful", f"{flagged['why']} ({where})"
    return "", ""


def _findings_sheet(book, report: dict) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet("findings")
    sheet.append(["slug", "table", "page", "problem"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for finding in report["findings"]:
        sheet.append([finding["slug"], finding["table"], finding.get("page"), finding["message"]])


def _number(value: str) -> int | str:
    """Figures as numbers (integers without separators, as the CSVs write them); text as text."""
    digits = value[1:] if value.startswith("-") else value
    return int(value) if digits.isdigit() else value
