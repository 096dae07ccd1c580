"""Totals of an undeclared table checked against what they add up to.

A total row (``I alt``, ``Total``, ``Sum``, ``Hele landet``, ``<group> i alt``) adds up the rows
above it back to the previous total row (its group); a total row that follows other totals
adds up those subtotals, or, failing that, all the rows above. A total column (headed ``I alt``,
``Total``) adds up the figure columns left of it back to the previous total column, and that one;
or, where that holds in fewer rows, those columns alone, or the columns right of it up to the next
total column (``Total``, ``Under 18``, ``18 and over``, a group's total printed first).
Shares (``%``) are not added. A rounded figure may be off by half a unit of its last printed
decimal for each part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.base.models import SumCheck

TOTAL = re.compile(r"^(i alt|total|totals|totalt|sum|summa|hele landet|samlet|.+ i alt|i alt .+|total .+)$", re.I)

Values = list[list[Decimal | None]]
Place = tuple[int, int]  # (row, column) of a figure in the table's body


@dataclass(frozen=True)
class Sum:
    """A check with the places of its printed total and of the figures it adds (for a second look)."""

    check: SumCheck
    total: Place
    parts: tuple[Place, ...]


def is_total(label: str) -> bool:
    return bool(TOTAL.match(re.sub(r"[\s:.*]+$", "", label.strip())))


def check_totals(labels: list[str], names: list[str], values: Values, decimals: list[int], summable: list[bool]):
    """Every total row and total column checked; ``values`` row by row, None where not a figure."""
    return [s.check for s in total_sums(labels, names, values, decimals, summable)]


def total_sums(labels, names, values: Values, decimals, summable, unknown: frozenset[Place] = frozenset()) -> list[Sum]:
    """Every total row and total column checked, with the places of the figures each check adds;
    a printed total in ``unknown`` (a figure the OCR could not read) is checked too, and does not hold."""
    sums = _total_rows(labels, names, values, decimals, summable, unknown)
    return sums + _total_columns(labels, names, values, decimals, summable, unknown)


def _tolerance(parts: int, decimals: int, rounded: bool) -> Decimal:
    if not rounded:
        return Decimal(0)
    return Decimal(parts) * Decimal("0.5") * Decimal(10) ** -decimals


def _total_rows(labels, names, values, decimals, summable, unknown=frozenset()) -> list[Sum]:
    checks = []
    start = 0
    subtotals: list[int] = []
    for r, label in enumerate(labels):
        if not is_total(label):
            continue
        group = [i for i in range(start, r) if not is_total(labels[i])]
        parts = group if group else subtotals
        if not group and not subtotals:
            start = r + 1
            continue
        for c, name in enumerate(names):
            if not summable[c] or (values[r][c] is None and (r, c) not in unknown):
                continue
            check = _sum(label, name, values, (r, c), [(i, c) for i in parts], decimals[c], "row")
            if not check.check.held and group and subtotals:  # a grand total: the subtotals, or every row above
                every = [i for i in range(r) if not is_total(labels[i])]
                check = _sum(label, name, values, (r, c), [(i, c) for i in every], decimals[c], "row")
            checks.append(check)
        subtotals = subtotals + [r] if group else [r]
        start = r + 1
    return checks


def _total_columns(labels, names, values, decimals, summable, unknown=frozenset()) -> list[Sum]:
    totals = [c for c, name in enumerate(names) if is_total(name)]
    checks = []
    for n, c in enumerate(totals):
        if not summable[c]:
            continue
        previous = totals[n - 1] if n else None
        start, end = (
            (previous + 1 if previous is not None else 0),
            (totals[n + 1] if n + 1 < len(totals) else len(names)),
        )
        left = [k for k in range(start, c) if summable[k]]
        readings = [  # what the column may add up: the convention first, a total printed before its parts last
            ([previous] if previous is not None and summable[previous] else []) + left,
            left,
            [k for k in range(c + 1, end) if summable[k]],
        ]
        checks += _best_reading(labels, names[c], values, c, [p for p in readings if len(p) >= 2], decimals, unknown)
    return checks


def _best_reading(labels, name, values, c, readings, decimals, unknown) -> list[Sum]:
    """The total column's checks by the reading of its parts that holds in most rows (the first on a tie)."""
    best: list[Sum] = []
    for parts in readings:
        sums = [
            _sum(label, name, values, (r, c), [(r, k) for k in parts], decimals[c], "column")
            for r, label in enumerate(labels)
            if (values[r][c] is not None or (r, c) in unknown) and any(values[r][k] is not None for k in parts)
        ]
        if sum(s.check.held for s in sums) > sum(s.check.held for s in best) or not best:
            best = sums
    return best


def _sum(label: str, column: str, values: Values, total: Place, parts: list[Place], decimals: int, kind: str) -> Sum:
    printed = values[total[0]][total[1]]
    figures = [f for r, c in parts if (f := values[r][c]) is not None]
    computed = sum(figures, Decimal(0))
    held = printed is not None and (
        printed == computed or abs(printed - computed) <= _tolerance(len(figures), decimals, decimals > 0)
    )
    return Sum(SumCheck(label, column, f"{printed}", f"{computed}", held, kind), total, tuple(parts))
