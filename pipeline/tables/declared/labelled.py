"""A declared table keyed by its rows' printed labels (``key: label`` in configs/tables.yaml).

A recurring table whose rows are no municipalities or regions (a budget's lines, key figures)
is declared by its heading, columns and, optionally, the labels its rows must have
(``rows``). Each printed line with figures is a row keyed by its label; a total row
(``I alt``, ``Total``, ``<group> i alt``) is checked against the rows it adds up
(pipeline/tables/totals.py) instead of being kept as a row.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.base.models import ExtractedTable, Finding, TableRow
from pipeline.tables.declared.rows import Line, find_columns, read_cells, split
from pipeline.tables.totals import check_totals, is_total

WORDY = re.compile(r"[^\W\d_]{3}")  # three letters in a row: a word, not a misread figure


def read_labelled(
    name: str, spec: dict, section: list[Line], config: dict
) -> tuple[ExtractedTable, list[Finding], list[str]]:
    columns = tuple(column["name"] for column in spec["columns"])
    dash_means = int(config.get("dash_means", 0))
    lines = [line for line in section if line.words]
    positions = find_columns(lines, len(columns))
    rows: list[TableRow] = []
    labels: list[str] = []
    values: list[list[Decimal | None]] = []
    problems: list[Finding] = []
    for row in (r for r in (split(line, positions) for line in lines) if r and r.values):
        label = re.sub(r"^\W+|\W+$", "", row.label)
        if not label or any(WORDY.search(word.text) for word in row.values):
            continue  # a header line: words where the figures stand
        cells = {
            column: cell for column, (cell, _) in zip(columns, read_cells(row, positions, len(columns), dash_means))
        }
        labels.append(label)
        values.append([None] + [None if cells[c].value is None else Decimal(cells[c].value) for c in columns])
        if is_total(label):
            continue
        if any(r.kommune == label for r in rows):
            problems.append(Finding("duplicate-row", name, f"{name}: {label} is printed twice", kommune=label))
            continue
        rows.append(TableRow(None, label, "", label, None, cells))
    problems += _missing(name, spec, rows) + _totals(name, columns, labels, values, section)
    pages = tuple(sorted({line.page for line in section}))
    return ExtractedTable(name, "label", columns, rows, [], pages), problems, []


def _missing(name: str, spec: dict, rows: list[TableRow]) -> list[Finding]:
    """A row the declaration names (by a regular expression) that is not printed."""
    return [
        Finding("row-missing", name, f"{name}: no row labelled /{wanted}/", kommune=wanted)
        for wanted in spec.get("rows", [])
        if not any(re.fullmatch(wanted, row.kommune, re.IGNORECASE) for row in rows)
    ]


def _totals(name: str, columns: tuple[str, ...], labels: list[str], values: list, section: list[Line]) -> list:
    names = ["label", *columns]
    checks = check_totals(labels, names, values, [0] * len(names), [False] + [True] * len(columns))
    page = section[0].page if section else None
    return [
        Finding(
            "table-total-mismatch",
            name,
            f"{name} (page {page}): row '{c.row}', column '{c.column}': the total printed is {c.printed}, "
            f"its parts add up to {c.computed}",
            column=c.column,
            printed=int(Decimal(c.printed)),
            computed=int(Decimal(c.computed)),
            page=page,
        )
        for c in checks
        if not c.held
    ]
