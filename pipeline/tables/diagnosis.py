"""Which printed figure explains an undeclared table's totals that do not hold, named once.

One subtotal printed 12.450 too high breaks its own group and every total it is part of (a grand
total over the subtotals, a total column across its row). Each figure of a failing check is tried
as the one that is off: it explains a failing check when the error it implies is the same in every
failing check it is in, and it is part of no check that holds. The figure that explains the most
failing checks (at least two, no other figure explaining the same ones) is named; the totals it is
part of hold once it is put right, and are listed as holding so. A failing check no shared figure
explains names its own total. Figures are written as the table prints them (``12.450``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from pipeline.base.models import Finding, OtherTable, SumCheck, TotalMismatch
from pipeline.base.names import table_name
from pipeline.tables.totals import Place, Sum, Values

SLUG = "table-total-mismatch"


@dataclass(frozen=True)
class _Explanation:
    place: Place
    error: Decimal  # printed minus what it should be
    checks: frozenset[int]  # the failing checks (indexes) it explains


def diagnose(
    sums: list[Sum], values: Values, labels: list[str], columns: list[str], decimals: list[int], mark: str
) -> tuple[list[SumCheck], list[TotalMismatch]]:
    """The checks as listed (those a wrong figure's correction makes hold, holding) and the smallest
    explanation of the ones that do not hold: one mismatch per figure that is off."""
    left = {n for n, s in enumerate(sums) if not s.check.held}
    explained: list[_Explanation] = []
    while (best := _best(sums, left, decimals)) is not None:
        explained.append(best)
        left -= best.checks
    explained += [_own(sums, n) for n in sorted(left)]
    checks = [s.check for s in sums]
    mismatches = []
    for e in explained:
        corrected = _corrected(sums, e) if any(sums[n].total == e.place for n in e.checks) else {}
        for n, check in corrected.items():
            checks[n] = check
        mismatches.append(_mismatch(sums, e, values, labels, columns, decimals[e.place[1]], mark, corrected))
    return checks, mismatches


def _residual(s: Sum) -> Decimal | None:
    """Printed minus computed; None where the printed total could not be read."""
    if not s.check.printed:
        return None
    return Decimal(s.check.printed) - Decimal(s.check.computed)


def _error(s: Sum, place: Place) -> Decimal | None:
    """How far ``place`` is off if it alone makes ``s`` fail."""
    residual = _residual(s)
    if residual is None:
        return None
    return residual if s.total == place else -residual


def _best(sums: list[Sum], left: set[int], decimals: list[int]) -> _Explanation | None:
    """The one figure explaining the most failing checks (at least two), if no other explains the same."""
    holding = {p for s in sums if s.check.held for p in (s.total, *s.parts)}
    candidates = {p for n in left for p in (sums[n].total, *sums[n].parts)} - holding
    found = [e for p in candidates if (e := _explains(sums, left, p, decimals[p[1]])) is not None]
    if not found:
        return None
    top = max(len(e.checks) for e in found)
    best = [e for e in found if len(e.checks) == top]
    if top < 2 or len({e.checks for e in best}) < len(best):
        return None
    return min(best, key=lambda e: e.place)


def _explains(sums: list[Sum], left: set[int], place: Place, decimals: int) -> _Explanation | None:
    """``place`` as the figure that is off: the failing checks it explains, if its error is one in all."""
    touched = [n for n in left if place == sums[n].total or place in sums[n].parts]
    errors = [_error(sums[n], place) for n in touched]
    if not touched or any(e is None for e in errors):
        return None
    slack = Decimal(len(touched)) * Decimal(10) ** -decimals if decimals else Decimal(0)
    if max(errors) - min(errors) > slack or errors[0] == 0:
        return None
    return _Explanation(place, errors[0], frozenset(touched))


def _own(sums: list[Sum], n: int) -> _Explanation:
    residual = _residual(sums[n])
    return _Explanation(sums[n].total, residual if residual is not None else Decimal(0), frozenset({n}))


def _corrected(sums: list[Sum], e: _Explanation) -> dict[int, SumCheck]:
    """The checks ``e``'s figure is a part of, computed with it put right: they hold."""
    fixed = {}
    for n in e.checks:
        s = sums[n]
        if s.total != e.place:
            computed = Decimal(s.check.computed) - e.error
            fixed[n] = replace(s.check, computed=f"{computed}", held=True)
    return fixed


def _mismatch(sums, e: _Explanation, values, labels, columns, decimals: int, mark: str, corrected) -> TotalMismatch:
    printed = values[e.place[0]][e.place[1]]
    own = [sums[n].check for n in sorted(e.checks) if sums[n].total == e.place]
    expected = printed - e.error if printed is not None else None
    return TotalMismatch(
        row=own[0].row if own else labels[e.place[0]],
        column=own[0].column if own else columns[e.place[1]],
        printed=as_printed(printed, decimals, mark),
        expected=as_printed(expected, decimals, mark),
        difference=as_printed(abs(e.error), decimals, mark),
        too_high=e.error > 0,
        is_total=bool(own),
        also=tuple(f"row '{c.row}', column '{c.column}'" for c in corrected.values()),
        value=printed,
        expected_value=expected,
    )


def as_printed(value: Decimal | None, decimals: int, mark: str = ",") -> str:
    """``value`` as a table with decimal mark ``mark`` prints it: ``12.450`` (Danish), ``12,450`` (English)."""
    if value is None:
        return "(not read)"
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","})) if mark == "," else text


def mismatch_findings(table: OtherTable) -> list[Finding]:
    """A ``table-total-mismatch`` finding for each figure that explains totals not holding."""
    return [_finding(table, m) for m in table.mismatches]


def _finding(table: OtherTable, m: TotalMismatch) -> Finding:
    direction = "too high" if m.too_high else "too low"
    if m.is_total:
        what = f"the total printed is {m.printed}, its parts add up to {m.expected}"
    else:
        what = f"the figure printed is {m.printed}, the totals of its row and column make it {m.expected}"
    also = ""
    if m.also:
        totals, hold = ("the total in ", "holds") if len(m.also) == 1 else ("the totals in ", "hold")
        also = f"; with {m.expected} in its place {totals}{' and '.join(m.also)} {hold} too"
    return Finding(
        SLUG,
        table_name(table),
        f"{table.title} (page {table.page}): row '{m.row}', column '{m.column}': {what} "
        f"(printed {m.difference} {direction}){also}",
        column=m.column,
        printed=_whole(m.value),
        computed=_whole(m.expected_value),
        page=table.page,
    )


def _whole(value: Decimal | None) -> int | None:
    return int(value) if value is not None and value == value.to_integral_value() else None
