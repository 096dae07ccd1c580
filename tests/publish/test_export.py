"""bilag export --xlsx: the workbook opened with openpyxl holds the CSVs' figures, marked where in doubt."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from openpyxl import load_workbook

from pipeline.publish.export import FILLS, export_xlsx

TABLES = ["befolkning", "familiesammenfoeringer", "kommunekvoter", "regionskvoter"]


def csv_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def marks(sheet) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column) -> (fill colour, comment) of every marked cell."""
    return {
        (cell.row, cell.column): (cell.fill.start_color.rgb[-6:], cell.comment.text if cell.comment else "")
        for row in sheet.iter_rows()
        for cell in row
        if cell.fill.fill_type or cell.comment
    }


def test_export_of_the_sample_holds_the_csv_figures_as_numbers_and_marks_the_rereads(sample_result, tmp_path):
    target = tmp_path / "book" / "sample.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "export", str(sample_result.output), "--xlsx", str(target)],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stdout) == (0, f"wrote {target}\n"), done.stderr
    book = load_workbook(target)
    assert book.sheetnames == TABLES + ["findings"]
    for table in TABLES:
        rows = csv_rows(sample_result.output / "tables" / f"{table}.csv")
        sheet = [list(r) for r in book[table].iter_rows(values_only=True)]
        assert sheet[0] == rows[0]
        for got, expected in zip(sheet[1:], rows[1:], strict=True):
            assert [str(v) for v in got] == expected  # the same figures (no cell is empty in the sample)
            assert all(isinstance(v, int) for v, name in zip(got, rows[0]) if name not in ("kommune", "region"))
    flagged = json.loads((sample_result.output / "validation.json").read_text(encoding="utf-8"))["flagged"]
    marked = marks(book["kommunekvoter"])
    keys = [r[0] for r in csv_rows(sample_result.output / "tables" / "kommunekvoter.csv")]
    expected = {(keys.index(str(f["key"])) + 1, 4) for f in flagged}
    assert set(marked) == expected  # every flagged cell, nothing else
    for figure in flagged:
        fill, comment = marked[(keys.index(str(figure["key"])) + 1, 4)]
        if figure["how"] == "re-ocr":
            assert fill == FILLS["re-ocr"] and comment.startswith("read again from the page image (page 9)")
            if figure["first"]:
                assert f"first read {figure['first']!r}" in comment
        else:
            assert fill == FILLS["doubtful"] and comment.startswith("doubtful: OCR confidence")
    assert all(not marks(book[t]) for t in TABLES if t != "kommunekvoter")


def test_export_marks_a_derived_cell_and_lists_the_findings(tampered_result, tmp_path):
    book = load_workbook(export_xlsx(tampered_result.output, tmp_path / "t.xlsx"))
    keys = [r[0] for r in csv_rows(tampered_result.output / "tables" / "kommunekvoter.csv")]
    row = keys.index("157") + 1
    assert book["kommunekvoter"].cell(row, 4).value == 0
    assert marks(book["kommunekvoter"]) == {
        (row, 4): (FILLS["derived"], "derived from the printed total (page 9): the cell itself could not be read")
    }
    findings = list(book["findings"].iter_rows(values_only=True))
    assert findings[0] == ("slug", "table", "page", "problem")
    assert [r[:3] for r in findings[1:]] == [("total-mismatch", "befolkning", 3)]


def test_export_of_a_folder_that_is_no_package_is_a_usage_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "export", str(tmp_path), "--xlsx", str(tmp_path / "x.xlsx")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr == f"bilag: error: {tmp_path}: not a published package (no tables/ and validation.json)\n"
