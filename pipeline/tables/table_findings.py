"""The findings an undeclared table gives: totals that do not hold, figures that could not be read, cells that
join two printed columns' words."""

from __future__ import annotations

from pipeline.base.models import Finding, OtherTable
from pipeline.base.names import table_name
from pipeline.tables.diagnosis import mismatch_findings
from pipeline.tables.merged import NAMES_ROW


def total_findings(table: OtherTable) -> list[Finding]:
    """A finding for each figure that explains totals not holding, naming the table (title, page), row and
    column, the figure as printed, what its parts add up to and the difference."""
    return mismatch_findings(table)


def unreadable_findings(table: OtherTable) -> list[Finding]:
    """A finding for each figure of an OCR'd page that could not be read, even read again."""
    return [
        Finding(
            "table-cell-unreadable",
            table_name(table),
            f"{table.title} (page {table.page}): row '{row}', column '{column}': the figure could not be read "
            "(published empty; the totals it is part of are not checked)",
            column=column,
            page=table.page,
        )
        for row, column in table.unreadable
    ]


def joined_findings(table: OtherTable) -> list[Finding]:
    """A finding for each cell that prints two figures side by side: published as printed, never as one number;
    and for figures read into a column's name (a row of the body read into the header)."""
    return [
        Finding(
            "table-cell-joined",
            table_name(table),
            f"{table.title} (page {table.page}): row '{row}', column '{column}': '{printed}' {_joined_why(row)}",
            column=column,
            page=table.page,
        )
        for row, column, printed in table.joined
    ] + [
        Finding(
            "table-cell-joined",
            table_name(table),
            f"{table.title} (page {table.page}): row '{row}', column '{column}': '{printed}' is part of a word printed "
            "across the edge of two columns, cut there by estimate (check the table against the page)",
            column=column,
            page=table.page,
        )
        for row, column, printed in table.across
    ]


def _joined_why(row: str) -> str:
    if row == NAMES_ROW:
        return (
            "reads as figures in the column's name: a row of figures read into the names, missing from the body "
            "(check the table against the page)"
        )
    return "reads as two figures from neighbouring columns (published as printed, the column as text)"
