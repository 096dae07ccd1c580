"""Printed totals the OCR could not read, decided from the document's own relations.

A regional total can be known three ways besides reading it: as the sum of its cells,
as the national total less the other regions' totals, and (Bilag B) as the region's
regionskvote. The national total: as the sum of its cells, as the sum of the regional
totals, and as the landstal. The sum of a group's own cells checks nothing, so it never
decides alone: a total is decided only when every relation that can give it agrees and
at least one of them is not its own cells (or, for the national total, its cells are
each confirmed by a regional total that adds up). Every relation used has one unknown
only, and its other figures are confirmed: a regional group counts only when its cells
add up to its printed total, the regionskvoter only when they add up to the landstal.
A total decided so is marked ``derived``; a note names the relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.base.models import ExtractedTable, Extraction, PrintedTotal

NATIONAL = "Danmark"
OWN_CELLS = "the sum of its cells"


@dataclass(frozen=True)
class CrossCheck:
    """A relation between tables (``checks`` in configs/tables.yaml)."""

    table: str
    column: str
    stated: str | None = None  # the column sums to this stated value (the landstal)
    regions_from: tuple[str, str] | None = None  # each region sums to this table's cell for the region

    @classmethod
    def from_config(cls, checks: list[dict]) -> tuple[CrossCheck, ...]:
        found = []
        for check in checks:
            source = check.get("region_totals_from")
            regions = (source["table"], source["column"]) if source else None
            found.append(cls(check["table"], check["column"], check.get("equals_stated"), regions))
        return tuple(found)


def decide_totals(extraction: Extraction, checks: tuple[CrossCheck, ...] = ()) -> list[str]:
    """Decide the unreadable printed totals that the relations pin down; notes of what was decided."""
    notes: list[str] = []
    while True:  # a total decided may be what another relation lacked
        found = [
            note
            for table in extraction.tables.values()
            for total in table.totals
            if total.value is None and (note := _decide(extraction, table, total, checks))
        ]
        if not found:
            return notes
        notes += found


def _decide(extraction: Extraction, table: ExtractedTable, total: PrintedTotal, checks) -> str | None:
    relate = _national if total.group == NATIONAL else _regional
    relations = {how: value for how, value in relate(extraction, table, total, checks).items() if value is not None}
    values = set(relations.values())
    if len(values) != 1 or set(relations) == {OWN_CELLS}:
        return None  # nothing to go by, relations that disagree, or only the cells it should check
    total.value, total.how = values.pop(), "derived"
    return (
        f"{table.name}: {total.group} (printed total), {total.column}: derived as {total.value} "
        f"from {' and '.join(relations)} (the printed total could not be read)"
    )


def _regional(extraction: Extraction, table: ExtractedTable, total: PrintedTotal, checks) -> dict[str, int | None]:
    totals = {t.group: t for t in table.totals if t.column == total.column}
    national = totals.get(NATIONAL)
    others = [t for group, t in totals.items() if group not in (NATIONAL, total.group)]
    relations = {OWN_CELLS: _cells_sum(table, total.column, total.group)}
    regions = {row.region for row in table.rows}
    if national is not None and national.value is not None and regions == set(totals) - {NATIONAL}:
        if all(_adds_up(table, t) for t in others):
            relations["the national total less the other regions' totals"] = national.value - sum(
                t.value for t in others
            )
    for source, column in _region_sources(extraction, table, total.column, checks):
        row = next((r for r in source.rows if r.region == total.group), None)
        relations[f"the {source.name} figure for {total.group}"] = None if row is None else row.cells[column].value
    return relations


def _national(extraction: Extraction, table: ExtractedTable, total: PrintedTotal, checks) -> dict[str, int | None]:
    regional = [t for t in table.totals if t.column == total.column and t.group != NATIONAL]
    relations = {OWN_CELLS: _cells_sum(table, total.column, None)}
    regions = {row.region for row in table.rows}
    if regional and regions == {t.group for t in regional} and all(_adds_up(table, t) for t in regional):
        relations["the regional totals, each confirmed by its cells"] = sum(t.value for t in regional)
    if _sums_to_landstal(extraction, table.name, total.column, checks):
        relations["the landstal"] = extraction.landstal.value
    return relations


def _cells_sum(table: ExtractedTable, column: str, region: str | None) -> int | None:
    values = [r.cells[column].value for r in table.rows if region is None or r.region == region]
    return None if not values or None in values else sum(values)


def _adds_up(table: ExtractedTable, total: PrintedTotal) -> bool:
    """A printed regional total confirmed by its cells (not decided itself)."""
    return (
        total.value is not None
        and total.how != "derived"
        and _cells_sum(table, total.column, total.group) == total.value
    )


def _sums_to_landstal(extraction: Extraction, name: str, column: str, checks) -> bool:
    """The column is declared to sum to the landstal, itself or through the table its regions sum to."""
    if extraction.landstal is None:
        return False
    for check in checks:
        if (check.table, check.column) != (name, column):
            continue
        if check.stated == "landstal":
            return True
        if check.regions_from is not None and _sums_to_landstal(extraction, *check.regions_from, checks):
            return True
    return False


def _region_sources(extraction: Extraction, table: ExtractedTable, column: str, checks) -> list[tuple]:
    """(table, column) whose cell for a region is what the region sums to, if confirmed by the landstal."""
    sources = []
    for check in checks:
        if (check.table, check.column) != (table.name, column) or check.regions_from is None:
            continue
        name, source_column = check.regions_from
        source = extraction.tables.get(name)
        confirmed = source is not None and _sums_to_landstal(extraction, name, source_column, checks)
        if confirmed and _cells_sum(source, source_column, None) == extraction.landstal.value:
            sources.append((source, source_column))
    return sources
