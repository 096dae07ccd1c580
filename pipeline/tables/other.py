"""Every table outside the declared ones: found, tidy, typed, its totals checked.

Entry: :func:`other_tables`. camelot reads each page by its rules and by its words' alignment;
:mod:`detect` chooses region by region; :mod:`structure` finds the header and title;
:mod:`typing` types the columns; :mod:`totals` checks the totals. A table whose header is
repeated at the top of the next page continues there and is one table.
"""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from pipeline.models import Finding, OtherTable, PageText, TableField
from pipeline.tables.detect import Candidate, choose, from_camelot
from pipeline.tables.structure import header_grid, header_rows, joined, split_title, squared
from pipeline.tables.totals import check_totals
from pipeline.tables.typing import Number, decimal_mark, is_dash, parse_number, unit_of

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


def other_tables(pdfs: tuple[Path, ...], pages: list[PageText], skip_pages: set[int]) -> OtherTables:
    """Every table on the pages outside the declared tables, with a finding for each total that does not hold."""
    found: list[OtherTable] = []
    for pdf in pdfs:
        wanted = {p.info.number: p for p in pages if p.info.pdf == pdf.name and p.info.index not in skip_pages}
        if not wanted:
            continue
        by_page: dict[int, list[Candidate]] = defaultdict(list)
        for candidate in read_candidates(pdf, sorted(wanted)):
            by_page[candidate.page].append(candidate)
        for number in sorted(by_page):
            page = wanted[number]
            for n, candidate in enumerate(choose(by_page[number]), 1):
                table = tidy(candidate, page, n)
                if table is not None:
                    found.append(table)
    tables = merge_continued(found)
    return OtherTables(tables, [finding for table in tables for finding in total_findings(table)])


def read_candidates(pdf: Path, numbers: list[int]) -> list[Candidate]:
    """camelot's ruled (lattice) and unruled (stream) readings of the given pages."""
    import camelot  # lazy: heavy import

    pages = ",".join(map(str, numbers))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [
            from_camelot(t, flavor)
            for flavor in ("lattice", "stream")
            for t in camelot.read_pdf(str(pdf), pages=pages, flavor=flavor)
        ]


def tidy(candidate: Candidate, page: PageText, index: int) -> OtherTable | None:
    """A chosen grid as a table: header joined, title found, columns typed, totals checked."""
    cells = squared(candidate.cells)
    if len(cells) < 2 or len(cells[0]) < 2:
        return None
    width = len(cells[0])
    count = header_rows(cells)
    inner_title, header = split_title(cells[:count])
    grid = header_grid(header, width)
    names = [joined(grid, c) for c in range(width)]
    body = [list(row) for row in cells[count:]]
    title = " ".join(inner_title) or heading_above(page, candidate.box) or f"Table {index} on page {page.info.index}"
    fields, rows, values, decimals = _typed(names, body, title)
    summable = [f.type != "string" and f.unit != "%" and not NOT_ADDED.search(f.name) for f in fields]
    checks = check_totals([row[0] for row in body], names, values, decimals, summable)
    return OtherTable(
        page.info.index,
        index,
        title,
        (page.info.index,),
        tuple(fields),
        rows,
        page.info.pdf,
        candidate.engine,
        checks,
        tuple(tuple(row) for row in grid),
    )


def _typed(names: list[str], body: list[list[str]], title: str):
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
        unit = unit_of(name) or ("%" if percent else None) or (unit_of(title) if is_number else None)
        fields.append(TableField(name, kind, unit))
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
            if 1 < len(text) <= 160:
                best, best_gap = text, gap
    return best


def merge_continued(tables: list[OtherTable]) -> list[OtherTable]:
    """A table whose header is printed again at the top of the next page is joined to the one before."""
    merged: list[OtherTable] = []
    for table in tables:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.pdf == table.pdf
            and table.page == last.pages[-1] + 1
            and table.index == 1
            and [f.name for f in last.fields] == [f.name for f in table.fields]
            and not all(f.name.startswith("column ") for f in table.fields)
        ):
            fields = tuple(
                a if a.type == b.type else replace(a, type="string") for a, b in zip(last.fields, table.fields)
            )
            merged[-1] = replace(
                last,
                pages=last.pages + (table.page,),
                rows=last.rows + table.rows,
                fields=fields,
                checks=last.checks + table.checks,
            )
            continue
        merged.append(table)
    return merged


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


def table_name(table: OtherTable) -> str:
    """``page-NNN-<n>-<slug of title>``: the published file's name, without .csv."""
    from pipeline.datapackage import frictionless_name

    slug = re.sub(r"[^a-z0-9]+", "-", frictionless_name(table.title))[:48].strip("-") or "table"
    return f"page-{table.page:03d}-{table.index}-{slug}"
