"""Born-digital text against poppler's pdftotext, word for word, on PDFs nobody made for bilag.

Default: the 67 government PDFs of ICDAR-2013 and the real meeting documents in ../shared
(or the folders/PDFs named on the command line). Words are compared per page as multisets
(free of reading order), as ../shared/bench/real_text.py does. Prints the agreement and the
pages that agree least, with the words each side has that the other has not.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.intake.ingest import find_packages, ingest  # noqa: E402
from pipeline.text import extract_text, page_text  # noqa: E402

SHARED = ROOT.parent / "shared"
DEFAULT = [SHARED / "tables" / "icdar2013", SHARED / "real"]
WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-.,'][0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")
WORST = 12


def pdfs(places: list[Path]) -> list[Path]:
    return sorted(p for place in places for p in ([place] if place.is_file() else place.rglob("*.pdf")))


def reference(pdf: Path, page: int) -> collections.Counter:
    command = ["pdftotext", "-q", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return collections.Counter(WORD.findall(subprocess.run(command, capture_output=True, text=True).stdout))


def compare(pdf: Path) -> list[tuple[int, int, int, list[str], list[str]]]:
    """Per born-digital page: (page, reference words, words agreeing, missing, extra)."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(pdf, Path(folder) / pdf.name)
        package = next(iter(find_packages(Path(folder))))
        pages = extract_text(package, ingest(package))
        rows = []
        for page in (p for p in pages if p.triage == "born-digital"):
            ours, theirs = collections.Counter(WORD.findall(page_text(page))), reference(pdf, page.info.number)
            missing, extra = theirs - ours, ours - theirs
            rows.append(
                (
                    page.info.number,
                    sum(theirs.values()),
                    sum((theirs & ours).values()),
                    list(missing.elements())[:6],
                    list(extra.elements())[:6],
                )
            )
        return rows


def main() -> int:
    if not shutil.which("pdftotext"):
        sys.exit("text_agreement.py needs poppler's pdftotext: apt-get install poppler-utils")
    files = pdfs([Path(a) for a in sys.argv[1:]] or DEFAULT)
    total = agreeing = 0
    pages = []
    for pdf in files:
        for number, words, agree, missing, extra in compare(pdf):
            total, agreeing = total + words, agreeing + agree
            if words:
                pages.append((agree / words, pdf.name, number, missing, extra))
    print(
        f"{len(files)} PDFs, {len(pages)} born-digital pages: words agreeing with pdftotext "
        f"{agreeing}/{total} = {agreeing / max(total, 1):.2%}"
    )
    print(f"the {WORST} pages that agree least (pdftotext's words bilag lacks | bilag's words pdftotext lacks):")
    for share, name, number, missing, extra in sorted(pages)[:WORST]:
        print(f"  {share:6.1%} {name} p{number}: {' '.join(missing)} | {' '.join(extra)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
