"""The small typed objects that pass between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class Package:
    """One meeting package: a PDF in raw/, or a folder of PDFs (its bilag)."""

    id: str
    source: Path
    pdfs: tuple[Path, ...]
    sha256: str


@dataclass(frozen=True)
class PageInfo:
    index: int  # 1-based page number across the package
    pdf: str  # file name within the package
    number: int  # 1-based page number within its PDF
    width: float
    height: float
    chars: int  # characters in the text layer (counted by the text stage, which parses the page; 0 from ingest)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    confidence: float | None = None  # OCR's confidence (0-1); None for a text layer
    font: str = ""  # the font most of its letters are drawn in ("" for OCR)
    size: float = 0.0  # that font's size in points
    reread: bool = False  # some of its glyphs were read from their font, not as pdfminer read them


@dataclass
class PageText:
    """The words of one page with their positions, grouped into lines."""

    info: PageInfo
    lines: list[list[Word]]
    source: str  # where the words came from: "text-layer", "ocr" or "no-text-layer"
    triage: str = "born-digital"  # born-digital, ocr-layer, image-only or empty
    quality: float | None = None  # Danish quality of the words (share of sound Danish words)
    legibility: float | None = None  # share of characters in words or figures at all (pipeline.ocr.legibility)
    note: str = ""  # why this text was chosen, when there was a choice
    # a text layer over an image kept as it is because it reads as sound text in this language, not Danish
    # (ISO 639-1: "en", "he"; pipeline.ocr.language); "" when it was judged as Danish
    language: str = ""
    image: Path | None = None  # the image the OCR read (for a second look at a cell)
    skew: float = 0.0  # the slope the OCR found on that image
    points_per_pixel: float = 1.0
    running: tuple[int, int] = (0, 0)  # how many first and last lines are a running header and footer
    unmapped: int = 0  # glyphs the PDF gives no Unicode for, that the font could not name either
    reread: int = 0  # glyphs pdfminer could not read or misread, read from their embedded font instead
    turn: int = 0  # quarter turns (counter-clockwise) of the text's frame from the page as shown (/Rotate)
    rules: tuple[tuple[float, float, float], ...] = ()  # horizontal ruling lines: x0, x1, y
    # rows printing two runs of text side by side, where an unruled table's columns could be (pipeline.text.runs);
    # None: not counted (a page turned by /Rotate)
    side_by_side: int | None = None

    def running_header(self) -> str:
        return " / ".join(self.line_texts()[: self.running[0]])

    def running_footer(self) -> str:
        return " / ".join(self.line_texts()[len(self.lines) - self.running[1] :]) if self.running[1] else ""

    def line_texts(self) -> list[str]:
        return [" ".join(word.text for word in line) for line in self.lines]

    def text(self) -> str:
        return "\n".join(self.line_texts())


@dataclass(frozen=True)
class RepairRecord:
    page: int
    line: int
    original: str
    replacement: str
    rule: str
    confidence: float
    applied: bool


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


@dataclass
class PrintedTotal:
    """A subtotal or total row as the document prints it."""

    table: str
    group: str  # a region's official name, or "Danmark"
    column: str
    value: int | None
    page: int
    box: Box | None = None
    confidence: float | None = None
    how: str = "text-layer"


@dataclass
class Cell:
    value: int | None  # None: could not be read
    page: int
    # text-layer, ocr, re-ocr, derived, blank-means-zero, dash-means-zero, unreadable, missing-row
    how: str
    box: Box | None = None  # where it is printed (or would be), for a second look
    confidence: float | None = None  # the OCR's confidence in the word(s) read
    text: str | None = None  # what was printed, as read
    blank_means: int | None = None  # what an empty cell means in this column (None: empty is unreadable)
    across: bool = False  # a word of it was printed across a column's edge: it holds words of two columns


@dataclass
class TableRow:
    kommunekode: int | None  # None for tables keyed by region
    kommune: str  # official name (or region name for region-keyed tables)
    region: str  # official region
    printed_name: str
    printed_region: str | None  # the region section the row stood in
    cells: dict[str, Cell]


@dataclass
class ExtractedTable:
    name: str
    key: str  # "kommunekode" or "region"
    columns: tuple[str, ...]
    rows: list[TableRow]
    totals: list[PrintedTotal]
    pages: tuple[int, ...]


@dataclass(frozen=True)
class TableField:
    """A column of an undeclared table: its joined header, type and unit."""

    name: str
    type: str  # "string", "integer" or "number"
    unit: str | None = None  # "%", "1.000 kr.", "mio. kr." ... as the header or title states it
    title: str = ""  # the full name: every header row's text over the column, joined
    note: str = ""  # why a column of digits is published as text (a code: a leading zero, a fixed width)


@dataclass(frozen=True)
class SumCheck:
    """One printed total of an undeclared table against what its parts add up to."""

    row: str  # the total row's label (or the row whose total column was checked)
    column: str
    printed: str
    computed: str
    held: bool
    kind: str = "row"  # "row": a total row sums rows above it; "column": a total column sums columns


@dataclass(frozen=True)
class TotalMismatch:
    """The smallest explanation of an undeclared table's totals that do not hold: one printed figure,
    named as printed, off by ``difference`` (figures as the table prints them: ``12.450``)."""

    row: str
    column: str
    printed: str
    expected: str  # what its parts add up to (a total), or what the totals it is part of make it
    difference: str  # how far the printed figure is off, without sign
    too_high: bool
    is_total: bool  # False: a figure that the totals of its row and column both disagree with
    also: tuple[str, ...] = ()  # the totals it is part of, which hold with ``expected`` in its place
    value: Decimal | None = None  # the printed figure and ``expected`` as numbers
    expected_value: Decimal | None = None


@dataclass(frozen=True)
class CellOrigin:
    """How one figure of an undeclared table on an OCR'd page was read (the declared tables' provenance)."""

    row: int  # its row in the table's body, from 1
    label: str  # the row's label as printed
    column: str
    cell: Cell  # how: ocr, re-ocr (read again), derived (from a printed total) or unreadable


@dataclass
class OtherTable:
    """A table outside the declared ones: tidy (header joined, typed), its totals checked."""

    page: int  # package page it starts on
    index: int  # its number among the tables starting on that page
    title: str
    pages: tuple[int, ...]
    fields: tuple[TableField, ...]
    rows: list[tuple[str, ...]]  # as published: numbers with a point for decimals, dashes empty
    pdf: str = ""
    engine: str = ""  # lattice (ruled) or stream (aligned words)
    checks: list[SumCheck] = field(default_factory=list)
    # The header rows as printed (published so unless the table is plain); the fields' names join them
    header: tuple[tuple[str, ...], ...] = ()
    page_rows: tuple[int, ...] = ()  # a table over several pages: how many of its rows each page holds
    corrections: list[str] = field(default_factory=list)  # figures of an OCR'd page read again or derived
    unreadable: tuple[tuple[str, str], ...] = ()  # (row, column) of figures the OCR could not read, published empty
    headnote: tuple[str, ...] = ()  # lines printed between the title and the table ("[In thousands ...]")
    notes: tuple[str, ...] = ()  # notes printed under the table ("1 Except ...", "Kilde: ...")
    # The title is printed as the table's own (inside it, or a numbered caption), not the line found above it
    title_printed: bool = True
    plain: bool = False  # one header row naming every column once: a plain CSV under it
    mismatches: list[TotalMismatch] = field(default_factory=list)  # the totals not holding, explained
    joined: tuple[tuple[str, str, str], ...] = ()  # (row, column, printed): two figures in one cell, kept as text
    origins: tuple[CellOrigin, ...] = ()  # on an OCR'd page: how each figure was read
    total_notes: tuple[str, ...] = ()  # totals judged other than by their sum: rounded figures, no sums (notes)
    across: tuple[tuple[str, str, str], ...] = ()  # (row, column, printed): a word printed across two columns

    @property
    def totals_held(self) -> bool | None:
        """None: no totals to check; else whether every one held."""
        return all(c.held for c in self.checks) if self.checks else None


@dataclass(frozen=True)
class StatedValue:
    """A figure stated in the text, like the landstal."""

    name: str
    year: int
    value: int
    page: int


@dataclass
class Extraction:
    tables: dict[str, ExtractedTable]
    landstal: StatedValue | None
    problems: list[Finding] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # what was read other than printed, and why
    absent: list[str] = field(default_factory=list)  # declared tables this package does not hold
    others: list[OtherTable] = field(default_factory=list)  # every undeclared table, tidy and typed


@dataclass(frozen=True)
class Finding:
    """A data problem, with a stable slug (like frictionless' error types)."""

    slug: str
    table: str
    message: str
    kommunekode: int | None = None
    kommune: str | None = None
    column: str | None = None
    printed: int | None = None
    computed: int | None = None
    page: int | None = None


@dataclass
class Validation:
    findings: list[Finding]
    expectations: list[dict]  # one summary per great-expectations expectation run
    notes: list[str] = field(default_factory=list)  # checks that could not be made, and why
    totals: list[dict] = field(default_factory=list)  # every declared table's total checked (validate.TotalCheck)

    @property
    def success(self) -> bool:
        return not self.findings
