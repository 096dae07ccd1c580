"""Every table outside the declared ones: found, tidy, typed, its totals checked.

Entry: :func:`other_tables`. camelot reads each page by its rules and by its words' alignment;
:mod:`gaps` splits a region typed with spaces; :mod:`detect` chooses region by region;
:mod:`structure` finds the header, :mod:`caption` the title and notes; :mod:`typing` types the
columns; :mod:`totals` checks the totals. A table whose header is repeated at the top of the
next page continues there and is one table. :func:`files` lays a table out for publishing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.base.models import Finding, OtherTable, PageText
from pipeline.second_look.reconcile import SecondLook, SecondLookSettings
from pipeline.tables.abutting import figures_apart
from pipeline.tables.apart import rows_apart
from pipeline.tables.beside import joined_beside
from pipeline.tables.caption import NUMBERED, caption_of, heading_above
from pipeline.tables.carried import going_on, joined_into_last
from pipeline.tables.columns import rejoined, split_joined
from pipeline.tables.detect import Candidate, choose
from pipeline.tables.dropped import with_dropped_words
from pipeline.tables.engines import read_candidates
from pipeline.tables.extend import extended
from pipeline.tables.foot import started_above
from pipeline.tables.furniture import without_running_lines
from pipeline.tables.gaps import may_hold_one, split_by_gaps
from pipeline.tables.labels import with_row_labels
from pipeline.tables.outside import lost_rows
from pipeline.tables.ruled import within_rules
from pipeline.tables.scan_columns import from_words_split
from pipeline.tables.scan_lines import joined_scan_lines
from pipeline.tables.sides import one_under_the_other, side_by_side
from pipeline.tables.spread import spread_lines
from pipeline.tables.structure import header_rows, kept, split_title
from pipeline.tables.table_findings import joined_findings, total_findings, unreadable_findings
from pipeline.tables.tidy import tidy
from pipeline.tables.unchecked import lost_tables, text_columns
from pipeline.tables.visible import shown
from pipeline.tables.words import is_legible, is_speck
from pipeline.tables.wrapped import joined_wrapped

MIN_SIDE_BY_SIDE = 2  # an unruled table has at least two rows of two filled cells


@dataclass
class OtherTables:
    tables: list[OtherTable] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)  # figures of OCR'd pages read again or derived


@dataclass
class Placed:
    """A chosen table on its page: the pages it runs over once continued ones are joined."""

    page: PageText
    candidate: Candidate
    index: int
    last_on_page: bool
    pages: tuple[int, ...] = ()
    page_rows: tuple[int, ...] = ()  # how many of its rows each page holds


def other_tables(
    pdfs: tuple[Path, ...], pages: list[PageText], skip_pages: set[int], second_look: SecondLookSettings | None = None
) -> OtherTables:
    """Every table on the pages outside the declared tables, with a finding for each total that does not hold
    and each figure that could not be read; ``second_look`` reads an OCR'd page's doubtful figures again."""
    placed: list[Placed] = []
    apart: list[Finding] = []  # ruled rows of figures no table holds (tables/apart.py)
    for pdf in pdfs:
        wanted = {p.info.number: p for p in pages if p.info.pdf == pdf.name and p.info.index not in skip_pages}
        if not wanted:
            continue
        by_page: dict[int, list[Candidate]] = defaultdict(list)
        evidence = {number for number, page in wanted.items() if columns_possible(page)}
        for candidate in read_candidates(pdf, sorted(wanted), evidence):
            by_page[candidate.page].append(candidate)
        for number in sorted(by_page):
            page = wanted[number]
            found = [part for c in shown(by_page[number], page) for part in split_by_gaps(c, page)]  # set with spaces
            chosen = _read_again(joined_beside(choose(found)), page)  # one table read twice side by side: one
            if page.source == "ocr":  # an OCR'd page: only tables that read as words and figures
                chosen = [c for c in chosen if is_legible(c.cells)]
            apart += rows_apart(found, chosen, page)
            placed += [
                Placed(page, c, n, n == len(chosen), (page.info.index,), (len(c.cells),))
                for n, c in enumerate((_squared(c, page.source == "ocr") for c in chosen), 1)
            ]
    images = {page.info.index: page for page in pages if page.image is not None}
    look = SecondLook(images, second_look) if second_look is not None and images else None
    placed = _with_starts_at_foot(placed, [p for p in pages if p.info.index not in skip_pages])
    regions: dict[int, list] = defaultdict(list)
    for p in placed:
        regions[p.page.info.index].append(p.candidate.box)
    joined = join_continued(placed)
    tidied = [(t, p.page) for p in joined if (t := tidy(p.candidate, p.page, p.index, p.pages, p.page_rows, look))]
    tables = [table for table, _ in tidied]
    problems = [
        f
        for table, page in tidied
        for f in total_findings(table)
        + unreadable_findings(table)
        + joined_findings(table)
        + (text_columns(table) if page.source == "ocr" else [])
    ]
    outside = [p for p in pages if p.info.index not in skip_pages]
    problems += lost_tables(outside, {p.page.info.index for p in placed}) + apart
    problems += lost_rows(outside, regions)  # rows left out of every region: outside.py
    return OtherTables(tables, problems, [note for table in tables for note in table.corrections])


def columns_possible(page: PageText) -> bool:
    """Whether the page's words could make an unruled table: rows that print runs of text side by side
    (``PageText.side_by_side``: camelot's unruled reading makes its columns of them), or lines of figures
    enough for a table set with spaces. An OCR'd page, or one whose runs were not counted, always could."""
    if page.source != "text-layer" or page.side_by_side is None:
        return True
    return page.side_by_side >= MIN_SIDE_BY_SIDE or may_hold_one(page)


def _read_again(chosen: list[Candidate], page: PageText) -> list[Candidate]:
    """The chosen regions read again from bilag's own words: tables side by side or one under the other split,
    continued where camelot cut them short, words it cut at a column boundary whole, figures glued to the next
    column's text back in their own column (:mod:`abutting`), labels printed left of a
    ruled grid its first column, columns it joined split, an OCR'd page's cells from its lines."""
    out = []
    chosen = [part for c in chosen for stacked in one_under_the_other(c) for part in side_by_side(stacked)]
    for c in chosen:
        others = [o.box for o in chosen if o is not c]
        found = without_running_lines(within_rules(c, page), page)
        found = with_dropped_words(figures_apart(rejoined(extended(found, page, others), page), page), page)
        found = with_row_labels(found, page, others)
        out.append(
            joined_wrapped(
                joined_scan_lines(from_words_split(spread_lines(split_joined(found, page), page), page)), page
            )
        )
    return out


def _squared(candidate: Candidate, ocr: bool = False) -> Candidate:
    """Rows and columns with no text dropped (from the cells' sources too); on an OCR'd page also a column
    of specks (:func:`speck_columns`)."""
    rows, columns = kept(candidate.cells)
    if ocr:
        specks = speck_columns([candidate.cells[r] for r in rows], columns)
        columns = [c for c in columns if c not in specks]
    cells = tuple(tuple(candidate.cells[r][c] if c < len(candidate.cells[r]) else "" for c in columns) for r in rows)
    sources = tuple(tuple(candidate.sources[r][c] for c in columns) for r in rows) if candidate.sources else ()
    return replace(candidate, cells=cells, sources=sources)


def speck_columns(rows: list[tuple[str, ...]], columns: list[int]) -> set[int]:
    """Columns (past the first) that hold nothing but specks of scan noise read as punctuation (``.``, ``—``,
    ``;``), in fewer than half the rows: a column camelot made of a few dots. A column of dashes that mean
    zero fills its rows (or has a header over it) and stays; a born-digital table is never asked."""
    found = set()
    for c in columns[1:]:
        filled = [row[c] for row in rows if c < len(row) and row[c]]
        if filled and all(is_speck(v) for v in filled) and 2 * len(filled) < len(rows):
            found.add(c)
    return found


def _with_starts_at_foot(placed: list[Placed], pages: list[PageText]) -> list[Placed]:
    """Each table's first rows printed at the foot of the page before (:func:`foot.started_above`) placed there as
    that page's last table, which the table going on then joins."""
    by_index = {(p.info.pdf, p.info.index): p for p in pages}
    out: list[Placed] = []
    for item in placed:
        before = by_index.get((item.page.info.pdf, item.page.info.index - 1)) if item.index == 1 else None
        there = [p for p in out if p.page is before]
        start = started_above(item.candidate, item.page, before, [p.candidate.box for p in there]) if before else None
        if start is not None:
            for p in there:
                p.last_on_page = False
            out.append(Placed(before, start, len(there) + 1, True, (before.info.index,), (len(start.cells),)))
        out.append(item)
    return out


def join_continued(placed: list[Placed]) -> list[Placed]:
    """A table that runs on at the top of the next page (its header repeated, or no header, or under the
    same running heading) is joined to the one that ends its page."""
    joined: list[Placed] = []
    for item in placed:
        last = joined[-1] if joined else None
        # a row broken over the page boundary: its last lines on top of the next page (carried.py)
        top = going_on(last.candidate.cells, item.candidate.cells) if last is not None else 0
        repeated = _continuation(last, _below(item, top)) if last is not None else None
        if repeated is None:
            joined.append(item)
            continue
        rest = item.candidate.cells[top + repeated :]
        under = 0 if top else going_on(last.candidate.cells, rest)  # or under the header printed again
        lines = item.candidate.cells[:top] + rest[:under]
        last.candidate = replace(last.candidate, cells=joined_into_last(last.candidate.cells, lines))
        rest, sources = rest[under:], item.candidate.sources[top + repeated + under :]
        joined_sources = last.candidate.sources + sources if last.candidate.sources and sources else ()
        last.candidate = replace(last.candidate, cells=last.candidate.cells + rest, sources=joined_sources)
        last.pages, last.last_on_page = last.pages + item.pages, item.last_on_page
        last.page_rows += (len(rest),)
    return joined


def _below(item: Placed, top: int) -> Placed:
    """The placed table without its first ``top`` rows."""
    if not top:
        return item
    cells, sources = item.candidate.cells[top:], item.candidate.sources[top:]
    return replace(item, candidate=replace(item.candidate, cells=cells, sources=sources))


CONTINUED = re.compile(r"\b(fortsat|fortsættes|continued|cont\.)", re.IGNORECASE)  # a caption printed again
CAPTION_NUMBER = re.compile(NUMBERED.pattern + r"[\d.]*", re.IGNORECASE)  # ``Tabel 1``, ``Table 7.4``


def _titles(cells: tuple[tuple[str, ...], ...]) -> list[str]:
    """The title lines printed inside a table's region, above its header."""
    return split_title(cells[: header_rows(cells)])[0]


def _number(title: str) -> str:
    """A numbered caption's label and number (``tabel 1``, ``table 7.4``), or ""."""
    match = CAPTION_NUMBER.match(title)
    return match.group(0).rstrip(".").lower() if match else ""


def _caption(placed: Placed, titles: list[str]) -> str:
    """The table's numbered caption: printed above its region, else the first numbered title inside it."""
    printed = caption_of(placed.page, placed.candidate.box)
    return printed.title if printed.numbered else next((t for t in titles if NUMBERED.match(t)), "")


def _continuation(before: Placed, item: Placed) -> int | None:
    """If ``item`` continues ``before``: how many of its rows repeat the title or header (not added); else None.
    A table under a numbered caption of its own (``Tabel 2`` over a table set like ``Tabel 1``, its header
    alike) is a new one, as is one under a title line that is no caption printed again (``Tabel 1 (fortsat)``)."""
    a, b = before.candidate.cells, item.candidate.cells
    if not (
        before.last_on_page
        and item.index == 1
        and item.page.info.pdf == before.page.info.pdf
        and item.page.info.index == before.pages[-1] + 1
        and a
        and b
        and len(a[0]) == len(b[0])
    ):
        return None
    titles_a, titles_b = _titles(a), _titles(b)
    own = _caption(item, titles_b)
    if own and _number(own) != _number(_caption(before, titles_a)) and not CONTINUED.search(own):
        return None
    if not all(CONTINUED.search(t) or NUMBERED.match(t) for t in titles_b):
        return None
    a, b = a[len(titles_a) :], b[len(titles_b) :]  # each one's header, under the titles printed in its region
    header = header_rows(b)
    repeated = 0  # the header printed again: no more rows than the header has (body rows may repeat too)
    while repeated < min(len(a) - 1, len(b) - 1, header) and a[repeated] == b[repeated]:
        repeated += 1
    heading, above = heading_above(before.page, before.candidate.box), heading_above(item.page, item.candidate.box)
    if repeated or header == 0 or (heading and heading == above) or _names_above(a, above):
        return len(titles_b) + repeated
    return None


def _names_above(cells: tuple[tuple[str, ...], ...], above: str) -> bool:
    """The line above the next page's table prints this table's column names again (read above its region:
    the header printed again, the body going on under it, a wrapped name's last lines first)."""
    names = " ".join(v for v in cells[0] if v) if cells else ""
    return len(names.split()) >= 2 and (above == names or above.startswith(names + " "))
