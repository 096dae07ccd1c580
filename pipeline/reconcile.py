"""Reconcile stage: a second look at the OCR'd cells of groups that do not add up.

A group is the rows of one region in one column (or the regions of a region table)
with the total the document prints for it. When a group does not add up, or has a
cell that could not be read, its doubtful cells (unreadable, or read with low OCR
confidence) are read again from the page image (``pipeline.reread``). A new reading
is kept only if it makes the group add up. When then exactly one cell of a group is
still unknown and the printed total was read, that cell is derived from the total and
marked as derived. Nothing that was read and adds up is ever changed, and two unknowns
are never derived from one total.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.config import settings_from
from pipeline.models import Cell, ExtractedTable, Extraction, Finding, PageText, PrintedTotal
from pipeline.numbers import Reading, read_number
from pipeline.reread import crop_for_reading, read_crops

MAX_SUSPECTS = 10  # 2**10 combinations at most per group
NOT_ON_THE_PAGE = ("text-layer", "blank-means-zero", "missing-row", "derived")


@dataclass(frozen=True)
class SecondLookSettings:
    below_confidence: float = 0.9  # cells read with less confidence than this are doubtful
    glyph_height: int = 30  # pixels: the crop is scaled so its figures are this tall (Tesseract reads best)
    margin: float = 3.0  # points around the cell's box
    dash_means: int = 0

    @classmethod
    def from_config(cls, config: dict) -> SecondLookSettings:
        return settings_from(cls, config)


@dataclass
class Member:
    """A cell of a group, or its printed total, with the name a report gives it."""

    name: str
    cell: Cell | PrintedTotal


def reconcile(extraction: Extraction, pages: list[PageText], settings: SecondLookSettings) -> list[str]:
    """Reconcile stage entry: fixes cells in place; returns notes of what was re-read or derived."""
    look = SecondLook({page.info.index: page for page in pages if page.image is not None}, settings)
    notes: list[str] = []
    for table in extraction.tables.values():
        for group in _groups(table):
            notes += look.fix(group)
            notes += look.derive(group)
            unresolved = look.unresolved(group)
            if unresolved is not None:
                extraction.problems.append(unresolved)
    extraction.problems = [p for p in extraction.problems if not _now_known(p, extraction)]
    return notes


def _now_known(problem: Finding, extraction: Extraction) -> bool:
    """An unreadable cell (or missing row) the second look or a derivation has since filled."""
    table = extraction.tables.get(problem.table)
    if problem.slug not in ("cell-unreadable", "row-missing") or table is None:
        return False
    key = problem.kommunekode or problem.kommune
    row = next((r for r in table.rows if (r.kommunekode or r.region) == key), None)
    columns = [problem.column] if problem.column else table.columns
    return row is not None and all(row.cells[c].value is not None for c in columns)


def _groups(table: ExtractedTable) -> Iterator[Group]:
    """A group for every printed total of the table: its member cells and the total."""
    for total in table.totals:
        if table.key == "kommunekode":
            rows = [r for r in table.rows if r.region == total.group]
        elif total.group == "Danmark":
            rows = list(table.rows)
        else:
            continue
        if not rows:
            continue
        members = [
            Member(f"{r.kommunekode} {r.kommune}" if r.kommunekode else r.region, r.cells[total.column]) for r in rows
        ]
        yield Group(table.name, total.group, total.column, members, total)


@dataclass
class Group:
    table: str
    label: str  # the region (or Danmark) whose total this is
    column: str
    members: list[Member]
    total: PrintedTotal

    def everyone(self) -> list[Member]:
        return self.members + [Member(f"{self.label} (printed total)", self.total)]

    def adds_up(self, values: dict[int, int | None] | None = None) -> bool:
        values = values or {}
        members = [values.get(id(m.cell), m.cell.value) for m in self.members]
        total = values.get(id(self.total), self.total.value)
        return total is not None and None not in members and sum(members) == total


class SecondLook:
    """Re-reads cells from the page images (each cell at most once) and keeps what adds up."""

    def __init__(self, images: dict[int, PageText], settings: SecondLookSettings):
        self.images, self.settings = images, settings
        self.cache: dict[int, int | None] = {}
        self.opened: dict[int, object] = {}  # page images, opened once

    def can_read(self, cell: Cell | PrintedTotal) -> bool:
        return cell.box is not None and cell.page in self.images and cell.how not in NOT_ON_THE_PAGE

    def doubtful(self, cell: Cell | PrintedTotal) -> bool:
        if not self.can_read(cell):
            return False
        return cell.value is None or cell.confidence is None or cell.confidence < self.settings.below_confidence

    def reread(self, cell: Cell | PrintedTotal) -> int | None:
        self.prefetch([cell])
        return self.cache[id(cell)]

    def prefetch(self, cells: list[Cell | PrintedTotal]) -> None:
        """Read the cells not yet read again, all in one Tesseract call (a process per cell is slow)."""
        todo = [cell for cell in cells if id(cell) not in self.cache and self.can_read(cell)]
        crops = []
        for cell in todo:
            settings = self.settings
            outcome = crop_for_reading(
                cell,
                self.images[cell.page],
                self._image(cell.page),
                settings.margin,
                settings.glyph_height,
                settings.dash_means,
            )
            if isinstance(outcome, Reading):
                self.cache[id(cell)] = outcome.value
            else:
                crops.append((cell, outcome))
        texts = read_crops([crop for _, crop in crops], self.settings.glyph_height)
        for (cell, _), text in zip(crops, texts):
            self.cache[id(cell)] = read_number(text, self.settings.dash_means).value

    def _image(self, page: int):
        if page not in self.opened:
            from PIL import Image  # lazy: only a second look needs it

            with Image.open(self.images[page].image) as image:
                self.opened[page] = image.convert("L")
        return self.opened[page]

    def fix(self, group: Group) -> list[str]:
        """Doubtful cells first; if that does not do, every OCR'd cell of the group."""
        if group.adds_up():
            return []
        everyone = group.everyone()
        for suspects in (
            [m for m in everyone if self.doubtful(m.cell)],
            [m for m in everyone if self.can_read(m.cell)],
        ):
            self.prefetch([m.cell for m in suspects])
            changed = [m for m in suspects if self.reread(m.cell) != m.cell.value]
            if changed and len(changed) <= MAX_SUSPECTS:
                notes = self._choose(group, changed)
                if notes is not None:
                    return notes
        return []

    def _choose(self, group: Group, changed: list[Member]) -> list[str] | None:
        """The smallest set of new readings that makes the group add up, if there is exactly one."""
        fits = []
        for pick in itertools.product((False, True), repeat=len(changed)):
            values = {id(m.cell): self.reread(m.cell) for m, use in zip(changed, pick) if use}
            if group.adds_up(values):
                fits.append((sum(pick), pick))
        fits.sort(key=lambda f: f[0])
        if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
            return None  # nothing fits, or two equally small fixes: the total cannot tell which is right
        notes = []
        for member, use in zip(changed, fits[0][1]):
            if use:
                first = member.cell.text if isinstance(member.cell, Cell) and member.cell.text else "nothing"
                member.cell.value, member.cell.how = self.reread(member.cell), "re-ocr"
                notes.append(
                    f"{group.table}: {member.name}, {group.column}: read again as {member.cell.value} "
                    f"(first read {first!r}); the {group.label} total now adds up"
                )
        return notes

    def unresolved(self, group: Group) -> Finding | None:
        """A group with unknown cells whose second readings still do not add up: name the doubtful cells.

        Validation cannot check such a total, so without this a misread neighbour of an
        unreadable cell would pass unnoticed.
        """
        if group.total.value is None or all(m.cell.value is not None for m in group.members):
            return None
        readable = [m for m in group.members if m.cell.value is None and self.can_read(m.cell)]
        if len(readable) < sum(1 for m in group.members if m.cell.value is None):
            return None  # a row is missing altogether: nothing to compare
        self.prefetch([m.cell for m in readable])
        values = {id(m.cell): self.reread(m.cell) for m in readable}
        if group.adds_up(values) or None in values.values():
            return None
        doubtful = [m for m in group.members if self.doubtful(m.cell)]
        named = ", ".join(
            f"{m.name} ({'unreadable' if m.cell.value is None else f'read {m.cell.value}'}"
            f"{'' if m.cell.confidence is None else f', confidence {m.cell.confidence:.2f}'})"
            for m in doubtful
        )
        return Finding(
            "group-unresolved",
            group.table,
            f"{group.table}: {group.label}, {group.column}: even read again, the cells do not add up to the "
            f"printed total {group.total.value}; doubtful: {named or 'none'}",
            column=group.column,
            printed=group.total.value,
            page=group.total.page,
        )

    def derive(self, group: Group) -> list[str]:
        """The one unknown cell of a group from its printed total, if every other cell is sure."""
        unknown = [m for m in group.members if m.cell.value is None]
        if len(unknown) != 1 or group.total.value is None:
            return []
        others = [m for m in group.everyone() if m is not unknown[0]]
        # An OCR'd figure counts as sure only when a second reading agrees with it.
        self.prefetch([m.cell for m in others])
        if any(self.can_read(m.cell) and self.reread(m.cell) != m.cell.value for m in others):
            return []
        value = group.total.value - sum(m.cell.value for m in group.members if m.cell.value is not None)
        if value < 0:
            return []
        member = unknown[0]
        member.cell.value, member.cell.how = value, "derived"
        return [
            f"{group.table}: {member.name}, {group.column}: derived as {value} from the printed "
            f"{group.label} total (the cell itself could not be read)"
        ]
