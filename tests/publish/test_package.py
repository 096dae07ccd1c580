"""Publish: all files of a package, moved into place at once."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import SAMPLE, process


def test_published_folder_layout(sample_result):
    out = sample_result.output
    names = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "manifest.json" in names and "repairs.csv" in names and "pages.csv" in names
    assert [n for n in names if n.startswith("text/")] == [f"text/page-{i:03d}.txt" for i in range(1, 12)]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pages"] == 11 and manifest["valid"] is True and len(manifest["package_sha256"]) == 64
    # each source PDF with the SHA-256 `sha256sum` prints and its size
    assert manifest["pdfs"] == [
        {"name": SAMPLE.name, "sha256": hashlib.sha256(SAMPLE.read_bytes()).hexdigest(), "bytes": SAMPLE.stat().st_size}
    ]
    assert "Landstallet for 2026 fastsættes således til 600 personer." in (out / "text" / "page-002.txt").read_text(
        encoding="utf-8"
    )


def test_born_digital_danish_needs_no_repair(sample_result):
    lines = (sample_result.output / "repairs.csv").read_text(encoding="utf-8").splitlines()
    assert lines == ["page,line,original,replacement,rule,confidence,applied"]


def test_republishing_replaces_the_old_outputs_and_leaves_no_staging(build, tmp_path):
    out = tmp_path / "out"
    pdf = build()
    first = process(pdf, out)
    (first.output / "stale.txt").write_text("from an older run")
    second = process(pdf, out)
    assert second.output == first.output and not (second.output / "stale.txt").exists()
    assert sorted(p.name for p in out.iterdir()) == ["package"]
