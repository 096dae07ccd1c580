"""camelot reads only the pages whose words could make a table (or that draw rules); the PDFs are the
project's own: a memo with an unruled table, a typed report, a plain-text e-mail."""

from __future__ import annotations

from dataclasses import replace

from pipeline.fixtures.budget import budget_memo_pdf
from pipeline.fixtures.fonts import monospaced_pdf
from pipeline.intake.ingest import find_packages, ingest
from pipeline.tables.detect import choose
from pipeline.tables.engines import read_candidates
from pipeline.tables.other import columns_possible
from pipeline.text import extract_text
from tests.tables.test_gaps import BUDGET, MAIL


def first_page(pdf):
    package = next(p for p in find_packages(pdf.parent) if p.pdfs[0] == pdf)
    return extract_text(package, ingest(package))[0]


def test_a_page_of_prose_is_not_laid_out_and_nothing_is_lost(tmp_path):
    pdf = monospaced_pdf(tmp_path / "mail.pdf", MAIL)
    assert not columns_possible(first_page(pdf))
    assert read_candidates(pdf, [1], unruled=set()) == []
    assert choose(read_candidates(pdf, [1])) == []  # what camelot would have found there is refused anyway


def test_a_page_with_an_unruled_table_is_read_as_before(tmp_path):
    pdf = budget_memo_pdf(tmp_path / "memo.pdf")
    assert columns_possible(first_page(pdf))
    found = read_candidates(pdf, [1], unruled={1})
    assert choose(found) and found == read_candidates(pdf, [1])


def test_a_table_typed_with_spaces_is_evidence_though_each_line_is_one_run(tmp_path):
    page = first_page(monospaced_pdf(tmp_path / "budget.pdf", BUDGET))
    assert page.side_by_side == 0 and columns_possible(page)


def test_an_ocrd_page_is_always_read(tmp_path):
    page = first_page(monospaced_pdf(tmp_path / "mail.pdf", MAIL))
    assert columns_possible(replace(page, source="ocr"))
    assert columns_possible(replace(page, side_by_side=None))  # a turned page: its runs not counted
