"""What the benchmarks of generated tables share (word_tables.py, generated_tables.py): figures printed the Danish
way, the truth of a table as the cases of ../shared/bench/peer_suite.py, and running bilag, camelot and pdfplumber
on the PDFs and scoring them format-free, with the tables not whole named by a finding or silent.

A case is the peers' format: a PDF, a page and the expected cells (a CSV); ``source`` says which producer and
style made it (``word-grid``, ``sheet-gridlines``, ``html-zebra``), the part before the first ``-`` the producer.
"""

from __future__ import annotations

import collections
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_SUITE = ROOT.parent / "shared" / "bench" / "peer_suite.py"


def danish(value: float, decimals: int = 0, percent: bool = False, space: str = " ") -> str:
    """A figure as a Danish document prints it: ``12.345``, ``12,5``, ``-1.234``, ``12,5 %``."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "§").replace(".", ",").replace("§", ".")
    return ("-" if value < 0 else "") + text + (space + "%" if percent else "")


def money(value: int, parentheses: bool) -> str:
    """Kroner the Danish way; income (negative) as ``(1.234)`` or ``-1.234``."""
    return f"({danish(-value)})" if value < 0 and parentheses else danish(value)


def printed_lines(header: list[list[str]]) -> list[list[str]]:
    """Header rows of a table not ruled in a grid as the lines they print: a name over two lines is two cells,
    one above the other, as camelot's test suites expect of an unruled table (in a ruled cell, one)."""
    out = []
    for row in header:
        lines = [cell.split("\n") for cell in row]
        depth = max(len(cell) for cell in lines)
        out += [[cell[k] if k < len(cell) else "" for cell in lines] for k in range(depth)]
    return out


def printed_by_libreoffice(sources: list[Path], folder: Path) -> None:
    """The documents printed to PDF into ``folder`` by one LibreOffice call (its own profile, so a desktop
    LibreOffice left open does not take the job)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir",
             str(folder), *sorted(str(p) for p in sources)],
            check=True, capture_output=True,
        )  # fmt: skip


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as pdfplumber reads it (where a table's caption and rows are looked for)."""
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [page.extract_text() or "" for page in document.pages]


def write_case(work: Path, case_id: str, pdf: Path, page: int, rows: list[list[str]], source: str) -> dict:
    """The expected CSV of one table on one page, and its case."""
    with (work / "expected" / f"{case_id}.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    cells = sum(1 for row in rows for cell in row if cell and cell != "-")
    return {"id": case_id, "pdf": f"pdf/{pdf.name}", "page": page, "expected": f"expected/{case_id}.csv",
            "source": source, "mode": "", "peer_options": "", "cells": cells}  # fmt: skip


def squeezed(text: str) -> str:
    """Text without its spaces: a row as a line of the page, however the producer spaced (or joined) its cells."""
    return "".join(text.split())


def one_page_case(spec: dict, texts: list[str], case_id: str, pdf: Path, work: Path, source: str) -> list[dict]:
    """A table on one page: the page printing its caption, every row's figures found there as one line."""
    pages = [i for i, text in enumerate(texts, 1) if spec["caption"] in text]
    figures = [" ".join(c for c in row[1:] if c) for row in spec["body"] if any(row[1:])]
    if len(pages) != 1 or not all(line in texts[pages[0] - 1] for line in figures):
        print(f"{case_id}: not on one page, left out", file=sys.stderr)
        return []
    header = spec["header"] if spec["ruled"] else printed_lines(spec["header"])
    return [write_case(work, case_id, pdf, pages[0], header + spec["body"], source)]


def list_cases(spec: dict, texts: list[str], case_id: str, pdf: Path, work: Path, source: str) -> list[dict]:
    """A list over several pages: a case for each page, the rows that start on it and its header where printed
    (every page when the header is repeated, else the first).

    A row's cells wrap in their columns (``Østergaard`` / ``Autoværkste`` / ``d II``), so a row is found by its
    first printed line (each cell's first words, :func:`first_line`); a row Word breaks over a page boundary
    (its last lines at the top of the next page) is a row of the page it starts on, its cells whole."""
    pages: dict[int, list[list[str]]] = {}
    lines = [[line.split() for line in text.splitlines()] for text in texts]
    start = 1
    for row in spec["body"]:
        found = next((i for i in range(start, len(texts) + 1) if any(first_line(t, row) for t in lines[i - 1])), None)
        if found is None:
            print(f"{case_id}: row {row[0]}'s first line not found, list left out", file=sys.stderr)
            return []
        pages.setdefault(found, []).append(row)
        start = found
    cases = []
    for k, (page, rows) in enumerate(sorted(pages.items())):
        header = spec["header"] if spec.get("repeat", True) or k == 0 else []
        cases.append(write_case(work, f"{case_id}.p{page}", pdf, page, header + rows, source))
    return cases


def first_line(tokens: list[str], row: list[str]) -> bool:
    """Whether a printed line is the row's first: each filled cell's first words in turn (at least one word of
    each; the last may be a word broken where its column ends: ``Autoværkste``), and nothing else."""
    cells = [cell.split() for cell in row if cell]

    def matches(t: int, c: int) -> bool:
        if c == len(cells):
            return t == len(tokens)
        for k, word in enumerate(cells[c][: len(tokens) - t], 1):
            token = tokens[t + k - 1]
            if word.startswith(token) and matches(t + k, c + 1):
                return True
            if token != word:  # a broken word ends the cell's line
                return False
        return False

    return matches(0, 0)


def paged_cases(spec: dict, texts: list[str], case_id: str, pdf: Path, work: Path, source: str) -> list[dict]:
    """A table on one page or running over several: found from the page printing its caption on, each row on
    the first page (from the last row's on) printing it as one line, spaces aside (a right-set figure that a text
    cell's words follow close, as spreadsheets print, is one word in the text); a row with no figure (a group's
    name) on the page of the next row that has one. A case for each page, the rows it prints and the header
    where printed (every page when ``spec["repeat"]``, else the first); ``.pN`` in its id when there are several.
    Left out when a row is not found (a sheet cut across pages between its columns)."""
    texts = [squeezed(text) for text in texts]
    page = next((i for i, text in enumerate(texts, 1) if squeezed(spec["caption"]) in text), None)
    rows_on: list[int] = []
    for row in spec["body"]:
        if page is None or not any(row[1:]):
            rows_on.append(0)
            continue
        line = squeezed(" ".join(c for c in row if c))
        page = next((i for i in range(page, len(texts) + 1) if line in texts[i - 1]), None)
        rows_on.append(page or 0)
    if page is None:
        print(f"{case_id}: a row not found as one line, left out", file=sys.stderr)
        return []
    for k in range(len(rows_on) - 1, -1, -1):  # a group's name goes with the rows under it
        rows_on[k] = rows_on[k] or (rows_on[k + 1] if k + 1 < len(rows_on) else max(rows_on))
    pages = sorted(set(rows_on))
    header = spec["header"] if spec["ruled"] else printed_lines(spec["header"])
    cases = []
    for n, page in enumerate(pages):
        rows = (header if spec["repeat"] or n == 0 else []) + [r for r, on in zip(spec["body"], rows_on) if on == page]
        cases.append(write_case(work, f"{case_id}.p{page}" if len(pages) > 1 else case_id, pdf, page, rows, source))
    return cases


def run_and_score(work: Path, baselines: bool, package_of=lambda pdf_stem: pdf_stem) -> None:
    """bilag on work/pdf, then the peer suite on bilag's tables (and on camelot's and pdfplumber's alone):
    cells found and tables whole, in all and by producer; of bilag's tables not whole, how many are named."""
    out = work / "out"
    run = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(work / "pdf"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    print(run.stdout.splitlines()[-1] if run.stdout else run.stderr[-2000:])
    for line in run.stdout.splitlines():
        if line.startswith("  - ["):
            print(line)
    cases_json = work / "cases.json"
    tools = [("bilag", [str(out), str(cases_json)])]
    if baselines:
        tools += [(name, ["--baseline", name, str(cases_json)]) for name in ("camelot", "pdfplumber")]
    for name, arguments in tools:
        scores = work / f"{name}-scores.json"
        scored = subprocess.run(
            [sys.executable, str(PEER_SUITE), *arguments, "--json", str(scores)], capture_output=True, text=True
        )
        lines = scored.stdout.splitlines()
        if name == "bilag":
            print("\n".join(line for line in lines if "whole" not in line.split("%")[-1] and "cells" in line))
        print(f"{name}: {lines[-1] if lines else scored.stderr[-500:]}")
        if scores.exists():
            print(by_producer(scores, name))
        if name == "bilag" and scores.exists():
            print(silent_or_named(scores, out, cases_json, package_of))


def by_producer(scores: Path, tool: str) -> str:
    """Cells found and tables whole for each producer (the source up to its first '-')."""
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for case in json.loads(scores.read_text(encoding="utf-8"))["cases"]:
        total = totals[case["source"].split("-")[0]]
        total[0] += case["found"]
        total[1] += case["expected"]
        total[2] += case["whole"]
        total[3] += 1
    return "\n".join(
        f"  {tool} {producer}: cells {f}/{e} ({100 * f / max(e, 1):.1f}%), tables whole {w}/{n}"
        for producer, (f, e, w, n) in sorted(totals.items())
    )


def silent_or_named(scores: Path, out: Path, cases_json: Path, package_of=lambda pdf_stem: pdf_stem) -> str:
    """Of the tables not kept whole, how many stand in a package whose report names a problem on that page
    (named), and how many in a package that says nothing of that page (silent)."""
    pdf_of = {c["id"]: Path(c["pdf"]).stem for c in json.loads(cases_json.read_text(encoding="utf-8"))}
    named, silent = [], []
    for case in (c for c in json.loads(scores.read_text(encoding="utf-8"))["cases"] if not c["whole"]):
        report_file = out / package_of(pdf_of[case["id"]]) / "validation.json"
        report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.exists() else {}
        pages = {f.get("page") for f in report.get("findings", [])}
        (named if case["page"] in pages or None in pages else silent).append(case["id"])
    listed = f" ({', '.join(silent)})" if silent else ""
    return f"bilag: of the tables not whole, {len(named)} named by a finding on its page, {len(silent)} silent{listed}"
