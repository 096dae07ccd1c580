"""A ruled row of figures that no published table holds, named: never lost in silence.

A grid of one or two rows printed apart (a region's total under its provinces' lists, ruled over columns of
its own) is believed by no reading: a ruled grid needs two rows, and the unruled reading's rows outside the
believed grids make no table of one row. A row under the grid it closes is joined to it
(:mod:`stacked_grids`); any other such grid that prints two figures or more and stands in no chosen table is a
``table-row-apart`` finding, quoting its row: its figures are published nowhere and checked against nothing.
"""

from __future__ import annotations

from pipeline.base.models import Finding, PageText
from pipeline.tables.detect import Box, Candidate
from pipeline.tables.stacked_grids import FEW
from pipeline.tables.structure import figure
from pipeline.tables.typing import decimal_mark

FIGURES = 2  # a row printing this many figures (not years: column names) is a row of a table, not a heading
WITHIN = 0.5  # share of the grid's box inside a chosen table's: the grid is that table's


def rows_apart(found: list[Candidate], chosen: list[Candidate], page: PageText) -> list[Finding]:
    """A finding for each short ruled grid of figures on the page that no chosen table holds."""
    findings = []
    for grid in found:
        if grid.engine != "lattice" or len(grid.cells) > FEW or any(_inside(grid.box, c.box) for c in chosen):
            continue
        values = [v for row in grid.cells for v in row if v]
        mark = decimal_mark(values)
        if sum(1 for v in values if figure(v, mark)) < FIGURES:
            continue
        printed = " | ".join(" ".join(v for v in row if v) for row in grid.cells)
        findings.append(
            Finding(
                "table-row-apart",
                "",
                f"page {page.info.index} ({page.info.pdf}, page {page.info.number}) prints a ruled row of figures "
                f"apart from every table, published in none: '{printed}'",
                page=page.info.index,
            )
        )
    return findings


def _inside(box: Box, other: Box) -> bool:
    width = min(box[2], other[2]) - max(box[0], other[0])
    height = min(box[3], other[3]) - max(box[1], other[1])
    area = (box[2] - box[0]) * (box[3] - box[1])
    return width > 0 and height > 0 and width * height >= WITHIN * area
