"""A line labelled a total that is no sum of what is printed beside it: one note, not a problem per row.

A column headed ``Total`` that differs from the columns printed beside it in every row it is tried
in (two at least) does not add them up: it counts columns the table does not print (``Total`` over
``Public`` and ``Private`` beside an unprinted ``Other``), its header was read over several columns
(``Total PK–12 PK–8 9–12``), or it is a denominator or an average. No printed figure in it is shown
wrong, so nothing is for a person to put right: it is named once, as not checked as a sum, and is
no problem of the package. A total that holds in one row and fails in another is checked as it is.

A row labelled a total is taken so only where its parts add up to more than it in every column
(the rows above it count the same whole twice, or are rates: ``Total enrollment`` in a table of
errors). A labelled total row above what its rows add up to in every column stays a problem: a
row of its parts may be missing from what was read.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from pipeline.tables.totals import Sum

MIN_TRIED = 2  # rows (or columns) a total must fail in, every one, to be no sum


def no_sums(sums: list[Sum], names: list[str]) -> tuple[list[Sum], list[str]]:
    """The checks of totals that add up somewhere (or fail where they are tried once), and a note for each
    line labelled a total that is the sum of its parts nowhere."""
    lines: dict[tuple[str, int], list[Sum]] = defaultdict(list)
    for s in sums:
        lines[_line(s)].append(s)
    dropped = {key for key, checks in lines.items() if _no_sum(key[0], checks)}
    kept = [s for s in sums if _line(s) not in dropped]
    notes = [_note(kind, lines[(kind, n)], names) for kind, n in sorted(dropped)]
    return kept, notes


def _line(s: Sum) -> tuple[str, int]:
    """The total line a check belongs to: its column (a total column) or its row (a total row)."""
    return (s.check.kind, s.total[1] if s.check.kind == "column" else s.total[0])


def _no_sum(kind: str, checks: list[Sum]) -> bool:
    if len(checks) < MIN_TRIED or any(s.check.held or not s.check.printed for s in checks):
        return False
    return kind == "column" or all(Decimal(s.check.computed) > Decimal(s.check.printed) for s in checks)


def _note(kind: str, checks: list[Sum], names: list[str]) -> str:
    first = checks[0]
    if kind == "column":
        parts = sorted({c for s in checks for _, c in s.parts})
        beside = ", ".join(f"'{names[c]}'" for c in parts)
        return (
            f"column '{first.check.column}' is headed as a total but is not the sum of the columns printed beside "
            f"it ({beside}) in any of its {len(checks)} rows: not checked as a sum"
        )
    return (
        f"row '{first.check.row}' is labelled as a total but is less than the rows above it add up to in each "
        f"of its {len(checks)} columns: not checked as a sum"
    )
