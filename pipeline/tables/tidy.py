"""A chosen grid as a table: header joined, title found, columns typed, totals checked.

On an OCR'd page a cell of a figure column that reads as neither figure nor word (``( |``, or a
few letters such as ``ea``) is a figure the OCR could not read: the column stays typed, the cell
is unknown. A total that
does not hold there, or that adds up an unknown figure, gets the declared tables' second look
(:mod:`pipeline.tables.ocr_totals`); a figure still unknown is published empty and named.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.base.models import Cell, CellOrigin, OtherTable, PageText, TableField
from pipeline.second_look.reconcile import SecondLook
from pipeline.tables.caption import caption_of, titled
from pipeline.tables.detect import Candidate
from pipeline.tables.diagnosis import diagnose
from pipeline.tables.merged import NAMES_ROW, figures_in_names, merged_first_row
from pipeline.tables.no_sum import no_sums
from pipeline.tables.ocr_totals import look_again
from pipeline.tables.rounding import rounded
from pipeline.tables.structure import (
    column_names,
    column_titles,
    header_rows,
    is_plain,
    split_title,
)
from pipeline.tables.totals import Sum, total_sums
from pipeline.tables.typing import (
    Number,
    column_unit,
    decimal_mark,
    grouped_codes,
    is_dash,
    joins_figures,
    parse_number,
    unit_of,
    why_text,
)
from pipeline.tables.words import is_sound

# Columns of means, shares and rates: their total row is no sum of the rows above.
NOT_ADDED = re.compile(
    r"\b(means?|averages?|median|rates?|ratios?|shares?|per|gennemsnit\w*|gns|andel\w*|pct|procent\w*|percent\w*|pr|indeks|index)\b|%",
    re.IGNORECASE,
)
# A chart's numbered caption: the words under it are its labels, not a table (an unruled reading of them)
CHART_CAPTION = re.compile(r"^(figure|figur|fig\.|chart|graph|graf|diagram)\s*[A-Z]?[-.]?\d", re.IGNORECASE)
# A note saying what a figure printed in parentheses marks: ``( ) Based on 25-49 unweighted cases``
BRACKETS_EXPLAINED = re.compile(r"^\(\s*\)\s*\w")
UNREAD_LETTERS = 3  # OCR'd text this short in a column of figures is a figure misread, not a word


def tidy(
    candidate: Candidate,
    page: PageText,
    index: int,
    pages: tuple[int, ...] = (),
    page_rows: tuple[int, ...] = (),
    look: SecondLook | None = None,
) -> OtherTable | None:
    """A chosen (squared) grid as a table; ``look`` reads an OCR'd table's doubtful figures again. A first
    row of figures read into a born-digital table's header is split back where more of its totals hold so."""
    table = _tidy(candidate, page, index, pages, page_rows, look)
    split = merged_first_row(candidate.cells) if table is not None and not candidate.sources else None
    if split is None:
        return table
    rows = (page_rows[0] + 1,) + page_rows[1:] if page_rows else ()
    again = _tidy(replace(candidate, cells=split), page, index, pages, rows, look)
    return again if again is not None and _held(again) > _held(table) else table


def _held(table: OtherTable) -> int:
    return sum(c.held for c in table.checks)


def _tidy(
    candidate: Candidate,
    page: PageText,
    index: int,
    pages: tuple[int, ...],
    page_rows: tuple[int, ...],
    look: SecondLook | None,
) -> OtherTable | None:
    cells = candidate.cells
    if len(cells) < 2 or len(cells[0]) < 2:
        return None
    width = len(cells[0])
    count = header_rows(cells, decimal_mark([v for row in cells for v in row]))
    inner_title, header = split_title(cells[:count])
    titles = column_titles(header, width)
    names = column_names(titles)
    body = [list(row) for row in cells[count:]]
    printed = caption_of(page, candidate.box)
    inner, headnote = titled(inner_title)
    title = inner or printed.title or f"Table {index} on page {page.info.index}"
    first = next((v for v in cells[0] if v), "")  # a caption camelot split over cells (``Figure 1:`` | ``...``)
    if candidate.engine == "stream" and (CHART_CAPTION.match(title) or CHART_CAPTION.match(first)):
        return None  # a chart's labels (and the figures printed beside it) under the chart's own caption
    sources = list(candidate.sources[count:])
    explained = any(BRACKETS_EXPLAINED.match(note) for note in printed.notes)
    fields, rows, values, decimals, unreadable = _typed(names, titles, body, title, bool(sources), explained)
    summable = [f.type != "string" and f.unit != "%" and not NOT_ADDED.search(f.title) for f in fields]
    labels, columns = [_label(row, r) for r, row in enumerate(body)], [f.title or f.name for f in fields]
    sums = total_sums(labels, columns, values, decimals, summable, frozenset(unreadable))
    corrections: list[str] = []
    looked: dict[tuple[int, int], Cell] = {}
    if look is not None and sources and (unreadable or not all(s.check.held for s in sums)):
        before = [list(row) for row in values]
        name = f"{title} (page {page.info.index})"
        corrections = look_again(name, labels, columns, sums, values, sources, unreadable, look, looked)
        rows = [tuple(_again(row, values[r], before[r])) for r, row in enumerate(rows)]
        sums = total_sums(labels, columns, values, decimals, summable, frozenset(unreadable))
    # A total that adds up a figure nobody could read is not checked: the figure is named instead.
    checked = [s for s in sums if s.total not in unreadable and not unreadable.intersection(s.parts)]
    checked, notes = _judged(checked, values, decimals, columns)
    mark = decimal_mark([v for row in body for v in row])
    checks, mismatches = diagnose(checked, values, labels, columns, decimals, mark)
    return OtherTable(
        page.info.index,
        index,
        title,
        pages or (page.info.index,),
        tuple(fields),
        rows,
        page.info.pdf,
        candidate.engine,
        checks,
        tuple(header),
        ((page_rows[0] - count,) + page_rows[1:]) if len(page_rows) > 1 else (),
        corrections,
        tuple((labels[r], columns[c]) for r, c in sorted(unreadable)),
        headnote + printed.headnote,
        printed.notes,
        bool(inner_title) or printed.numbered,
        is_plain(header, names),
        mismatches,
        _joined(body, labels, columns, mark),
        _origins(labels, columns, values, sources, unreadable, looked) if page.source == "ocr" else (),
        tuple(notes),
        tuple(
            (labels[r], columns[c], cell.text or "")
            for r, row in enumerate(sources)
            for c, cell in enumerate(row)
            if cell.across
        ),
    )


def _judged(sums: list[Sum], values: list, decimals: list[int], columns: list[str]) -> tuple[list[Sum], list[str]]:
    """The checks as judged: misses a rounded table's rounding explains holding, and a line headed as a total
    that adds up nothing printed beside it not checked as a sum; a note for each."""
    sums, notes = rounded(sums, values, decimals)
    sums, unsummed = no_sums(sums, columns)
    return sums, notes + unsummed


def _label(row: list[str], r: int) -> str:
    """The row's label as printed; a row printed without one is named by its place."""
    return row[0] or f"(no label; row {r + 1})"


def _origins(labels, columns, values, sources, unreadable, looked) -> tuple[CellOrigin, ...]:
    """How each figure of an OCR'd table was read: as the OCR read it, read again, derived, or not at all."""
    found = []
    for r, row in enumerate(values):
        for c, value in enumerate(row):
            if (r, c) in looked:
                cell = looked[(r, c)]
            elif (r, c) in unreadable:
                source = sources[r][c]
                cell = Cell(None, source.page, "unreadable", source.box, source.confidence, source.text)
            elif value is not None:
                source = sources[r][c]
                whole = int(value) if value == value.to_integral_value() else None
                cell = Cell(whole, source.page, source.how, source.box, source.confidence, source.text)
            else:
                continue
            if cell.how != "blank-means-zero":
                found.append(CellOrigin(r + 1, labels[r], columns[c], cell))
    return tuple(found)


def _joined(
    body: list[list[str]], labels: list[str], columns: list[str], mark: str
) -> tuple[tuple[str, str, str], ...]:
    """The cells printing two figures side by side (two printed columns read as one): published as printed;
    and figures read into a column's name. Not in a column of numbers of one width printed in groups
    (telephone numbers, ``44 77 33 33``)."""
    codes = {c for c in range(len(columns)) if grouped_codes([row[c] for row in body])}
    cells = tuple(
        (labels[r], columns[c], text)
        for r, row in enumerate(body)
        for c, text in enumerate(row)
        if c and c not in codes and joins_figures(text)
    )
    return cells + tuple((NAMES_ROW, columns[c], f) for c, f in figures_in_names(columns, mark) if c not in codes)


def _again(row: tuple[str, ...], now: list, before: list) -> list[str]:
    """A published row with the figures the second look read again (whole figures) in place."""
    return [f"{now[c]}" if now[c] != before[c] else text for c, text in enumerate(row)]


def _typed(names: list[str], titles: list[str], body: list[list[str]], title: str, ocr=False, explained=False):
    """Each column typed (numbers with the table's decimal mark), its unit from header or title, rows rendered;
    on an OCR'd page also the places of the figures that could not be read. ``explained``: the table's notes
    say what a figure in parentheses marks."""
    mark = decimal_mark([v for row in body for v in row])
    parsed: list[list[Number | None]] = [[parse_number(v, mark) for v in row] for row in body]
    fields, numeric, unreadable = [], [], set()
    names_rows = {r for r, row in enumerate(body) if _names_row(row, parsed[r])}
    for c, name in enumerate(names):
        filled = [(r, row[c], parsed[r][c]) for r, row in enumerate(body) if row[c] and not is_dash(row[c])]
        misread = {r for r, _, n in filled if ocr and _grouping_misread(n, [m for _, _, m in filled])}
        for r in misread:  # ``155,400`` among whole figures: a thousands dot the OCR read as a comma
            parsed[r][c] = None
        filled = [(r, text, None if r in misread else n) for r, text, n in filled]
        numbers = [n for _, _, n in filled if n is not None]
        unread = {(r, c) for r, text, n in filled if n is None and ocr and r not in names_rows and _unread_figure(text)}
        unread |= {(r, c) for r in misread}
        enough = max(2, len(unread)) if unread else 1  # figures read, beside those that could not be
        is_number = c > 0 and len(numbers) + len(unread) == len(filled) and len(numbers) >= enough
        texts, figures = [t for _, t, _ in filled], [n for _, _, n in filled]
        note = why_text(titles[c] or name, texts, figures, explained) if is_number else ""
        is_number = is_number and not note  # a code printed in digits: published as printed
        kind = "string" if not is_number else ("integer" if all(n.decimals == 0 for n in numbers) else "number")
        full = titles[c]  # empty where no header is printed over the column (its name is its place)
        unit = (column_unit(full, texts, figures) or unit_of(title)) if is_number else unit_of(full)
        fields.append(TableField(name, kind, unit, full, note))
        numeric.append(is_number)
        unreadable |= unread if is_number else set()
    rows, values = [], []
    for r, row in enumerate(body):
        rows.append(tuple(_render(row[c], parsed[r][c], numeric[c]) for c in range(len(names))))
        values.append([parsed[r][c].value if numeric[c] and parsed[r][c] else None for c in range(len(names))])
    decimals = [
        max((parsed[r][c].decimals for r in range(len(body)) if parsed[r][c]), default=0) for c in range(len(names))
    ]
    return fields, rows, values, decimals, unreadable


def _names_row(row: list[str], parsed: list[Number | None]) -> bool:
    """A row of column names in the body (a header under a title line the OCR read with a figure, a date or a
    page number, in it): no figure, and two cells past the label that are words longer than a smudge reads.
    Its cells are names (``Fax. nr.``), never figures the OCR could not read."""
    words = [v for v in row[1:] if is_sound(v) and len(v) > UNREAD_LETTERS and not re.search(r"\d", v)]
    return not any(parsed) and len(words) >= 2


def _grouping_misread(number: Number | None, column: list[Number | None]) -> bool:
    """An OCR'd figure with three decimals in a column whose other figures (two at least) are whole: its
    decimal mark is a thousands separator misread (``155,400`` among ``641.200``), a figure to read again."""
    whole = [n for n in column if n is not None and n is not number]
    return number is not None and number.decimals == 3 and len(whole) >= 2 and all(n.decimals == 0 for n in whole)


def _unread_figure(text: str) -> bool:
    """OCR'd text that is no word: scan noise (``( |``) or a few letters (``ea``) where a figure is smudged."""
    return not is_sound(text) or len(text) <= UNREAD_LETTERS


def _render(text: str, number: Number | None, numeric: bool) -> str:
    if not numeric:
        return text
    return number.render() if number is not None else ""
