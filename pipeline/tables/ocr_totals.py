"""A second look at the totals of an undeclared table read from an OCR'd page, as the declared tables get.

Each total of the table (a total row's figure, or a total column's) and the figures it adds up
make a group, as a region's rows and its printed total do in a declared table. Where a group
does not add up, or holds a figure the OCR could not read, the reconcile stage's
:class:`~pipeline.second_look.reconcile.SecondLook` reads its doubtful cells again from the page image (then,
if that is not enough, every cell of the group) and keeps new readings only if exactly one set of
them makes the group add up; one figure that cannot be read at all may be derived from the total
when every other figure of the group is confirmed. Only whole, non-negative figures (counts and
amounts) are read again: a second look reads digits, not decimals or signs.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.base.models import Cell, PrintedTotal
from pipeline.second_look.reconcile import Group, Member, SecondLook
from pipeline.tables.totals import Place, Sum

Values = list[list[Decimal | None]]


def look_again(
    table: str,
    labels: list[str],
    names: list[str],
    sums: list[Sum],
    values: Values,
    sources: list[tuple[Cell, ...]],
    unreadable: set[Place],
    look: SecondLook,
    cells: dict[Place, Cell] | None = None,
) -> list[str]:
    """Fix ``values`` and ``unreadable`` in place from the page images; notes of what was read again or derived.
    ``cells`` is filled with the figures looked at again, each with how it was read in the end."""
    cells = {} if cells is None else cells
    checked, groups, sound = [], [], []
    for s in sums:
        if not s.check.held or _touches(s, unreadable):
            if (group := _group(table, labels, names, s, values, sources, unreadable, cells)) is not None:
                checked.append(s)
                groups.append(group)
                sound.append(_corroborated(s, sums))
    notes: list[str] = []
    for suspect in (look.doubtful, look.can_read):  # doubtful cells first; then every cell of the group
        failing = [(g, ok) for g, ok in zip(groups, sound) if not g.adds_up()]
        look.prefetch([m.cell for g, _ in failing for m in g.everyone() if suspect(m.cell)])
        for group, ok in failing:
            notes += look.fix(group, suspect, may_derive=ok)
    for group, ok in zip(groups, sound):
        notes += look.derive(group) if ok else []
    for s, g in zip(checked, groups):  # a printed total read again
        if g.total.how in ("re-ocr", "derived") and g.total.value is not None:
            cells[s.total] = replace(cells[s.total], value=g.total.value, how=g.total.how)
    for (r, c), cell in cells.items():
        if cell.how in ("re-ocr", "derived") and cell.value is not None:
            values[r][c] = Decimal(cell.value)
            unreadable.discard((r, c))
    return notes


def _corroborated(s: Sum, sums: list[Sum]) -> bool:
    """The figures ``s`` adds are those its total adds up to where it is checked elsewhere: the same rows in
    another column of a total row, the same columns in another row of a total column, holding in one at least.
    A total whose reading holds nowhere else (a subtotal above it not known as one) derives nothing; a total
    with no other check to compare (one column of figures) is taken as its group says."""
    along = 0 if s.check.kind == "row" else 1  # what the parts share with the total: its row or its column
    shape = sorted(p[along] for p in s.parts)
    others = [o for o in sums if o is not s and o.check.kind == s.check.kind and o.total[along] == s.total[along]]
    return not others or any(o.check.held and sorted(p[along] for p in o.parts) == shape for o in others)


def _touches(s: Sum, places: set[Place]) -> bool:
    return s.total in places or any(p in places for p in s.parts)


def _group(
    table: str,
    labels: list[str],
    names: list[str],
    s: Sum,
    values: Values,
    sources: list[tuple[Cell, ...]],
    unreadable: set[Place],
    cells: dict[Place, Cell],
) -> Group | None:
    """The check's figures as a group of cells on the page, or None where they are not whole figures."""
    places = [s.total, *s.parts]
    if any(not _whole(values[r][c]) for r, c in places):
        return None
    for r, c in places:
        if (r, c) not in cells:
            cells[(r, c)] = _cell(sources[r][c], values[r][c], (r, c) in unreadable)
    total = cells[s.total]
    printed = PrintedTotal(
        table, s.check.row, s.check.column, total.value, total.page, total.box, total.confidence, "ocr"
    )
    name = (lambda r, c: labels[r]) if s.check.kind == "row" else (lambda r, c: f"{labels[r]} ({c + 1}. column)")
    return Group(table, s.check.row, s.check.column, [Member(name(r, c), cells[(r, c)]) for r, c in s.parts], printed)


def _whole(value: Decimal | None) -> bool:
    return value is None or (value >= 0 and value == value.to_integral_value())


def _cell(source: Cell, value: Decimal | None, unreadable: bool) -> Cell:
    """The figure as a cell: as read, unreadable, or an empty cell that counts as nothing."""
    if unreadable:
        return Cell(None, source.page, "unreadable", source.box, source.confidence, source.text)
    if value is None:  # an empty cell or a dash: nothing printed to read again
        return Cell(0, source.page, "blank-means-zero", source.box)
    return Cell(int(value), source.page, "ocr", source.box, source.confidence, source.text)
