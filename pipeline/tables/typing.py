"""Typing of table cells: numbers printed the Danish way (and the English way), and units.

``1.234`` is one thousand two hundred and thirty-four, ``12,5`` twelve and a half, ``-`` a
dash (nothing printed), ``−12`` and ``(12)`` minus twelve, ``12 %`` and ``12 pct.`` a share.
A separator followed by exactly three digits groups thousands in either convention; which
mark is the decimal one is decided per table from the evidence of all its cells
(:func:`decimal_mark`), because ``1,234`` is a decimal in Danish and a thousand in English.
A number keeps the decimals it was printed with, so ``12,50`` is published as ``12.50``.

A cell is a number only when publishing it as one loses nothing printed (:func:`round_trips`):
``0800``, ``001`` and ``0094`` are codes, as are the fixed-width digits of a column whose header
names a code (``Postnr.``, ``Kommunekode``, ``CVR``, ``ZIP``); such a column stays text and says why
(:func:`why_text`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

DASHES = frozenset({"-", "–", "—", "−", "..", "…", "x"})
MINUS = "-−–"
PERCENT = re.compile(r"\s*(%|pct\.?|procent)$", re.IGNORECASE)
CURRENCY = re.compile(r"^(kr\.?|dkk|€|\$|£)\s*|\s*(kr\.?|dkk|€)$", re.IGNORECASE)
NUMBER = re.compile(r"^\d[\d.,\s\u00a0\u202f]*$")
# Strong evidence of a convention: two groups of thousands, or a decimal part that is no group.
DANISH = re.compile(r"^\d{1,3}(\.\d{3}){2,}(,\d+)?$|^\d{1,3}(\.\d{3})+,\d+$|^\d+,(\d{1,2}|\d{4,})$")
ENGLISH = re.compile(r"^\d{1,3}(,\d{3}){2,}(\.\d+)?$|^\d{1,3}(,\d{3})+\.\d+$|^\d+\.(\d{1,2}|\d{4,})$")
COMMA_GROUP, POINT_GROUP = re.compile(r"^\d{1,3},\d{3}$"), re.compile(r"^\d{1,3}\.\d{3}$")  # one group: weak evidence
# A header naming a code, not a quantity ("Number of ..." counts; "License number" names)
CODE_HEADER = re.compile(
    r"(kode|code|nr|nummer)\.?(?!\w)|\b(clave|zip|cvr|cpr|ean|id|number(?!\s+of\b))\b", re.IGNORECASE
)
UNIT_IN_HEADER = re.compile(
    r"\(?\s*((?:1\.000|1000|mio\.?|mia\.?|tusind|t\.)\s*kr\.?|kr\.?|dkk|%|pct\.?|procent|antal)\s*\)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Number:
    value: Decimal
    decimals: int  # as printed
    percent: bool = False

    def render(self) -> str:
        """The value as a CSV number: a point for decimals, no grouping, the printed decimals kept."""
        return f"{self.value:.{self.decimals}f}"


SPACED = re.compile(r"\d[\s\u00a0\u202f]+\d")
CODE_DIGITS, MIN_CODES, CODE_SHARE = 6, 3, 0.8  # a column of numbers this wide in most cells: codes, phones
SPACE_GROUPED = re.compile(r"^\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$")


def spaced(text: str) -> bool:
    """Figures with a space between digits: thousands grouped by spaces (``1 234``), or two figures (``439 55``)."""
    return bool(SPACED.search(text))


def joins_figures(text: str) -> bool:
    """Two printed figures read as one cell: digits a space apart that are no grouping of thousands
    (``439 55``), never one number. (``158 150`` reads as a grouping; two columns' figures printed so
    are told apart by where they stand: :mod:`pipeline.tables.columns`.)"""
    core = text.strip().strip("()−–+-").strip()
    return spaced(core) and bool(NUMBER.match(core)) and not SPACE_GROUPED.match(core)


def grouped_codes(texts: list[str]) -> bool:
    """A column of codes printed in groups (telephone numbers, ``44 77 33 33``): most of its cells with digits
    hold as many (at least CODE_DIGITS), however they are grouped. Their spaces join no figures."""
    widths = [len(re.sub(r"\D", "", t)) for t in texts if re.search(r"\d", t)]
    if len(widths) < MIN_CODES:
        return False
    width, count = Counter(widths).most_common(1)[0]
    return width >= CODE_DIGITS and count >= CODE_SHARE * len(widths)


def _digits_only(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]", "", text)


def decimal_mark(texts: list[str]) -> str:
    """``,`` (Danish) or ``.`` (English): the convention the table's numbers show, Danish unless shown otherwise."""
    shown = [_mark_shown(text) for text in texts]
    danish, english = sum(s[0] for s in shown), sum(s[1] for s in shown)
    if english > danish:
        return "."
    if danish:
        return ","
    # Only single groups like 1.234 or 1,234: each is a thousands group in its own convention.
    commas, dots = sum(s[2] for s in shown), sum(s[3] for s in shown)
    return "." if commas > dots else ","


# The tables' stages ask again and again of the same cells (each asks for the table's decimal mark): what a
# text shows is worked out once (a bounded cache: a long-lived worker's memory stays flat)
@lru_cache(maxsize=1 << 16)
def _mark_shown(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether the text's figure shows the Danish convention, the English one, a single group after a comma
    (``1,234``), a single group after a point (``1.234``)."""
    core = _strip(text)[0]
    return (
        bool(DANISH.match(core)),
        bool(ENGLISH.match(core)),
        bool(COMMA_GROUP.match(core)),
        bool(POINT_GROUP.match(core)),
    )


@lru_cache(maxsize=1 << 16)
def _strip(text: str) -> tuple[str, bool, bool]:
    """The bare figure, whether it is negative, and whether it is a share (``%``, ``pct.``)."""
    text = text.strip()
    percent = bool(PERCENT.search(text))
    text = PERCENT.sub("", text)
    text = CURRENCY.sub("", text).strip()
    negative = False
    if len(text) > 2 and text[0] == "(" and text[-1] == ")":
        negative, text = True, text[1:-1].strip()
    if len(text) > 1 and text[0] in MINUS + "+":
        negative, text = text[0] != "+", text[1:].strip()
    return _digits_only(text), negative, percent


@lru_cache(maxsize=1 << 16)  # the same cells are asked of by stage after stage; a Number is frozen
def parse_number(text: str, mark: str = ",") -> Number | None:
    """The number a cell prints (``mark``: the decimal mark), or None when it is not one (a dash included)."""
    if joins_figures(text):
        return None
    core, negative, percent = _strip(text)
    if not core or not NUMBER.match(core) or not core[-1].isdigit():
        return None
    group = "." if mark == "," else ","
    if mark in core:
        whole, _, fraction = core.rpartition(mark)
    else:
        whole, fraction = core, ""
    if group in fraction or mark in whole:
        return None
    if group in whole and not re.match(rf"^\d{{1,3}}(\{group}\d{{3}})+$", whole):
        return None  # grouping that is no grouping (12.34.5): not a number
    try:
        value = Decimal(whole.replace(group, "") + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None
    return Number(-value if negative else value, len(fraction), percent)


def round_trips(text: str, number: Number) -> bool:
    """Publishing ``number`` keeps every digit ``text`` prints, in order: no leading zero lost (``0094``)."""
    printed = re.sub(r"\D", "", _strip(text)[0])
    published = re.sub(r"\D", "", number.render())
    return printed == published


def why_text(header: str, cells: list[str], numbers: list[Number | None], explained: bool = False) -> str:
    """Why a column of figures is published as text, or "" when it is a column of numbers; ``explained``:
    the table's notes say what a figure in parentheses means (``( ) Based on 25-49 unweighted cases``)."""
    lost = next((t for t, n in zip(cells, numbers) if n is not None and not round_trips(t, n)), None)
    if lost is not None:
        return f"printed as text: '{lost.strip()}' keeps a leading zero a number would lose (a code)"
    mixed = mixed_units(header, cells, numbers)
    if mixed:
        return f"printed as text: '{mixed[0]}' and '{mixed[1]}' print different units in one column"
    marked = marked_figure(header, cells, numbers, explained)
    if marked:
        return f"printed as text: '{marked}' is a figure marked by its parentheses, not a negative one"
    widths = {len(_strip(t)[0]) for t in cells}
    digits_only = all(re.fullmatch(r"\d+", t.strip()) for t in cells)
    if cells and digits_only and len(widths) == 1 and min(widths) >= 2 and CODE_HEADER.search(header):
        return f"printed as text: a code ({min(widths)} digits each under '{header}'), not a quantity"
    return ""


def marked_figure(header: str, cells: list[str], numbers: list[Number | None], explained: bool) -> str:
    """The first figure in parentheses that is marked, not negative, or "": in a column printing no minus
    sign, where every figure is in parentheses (shares, intervals), the table's notes explain them, or the
    column holds shares (a share is never negative). Elsewhere ``(12)`` is minus twelve, as accounts print it."""
    bracketed = [t.strip() for t, n in zip(cells, numbers) if n is not None and t.strip().startswith("(")]
    figures = [(t, n) for t, n in zip(cells, numbers) if n is not None]
    if not bracketed or any(t.strip()[0] in MINUS for t, _ in figures):
        return ""
    shares = unit_of(header) == "%" or all(n.percent for _, n in figures)
    return bracketed[0] if len(bracketed) == len(figures) or explained or shares else ""


def printed_unit(text: str) -> str:
    """The unit a cell prints beside its figure: ``%`` (``pct.``), a currency (``kr.``, ``$``), or ""."""
    text = text.strip()
    if PERCENT.search(text):
        return "%"
    match = CURRENCY.search(text)
    if not match:
        return ""
    mark = (match.group(1) or match.group(2)).lower().rstrip(".")
    return "kr." if mark in ("kr", "dkk") else mark


def column_unit(header: str, cells: list[str], numbers: list[Number | None]) -> str | None:
    """The unit of a column of numbers: the header's, else the one its figures print (a currency may be
    printed on some rows only, as accounts print ``$`` on the first and the total)."""
    marks = {printed_unit(t) for t, n in zip(cells, numbers) if n is not None} - {""}
    return unit_of(header) or (marks.pop() if len(marks) == 1 else None)


def mixed_units(header: str, cells: list[str], numbers: list[Number | None]) -> tuple[str, str] | None:
    """Two figures of a column that print different units (``2,577`` beside ``3.5006%``, ``12 kr.`` beside
    ``€ 4``), or None. A share is printed with ``%`` on every figure, or on the first only, or the header
    says so; a currency may stand on some figures only."""
    figures = [(t.strip(), printed_unit(t)) for t, n in zip(cells, numbers) if n is not None]
    stated = unit_of(header)
    marked = [(t, u) for t, u in figures if u]
    for text, unit in marked:
        other = next((t for t, u in marked if u != unit), None)
        if other is None and stated and (stated == "%") != (unit == "%"):
            other = header.strip()
        if other is not None:
            return text, other
    shares = [t for t, u in marked if u == "%"]
    if shares and stated != "%" and len(shares) < len(figures) and shares != [figures[0][0]]:
        return shares[0], next(t for t, u in figures if not u)
    return None


def is_dash(text: str) -> bool:
    """A cell that prints a dash or dots for 'nothing' (published empty)."""
    return text.strip() in DASHES


def unit_of(header: str) -> str | None:
    """The unit a column's header states (``1.000 kr.``, ``mio. kr.``, ``%``), if any."""
    match = UNIT_IN_HEADER.search(header.strip())
    if not match or match.group(1).lower() == "antal":
        return None
    unit = match.group(1).lower()
    return "%" if unit.startswith(("pct", "procent")) else unit
