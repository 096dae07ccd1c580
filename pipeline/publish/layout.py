"""How an undeclared table is laid out in the files it is published in (processed/<package>/tables/other/)."""

from __future__ import annotations

from pipeline.base.models import OtherTable
from pipeline.base.names import table_name


def parts(table: OtherTable) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The files a table is published in: one per page it runs over (named by that page), its rows split so."""
    if not table.page_rows:
        return [(table_name(table), table.rows)]
    slug = table_name(table).split("-", 3)[3]
    found, start = [], 0
    for n, (page, count) in enumerate(zip(table.pages, table.page_rows)):
        name = table_name(table) if n == 0 else f"page-{page:03d}-1-{slug}"
        if n == 0 or count:
            found.append((name, table.rows[start : start + count]))
        start += count
    return found


def files(table: OtherTable) -> list[tuple[str, list[list[str]]]]:
    """Each published file's name and rows. A plain table (one header row naming every column once) is a
    plain CSV under that row. Any other is published as printed: title and headnote, header rows (none if
    none is printed), body, notes (a table over one page); every row but the body's is a comment row
    (:func:`comment_rows`) and the schema names the columns."""
    found = [(name, [list(row) for row in rows]) for name, rows in parts(table)]
    if table.plain:
        found[0][1][:0] = [[f.name for f in table.fields]]
        return found
    found[0][1][:0] = [[line] for line in _caption(table)] + [list(row) for row in table.header]
    if len(found) == 1:
        found[0][1].extend([note] for note in table.notes)
    return found


def comment_rows(table: OtherTable) -> list[int] | None:
    """The row numbers (from 1, over all files) of caption, header as printed and notes; None for a plain CSV."""
    if table.plain:
        return None
    above = len(_caption(table)) + len(table.header)
    notes = len(table.notes) if len(table.pages) == 1 or not table.page_rows else 0
    end = above + len(table.rows)
    return list(range(1, above + 1)) + list(range(end + 1, end + notes + 1))


def _caption(table: OtherTable) -> list[str]:
    return ([table.title] if table.title_printed else []) + list(table.headnote)


PROVENANCE_FIELDS = ["row", "label", "column", "page", "how", "confidence", "first_read"]


def other_provenance(table: OtherTable) -> tuple[list[str], list[list]]:
    """Header and rows of an OCR'd table's provenance: each figure's row (in the table's body, from 1), the
    row's label, its column, page, how it was read (ocr, re-ocr, derived, unreadable), confidence, first reading."""
    rows = [
        [
            o.row,
            o.label,
            o.column,
            o.cell.page,
            o.cell.how,
            "" if o.cell.confidence is None else round(o.cell.confidence, 2),
            o.cell.text or "",
        ]
        for o in table.origins
    ]
    return PROVENANCE_FIELDS, rows
