"""Tables stage: the declared tables (configs/tables.yaml) read from the repaired words.

Each table runs from its heading to the next table's heading. A line whose first token
is a kommunekode is a municipality row; a line labelled with a region or the national
total is a subtotal or total as printed. A table keyed by ``label`` (a budget's lines, say)
is read by pipeline/tables/declared/labelled.py. Values are assigned to columns by count, or,
when cells are empty, by the x position of the columns in the table's complete rows.
Every other table in the package is kept as its cells (camelot).
"""

from __future__ import annotations

import re

from pipeline.base.gazetteer import Gazetteer, Kommune
from pipeline.base.models import (
    Cell,
    ExtractedTable,
    Extraction,
    Finding,
    PageText,
    PrintedTotal,
    StatedValue,
    TableRow,
)
from pipeline.tables.declared.labelled import read_labelled
from pipeline.tables.declared.regions import RegionTrace, doubt_rows, region_in
from pipeline.tables.declared.rows import (
    Columns,
    Line,
    Row,
    code_like,
    find_columns,
    kommunekode_of,
    read_cells,
    shifted_columns,
    split,
)
from pipeline.tables.declared.sections import find_sections


def extract_tables(pages: list[PageText], config: dict, gazetteer: Gazetteer) -> Extraction:
    """Tables stage entry: declared tables, stated values and the package's other tables."""
    lines = [Line(page.info.index, words, page.source) for page in pages for words in page.lines]
    sections = find_sections(lines, config)
    extraction = Extraction(tables={}, landstal=_stated(lines, config, "landstal"))
    for name, spec in config["tables"].items():
        if name not in sections:
            if spec.get("required", False):
                message = f"{name}: heading /{spec['heading']}/ not found in the package (required: true)"
                extraction.problems.append(Finding("table-not-found", name, message))
            elif (unread := _rows_outside(lines, sections, gazetteer)) is not None:
                message = (
                    f"{name}: heading /{spec['heading']}/ not found, but OCR'd page {unread} prints municipality "
                    "rows outside every table read: its heading may be unreadable; the table is not published"
                )
                extraction.problems.append(Finding("table-not-found", name, message, page=unread))
            else:
                extraction.absent.append(name)  # an ordinary package without this table
            continue
        if spec["key"] == "label":
            table, problems, corrections = read_labelled(name, spec, sections[name], config)
        else:
            table, problems, corrections = _read_table(name, spec, sections[name], config, gazetteer)
        extraction.corrections.extend(corrections)
        extraction.tables[name] = table
        extraction.problems.extend(problems)
    return extraction


def _rows_outside(lines: list[Line], sections: dict[str, list[Line]], gazetteer: Gazetteer) -> int | None:
    """The first OCR'd page with municipality rows (a kommunekode, its name, figures) in no table's section."""
    inside = {id(line) for section in sections.values() for line in section}
    for line in lines:
        if id(line) in inside or line.source == "text-layer" or len(line.words) < 3:
            continue
        code = kommunekode_of(line.words[0].text)
        kommune = gazetteer.kommune(code) if code is not None else None
        if (
            kommune is not None
            and line.words[1].text == kommune.name
            and any(ch.isdigit() for ch in line.words[-1].text)
        ):
            return line.page
    return None


def _stated(lines: list[Line], config: dict, name: str) -> StatedValue | None:
    pattern = re.compile(config["stated_values"][name]["pattern"])
    for i, line in enumerate(lines):
        # The sentence may wrap: look at each line joined with the next one.
        text = line.text + (" " + lines[i + 1].text if i + 1 < len(lines) else "")
        match = pattern.search(text)
        if match and match.start() < len(line.text):
            return StatedValue(name, int(match["year"]), int(match["value"].replace(".", "")), line.page)
    return None


def _read_table(
    name: str, spec: dict, section: list[Line], config: dict, gazetteer: Gazetteer
) -> tuple[ExtractedTable, list[Finding], list[str]]:
    columns = tuple(column["name"] for column in spec["columns"])
    dash_means = int(config.get("dash_means", 0))
    national = re.compile(config["national_total"])
    total_label = re.compile(r"^(?P<group>.*?)\s*(" + config.get("region_total_suffix", "i alt") + ")$")
    positions = _columns_by_page([line for line in section if line.words], len(columns))
    rows = [row for row in (split(line, positions.get(line.page)) for line in section if line.words) if row]
    found: dict[str | int, TableRow] = {}
    totals: list[PrintedTotal] = []
    problems: list[Finding] = []
    corrections: list[str] = []
    section_region: str | None = None
    trace = RegionTrace()

    def cells_for(row: Row, who: str, code: int | None, named: str) -> dict[str, Cell]:
        cells: dict[str, Cell] = {}
        blank = frozenset(i for i, column in enumerate(spec["columns"]) if "blank" in column)
        read = read_cells(row, positions.get(row.line.page), len(columns), dash_means, blank)
        for column, (cell, printed) in zip(spec["columns"], read):
            if "blank" in column:
                cell.blank_means = int(column["blank"])
            if printed is None and cell.blank_means is not None and (cell.confidence is None or cell.box is None):
                cell.value, cell.how = cell.blank_means, "blank-means-zero"
            if cell.value is None:
                problems.append(
                    Finding(
                        "cell-unreadable",
                        name,
                        f"{name}: {who}, {column['name']}: cannot read a number "
                        f"(found {'nothing' if printed is None else repr(printed)}); the cell is left empty",
                        code,
                        named,
                        column["name"],
                        page=row.line.page,
                    )
                )
            cells[column["name"]] = cell
        return cells

    for row in rows:
        first = row.line.words[0].text
        code = kommunekode_of(first)
        if spec["key"] == "kommunekode" and (code is not None or code_like(first)):
            kommune = _kommune(first, row, gazetteer, name, corrections)
            if kommune is None and code is None:
                continue  # a number like a code, but no municipality's name after it: not a row
            if kommune is None:
                problems.append(
                    Finding(
                        "unknown-kommunekode",
                        name,
                        f"{name}: row '{row.line.text}' has an unknown kommunekode",
                        page=row.line.page,
                    )
                )
                continue
            if kommune.kommunekode in found:
                problems.append(
                    Finding(
                        "duplicate-row",
                        name,
                        f"{name}: {kommune.kommunekode} {kommune.name} is printed twice",
                        kommune.kommunekode,
                        kommune.name,
                        page=row.line.page,
                    )
                )
                continue
            who = f"{kommune.kommunekode} {kommune.name}"
            found[kommune.kommunekode] = TableRow(
                kommune.kommunekode,
                kommune.name,
                kommune.region,
                row.label.split(" ", 1)[-1],
                section_region,
                cells_for(row, who, kommune.kommunekode, kommune.name),
            )
            continue
        label = re.sub(r"^\W+|\W+$", "", row.label)  # an OCR'd rule may leave a mark at either end
        region, total = region_in(label, gazetteer, total_label)
        section_region = region or section_region
        trace.see(row, label, region, total, section_region)
        if not row.values:
            continue
        group = region if region is not None else ("Danmark" if national.match(label) else None)
        if group is None:
            continue
        if spec["key"] == "region" and region is not None and not total:
            found[region] = TableRow(None, region, region, label, region, cells_for(row, region, None, region))
            continue
        for column, cell in cells_for(row, f"{group} (printed total)", None, group).items():
            totals.append(PrintedTotal(name, group, column, cell.value, cell.page, cell.box, cell.confidence, cell.how))

    doubt_rows(name, list(found.values()), trace.in_doubt(), problems)
    table_rows = _complete(name, spec, columns, found, gazetteer, problems)
    pages = tuple(sorted({line.page for line in section}))
    return ExtractedTable(name, spec["key"], columns, table_rows, totals, pages), problems, corrections


def _columns_by_page(lines: list[Line], width: int) -> dict[int, Columns | None]:
    """Where the figures stand on each page: a scan shifts and tilts each page differently."""
    whole = find_columns(lines, width)
    pages = sorted({line.page for line in lines})
    on = {page: [line for line in lines if line.page == page] for page in pages}
    # A page whose only full rows are filled by dashes (specks) stands where other pages' columns, shifted, say.
    found = {page: find_columns(on[page], width, dashes=whole is None) for page in pages}
    return {page: columns or (whole and shifted_columns(on[page], whole)) for page, columns in found.items()}


def _kommune(printed: str, row: Row, gazetteer: Gazetteer, table: str, corrections: list[str]) -> Kommune | None:
    """The municipality of a row: its kommunekode, unless that is one misread digit from the printed name's."""
    code = kommunekode_of(printed)
    by_code = gazetteer.kommune(code) if code is not None else None
    name = re.sub(r"^\W+|\W+$", "", row.label.split(" ", 1)[-1]) if " " in row.label else ""
    by_name = gazetteer.kommune_named(name) if name else None
    if by_name is None or by_name is by_code:
        return by_code
    named_code = f"{by_name.kommunekode:03d}"
    if not (
        _one_edit(str(code) if code is not None else printed, named_code) or _with_specks(printed, named_code, by_code)
    ):
        return by_code  # two different municipalities, not one misread digit: keep the code (and its checks)
    corrections.append(
        f"{table}: row '{row.line.text}': kommunekode read as {printed}; the name and the code's other digits say "
        f"{by_name.kommunekode} {by_name.name}"
    )
    return by_name


def _one_edit(printed: str, code: str) -> bool:
    """``printed`` is ``code`` with one character misread, added or lost."""
    if len(printed) == len(code):
        return sum(a != b for a, b in zip(printed, code)) == 1
    longer, shorter = (printed, code) if len(printed) > len(code) else (code, printed)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _with_specks(printed: str, code: str, by_code: Kommune | None) -> bool:
    """``printed`` is no municipality's code, but holds ``code``'s digits in order with at most two marks
    between them (``71713`` for 773 on a fax: specks read as ``1``)."""
    if by_code is not None or not len(code) < len(printed) <= len(code) + 2:
        return False
    rest = iter(printed)
    return all(digit in rest for digit in code)


def _complete(
    name: str, spec: dict, columns: tuple[str, ...], found: dict, gazetteer: Gazetteer, problems: list[Finding]
) -> list[TableRow]:
    """The rows in key order, with an empty row (reported) for each one not printed."""
    if spec["key"] == "region":
        expected = sorted(gazetteer.regions)
    else:
        expected = sorted(gazetteer.kommuner)
    rows = []
    for key in expected:
        if key in found:
            rows.append(found[key])
            continue
        kommune = gazetteer.kommune(key) if isinstance(key, int) else None
        who = f"{key} {kommune.name}" if kommune else str(key)
        problems.append(
            Finding(
                "row-missing",
                name,
                f"{name}: {who}: row not found; its cells are left empty",
                key if kommune else None,
                kommune.name if kommune else key,
            )
        )
        rows.append(
            TableRow(
                key if kommune else None,
                kommune.name if kommune else key,
                kommune.region if kommune else key,
                "",
                None,
                {column: Cell(None, 0, "missing-row") for column in columns},
            )
        )
    if spec["key"] == "region":
        order = {region: i for i, region in enumerate(gazetteer.regions)}
        rows.sort(key=lambda r: order[r.region])
    return rows
