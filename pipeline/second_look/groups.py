"""The groups the second look checks: the cells of one region (or the nation) in one column, and the total printed
for them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.base.models import Cell, ExtractedTable, PrintedTotal


@dataclass
class Member:
    """A cell of a group, or its printed total, with the name a report gives it."""

    name: str
    cell: Cell | PrintedTotal


@dataclass
class Group:
    table: str
    label: str  # the region (or Danmark) whose total this is
    column: str
    members: list[Member]
    total: PrintedTotal

    def has_unknown(self) -> bool:
        return any(m.cell.value is None for m in self.everyone())

    def everyone(self) -> list[Member]:
        return self.members + [Member(f"{self.label} (printed total)", self.total)]

    def adds_up(self, values: dict[int, int | None] | None = None) -> bool:
        values = values or {}
        members = [values.get(id(m.cell), m.cell.value) for m in self.members]
        total = values.get(id(self.total), self.total.value)
        return total is not None and None not in members and sum(members) == total


def groups_of(table: ExtractedTable) -> Iterator[Group]:
    """A group for every printed total of the table: its member cells and the total."""
    for total in table.totals:
        if total.group == "Danmark":
            rows = list(table.rows)
        elif table.key == "kommunekode":
            rows = [r for r in table.rows if r.region == total.group]
        else:
            continue
        if not rows:
            continue
        members = [
            Member(f"{r.kommunekode} {r.kommune}" if r.kommunekode else r.region, r.cells[total.column]) for r in rows
        ]
        yield Group(table.name, total.group, total.column, members, total)
