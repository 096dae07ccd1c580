"""Spreadsheets as a municipality prints them to PDF (generated_tables.py): the tables of table_content.py written
with openpyxl into a workbook, then printed by LibreOffice Calc (``soffice --headless --convert-to pdf``).

Varied by seed as real ones vary: gridlines printed, cells boxed, rules under the header and over the totals, or
nothing; a title merged over the table's width, a unit line under it; an empty first column or an empty spacer
column; header cells filled grey, set centred or right, names over two lines wrapped in their cell; budgets and
key figures stacked as blocks on one sheet, a wide sheet printed landscape and scaled to the page's width, a long
list on its own sheet with its header rows repeated on every page (print titles) or printed once; the sheet's
name and ``Side 1 af 2`` in the page's header and footer. Figures are numbers with a Danish number format
(``[$-406]#,##0``), so LibreOffice prints them as the truth says.
"""

from __future__ import annotations

import random
from pathlib import Path

from table_content import printed

FORMATS = {
    "int": "#,##0;-#,##0",
    "paren": "#,##0;(#,##0)",
    "dash": '#,##0;-#,##0;"-"',
    "dec": "#,##0.0;-#,##0.0",
    "pct": "0.0%",
    "code4": "0000",
}


def style(chance: random.Random) -> dict:
    """A workbook's look, chosen once for all its sheets."""
    return {
        "border": chance.choice(["gridlines", "boxes", "rules", "rules", "none"]),
        "font": chance.choice(["Calibri", "Arial", "Liberation Sans"]),
        "size": chance.choice([9, 10, 11]),
        "fill": chance.random() < 0.35,
        "merged_title": chance.random() < 0.6,
        "margin_column": chance.random() < 0.3,
        "spacer": chance.random() < 0.3,
        "header_align": chance.choice(["center", "right", "general"]),
        "furniture": chance.random() < 0.6,
        "repeat": chance.random() < 0.7,
        "fit": chance.random() < 0.5,
    }


def write_workbook(tables: list[dict], look: dict, target: Path) -> None:
    """Budgets and key figures stacked on the first sheet; each wide table and list on a sheet of its own."""
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "Oversigt"
    row = 1
    for table in tables:
        if table["kind"] in ("wide", "list"):
            sheet = book.create_sheet(table["kind"].title() + str(len(book.worksheets)))
            _block(sheet, table, look, 1)
            _page(sheet, look, table["kind"])
        else:
            row = _block(first, table, look, row) + 2
    _page(first, look, "stack")
    if first.max_row == 1:
        book.remove(first)
    book.save(str(target))


def _columns(table: dict, look: dict) -> list[int]:
    """The sheet column (1-based) of each of the table's columns: after an empty margin column, and past an empty
    spacer column between the labels and the figures."""
    start = 2 if look["margin_column"] else 1
    width = len(table["header"][0])
    gap = 1 if look["spacer"] and table["kind"] in ("budget", "key") else 0
    return [start + c + (gap if c >= 1 else 0) for c in range(width)]


def _block(sheet, table: dict, look: dict, row: int) -> int:
    """One table from ``row`` down: its title, the header, the body; returns the last row written."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    where = _columns(table, look)
    title = sheet.cell(row, where[0], table["caption"])
    title.font = Font(name=look["font"], size=look["size"] + 3, bold=True)
    if look["merged_title"]:
        sheet.merge_cells(start_row=row, start_column=where[0], end_row=row, end_column=where[-1])
        title.alignment = Alignment(horizontal="center")
    row += 2
    header_rows = range(row, row + len(table["header"]))
    for line in table["header"]:
        for c, text in enumerate(line):
            cell = sheet.cell(row, where[c], text or None)
            cell.font = Font(name=look["font"], size=look["size"], bold=True)
            horizontal = look["header_align"] if c else "left"
            cell.alignment = Alignment(horizontal=horizontal, wrap_text="\n" in text, vertical="bottom")
        _merge_heading(sheet, line, where, row)
        if any("\n" in text for text in line):  # a wrapped name's row as tall as its lines (as Excel saves it)
            sheet.row_dimensions[row].height = 2.6 * look["size"]
        row += 1
    for line in table["body"]:
        total = isinstance(line[0], str) and line[0].startswith("I alt")
        for c, value in enumerate(line):
            cell = sheet.cell(row, where[c], value if isinstance(value, str) else _value(value))
            cell.font = Font(name=look["font"], size=look["size"], bold=total)
            if not isinstance(value, str):
                cell.number_format = "[$-406]" + FORMATS[value[1]]
        row += 1
    _borders(sheet, table, look, where, header_rows, row - 1)
    for c, column in enumerate(where):
        lines = [printed(line[c]) for line in table["body"]]
        lines += [part for line in table["header"] for part in line[c].split("\n")]
        letter = get_column_letter(column)
        wanted = max(len(text) for text in lines) * 1.1 + 2
        widths = sheet.__dict__.setdefault("_wanted", {})
        widths[letter] = max(widths.get(letter, 0), wanted)
        sheet.column_dimensions[letter].width = widths[letter]
    for column in range(1, where[-1]):
        if column not in where:  # the margin column and the spacer: narrow
            sheet.column_dimensions[get_column_letter(column)].width = 2
    return row - 1


def _value(figure: tuple):
    value, kind = figure
    return None if value is None else value / 100 if kind == "pct" else value


def _merge_heading(sheet, line: list[str], where: list[int], row: int) -> None:
    """A heading over several columns (its text, then "") merged across them, centred."""
    from openpyxl.styles import Alignment

    for c, text in enumerate(line):
        span = 1
        while text and c + span < len(line) and not line[c + span]:
            span += 1
        if span > 1 and c > 0:
            sheet.merge_cells(start_row=row, start_column=where[c], end_row=row, end_column=where[c + span - 1])
            sheet.cell(row, where[c]).alignment = Alignment(horizontal="center")


def _borders(sheet, table: dict, look: dict, where: list[int], header_rows: range, last: int) -> None:
    """Boxes round every cell, or a rule under the header and over each total (a double one under ``I alt``)."""
    from openpyxl.styles import Border, PatternFill, Side

    thin, double = Side(style="thin"), Side(style="double")
    first_body = header_rows.stop
    for row in range(header_rows.start, last + 1):
        label = sheet.cell(row, where[0]).value
        total = isinstance(label, str) and label.startswith("I alt")
        for column in range(where[0], where[-1] + 1):
            cell = sheet.cell(row, column)
            if look["border"] == "boxes":
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            elif look["border"] == "rules" and (row == first_body - 1 or total):
                cell.border = Border(bottom=thin if row < first_body else None, top=thin if total else None)
                if total and label == "I alt":
                    cell.border = Border(top=thin, bottom=double)
            if look["fill"] and row < first_body:
                cell.fill = PatternFill("solid", fgColor="D9D9D9")


def _page(sheet, look: dict, kind: str) -> None:
    """Gridlines, orientation and scaling, print titles, the page's header and footer."""
    sheet.print_options.gridLines = look["border"] == "gridlines"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    # fitted to the page's width when asked, or when the preview shows it cut (as its author then does)
    wide = sum(sheet.column_dimensions[letter].width or 0 for letter in sheet.column_dimensions) > 60
    if kind == "wide" or look["fit"] or wide:
        sheet.page_setup.orientation = "landscape" if kind == "wide" else "portrait"
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    if kind == "list" and look["repeat"]:
        sheet.print_title_rows = "3:3"
    if look["furniture"]:
        sheet.oddHeader.center.text = "&A"
        sheet.oddFooter.right.text = "Side &P af &N"
