"""Text in other languages and scripts: text layers over page pictures, and right-to-left text.

    .venv/bin/python benchmarks/languages.py

The fixture code builds one page per case (``pipeline/fixtures/layered.py``: a page picture with an
invisible text layer; ``pipeline/fixtures/rtl.py``: Hebrew, Arabic and Danish lines and a Hebrew
table), bilag runs on them all, and for each page this prints its triage, where its published text
came from, how many of the printed lines the published text holds as printed, and its findings;
then how many of the Hebrew table's text cells are published as printed. Right layers in English,
German and French should be kept; the damaged Danish layer and the garbage one read again.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.fixtures.layered import (  # noqa: E402
    DANISH,
    ENGLISH,
    FRENCH,
    GERMAN,
    english_ocr,
    shifted,
    text_over_image_pdf,
)
from pipeline.fixtures.rtl import HEADER, LINES, ROWS, right_to_left_pdf  # noqa: E402

# name: (printed lines, text layer or None for the lines themselves, what should become of the page)
LAYERED = {
    "english": (ENGLISH, None, "kept"),
    "german": (GERMAN, None, "kept"),
    "french": (FRENCH, None, "kept"),
    "damaged-danish": (DANISH, english_ocr(DANISH), "read again"),
    "garbage": (ENGLISH, shifted(ENGLISH), "read again"),
}


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bilag-languages-") as folder:
        raw, out = Path(folder) / "raw", Path(folder) / "out"
        for name, (lines, layer, _) in LAYERED.items():
            text_over_image_pdf(raw / f"{name}.pdf", lines, layer)
        right_to_left_pdf(raw / "rtl.pdf")
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)], capture_output=True)
        print(f"{'page':15} {'should be':11} {'triage':13} {'text from':11} {'lines as printed':17} findings")
        for name, (lines, _, should) in LAYERED.items():
            report(out / name, name, lines, should)
        report(out / "rtl", "rtl", LINES, "logical")
        cells = set()
        for path in sorted((out / "rtl" / "tables" / "other").glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                cells |= {cell for row in csv.reader(handle) for cell in row}
        wanted = set(HEADER) | {row[0] for row in ROWS}
        print(f"Hebrew table: {len(wanted & cells)}/{len(wanted)} text cells published as printed")
    return 0


def report(folder: Path, name: str, lines: tuple[str, ...], should: str) -> None:
    with (folder / "pages.csv").open(encoding="utf-8", newline="") as handle:
        page = next(csv.DictReader(handle))
    text = (folder / "text" / "page-001.txt").read_text(encoding="utf-8").split("\n")
    right = sum(1 for line in lines if line in text)
    findings = sorted({f["slug"] for f in json.loads((folder / "validation.json").read_text())["findings"]})
    print(
        f"{name:15} {should:11} {page['triage']:13} {page['text_source']:11} {f'{right}/{len(lines)}':17} "
        f"{', '.join(findings) or '-'}"
    )


if __name__ == "__main__":
    sys.exit(main())
