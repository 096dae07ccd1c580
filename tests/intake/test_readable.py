"""How a PDF ends: cut short, or followed by bytes that are not part of it, wherever the chunks fall."""

from __future__ import annotations

import pytest

from pipeline.intake.readable import CHUNK, Ending, ending
from tests.conftest import SAMPLE

HEAD = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("whole", SAMPLE.read_bytes(), Ending(cut=False, trailing=0)),
        ("blank after", SAMPLE.read_bytes() + b"\r\n \x00\x00", Ending(cut=False, trailing=0)),
        ("html after", SAMPLE.read_bytes() + b"<html></html>\n", Ending(cut=False, trailing=15)),
        ("cut short", SAMPLE.read_bytes()[:200_000], Ending(cut=True, trailing=0)),
        ("update cut short", SAMPLE.read_bytes() + b"12 0 obj\n<< >>\nendobj\n", Ending(cut=True, trailing=0)),
        ("marker across chunks", HEAD + b"%%EOF" + b" " * (CHUNK - 2), Ending(cut=False, trailing=0)),
        ("junk across chunks", HEAD + b"%%EOF" + b"x" + b" " * (CHUNK - 2), Ending(cut=False, trailing=CHUNK - 1)),
        ("no marker in megabytes", HEAD + b"y" * (3 * CHUNK), Ending(cut=True, trailing=0)),
    ],
)
def test_how_a_pdf_ends(tmp_path, name, data, expected):
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    assert ending(path) == expected
