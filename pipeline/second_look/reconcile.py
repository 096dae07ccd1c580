"""Reconcile stage: a second look at the OCR'd cells of groups that do not add up.

A group is the rows of one region in one column (or the regions of a region table)
with the total the document prints for it. When a group does not add up, or has a
cell that could not be read, its doubtful cells (unreadable, or read with low OCR
confidence) are read again from the page image (``pipeline.second_look.reread``). New readings
are kept only if exactly one set of them makes the group add up, and that set leaves at
most one cell for the total to decide (a value picked from readings that differ, or a
doubtful one kept unconfirmed): the total checks readings, it may derive one cell, never
two that could make up for each other. When then exactly one cell of a group is
still unknown and the printed total was read, that cell is derived from the total and
marked as derived. Nothing that was read and adds up is ever changed, and two unknowns
are never derived from one total.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.base.models import Cell, Extraction, Finding, PageText, PrintedTotal
from pipeline.base.numbers import Reading, read_number
from pipeline.base.settings import SecondLookSettings
from pipeline.second_look.groups import Group, Member, groups_of
from pipeline.second_look.named import unresolved
from pipeline.second_look.relations import CrossCheck, decide_totals
from pipeline.second_look.reread import NOTHING, crop_for_reading, read_crops

MAX_SUSPECTS = 10  # cells whose second readings are tried together
MAX_COMBINATIONS = 20_000
# An empty cell taken for its column's blank value is read again too: a figure lost by the OCR
# (a faint ``265`` on a fax) would otherwise pass as 0 in a group that does not add up.
NOT_ON_THE_PAGE = ("text-layer", "missing-row", "derived")
DERIVE = "derive"  # a choice in a fix: the value the printed total leaves for the cell


@dataclass
class Reconciled:
    """What the second look did to a package's declared tables."""

    notes: list[str]  # each cell read again or derived, and how
    problems: list[Finding]  # the tables' problems after it: those it settled gone, groups still not adding up added


def reconcile(
    extraction: Extraction, pages: list[PageText], settings: SecondLookSettings, checks: tuple[CrossCheck, ...] = ()
) -> Reconciled:
    """Reconcile stage: fixes cells in place (a second reading, a derivation); says what it did and what is left.

    Printed totals that could not be read are decided from the document's other relations
    (``pipeline.second_look.relations``, the cross-table ``checks``) where they pin them down.
    """
    look = SecondLook({page.info.index: page for page in pages if page.image is not None}, settings)
    # Regions before the national total: a region pins a misread down among fewer cells.
    groups = sorted((g for t in extraction.tables.values() for g in groups_of(t)), key=lambda g: g.label == "Danmark")
    # A national total whose every region has a printed total of its own gets the doubtful-cell
    # step only: reading all 98 cells again would repeat what the regions already did.
    totals_of = {(g.table, g.column): set() for g in groups}
    for g in groups:
        totals_of[(g.table, g.column)].add(g.label)
    regions = {t.name: {r.region for r in t.rows} for t in extraction.tables.values() if t.key == "kommunekode"}
    covered = {key for key, labels in totals_of.items() if key[0] in regions and regions[key[0]] <= labels}
    detailed = [g for g in groups if g.label != "Danmark" or (g.table, g.column) not in covered]
    notes: list[str] = []
    # Doubtful cells first; where that does not do, every OCR'd cell of the group. Each step
    # reads all the cells it needs in one batch: a Tesseract run per group costs more.
    for suspect, candidates in ((look.doubtful, groups), (look.can_read, detailed)):
        failing = [g for g in candidates if not g.adds_up()]
        look.prefetch([m.cell for g in failing for m in g.everyone() if suspect(m.cell)])
        for group in failing:
            # A cell whose region prints a total is derived from that total, never from the national one.
            notes += look.fix(group, suspect, may_derive=group in detailed)
    notes += decide_totals(extraction, checks)
    look.prefetch([m.cell for g in detailed if g.has_unknown() for m in g.everyone() if look.can_read(m.cell)])
    for group in detailed:
        notes += look.derive(group)
    notes += decide_totals(extraction, checks)  # a cell derived may complete a relation
    unresolved = [finding for group in detailed if (finding := look.unresolved(group)) is not None]
    return Reconciled(notes, [p for p in [*extraction.problems, *unresolved] if not _now_known(p, extraction)])


def _now_known(problem: Finding, extraction: Extraction) -> bool:
    """An unreadable cell (or missing row) the second look or a derivation has since filled."""
    table = extraction.tables.get(problem.table)
    if problem.slug not in ("cell-unreadable", "row-missing") or table is None:
        return False
    key = problem.kommunekode or problem.kommune
    columns = [problem.column] if problem.column else table.columns
    row = next((r for r in table.rows if (r.kommunekode or r.region) == key), None)
    if row is not None:
        return all(row.cells[c].value is not None for c in columns)
    totals = [t for t in table.totals if t.group == key and t.column in columns]  # a printed total read again
    return bool(totals) and all(t.value is not None for t in totals)


class SecondLook:
    """Re-reads cells from the page images (each cell at most once) and keeps what adds up."""

    def __init__(self, images: dict[int, PageText], settings: SecondLookSettings):
        self.images, self.settings = images, settings
        self.cache: dict[int, int | None] = {}  # the reading of each cell read again
        self.seen: dict[int, set[int]] = {}  # every value a second look read in it
        self.opened: dict[int, object] = {}  # page images, opened once

    def can_read(self, cell: Cell | PrintedTotal) -> bool:
        return cell.box is not None and cell.page in self.images and cell.how not in NOT_ON_THE_PAGE

    def doubtful(self, cell: Cell | PrintedTotal) -> bool:
        if not self.can_read(cell):
            return False
        return cell.value is None or cell.confidence is None or cell.confidence < self.settings.below_confidence

    def reread(self, cell: Cell | PrintedTotal) -> int | None:
        """The cell read again; None if it reads as nothing or is not on a page image."""
        self.prefetch([cell])
        return self.cache.get(id(cell))

    def prefetch(self, cells: list[Cell | PrintedTotal]) -> None:
        """Read the cells not yet read again, all in one Tesseract call (a process per cell is slow)."""
        todo = [cell for cell in cells if id(cell) not in self.cache and self.can_read(cell)]
        crops = []
        for cell in todo:
            page, settings = self.images[cell.page], self.settings
            outcome = crop_for_reading(cell, page, self._image(cell.page), settings.margin, settings.dash_means)
            if outcome is NOTHING and isinstance(cell, Cell) and cell.blank_means is not None:
                self.cache[id(cell)] = cell.blank_means  # junk was read where nothing is printed
            elif isinstance(outcome, Reading):
                self.cache[id(cell)] = outcome.value
            else:
                crops.append((cell, outcome))
        results = read_crops([crop for _, crop in crops], self.settings.glyph_heights, self.settings.jobs)
        for (cell, crop), (text, seen) in zip(crops, results):
            self.cache[id(cell)] = self._value(text)
            if seen == {""} and self._speck(cell, crop):
                self.cache[id(cell)] = cell.blank_means  # no figure read in it, first or again: blank
            self.seen[id(cell)] = {v for v in map(self._value, seen) if v is not None}
            if "" in seen and isinstance(cell, Cell) and cell.blank_means is not None:
                self.seen[id(cell)].add(cell.blank_means)  # no figure read: perhaps a speck in an empty cell

    def _speck(self, cell: Cell | PrintedTotal, crop) -> bool:
        """A blank-able cell where the OCR read nothing, whose ink is less than half its line high: no figure (a
        faint figure the OCR lost stands as high as its line, and stays unread)."""
        if not isinstance(cell, Cell) or cell.blank_means is None or cell.text or cell.box is None:
            return False
        return crop.height < (cell.box[3] - cell.box[1]) / self.images[cell.page].points_per_pixel / 2

    def _value(self, text: str) -> int | None:
        return read_number(text, self.settings.dash_means).value

    def options(self, cell: Cell | PrintedTotal) -> list[int]:
        """The values a second look read in the cell, other than the first reading."""
        values = self.seen.get(id(cell), set()) | ({self.reread(cell)} - {None})
        return sorted(values - {cell.value})

    def _image(self, page: int):
        if page not in self.opened:
            from PIL import Image  # lazy: only a second look needs it

            with Image.open(self.images[page].image) as image:
                self.opened[page] = image.convert("L")
        return self.opened[page]

    def fix(self, group: Group, suspect: Callable[[Cell | PrintedTotal], bool], may_derive: bool = True) -> list[str]:
        """New readings of the group's suspect cells, if they make it add up (see ``_choose``)."""
        if group.adds_up():
            return []
        # Readings first; only if they do not do, also what the total leaves for a cell (more choices).
        for derive in (False, True) if may_derive else (False,):
            changed = [m for m in group.everyone() if suspect(m.cell) and self._may_change(m, derive)]
            if changed and len(changed) <= MAX_SUSPECTS and (notes := self._choose(group, changed, derive)):
                return notes
        return []

    def _may_change(self, member: Member, derive: bool) -> bool:
        return bool(self.options(member.cell)) or (derive and self._derivable(member))

    def _derivable(self, member: Member) -> bool:
        """A doubtful cell (not the total) whose second look confirms no figure (reads none, or reads differently
        at different sizes: ``13`` read as ``1`` and ``12``): the total may decide it."""
        cell = member.cell
        unsure = self.reread(cell) is None or len(self.seen.get(id(cell), set())) > 1
        return isinstance(cell, Cell) and self.doubtful(cell) and unsure

    def _choose(self, group: Group, changed: list[Member], derive: bool) -> list[str] | None:
        """The new readings that make the group add up, if exactly one set of them does (see ``_left_to_the_total``).

        A doubtful cell the second look could not read may instead take what the total
        leaves for it (DERIVE): then every other cell must be decided by its readings.
        """
        fits = []
        # None: keep the first reading
        choices = [[None, *self.options(m.cell), *([DERIVE] if derive and self._derivable(m) else [])] for m in changed]
        if math.prod(len(c) for c in choices) > MAX_COMBINATIONS:
            return None  # too many to try them all, and a partial search could miss an equal rival
        for pick in itertools.product(*choices):
            if pick.count(DERIVE) > 1:
                continue
            values = {id(m.cell): value for m, value in zip(changed, pick) if value not in (None, DERIVE)}
            derived = changed[pick.index(DERIVE)] if DERIVE in pick else None
            if derived is not None:
                value = self._left_for(group, derived, values)
                if value is None or value in self.options(derived.cell) or not self._could_read(derived.cell, value):
                    continue  # no room for it, a reading of its own (tried as such), or none the OCR could have seen
                values[id(derived.cell)] = value
            if group.adds_up(values) and self._left_to_the_total(group, values) <= 1:
                fits.append((values, derived))
        if len(fits) != 1:
            return None  # nothing fits, or several fixes do: the total cannot tell which is right
        values, derived = fits[0]
        notes = []
        for member in changed:
            if id(member.cell) not in values:
                continue
            first = member.cell.text if isinstance(member.cell, Cell) and member.cell.text else "nothing"
            member.cell.value = values[id(member.cell)]
            if member is derived:
                member.cell.how = "derived"
                notes.append(
                    f"{group.table}: {member.name}, {group.column}: derived as {member.cell.value} from the printed "
                    f"{group.label} total (first read {first!r} with low confidence, not confirmed when read again)"
                )
            else:
                member.cell.how = "re-ocr"
                notes.append(
                    f"{group.table}: {member.name}, {group.column}: read again as {member.cell.value} "
                    f"(first read {first!r}); the {group.label} total now adds up"
                )
        return notes

    def _could_read(self, cell: Cell | PrintedTotal, value: int) -> bool:
        """Whether ``value`` is a figure the OCR could have misread as what it saw in the cell: one digit off
        (read otherwise, dropped or added) from some reading of it, or the cell read as no figure at all. A
        value further off than that is what another cell's consistent misreading left for it (1 read as 4 at
        every size): the total cannot tell, so the cell stays unread and named."""
        seen = {str(v) for v in self.options(cell)} | ({str(cell.value)} if cell.value is not None else set())
        if isinstance(cell, Cell) and cell.text and (digits := "".join(ch for ch in cell.text if ch.isdigit())):
            seen.add(digits)
        return not seen or any(one_digit_off(str(value), reading) for reading in seen)

    @staticmethod
    def _left_for(group: Group, derived: Member, values: dict[int, int]) -> int | None:
        """What the printed total leaves for ``derived`` given the other cells' values (None: nothing, or negative)."""
        rest = [values.get(id(m.cell), m.cell.value) for m in group.members if m is not derived]
        if group.total.value is None or None in rest or group.total.value < sum(rest):
            return None
        return group.total.value - sum(rest)

    def _left_to_the_total(self, group: Group, values: dict[int, int]) -> int:
        """How many cells of the group a fix leaves for the printed total alone to decide.

        A cell is decided by its readings when it ends up with the value every glyph size
        of the second look agreed on, or keeps a first reading that is confident and not
        contradicted. Any other cell (a value picked from readings that differ, or kept
        against or without a second reading that agrees) is decided by the total: like a
        derivation, one such cell is sound, two are not (7 + 2 read as 4 + 5 adds up too).
        """
        left = 0
        for cell in (m.cell for m in group.everyone()):
            agreed = self.cache.get(id(cell))  # None: no second reading, or its readings differed
            if id(cell) in values:
                left += values[id(cell)] != agreed
            elif agreed is not None:
                left += agreed != cell.value
            else:
                left += self.doubtful(cell)
        return left

    def unresolved(self, group: Group) -> Finding | None:
        """A group left unchecked or still off its total, named with its figures in doubt (``named.unresolved``)."""
        return unresolved(self, group)

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
        member = unknown[0]
        value = self._left_for(group, member, {})
        if value is None or not self._could_read(member.cell, value):
            return []
        member.cell.value, member.cell.how = value, "derived"
        return [
            f"{group.table}: {member.name}, {group.column}: derived as {value} from the printed "
            f"{group.label} total (the cell itself could not be read)"
        ]


def one_digit_off(a: str, b: str) -> bool:
    """The two digit strings are equal but for one digit read otherwise, dropped or added."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
