"""Rows that print runs of text side by side, counted from the glyphs as drawn (what camelot's unruled
reading makes columns of); the PDFs are built here and by the project's fixtures."""

from __future__ import annotations

import pdfplumber
from reportlab.pdfgen import canvas

from pipeline.fixtures.budget import BudgetOptions, budget_memo_pdf, budget_rows
from pipeline.fixtures.fonts import monospaced_pdf
from pipeline.text.parsed import quick
from pipeline.text.runs import runs_apart

PROSE = [
    "Kære alle. Som aftalt på mødet den 4. marts sender jeg tallene for",
    "dagplejen, hvor vi i 2025 forventer 12 mio. kr. mod 11,9 mio. kr. i",
    "2024. Vuggestuerne ligger på 48 mio. kr. og børnehaverne på 61 mio.",
]


def counted(pdf) -> int:
    with pdfplumber.open(pdf) as document:
        return runs_apart(quick(document.pages[0]).chars)


def test_a_table_set_in_columns_has_a_row_of_runs_side_by_side_for_each_of_its_rows(tmp_path):
    rows, _ = budget_rows(BudgetOptions())
    assert counted(budget_memo_pdf(tmp_path / "memo.pdf")) == sum(1 for row in rows if sum(map(bool, row)) >= 2)


def test_lines_of_prose_are_one_run_each(tmp_path):
    assert counted(monospaced_pdf(tmp_path / "mail.pdf", PROSE)) == 0


def test_a_line_drawn_out_of_order_is_two_runs_as_camelot_sees_it(tmp_path):
    """Its right half drawn before its left: pdfminer, reading the glyphs as drawn, makes two runs of it."""
    path = tmp_path / "drawn.pdf"
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("Helvetica", 10)
    for number, line in enumerate(PROSE):
        left, right = line[: len(line) // 2], line[len(line) // 2 :]
        y = 780 - 14 * number
        page.drawString(56 + page.stringWidth(left, "Helvetica", 10), y, right)
        page.drawString(56, y, left)
    page.save()
    assert counted(path) == len(PROSE)
