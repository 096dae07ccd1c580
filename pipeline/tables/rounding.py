"""Totals of rounded figures: each printed figure rounded on its own, so a total may miss its parts by a unit.

A table of estimates or of figures in thousands prints each figure rounded; its totals then miss the
sum of their printed parts by up to half a unit of the last printed digit for each part and for the
total itself, one way or the other. A table shows it rounds where two of its totals or more miss
their parts by no more than that, and the misses go both ways (a figure printed wrong is off one
way, and one miss proves nothing). In such a table every such miss holds, and a note says how many
and by how much; a miss larger than rounding stays a miss. Figures with decimals are allowed their
rounding in every table (:func:`pipeline.tables.totals._tolerance`).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.tables.totals import Sum, Values

MIN_MISSES = 2


def rounded(sums: list[Sum], values: Values, decimals: list[int]) -> tuple[list[Sum], list[str]]:
    """The checks with the misses rounding explains holding (where the table shows it rounds), and a note."""
    misses = {n: miss for n, s in enumerate(sums) if (miss := _within_rounding(s, values, decimals)) is not None}
    if len(misses) < MIN_MISSES or not (min(misses.values()) < 0 < max(misses.values())):
        return sums, []
    kept = [replace(s, check=replace(s.check, held=True)) if n in misses else s for n, s in enumerate(sums)]
    largest = max(abs(m) for m in misses.values())
    note = (
        f"{len(misses)} totals differ from their printed parts by no more than the rounding of each printed "
        f"figure (at most {largest}, both ways): its figures are rounded, and those totals taken as holding"
    )
    return kept, [note]


def _within_rounding(s: Sum, values: Values, decimals: list[int]) -> Decimal | None:
    """Printed minus computed, where the check fails by no more than half a unit of the last printed digit
    for each figure in it (its parts and the total); None where it holds or misses by more."""
    if s.check.held or not s.check.printed:
        return None
    figures = [p for p in s.parts if values[p[0]][p[1]] is not None]
    unit = Decimal(10) ** -decimals[s.total[1]]
    miss = Decimal(s.check.printed) - Decimal(s.check.computed)
    return miss if abs(miss) <= Decimal(len(figures) + 1) * unit / 2 else None
