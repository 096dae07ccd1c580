"""A region's lines in a declared table: its heading found through scan noise, and its rows put in doubt.

A region's heading or total line read with specks (``i "Region Nordjylland``, ``SEE Region
Nordjylland i alt Er``) still names its region: the region whose name some run of the
line's words is, if only one.

On a scan whose lines of one region are tilted on their own (a crumpled sheet), the
region's figures may slide onto the row below: each row then reads its neighbour's
figures, aligned and confident. Two traces are left: the region's heading lost its
figures (where the other regions' headings print them) or a line of figures without a
label follows the rows. The rows of such a region are in doubt as a whole: each OCR'd
figure at most ``DOUBTFUL``, and an empty cell is not taken to mean its column's blank
value; the second look reads them again and the report flags what stays doubtful.
"""

from __future__ import annotations

import re

from pipeline.base.gazetteer import Gazetteer
from pipeline.base.models import Finding, TableRow
from pipeline.base.numbers import read_number
from pipeline.tables.declared.figures import DOUBTFUL
from pipeline.tables.declared.rows import Row

WINDOW = 3  # words at most in a region's name as read ("Region N ordjylland")


def region_in(label: str, gazetteer: Gazetteer, total_label: re.Pattern) -> tuple[str | None, bool]:
    """The region ``label`` names (as a heading, or as its total when the second value is True)."""
    total = total_label.match(label)
    region = gazetteer.region_named(total["group"] if total else label)
    if region is not None:
        return region, total is not None
    words = label.split()
    found = set()
    for size in range(2, WINDOW + 1):
        for start in range(len(words) - size + 1):
            named = gazetteer.region_named(" ".join(words[start : start + size]))
            if named is not None:
                rest = " ".join(words[start + size :])
                found.add((named, total_label.match(f"x {rest}") is not None))
    regions = {region for region, _ in found}
    if len(regions) != 1:
        return None, False
    return regions.pop(), any(is_total for _, is_total in found)


class RegionTrace:
    """What a table's scanned lines say about its regions: which headings print figures, which rows are followed
    by figures without a label."""

    def __init__(self) -> None:
        self.headings: dict[str, bool] = {}  # each region's heading, and whether it prints figures
        self.scanned: set[str] = set()  # the regions whose heading is on an OCR'd page
        self.orphaned: set[str] = set()

    def see(self, row: Row, label: str, region: str | None, total: bool, section: str | None) -> None:
        if region is not None and not total:
            self.headings[region] = bool(row.values)
            if row.line.source != "text-layer":
                self.scanned.add(region)
            return
        unlabelled = not label or read_number(label.replace(" ", "")).value is not None
        if region is None and unlabelled and row.values and section is not None and row.line.source != "text-layer":
            self.orphaned.add(section)  # figures without a label: the region's lines may have slid

    def in_doubt(self) -> set[str]:
        """A heading without figures where other headings print them; figures without a label after its rows."""
        figured = any(self.headings.values())
        lost = {region for region, has in self.headings.items() if figured and not has and region in self.scanned}
        return lost | self.orphaned


def doubt_rows(table: str, rows: list[TableRow], regions: set[str], problems: list[Finding]) -> None:
    """Every OCR'd figure of the rows printed under ``regions`` doubtful; an empty cell unread, not blank."""
    for row in (r for r in rows if r.printed_region in regions):
        for column, cell in row.cells.items():
            if cell.how == "blank-means-zero" and cell.box is not None:
                cell.value, cell.how = None, "unreadable"
                who = f"{row.kommunekode} {row.kommune}"
                message = f"{table}: {who}, {column}: nothing read, and the rows of {row.printed_region} are in doubt"
                problems.append(Finding("cell-unreadable", table, message, row.kommunekode, row.kommune, column))
            elif cell.confidence is not None:
                cell.confidence = min(cell.confidence, DOUBTFUL)
