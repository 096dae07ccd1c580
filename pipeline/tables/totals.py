"""Totals of an undeclared table checked against what they add up to.

A total row is one labelled so (``I alt``, ``Total``, ``Sum``, ``Hele landet``, ``<group> i alt``,
``I alt <group>``), or one whose figures are the sum of the rows of its group directly above it in
every figure column it fills, at least two (a label the OCR misread: ``Talt Kultur og Fritid``).
A group is the rows since the previous total (or its heading, a line without figures); a total
under several headed breakdowns of one whole (``Sex``, ``Race``) may add up any one of them. A total row
adds up its group; one straight after subtotals adds up those subtotals, or, where they do not
hold, every row above (a grand total is not blamed for a wrong subtotal). A labelled total with
no rows above it adds up the rows below it to the next total, when they hold in at least one
column (a total printed above its parts). Each reading is taken only where it holds; where none
does, the group's own is reported.

A total column (headed ``I alt``, ``Total``, or its own header cell under a shared one so:
``Number of new teacher hires Total``) adds up the figure columns left of it back to the
previous total column, and that one; or, where that holds in fewer rows, those columns alone, or
the columns right of it up to the next total column (``Total``, ``Under 18``, ``18 and over``).

Shares (``%``) are not added, nor is a total that is the average of its parts rather than their
sum (it lies between the smallest and the largest and is their mean, or is printed with
decimals, as rates are; or every part prints the same figure as the total: ``100.0`` under a
column of each row's ``100.0``). A rounded figure may be off by half a unit of its last printed decimal
for each part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.base.models import SumCheck

TOTAL = re.compile(r"^(i ?alt|total|totals|totalt|sum|summa|hele landet|samlet|.+ i ?alt|i ?alt .+|total .+)$", re.I)
MIN_ADDED = 2  # figure columns (and rows) a row must add up to be a total by its arithmetic alone

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
    table = _Table(labels, names, values, decimals, summable, unknown)
    sums = _total_rows(table) + _total_columns(table)
    return [s for s in sums if not _is_average(s, values, decimals[s.total[1]])]


@dataclass(frozen=True)
class _Table:
    labels: list[str]
    names: list[str]
    values: Values
    decimals: list[int]
    summable: list[bool]
    unknown: frozenset[Place]

    def filled(self, r: int, c: int) -> bool:
        return self.values[r][c] is not None or (r, c) in self.unknown

    def figured(self, r: int) -> list[int]:
        """The summable columns row ``r`` prints a figure in."""
        return [c for c, added in enumerate(self.summable) if added and self.filled(r, c)]

    def check(self, r: int, c: int, rows: list[int], kind: str = "row") -> Sum:
        label, name = (self.labels[r], self.names[c])
        return _sum(label, name, self.values, (r, c), [(i, c) for i in rows], self.decimals[c], kind)


def _tolerance(parts: int, decimals: int, rounded: bool) -> Decimal:
    if not rounded:
        return Decimal(0)
    return Decimal(parts) * Decimal("0.5") * Decimal(10) ** -decimals


def _totals_of(table: _Table) -> list[int]:
    totals: list[int] = []
    for r, label in enumerate(table.labels):
        if is_total(label) or _adds_up(table, r, _group(table, r, totals) or _subtotals(table, r, totals)):
            totals.append(r)
    return totals


def _group(table: _Table, r: int, totals: list[int]) -> list[int]:
    """The rows of figures since the previous total (a heading between them adds nothing)."""
    start = totals[-1] + 1 if totals else 0
    return [i for i in range(start, r) if table.figured(i)]


def _since_heading(table: _Table, r: int, totals: list[int]) -> list[int]:
    """The rows of figures since the last heading (a line without figures) after the previous total."""
    sections = _sections(table, r, totals)
    return sections[-1] if sections else []


def _sections(table: _Table, r: int, totals: list[int]) -> list[list[int]]:
    """The rows of figures under each heading (a line without figures) since the previous total: a total
    under several breakdowns of one whole (``Sex``, ``Race``, ``Ethnicity``) adds up each of them."""
    start = totals[-1] + 1 if totals else 0
    headings = [i for i in range(start, r) if not table.figured(i) and table.labels[i].strip()]
    ends = headings[1:] + [r]
    return [[i for i in range(h + 1, end) if table.figured(i)] for h, end in zip(headings, ends)]


def _subtotals(table: _Table, r: int, totals: list[int]) -> list[int]:
    """The totals a row straight after subtotals adds up: those since the last grand total."""
    found: list[int] = []
    for n in range(len(totals) - 1, -1, -1):
        if _group(table, totals[n], totals[:n]):
            found.insert(0, totals[n])
        else:  # a grand total: it counts for those after it
            return [totals[n]] + found if found else found
    return found


def _adds_up(table: _Table, r: int, parts: list[int]) -> bool:
    """Row ``r`` is the sum of ``parts`` (at least two rows) in every figure column (at least two) either fills;
    a column where a part could not be read counts if its total leaves room for that part (a subtotal whose
    label the OCR misread over a group with a smudged figure), but two columns must hold outright."""
    columns = table.figured(r)
    if len(parts) < MIN_ADDED or len(columns) < MIN_ADDED or r in {p for p, _ in table.unknown}:
        return False
    added = [c for c, summed in enumerate(table.summable) if summed and any(table.filled(i, c) for i in parts)]
    if added != columns:
        return False
    known = [c for c in columns if not any((i, c) in table.unknown for i in parts)]
    if len(known) < MIN_ADDED or not all(table.check(r, c, parts).check.held for c in known):
        return False
    return all(_leaves_room(table, r, c, parts) for c in columns if c not in known) and any(
        table.values[r][c] for c in columns
    )


def _leaves_room(table: _Table, r: int, c: int, parts: list[int]) -> bool:
    """The total of column ``c`` is at least the sum of its parts read (an unread part is no negative figure)."""
    printed = table.values[r][c]
    read = [v for i in parts if (v := table.values[i][c]) is not None]
    return printed is not None and printed >= sum(read, Decimal(0))


def _total_rows(table: _Table) -> list[Sum]:
    sums: list[Sum] = []
    totals = _totals_of(table)
    for n, r in enumerate(totals):
        before = totals[:n]
        group = _group(table, r, before)
        if not group and not _subtotals(table, r, before):
            sums += _total_above(table, r, totals[n + 1] if n + 1 < len(totals) else len(table.labels))
            continue
        readings = _readings(table, r, before, group)
        sums += _row_checks(table, r, readings)
    return sums


def _row_checks(table: _Table, r: int, readings: list[list[int]]) -> list[Sum]:
    """The total row's check in each column by the first reading that holds there; where none does (a
    figure wrong or unread), by the reading that holds in most of the row's other columns."""
    columns = table.figured(r)
    chosen = {c: _first_holding(table, r, c, readings) for c in columns}
    held = [s.parts for s in chosen.values() if s.check.held]
    for c, s in chosen.items():
        rows = {tuple(i for i, _ in parts) for parts in held}
        best = max(rows, key=lambda k: sum(tuple(i for i, _ in p) == k for p in held), default=None)
        if not s.check.held and best is not None and any(table.filled(i, c) for i in best):
            chosen[c] = table.check(r, c, list(best))
    return [chosen[c] for c in columns]


def _readings(table: _Table, r: int, before: list[int], group: list[int]) -> list[list[int]]:
    """What a total row may add up, the most likely first."""
    every = [i for i in range(r) if i not in before and table.figured(i)]
    subtotals = _subtotals(table, r, before)
    if not group:
        return [subtotals, every]
    sections = [rows for rows in _sections(table, r, before)[:-1] if len(rows) >= MIN_ADDED]
    return [group, _since_heading(table, r, before), subtotals + group, every, *sections]


def _first_holding(table: _Table, r: int, c: int, readings: list[list[int]]) -> Sum:
    """The check by the first reading that holds; if none does, by the first."""
    readings = [rows for rows in readings if any(table.filled(i, c) for i in rows)] or readings[:1]
    checks = [table.check(r, c, rows) for rows in readings]
    return next((s for s in checks if s.check.held), checks[0])


def _total_above(table: _Table, r: int, end: int) -> list[Sum]:
    """A total printed above its parts: the rows below it to the next total, when they hold somewhere."""
    below = [i for i in range(r + 1, end) if table.figured(i)]
    if len(below) < MIN_ADDED:
        return []
    sums = [table.check(r, c, below) for c in table.figured(r)]
    return sums if any(s.check.held for s in sums) else []


def _total_columns(table: _Table) -> list[Sum]:
    names, summable = table.names, table.summable
    totals = [c for c, name in enumerate(names) if is_total(name) or _ends_in_total(name)]
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
        checks += _best_reading(table, c, [p for p in readings if len(p) >= 2])
    return checks


def _ends_in_total(name: str) -> bool:
    """A column whose own header cell, under the headers it shares, reads ``Total`` (``Number of hires Total``)."""
    return bool(re.search(r"\s(total|totals|totalt|i ?alt)$", name.strip(), re.IGNORECASE))


def _best_reading(table: _Table, c: int, readings: list[list[int]]) -> list[Sum]:
    """The total column's checks by the reading of its parts that holds in most rows (the first on a tie)."""
    best: list[Sum] = []
    for parts in readings:
        sums = [
            _sum(label, table.names[c], table.values, (r, c), [(r, k) for k in parts], table.decimals[c], "column")
            for r, label in enumerate(table.labels)
            if table.filled(r, c) and any(table.values[r][k] is not None for k in parts)
        ]
        if sum(s.check.held for s in sums) > sum(s.check.held for s in best) or not best:
            best = sums
    return best


def _is_average(s: Sum, values: Values, decimals: int) -> bool:
    """A total that is no sum but the average of its parts: between the smallest and the largest, and
    their mean (within rounding) or printed with decimals (a rate)."""
    printed = values[s.total[0]][s.total[1]]
    parts = [f for r, c in s.parts if (f := values[r][c]) is not None]
    if s.check.held or printed is None or len(parts) < MIN_ADDED or min(parts) < 0:
        return False
    mean = sum(parts, Decimal(0)) / len(parts)
    # parts all equal to the total (``100.0`` of each row's distribution, three at least) are no parts of it
    same = min(parts) == printed == max(parts) != 0 and len(parts) > MIN_ADDED
    between = min(parts) <= printed <= max(parts) and (min(parts) < max(parts) or same)
    return between and (decimals > 0 or abs(printed - mean) <= Decimal(10) ** -decimals)


def _sum(label: str, column: str, values: Values, total: Place, parts: list[Place], decimals: int, kind: str) -> Sum:
    printed = values[total[0]][total[1]]
    figures = [f for r, c in parts if (f := values[r][c]) is not None]
    computed = sum(figures, Decimal(0))
    held = printed is not None and (
        printed == computed or abs(printed - computed) <= _tolerance(len(figures), decimals, decimals > 0)
    )
    shown = "" if printed is None else f"{printed}"  # a total cell printed blank
    return Sum(SumCheck(label, column, shown, f"{computed}", held, kind), total, tuple(parts))
