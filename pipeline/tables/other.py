"""Every table outside the declared ones: found, tidy, typed, its totals checked.

Entry: :func:`other_tables`. camelot reads each page by its rules and by its words' alignment;
:mod:`detect` chooses region by region; :mod:`structure` finds the header and title;
:mod:`typing` types the columns; :mod:`totals` checks the totals. A table whose header is
repeated at the top of the next page continues there and is one table.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from pipeline.models import Finding, OtherTable, PageText, TableField
from pipeline.tables.detect import Candidate, choose
from pipeline.tables.engines import read_candidates
from pipeline.tables.structure import column_names, column_titles, header_rows, split_title, squared
from pipeline.tables.totals import check_totals
from pipeline.tables.typing import Number, decimal_mark, is_dash, parse_number, unit_of
from pipeline.tables.words import from_words, is_legible

HEADING_REACH = 45.0
# Columns of means, shares and rates: their total row is no sum of the rows above.
NOT_ADDED = re.compile(
    r"\b(mean|average|median|rate|ratio|share|per|gennemsnit\w*|andel\w*|pct|procent\w*|pr|indeks|index)\b|%",
    re.IGNORECASE,
)  # points above a table within which a line is its heading


@dataclass
class OtherTables:
    tables: list[OtherTable] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)


@dataclass
class Placed:
    """A chosen table on its page: the pages it runs over once continued ones are joined."""

    page: PageText
    candidate: Candidate
    index: int
    last_on_page: bool
    pages: tuple[int, ...] = ()
    page_rows: tuple[int, ...] = ()  # how many of its rows each page holds


def other_tables(pdfs: tuple[Path, ...], pages: list[PageText], skip_pages: set[int]) -> OtherTables:
    """Every table on the pages outside the declared tables, with a finding for each total that does not hold."""
    placed: list[Placed] = []
    for pdf in pdfs:
        wanted = {p.info.number: p for p in pages if p.info.pdf == pdf.name and p.info.index not in skip_pages}
        if not wanted:
            continue
        by_page: dict[int, list[Candidate]] = defaultdict(list)
        for candidate in read_candidates(pdf, sorted(wanted)):
            by_page[candidate.page].append(candidate)
        for number in sorted(by_page):
            page = wanted[number]
            chosen = [from_words(c, page) for c in choose(by_page[number])]
            if page.source == "ocr":  # an OCR'd page: only tables that read as words and figures
                chosen = [c for c in chosen if is_legible(c.cells)]
            placed += [
                Placed(page, c, n, n == len(chosen), (page.info.index,), (len(c.cells),))
                for n, c in enumerate((replace(c, cells=squared(c.cells)) for c in chosen), 1)
            ]
    joined = join_continued(placed)
    tables = [t for t in (tidy(p.candidate, p.page, p.index, p.pages, p.page_rows) for p in joined) if t]
    return OtherTables(tables, [finding for table in tables for finding in total_findings(table)])


def join_continued(placed: list[Placed]) -> list[Placed]:
    """A table that runs on at the top of the next page (its header repeated, or no header, or under the
    same running heading) is joined to the one that ends its page."""
    joined: list[Placed] = []
    for item in placed:
        last = joined[-1] if joined else None
        rest = _continuation(last, item) if last is not None else None
        if rest is None:
            joined.append(item)
            continue
        last.candidate = replace(last.candidate, cells=last.candidate.cells + rest)
        last.pages, last.last_on_page = last.pages + item.pages, item.last_on_page
        last.page_rows += (len(rest),)
    return joined


def _continuation(before: Placed, item: Placed) -> tuple[tuple[str, ...], ...] | None:
    """The rows ``item`` adds to ``before`` if it continues it, else None."""
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
    repeated = 0
    while repeated < min(len(a), len(b)) - 1 and a[repeated] == b[repeated]:
        repeated += 1
    heading = heading_above(before.page, before.candidate.box)
    if repeated or header_rows(b) == 0 or (heading and heading == heading_above(item.page, item.candidate.box)):
        return b[repeated:]
    return None


def tidy(
    candidate: Candidate, page: PageText, index: int, pages: tuple[int, ...] = (), page_rows: tuple[int, ...] = ()
) -> OtherTable | None:
    """A chosen grid as a table: header joined, title found, columns typed, totals checked."""
    cells = squared(candidate.cells)
    if len(cells) < 2 or len(cells[0]) < 2:
        return None
    width = len(cells[0])
    count = header_rows(cells)
    inner_title, header = split_title(cells[:count])
    names, titles = column_names(header, width), column_titles(header, width)
    body = [list(row) for row in cells[count:]]
    title = " ".join(inner_title) or heading_above(page, candidate.box) or f"Table {index} on page {page.info.index}"
    fields, rows, values, decimals = _typed(names, titles, body, title)
    summable = [f.type != "string" and f.unit != "%" and not NOT_ADDED.search(f.title) for f in fields]
    checks = check_totals([row[0] for row in body], [f.title for f in fields], values, decimals, summable)
    return OtherTable(
        page.info.index,
        index,
        title,
        pages or (page.info.index,),
        tuple(fields),
        rows,
        page.info.pdf,
        candidate.engine,
        checks,
        tuple(header[:-1]),
        ((page_rows[0] - count,) + page_rows[1:]) if len(page_rows) > 1 else (),
    )


def _typed(names: list[str], titles: list[str], body: list[list[str]], title: str):
    """Each column typed (numbers with the table's decimal mark), its unit from header or title, rows rendered."""
    mark = decimal_mark([v for row in body for v in row])
    parsed: list[list[Number | None]] = [[parse_number(v, mark) for v in row] for row in body]
    fields, numeric = [], []
    for c, name in enumerate(names):
        filled = [(row[c], parsed[r][c]) for r, row in enumerate(body) if row[c] and not is_dash(row[c])]
        is_number = c > 0 and bool(filled) and all(n is not None for _, n in filled)
        numbers = [n for _, n in filled if n is not None]
        percent = is_number and all(n.percent for n in numbers)
        kind = "string" if not is_number else ("integer" if all(n.decimals == 0 for n in numbers) else "number")
        full = titles[c] or name
        unit = unit_of(full) or ("%" if percent else None) or (unit_of(title) if is_number else None)
        fields.append(TableField(name, kind, unit, full))
        numeric.append(is_number)
    rows, values = [], []
    for r, row in enumerate(body):
        rows.append(tuple(_render(row[c], parsed[r][c], numeric[c]) for c in range(len(names))))
        values.append([parsed[r][c].value if numeric[c] and parsed[r][c] else None for c in range(len(names))])
    decimals = [
        max((parsed[r][c].decimals for r in range(len(body)) if parsed[r][c]), default=0) for c in range(len(names))
    ]
    return fields, rows, values, decimals


def _render(text: str, number: Number | None, numeric: bool) -> str:
    if not numeric:
        return text
    return number.render() if number is not None else ""


def heading_above(page: PageText, box: tuple[float, float, float, float]) -> str:
    """The line printed just above the table (within a few lines), as its title."""
    top = page.info.height - box[3]
    best = ""
    best_gap = HEADING_REACH
    for words in page.lines:
        bottom = max(w.bottom for w in words)
        gap = top - bottom
        overlaps = min(w.x1 for w in words) < box[2] and max(w.x1 for w in words) > box[0]
        if -2 <= gap < best_gap and overlaps:
            text = " ".join(w.text for w in words).strip()
            if 1 < len(text) <= 160 and not text[0].islower():  # a lower-case start runs on a sentence
                best, best_gap = text, gap
    return best


def total_findings(table: OtherTable) -> list[Finding]:
    """A finding for each total that does not hold, naming the table (title, page), row and column."""
    findings = []
    for check in table.checks:
        if check.held:
            continue
        printed, computed = Decimal(check.printed), Decimal(check.computed)
        findings.append(
            Finding(
                "table-total-mismatch",
                table_name(table),
                f"{table.title} (page {table.page}): row '{check.row}', column '{check.column}': "
                f"the total printed is {check.printed}, its parts add up to {check.computed}",
                column=check.column,
                printed=int(printed) if printed == printed.to_integral_value() else None,
                computed=int(computed) if computed == computed.to_integral_value() else None,
                page=table.page,
            )
        )
    return findings


def parts(table: OtherTable) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The files a table is published in: one per page it runs over (named by that page), its rows split so."""
    if not table.page_rows:
        return [(table_name(table), table.rows)]
    slug = table_name(table).split("-", 3)[3]
    found, start = [], 0
    for n, (page, count) in enumerate(zip(table.pages, table.page_rows)):
        name = table_name(table) if n == 0 else f"page-{page:03d}-1-{slug}"
        if n == 0 or count:
            found.append((name, table.rows[start : start + count]))
        start += count
    return found


def table_name(table: OtherTable) -> str:
    """``page-NNN-<n>-<slug of title>``: the published file's name, without .csv."""
    from pipeline.datapackage import frictionless_name

    slug = re.sub(r"[^a-z0-9]+", "-", frictionless_name(table.title))[:48].strip("-") or "table"
    return f"page-{table.page:03d}-{table.index}-{slug}"
