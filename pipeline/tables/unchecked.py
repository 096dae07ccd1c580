"""What a scan's tables leave unread or unchecked, named: never lost in silence.

- A page read by OCR whose lines plainly print a table of figures (``MIN_ROWS`` lines or more
  that end in two figures or more after a label) but from which no table was read: its figures
  are published nowhere and no total on it is checked (``table-lost``).
- A column of an OCR'd table that prints figures but is published as text, because some of its
  cells, in rows that print figures, do not read as figures (specks or smudges): the totals printed in it are
  not checked. The finding names the column, the cells that do not read, and each total row
  whose figure there goes unchecked (``table-column-as-text``).
"""

from __future__ import annotations

import re

from pipeline.base.models import Finding, OtherTable, PageText
from pipeline.base.names import table_name
from pipeline.tables.totals import is_total
from pipeline.tables.typing import decimal_mark, parse_number

MIN_ROWS = 4  # lines of a label and two figures or more: a table, not a sentence with two numbers
FIGURE = re.compile(r"^[(−–+-]?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?%?\)?$")
LETTER = re.compile(r"[^\W\d_]")
SHOWN = 3  # cells and rows quoted in a finding at most


def lost_tables(pages: list[PageText], read: set[int]) -> list[Finding]:
    """A finding for each OCR'd page (package index not in ``read``) whose lines print a table of figures."""
    found = []
    for page in pages:
        if page.source != "ocr" or page.info.index in read:
            continue
        rows = [line for line in page.lines if _row_of_figures(line)]
        if len(rows) >= MIN_ROWS:
            example = " ".join(w.text for w in rows[0])
            found.append(
                Finding(
                    "table-lost",
                    "",
                    f"page {page.info.index} ({page.info.pdf}, page {page.info.number}) prints {len(rows)} lines of "
                    f"figures (such as '{example}') but no table was read from it: its figures are not published "
                    "and no total on it is checked",
                    page=page.info.index,
                )
            )
    return found


def _row_of_figures(line) -> bool:
    """A label, then two figures or more to the line's end."""
    texts = [w.text for w in line]
    figures = 0
    while figures < len(texts) and FIGURE.match(texts[-1 - figures]):
        figures += 1
    return figures >= 2 and any(LETTER.search(t) for t in texts[: len(texts) - figures])


def text_columns(table: OtherTable) -> list[Finding]:
    """A finding for each column past the labels that prints figures in most of its cells but is published as
    text (not a column of codes, which bilag publishes as printed on purpose), naming its unchecked totals."""
    mark = decimal_mark([v for row in table.rows for v in row])
    labels = [row[0] if row else "" for row in table.rows]
    totals = {check.row for check in table.checks if check.kind == "row"}
    found = []
    for c, field in enumerate(table.fields):
        if c == 0 or field.type != "string" or field.note:
            continue
        filled = [(r, row[c]) for r, row in enumerate(table.rows) if c < len(row) and row[c].strip()]
        figures = [(r, v) for r, v in filled if parse_number(v, mark) is not None]
        if len(figures) < 2 or 2 * len(figures) <= len(filled):
            continue
        # a cell that does not read, in a row printing figures elsewhere: a figure damaged (``2.019.070.``, or a
        # smudge read as a word, ``arme``); a row of names in the body (``Fax. nr.``) prints no figure
        others = [v for r, v in filled if parse_number(v, mark) is None and _figures_beside(table.rows[r], c, mark)]
        if not others:
            continue
        unchecked = [labels[r] for r, _ in filled if is_total(labels[r]) or labels[r] in totals]
        column = field.title or field.name
        found.append(
            Finding(
                "table-column-as-text",
                table_name(table),
                f"{table.title} (page {table.page}): column '{column}' prints figures, but "
                f"{len(others)} of its {len(filled)} cells do not read as figures ({_quoted(others)}): published "
                "as text" + (f"; its printed totals in rows {_quoted(unchecked)} are not checked" if unchecked else ""),
                column=column,
                page=table.page,
            )
        )
    return found


def _figures_beside(row: tuple[str, ...], column: int, mark: str) -> bool:
    return any(parse_number(v, mark) is not None for c, v in enumerate(row) if c not in (0, column) and v.strip())


def _quoted(texts: list[str]) -> str:
    shown = ", ".join(f"'{t}'" for t in texts[:SHOWN])
    return shown + (f" and {len(texts) - SHOWN} more" if len(texts) > SHOWN else "")
