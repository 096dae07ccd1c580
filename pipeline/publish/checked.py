"""What the report lists beside the problems: every total checked, and the pages that are not text.

Every total is one row: the declared tables' printed totals and cross-checks (validated by
pipeline/validate/suites.py) and every other table's totals (checked by the tables stage),
each with its page, what was printed, what its parts add up to, and whether they agree.
"""

from __future__ import annotations

from pipeline.base.models import Extraction, OtherTable, PageText, SumCheck, Validation
from pipeline.ocr.pictures import NOT_TEXT


def totals_checked(validation: Validation, extraction: Extraction) -> list[dict]:
    """One row per total: table, page, row, column, printed, computed, held (None: not checked)."""
    rows = [
        {
            "table": t["table"],
            "page": t["page"],
            "row": f"{t['group']}, {t['what']}",
            "column": t["column"],
            "printed": t["printed"],
            "computed": t["computed"],
            "held": t["held"],
        }
        for t in validation.totals
    ]
    for table in extraction.others:
        rows += [_other_row(table, check) for check in table.checks]
    return rows


def _other_row(table: OtherTable, check: SumCheck) -> dict:
    return {
        "table": table.title or f"Table {table.index} on page {table.page}",
        "page": _page_of(table, check.row),
        "row": check.row if check.kind == "row" else f"{check.row} (its total column)",
        "column": check.column,
        "printed": check.printed,
        "computed": check.computed,
        "held": check.held,
    }


def _page_of(table: OtherTable, label: str) -> int:
    """The page the row labelled ``label`` is printed on (a table over several pages: by its rows per page)."""
    if len(table.pages) == 1 or not table.page_rows:
        return table.page
    index = next((n for n, row in enumerate(table.rows) if label in row), None)
    if index is None:
        return table.page
    for page, count in zip(table.pages, table.page_rows):
        if index < count:
            return page
        index -= count
    return table.pages[-1]


def pages_not_text(pages: list[PageText]) -> list[str]:
    """A note for each page that read as noise because it holds a picture or nothing (pipeline/ocr/pictures.py)."""
    return [
        f"page {p.info.index} ({p.info.pdf}, page {p.info.number}) is not text to read: {p.note.removeprefix(NOT_TEXT)}"
        for p in pages
        if p.note.startswith(NOT_TEXT)
    ]
