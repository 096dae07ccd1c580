"""Tables as spreadsheets and browsers print them: generated Danish documents printed to PDF, every cell known.

    python benchmarks/generated_tables.py [--seeds 30] [--start 0] [--work DIR] [--only sheet|html] [--no-baselines]

After Word (word_tables.py), the producers of most Danish municipal table PDFs are spreadsheets printed to PDF
(budgets, key figures, lists) and web pages or HTML reports printed by a browser. For each seed this makes one
workbook (openpyxl, printed by LibreOffice Calc: sheet_docs.py) and one web page (printed by headless Chromium:
html_docs.py), each with one to three tables of table_content.py (budgets with subtotals and ``I alt``, key
figures by kommune and year, a wide sheet of months, now and then a list of firms over several pages), varied by
seed in look as real ones vary (see the two writers). The truth is the cells as printed: a figure as its format
prints it, a name over two lines one cell in a ruled grid and two lines otherwise (as word_tables.py); a table's
page is the page printing its title, a list's pages those printing its rows, its header where printed. Then
bilag runs on the PDFs and ../shared/bench/peer_suite.py scores bilag, and camelot and pdfplumber alone,
format-free; prints cells found and tables whole, in all and by producer, and how many of bilag's tables not whole
are named by a finding on their page, how many silent.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import html_docs
import sheet_docs
from table_content import document, truth
from tablebench import page_texts, paged_cases, printed_by_libreoffice, run_and_score


def make_sheets(seeds: range, work: Path) -> dict[str, tuple[list[dict], dict]]:
    """One workbook per seed, all printed by one LibreOffice call; its tables and look by PDF stem."""
    made = {}
    for seed in seeds:
        chance = random.Random(f"sheet-{seed}")
        tables, look = document(chance), sheet_docs.style(chance)
        sheet_docs.write_workbook(tables, look, work / "source" / f"sheet-{seed:03d}.xlsx")
        made[f"sheet-{seed:03d}"] = (tables, {"ruled": look["border"] in ("gridlines", "boxes"), **look})
    printed_by_libreoffice(list((work / "source").glob("*.xlsx")), work / "pdf")
    return made


def make_pages(seeds: range, work: Path) -> dict[str, tuple[list[dict], dict]]:
    """One web page per seed, each printed by Chromium; its tables and look by PDF stem."""
    made = {}
    for seed in seeds:
        chance = random.Random(f"html-{seed}")
        tables, look = document(chance), html_docs.style(chance)
        source = work / "source" / f"html-{seed:03d}.html"
        source.write_text(html_docs.page(tables, look, f"Sag {seed}: Nøgletal og budget"), encoding="utf-8")
        html_docs.print_pdf(source, work / "pdf" / f"html-{seed:03d}.pdf", look["furniture"])
        made[f"html-{seed:03d}"] = (tables, {"ruled": look["rows"] == "grid", **look})
    return made


def source_of(stem: str, table: dict, look: dict) -> str:
    """The case's source: producer, then the style that matters most to a reader of its rules."""
    if stem.startswith("sheet"):
        return f"sheet-{look['border']}-{table['kind']}"
    return f"html-{look['rows']}-{table['kind']}"


def build(seeds: range, work: Path, only: str | None) -> list[dict]:
    """The documents, their PDFs and the cases in the peers' format; returns the cases."""
    for folder in ("source", "pdf", "expected"):
        (work / folder).mkdir(parents=True, exist_ok=True)
    made = {}
    if only in (None, "sheet"):
        made |= make_sheets(seeds, work)
    if only in (None, "html"):
        made |= make_pages(seeds, work)
    cases = []
    for stem, (tables, look) in sorted(made.items()):
        pdf = work / "pdf" / f"{stem}.pdf"
        texts = page_texts(pdf)
        for n, table in enumerate(tables, 1):
            repeat = stem.startswith("html") or (table["kind"] == "list" and look["repeat"])
            spec = {**truth(table), "ruled": look["ruled"], "repeat": repeat}
            cases += paged_cases(spec, texts, f"{stem}.t{n}", pdf, work, source_of(stem, table, look))
    (work / "cases.json").write_text(json.dumps(cases, indent=1), encoding="utf-8")
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=30)
    parser.add_argument("--start", type=int, default=0, help="the first seed (seeds 0-29 are the ones developed on)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bilag-generated-tables")
    parser.add_argument("--only", choices=["sheet", "html"], help="one producer only")
    parser.add_argument("--no-baselines", action="store_true", help="bilag only")
    parser.add_argument("--no-run", action="store_true", help="make the documents and cases only")
    args = parser.parse_args()
    for tool in ("soffice", "chromium"):
        if not shutil.which(tool):
            sys.exit(f"generated_tables.py needs {tool}: apt-get install libreoffice-calc-nogui chromium")
    shutil.rmtree(args.work, ignore_errors=True)
    cases = build(range(args.start, args.start + args.seeds), args.work, args.only)
    print(f"{len(cases)} tables in {len(list((args.work / 'pdf').glob('*.pdf')))} documents", flush=True)
    if not args.no_run:
        run_and_score(args.work, not args.no_baselines)


if __name__ == "__main__":
    main()
