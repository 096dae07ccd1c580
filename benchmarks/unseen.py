"""Tables from other extractors' test suites that the project has not developed against (issue 21).

    python benchmarks/unseen.py [--cases DIR] [--keep]

1. Fetches, with pip from PyPI, the source distributions that carry test PDFs and the tables their
   tests assert into ~/.cache/bilag-unseen (once): tabula-py 2.10.0 (tests/resources: CSVs its tests
   compare to read_pdf) and PyMuPDF 1.26.5 (tests/test_tables.py: expected cell lists, markdown and a
   pickle of extracts). Two of PyMuPDF's test PDFs are made by the test itself (a ruled table on pages
   turned 0/90/180/270 degrees; cells whose text is turned); they are made here with PyMuPDF's own code
   in a venv of the cache (pip install pymupdf==1.26.5), as the test makes them.
2. Writes the cases in the peers' format (cases.json, pdf/, expected/) into --cases (default
   /tmp/unseen): one case per asserted table, and `counts.json`: pages whose test asserts how many
   tables the page holds (a chart page: none).
3. Runs `bilag run` on the PDFs (this checkout's code), then ../shared/bench/peer_suite.py on bilag's
   published tables and on camelot and pdfplumber alone; prints cells found and tables whole for each,
   and the tables bilag publishes on the pages with an asserted count; then benchmarks/printed.py: typed
   cells that lose a printed ``%``, rows printed only outside the page's visible box.

The cases are not changed from what the tests assert (an asserted cell list that is known to be a
subset of the printed rows, as PyMuPDF's test_4017 says of its own, is scored as it is). img2table's
sdist is not used: its expected tables are a mocked OCR's output ('Line Col 2' for the printed
'Line 1 - Col 2'), not the print. camelot's and pdfplumber's sdists ship no test PDFs.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_SUITE = ROOT.parent / "shared" / "bench" / "peer_suite.py"
CACHE = Path.home() / ".cache" / "bilag-unseen"
TABULA = "tabula-py==2.10.0"
PYMUPDF = "pymupdf==1.26.5"
TABULA_RES = "tabula_py-2.10.0/tests/resources"
MUPDF_RES = "pymupdf-1.26.5/tests/resources"


def fetch() -> Path:
    """The two sdists, downloaded once and their tests unpacked into CACHE/src."""
    sdist, src = CACHE / "sdist", CACHE / "src"
    sdist.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(sdist)]
    if not list(sdist.glob("tabula_py-2.10.0.tar.gz")):
        subprocess.run([*pip, "--no-binary", ":all:", TABULA], check=True)
    if not list(sdist.glob("pymupdf-1.26.5.tar.gz")):
        # its setup.py fetches MuPDF to prepare metadata; the dummy build needs nothing but the sdist
        env = dict(os.environ, PYMUPDF_SETUP_DUMMY="1")
        subprocess.run([*pip, "--no-binary", ":all:", "--no-build-isolation", PYMUPDF], check=True, env=env)
    for name, folder in (("tabula_py-2.10.0", "tests"), ("pymupdf-1.26.5", "tests")):
        if not (src / name / folder).is_dir():
            with tarfile.open(next(sdist.glob(f"{name}.tar.gz"))) as tar:
                members = [m for m in tar.getmembers() if m.name.startswith(f"{name}/{folder}/")]
                tar.extractall(src, members=members, filter="data")
    return src


# PyMuPDF's test_2812 and test_3148 build their PDFs; this is their code (tests/test_tables.py), run
# with PyMuPDF, writing the PDFs instead of keeping them in memory.
MAKE_PDFS = r"""
import sys, pymupdf
out = sys.argv[1]
doc = pymupdf.open()
for rot, (w, h), (rows, cols) in ((0, (842, 595), (8, 5)), (90, (595, 842), (5, 8)),
                                  (180, (842, 595), (8, 5)), (270, (595, 842), (5, 8))):
    page = doc.new_page(width=w, height=h)
    rect = page.rect + (72, 72, -72, -72)
    cells = pymupdf.make_table(rect, rows=rows, cols=cols)
    for i in range(rows):
        for j in range(cols):
            page.draw_rect(cells[i][j])
    for i in range(rows):
        for j in range(cols):
            text = {0: f"cell[{i}][{j}]", 90: f"cell[{j}][{rows-i-1}]",
                    180: f"cell[{rows-i-1}][{cols-j-1}]", 270: f"cell[{cols-j-1}][{i}]"}[rot]
            page.insert_textbox(cells[i][j], text, rotate=rot, align=pymupdf.TEXT_ALIGN_CENTER)
    if rot:
        page.set_rotation(rot)
    page.clean_contents()
doc.save(f"{out}/pymupdf-test_2812.pdf")
doc = pymupdf.open()
page = doc.new_page()
text = ("rotation 0 degrees", "rotation 90 degrees", "rotation 180 degrees", "rotation 270 degrees")
degrees = (0, 90, 180, 270)
cells = pymupdf.make_table(pymupdf.Rect(100, 100, 300, 300), cols=3, rows=4)
for i in range(3):
    for j in range(4):
        page.draw_rect(cells[j][i])
        k = (i + j) % 4
        page.insert_textbox(cells[j][i] + (2, 2, -2, -2), text[k], rotate=degrees[k])
doc.save(f"{out}/pymupdf-test_3148.pdf")
"""


def make_pdfs(folder: Path) -> None:
    venv = CACHE / "venv"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", PYMUPDF], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-c", MAKE_PDFS, str(folder)], check=True)


def markdown(md: str) -> list[list[str]]:
    """A markdown table's rows (PyMuPDF's to_markdown): <br> a line break, emphasis marks dropped."""
    rows = []
    for line in md.strip().splitlines():
        cells = line.strip().strip("|").split("|")
        if all(set(c) <= set("-: ") for c in cells):
            continue
        rows.append([re.sub(r"~~|\*\*|`|(?<!\w)_|_(?!\w)", "", c).replace("<br>", "\n") for c in cells])
    return rows


def pymupdf_truth(src: Path) -> list[tuple[str, str, int, list[list[str]], str]]:
    """(case id, pdf, page, rows, test) for each table PyMuPDF's table tests assert cell by cell."""
    tests = (src / "pymupdf-1.26.5" / "tests" / "test_tables.py").read_text(encoding="utf-8")
    namespace: dict = {}
    for name in ("expected_a", "expected_b"):
        found = re.search(rf"{name} = (\[.*?\n        \])\n", tests, re.S)
        namespace[name] = eval(found.group(1), {})  # noqa: S307 - a list literal from the test file
    md_strict = re.search(r"md_expected = \(\n(.*?)\n        \)", tests, re.S).group(1)
    md_styled = re.search(r'text = """(.*?)"""', tests, re.S).group(1)
    boxes = re.search(r"assert tab\.extract\(\) == (\[.*?\n    \])\n", tests, re.S).group(1)
    extracts = _no_globals(src / MUPDF_RES / "chinese-tables.pickle")["extracts"]
    grid = [[f"cell[{i}][{j}]" for j in range(5)] for i in range(8)]
    turned = ("rotation 0 degrees", "rotation 90 degrees", "rotation 180 degrees", "rotation 270 degrees")
    cases = [
        ("chinese-tables.p1.1", "chinese-tables.pdf", 1, extracts[0], "test_table1"),
        ("chinese-tables.p1.2", "chinese-tables.pdf", 1, extracts[1], "test_table1"),
        ("strict-yes-no.p1.1", "strict-yes-no.pdf", 1, markdown(eval(f"({md_strict})", {})), "test_markdown"),  # noqa: S307
        (
            "test-styled-table.p1.1",
            "test-styled-table.pdf",
            1,
            markdown(md_styled.encode().decode("unicode_escape")),
            "test_md_styles",
        ),
        ("small-table.p1.1", "small-table.pdf", 1, eval(boxes, {}), "test_boxes_param"),  # noqa: S307
        ("test_4017.p1.coverage", "test_4017.pdf", 1, namespace["expected_a"], "test_4017"),
        ("test_4017.p1.quality", "test_4017.pdf", 1, namespace["expected_b"], "test_4017"),
    ]
    cases += [(f"test_2812.p{p}.1", "test_2812.pdf", p, grid, "test_2812") for p in (1, 2, 3, 4)]
    cases.append(
        ("test_3148.p1.1", "test_3148.pdf", 1, [[turned[(i + j) % 4] for i in range(3)] for j in range(4)], "test_3148")
    )
    return cases


class _Plain(pickle.Unpickler):
    """Lists, tuples, strings and numbers only: the pickle may name no class or function."""

    def find_class(self, module: str, name: str):  # noqa: ANN201
        raise pickle.UnpicklingError(f"{module}.{name} refused")


def _no_globals(path: Path) -> dict:
    with open(path, "rb") as fh:
        return _Plain(fh).load()


def write_rows(path: Path, rows: list[list]) -> int:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else str(v) for v in row] for row in rows])
    return sum(1 for row in rows for v in row if v not in (None, ""))


def tabula_truth(src: Path) -> list[tuple[str, str, int, list[list[str]], str]]:
    res = src / TABULA_RES

    def rows(name: str) -> list[list[str]]:
        with open(res / name, encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))

    return [
        ("data.p1.1", "data.pdf", 1, rows("data_1.csv"), "test_read_pdf"),
        ("campaign_donors.p1.1", "campaign_donors.pdf", 1, rows("campaign_donors.csv"), "test_read_pdf_with_columns"),
        ("MultiColumn.p1.1", "MultiColumn.pdf", 1, rows("MultiColumn.csv"), "test_read_pdf_with_multiple_areas"),
        ("data_dtype.p1.1", "data_dtype.pdf", 1, rows("data_dtype_expected.csv"), "test_read_pdf_with_dtype_string"),
        (
            "data_dtype.p1.template",
            "data_dtype.pdf",
            1,
            rows("data_dtype_template_expected.csv"),
            "test_read_pdf_with_dtype_string (template)",
        ),
    ]


# pages whose test asserts how many tables they hold (PyMuPDF): (pdf, page, tables, test)
COUNTS = [
    ("battery-file-22.pdf", 1, 0, "test_battery_file: a chart and prose, no table"),
    ("test_3179.pdf", 1, 3, "test_3179: three tables on the page"),
    ("dotted-gridlines.pdf", 1, 3, "test_dotted_grid: three tables ruled with dotted lines"),
]


def build(out: Path) -> Path:
    """Cases in the peers' format under out: cases.json, pdf/, expected/, counts.json."""
    src = fetch()
    for sub in ("pdf", "expected"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    make_pdfs(out / "pdf")
    cases = []
    for source, res, truth in (("tabula", TABULA_RES, tabula_truth(src)), ("pymupdf", MUPDF_RES, pymupdf_truth(src))):
        for case_id, pdf, page, rows, test in truth:
            target = out / "pdf" / f"{source}-{pdf}"
            if not target.exists():
                shutil.copy(src / res / pdf, target)
            n = write_rows(out / "expected" / f"{source}-{case_id}.csv", rows)
            cases.append(
                {
                    "id": f"{source}-{case_id}",
                    "pdf": f"pdf/{target.name}",
                    "page": page,
                    "expected": f"expected/{source}-{case_id}.csv",
                    "source": source,
                    "mode": "",
                    "peer_options": "",
                    "origin": {"sdist": TABULA if source == "tabula" else PYMUPDF, "test": test},
                    "cells": n,
                }
            )
    for pdf, _, _, _ in COUNTS:
        shutil.copy(src / MUPDF_RES / pdf, out / "pdf" / f"pymupdf-{pdf}")
    (out / "cases.json").write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = [{"pdf": f"pdf/pymupdf-{p}", "page": g, "tables": n, "test": t} for p, g, n, t in COUNTS]
    (out / "counts.json").write_text(json.dumps(counts, indent=1) + "\n", encoding="utf-8")
    return out / "cases.json"


def run_bilag(cases: Path, out: Path) -> None:
    raw = cases.parent / "raw"
    shutil.rmtree(raw, ignore_errors=True)
    shutil.copytree(cases.parent / "pdf", raw)
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(raw), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
    )
    print(f"bilag run: exit {done.returncode}")


def published_counts(cases: Path, out: Path) -> None:
    """How many tables bilag publishes on each page whose test asserts a count."""
    sys.path.insert(0, str(PEER_SUITE.parent))
    import peer_suite

    packages = peer_suite.bilag_packages(out)
    for entry in json.loads((cases.parent / "counts.json").read_text(encoding="utf-8")):
        name = Path(entry["pdf"]).name
        pkg = packages.get(name) or (out / Path(name).stem)
        tables = peer_suite.bilag_tables(pkg, name).get(entry["page"], []) if pkg.is_dir() else []
        mark = "as asserted" if len(tables) == entry["tables"] else "DIFFERS"
        print(
            f"  {name} p{entry['page']}: bilag publishes {len(tables)} table(s), the test asserts "
            f"{entry['tables']} ({entry['test']}) {mark}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=Path, default=Path(tempfile.gettempdir()) / "unseen")
    parser.add_argument("--no-run", action="store_true", help="score the bilag output already in CASES/out")
    args = parser.parse_args()
    cases = build(args.cases)
    out = args.cases / "out"
    if not args.no_run:
        run_bilag(cases, out)
    for label, command in (
        ("bilag", [str(out), str(cases)]),
        ("camelot alone", ["--baseline", "camelot", str(cases)]),
        ("pdfplumber alone", ["--baseline", "pdfplumber", str(cases)]),
    ):
        json_out = args.cases / f"score-{label.split()[0]}.json"
        done = subprocess.run(
            [sys.executable, str(PEER_SUITE), *command, "--json", str(json_out)], capture_output=True, text=True
        )
        lines = done.stdout.strip().splitlines() or [done.stderr.strip()]
        if label == "bilag":
            print("\n".join(lines[:-1]))
        print(f"{label}: {lines[-1]}")
    print("pages whose test asserts how many tables they hold:")
    published_counts(cases, out)
    print("bilag's published cells against the print (benchmarks/printed.py):")
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "printed.py"), str(out), str(cases.parent / "pdf")],
        capture_output=True,
        text=True,
    )
    print(done.stdout.rstrip() or done.stderr.strip())


if __name__ == "__main__":
    main()
