"""The small typed objects that pass between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    chars: int  # characters in the text layer


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False


@dataclass
class PageText:
    """The words of one page with their positions, grouped into lines."""

    info: PageInfo
    lines: list[list[Word]]
    source: str  # where the words came from: "text-layer"

    def text(self) -> str:
        return "\n".join(" ".join(word.text for word in line) for line in self.lines)


@dataclass(frozen=True)
class RepairRecord:
    page: int
    line: int
    original: str
    replacement: str
    rule: str
    confidence: float
    applied: bool


@dataclass(frozen=True)
class PrintedTotal:
    """A subtotal or total row as the document prints it."""

    table: str
    group: str  # a region's official name, or "Danmark"
    column: str
    value: int | None
    page: int


@dataclass
class Cell:
    value: int | None  # None: could not be read
    page: int
    how: str  # "text-layer", "blank-means-zero", "dash-means-zero", "unreadable", "missing-row"


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
class RawTable:
    """Any other table found in the package, kept as its cells."""

    page: int
    index: int
    cells: tuple[tuple[str, ...], ...]


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
    raw_tables: list[RawTable]
    landstal: StatedValue | None
    problems: list[Finding] = field(default_factory=list)


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

    @property
    def success(self) -> bool:
        return not self.findings
