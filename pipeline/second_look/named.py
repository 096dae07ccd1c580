"""Groups the second look leaves unresolved, named with the figures in doubt (a ``group-unresolved`` finding)."""

from __future__ import annotations

from typing import Protocol

from pipeline.base.models import Cell, Finding, PrintedTotal
from pipeline.second_look.groups import Group, Member


class Look(Protocol):
    """What naming needs of the second look: which cells it can read, and what it read in them."""

    def can_read(self, cell: Cell | PrintedTotal) -> bool: ...

    def doubtful(self, cell: Cell | PrintedTotal) -> bool: ...

    def reread(self, cell: Cell | PrintedTotal) -> int | None: ...

    def prefetch(self, cells: list[Cell | PrintedTotal]) -> None: ...


def unresolved(look: Look, group: Group) -> Finding | None:
    """A group validation cannot check (a cell or its total unknown): name the figures in doubt.

    Without this, a misread neighbour of an unreadable cell would pass unnoticed. In
    doubt: an OCR'd figure whose second reading differs, or that the OCR read with low
    confidence.
    """
    unknown = [m for m in group.everyone() if m.cell.value is None]
    read = [m for m in group.members if m.cell.value is not None and look.can_read(m.cell)]
    if not unknown:
        return _off(look, group, read) if read and not group.adds_up() else None
    look.prefetch([m.cell for m in read + unknown])
    doubtful = [m for m in read if look.reread(m.cell) != m.cell.value or look.doubtful(m.cell)]
    values = {id(m.cell): look.reread(m.cell) for m in unknown}
    # Only when every unknown cell could be read again can the total tell they are wrong.
    still_off = None not in values.values() and not group.adds_up(values)
    if not doubtful and not still_off:
        return None
    why = "even read again, the cells do not add up to" if still_off else "cannot check"
    return _finding(look, group, f"{why} the printed total", f"{len(unknown)} cell(s) unknown", doubtful)


def _off(look: Look, group: Group, read: list[Member]) -> Finding:
    """A group of OCR'd cells that does not add up even after the second look: the figures that may be the
    misread one. In doubt: those read with low confidence or read differently the second time, and those a
    single glyph misread (one digit changed, one too many or too few) turns into what the total leaves for
    them; when no figure is so, every OCR'd figure of the group (one of them is wrong, and none says which)."""
    look.prefetch([m.cell for m in read])
    off = group.total.value - sum(m.cell.value for m in group.members)
    doubtful = [
        m for m in read if look.reread(m.cell) != m.cell.value or look.doubtful(m.cell) or one_glyph(m.cell.value, off)
    ]
    return _finding(
        look, group, "even read again, the cells do not add up to the printed total", f"off by {off}", doubtful or read
    )


def _finding(look: Look, group: Group, why: str, unknown: str, doubtful: list[Member]) -> Finding:
    named = ", ".join(_describe(look, m) for m in doubtful)
    return Finding(
        "group-unresolved",
        group.table,
        f"{group.table}: {group.label}, {group.column}: {why} "
        f"{group.total.value if group.total.value is not None else '(unreadable)'} "
        f"({unknown}); doubtful: {named or 'none'}",
        kommune=group.label,  # the group, as validation's total findings name it (the report crops its total)
        column=group.column,
        printed=group.total.value,
        page=group.total.page,
    )


def _describe(look: Look, member: Member) -> str:
    cell, again = member.cell, look.reread(member.cell)
    parts = [f"read {cell.value}"]
    if again != cell.value:
        parts.append(f"read again {again if again is not None else 'as nothing'}")
    if cell.confidence is not None:
        parts.append(f"confidence {cell.confidence:.2f}")
    return f"{member.name} ({', '.join(parts)})"


def one_glyph(value: int, off: int) -> bool:
    """Whether ``value`` and ``value + off`` (what the total leaves for it) differ by one glyph's misread: one digit
    changed, or one digit too many or too few."""
    if value + off < 0:
        return False
    read, meant = str(value), str(value + off)
    if len(read) == len(meant):
        return sum(a != b for a, b in zip(read, meant)) == 1
    shorter, longer = sorted((read, meant), key=len)
    return len(longer) == len(shorter) + 1 and any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
