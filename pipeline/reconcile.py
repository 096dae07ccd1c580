"""Reconcile stage: a second look at the OCR'd cells of groups that do not add up.

A group is the rows of one region in one column (or the regions of a region table)
with the total the document prints for it. When a group does not add up, or has a
cell that could not be read, its doubtful cells (unreadable, or read with low OCR
confidence) are cropped from the page image at the scan's full
resolution, cleaned of noise, scaled to the glyph size Tesseract reads best, and read
again as a line of digits. A new reading is kept only if it makes the group add up. When then
exactly one cell of a group is still unknown and the printed total was read, that
cell is derived from the total and marked as derived. Nothing that was read and adds
up is ever changed, and two unknowns are never derived from one total.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from dataclasses import dataclass

from pipeline.config import settings_from
from pipeline.errors import MissingToolError
from pipeline.models import Cell, ExtractedTable, Extraction, Finding, PageText, PrintedTotal
from pipeline.numbers import Reading, read_number

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
        for label, column, members, total in _groups(table):
            group = Group(table.name, label, column, members, total)
            notes += look.fix(group)
            notes += look.derive(group)
            unresolved = look.unresolved(group)
            if unresolved is not None:
                extraction.problems.append(unresolved)
    fixed = {
        (t.name, r.kommunekode or r.region, c)
        for t in extraction.tables.values()
        for r in t.rows
        for c, cell in r.cells.items()
        if cell.how in ("re-ocr", "derived")
    }
    extraction.problems = [
        p
        for p in extraction.problems
        if not (p.slug in ("cell-unreadable", "row-missing") and _is_fixed(p, fixed, extraction))
    ]
    return notes


def _is_fixed(problem, fixed: set, extraction: Extraction) -> bool:
    key = problem.kommunekode or problem.kommune
    table = extraction.tables.get(problem.table)
    if table is None:
        return False
    columns = [problem.column] if problem.column else list(table.columns)
    return all((problem.table, key, column) in fixed for column in columns)


def _groups(table: ExtractedTable):
    """(group label, column, members, printed total) for every printed total of the table."""
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
        yield total.group, total.column, members, total


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
            outcome = prepare(cell, self.images[cell.page], self._image(cell.page), self.settings)
            if isinstance(outcome, Reading):
                self.cache[id(cell)] = outcome.value
            else:
                crops.append((cell, outcome))
        texts = _tesseract_lines([crop for _, crop in crops], self.settings.glyph_height)
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


def prepare(cell: Cell | PrintedTotal, page: PageText, image, settings: SecondLookSettings):
    """The cell cropped from the page image, cleaned and scaled for Tesseract.

    An empty crop or a lone dash needs no OCR: the Reading is returned directly.
    """
    from PIL import Image  # lazy: only a second look needs it

    x0, top, x1, bottom = cell.box
    m, scale, skew = settings.margin, page.points_per_pixel, page.skew
    corners = [
        ((x - skew * y) / scale, (y + skew * x) / scale) for x in (x0 - m, x1 + m) for y in (top - m, bottom + m)
    ]
    box = (
        int(min(c[0] for c in corners)),
        int(min(c[1] for c in corners)),
        int(max(c[0] for c in corners)) + 1,
        int(max(c[1] for c in corners)) + 1,
    )
    ink = _binarise(image.crop(box))
    extent = _ink_extent(ink)
    if extent is None:
        return Reading(None)  # nothing printed
    if _is_dash(extent, ink.height):
        return Reading(settings.dash_means)
    ink = ink.crop((extent[0], extent[1], extent[2], extent[3]))
    factor = settings.glyph_height / max(extent[3] - extent[1], 1)
    return ink.resize((max(1, round(ink.width * factor)), max(1, round(ink.height * factor))), Image.LANCZOS)


def _binarise(crop):
    """Black ink on white: scan noise and JPEG artefacts mislead Tesseract's own thresholding."""
    from PIL import ImageFilter

    histogram = crop.histogram()
    light = next(v for v in range(255, -1, -1) if sum(histogram[v:]) >= crop.width * crop.height / 50)
    dark = crop.filter(ImageFilter.MedianFilter(3)).getextrema()[0]
    if light - dark < 60:  # no contrast: an empty cell
        return crop.point(lambda v: 255)
    threshold = (dark + light) / 2
    return crop.point(lambda v: 0 if v < threshold else 255)


def _ink_extent(ink) -> tuple[int, int, int, int] | None:
    """The box around the ink, specks (single dots of scan noise) left out."""
    from PIL import ImageFilter, ImageOps

    return ImageOps.invert(ink.filter(ImageFilter.MedianFilter(3))).getbbox()


def _is_dash(extent: tuple[int, int, int, int], height: int) -> bool:
    """A lone short horizontal bar: the table's dash."""
    x0, y0, x1, y1 = extent
    return (x1 - x0) >= 2 * (y1 - y0) and (y1 - y0) <= height / 6


def _tesseract_lines(crops: list, glyph_height: int) -> list[str]:
    """Each crop's text: the crops stacked into one image, read by one Tesseract run, one line each."""
    from PIL import Image

    if not crops:
        return []
    gap = 2 * glyph_height
    width = max(crop.width for crop in crops) + 2 * gap
    sheet = Image.new("L", (width, sum(crop.height + gap for crop in crops) + gap), 255)
    y = gap
    for crop in crops:
        sheet.paste(crop, (gap, y))
        y += crop.height + gap
    lines = [line for line in _tesseract_digits(sheet, psm=6).splitlines() if line.strip()]
    if len(lines) == len(crops):
        return [line.replace(" ", "") for line in lines]
    # Tesseract merged or dropped a line: read each crop alone.
    return [_tesseract_digits(_framed(crop, gap), psm=7).replace(" ", "") for crop in crops]


def _framed(crop, border: int):
    from PIL import ImageOps

    return ImageOps.expand(crop, border=border, fill=255)


def _tesseract_digits(image, psm: int) -> str:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    command = ["tesseract", "stdin", "stdout", "--psm", str(psm), "-l", "eng"]
    command += ["-c", "tessedit_char_whitelist=0123456789.-"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # threads only slow Tesseract down on a few pixels
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True, timeout=60, check=False, env=env)
    except FileNotFoundError:
        raise MissingToolError("a second look at a cell needs Tesseract (tesseract-ocr)") from None
    return done.stdout.decode("utf-8", "replace").strip()
