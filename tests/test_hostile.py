"""Hostile files and broken machines (issue 15): every package fenced, nothing lost, nothing stuck.

Every hostile file is built by pipeline/fixtures/bad.py and put in one raw/ beside the
sample; the run must end with exit 3, each one quarantined with its reason, and the
sample published byte for byte as a clean run publishes it. The bombs are built small
against a test config with lower limits (the same code refuses the full-size ones).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pipeline.base.names import shown
from pipeline.fixtures import bad
from tests.conftest import ROOT, SAMPLE, digital_sample
from tests.test_run import tree

LONG = "m" * 247  # with .pdf: 251 characters
NOT_A_PDF = "not a PDF (no %PDF header)"
JAVASCRIPT = "contains JavaScript (allow_javascript in configs/inputs.yaml)"
ATTACHED = "contains embedded files (allow_embedded_files in configs/inputs.yaml)"
BOMB = "a stream inflates to more than 16 MB: refused as a PDF bomb"
# The floods need 2.5 GB a page; the sample and the A0 plan under 0.7 GB (the process tree, measured)
FLOOD_MB = 1000
MEMORY = f"refused: bilag's work on it used more than {FLOOD_MB} MB of memory (memory_mb)"
REFUSED = {  # file name -> its reason (after "raw/<name>: ")
    os.fsdecode(b"\xff\xfejunk.pdf"): NOT_A_PDF,
    "kkr hovedstaden 2025 06.pdf": NOT_A_PDF,
    "x\nkkr-fake: 11 pages, published: valid.pdf": NOT_A_PDF,
    "bomb-flate-flate.pdf": BOMB,
    "bomb-fl.pdf": BOMB,
    "bomb-hex-flate.pdf": BOMB,
    "flood.pdf": MEMORY,
    "flood-5-pages.pdf": MEMORY,
    "js-open-action.pdf": JAVASCRIPT,
    "js-link.pdf": JAVASCRIPT,
    "js-names.pdf": JAVASCRIPT,
    "js-scan.pdf": JAVASCRIPT,
    "attached-annotation.pdf": ATTACHED,
    "attached-af.pdf": ATTACHED,
    "width-not-a-number.pdf": "an image whose /Width is not a number (/Huge): refused",
    "image-225-megapixels.pdf": "an image of 225 megapixels (limit 150): refused as a PDF bomb",
    "page-200000-pt.pdf": "page 1 is 200000 x 842 pt (limit 14400 pt, 5 m): refused as a PDF bomb",
    "nested-arrays.pdf": "objects nested deeper than a PDF reader allows: refused",
}
PUBLISHED = ("kkr-hovedstaden-2025-06", "combined", "ekstra-møde")  # copies of the sample: valid


def bilag(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env={**os.environ, **(env or {})},
    )


def sample_raw(tmp_path: Path, sample: Path | None = None) -> Path:
    """A raw/ folder holding the sample package (born-digital unless ``sample`` is given)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(sample or digital_sample(), raw)
    return raw


def configs(tmp_path: Path, **limits) -> Path:
    """The project's configs with lower limits in inputs.yaml (``fence`` keys go under fence:)."""
    folder = tmp_path / "configs"
    shutil.copytree(ROOT / "configs", folder)
    inputs = yaml.safe_load((folder / "inputs.yaml").read_text(encoding="utf-8"))
    fence = {k.removeprefix("fence_"): v for k, v in limits.items() if k.startswith("fence_")}
    inputs.update({k: v for k, v in limits.items() if not k.startswith("fence_")})
    inputs["fence"] = {**inputs.get("fence", {}), **fence}
    (folder / "inputs.yaml").write_text(yaml.safe_dump(inputs), encoding="utf-8")
    return folder


def clean_run(tmp_path: Path, config: Path) -> dict[str, bytes]:
    """The sample as a run of it alone (with the same configs) publishes it."""
    (tmp_path / "clean").mkdir()
    shutil.copy(digital_sample(), tmp_path / "clean")
    assert (
        bilag("--config", str(config), "run", str(tmp_path / "clean"), "--out", str(tmp_path / "out")).returncode == 0
    )
    return tree(tmp_path / "out" / SAMPLE.stem)


@pytest.mark.slow
@pytest.mark.xdist_group("fence")  # measures memory and time: not beside another fence test
def test_every_hostile_file_is_quarantined_and_the_good_packages_published(tmp_path):
    raw, out, temp = tmp_path / "raw", tmp_path / "processed", tmp_path / "tmp"
    temp.mkdir()
    bad.hostile_folder(raw, digital_sample(), bomb_mb=20)
    # memory, not the clock, stops the floods: a busy machine must not make the A0 plan a refusal
    config = configs(tmp_path, max_stream_mb=16, fence_memory_mb=FLOOD_MB)

    result = bilag("--config", str(config), "run", str(raw), "--out", str(out), env={"TMPDIR": str(temp)})

    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    for name, reason in REFUSED.items():
        moved = raw / "quarantine" / name
        assert moved.exists(), name
        note = (moved.parent / (name + ".reason.txt")).read_text(encoding="utf-8")
        assert note.startswith(f"{shown(raw / name)}: {reason}\n"), name
    lines = (result.stdout + result.stderr).splitlines()
    assert not any(line.startswith("kkr-fake") for line in lines)  # no forged log line
    assert tree(out / SAMPLE.stem) == clean_run(tmp_path, config)  # byte for byte
    for package in PUBLISHED:
        assert f"{package}: 11 pages, published to {out / package}: valid" in result.stdout
    # the A0 plan has none of the tables: published, its findings say so
    assert f"a0-site-plan: 1 pages, published to {out / 'a0-site-plan'}: NOT valid" in result.stdout
    long_ids = [p.name for p in out.iterdir() if p.name.startswith("mmm")]
    assert len(long_ids) == 1 and len(long_ids[0]) == 100
    combined = yaml.safe_load((out / "_combined" / "datapackage.json").read_text(encoding="utf-8"))
    assert {"combined", "ekstra-møde", SAMPLE.stem, long_ids[0]} <= set(combined["bilag"]["packages"])
    assert sorted(os.listdir(temp)) == []  # nothing left in $TMPDIR


ADDRESS_SPACE = (  # past RLIMIT_AS, Python raises MemoryError, but a C library may crash first (a segfault, or an
    # abort on a failed allocation, as seen on a busy machine): each names the limit
    "needed more than 1600 MB (address_space_mb)",
    *(
        f"crashed ({signal}), as a library does at the address-space limit (1600 MB, address_space_mb) "
        "or on a file it cannot parse"
        for signal in ("SIGSEGV", "SIGABRT", "SIGBUS")
    ),
)


@pytest.mark.slow
@pytest.mark.xdist_group("fence")  # measures memory and time: not beside another fence test
@pytest.mark.parametrize(
    ("limit", "value", "named"),
    [
        ("fence_cpu_seconds", 2, ["used more than 2 s of CPU (cpu_seconds)"]),
        ("fence_wall_seconds", 2, ["took longer than 2 s (wall_seconds)"]),
        # well above what a child maps when it starts (about 0.9 GB), well below what the flood needs (2.5 GB a page)
        ("fence_address_space_mb", 1600, ADDRESS_SPACE),
    ],
)
def test_a_package_past_a_limit_is_refused_with_the_limit_named_and_the_run_goes_on(tmp_path, limit, value, named):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    bad.text_flood(raw / "flood.pdf", pages=5)
    config = configs(tmp_path, fence_memory_mb=8000, **{limit: value})  # only the limit tried can stop it

    result = bilag("--config", str(config), "run", str(raw), "--out", str(out))

    assert result.returncode == 3, result.stderr
    line = next(line for line in result.stderr.splitlines() if line.startswith("flood: quarantined: "))
    where = f"{raw / 'flood.pdf'}: refused: bilag's work on it "
    moved = f" (moved to {raw / 'quarantine' / 'flood.pdf'})"
    assert line in [f"flood: quarantined: {where}{reason}{moved}" for reason in named]


def test_an_address_space_limit_below_what_bilag_needs_to_work_is_a_configuration_error(tmp_path):
    raw = sample_raw(tmp_path)
    config = configs(tmp_path, fence_address_space_mb=900)  # its libraries alone map about 0.9 GB

    result = bilag("--config", str(config), "run", str(raw), "--out", str(tmp_path / "out"))

    assert result.returncode == 2, result.stderr
    line = next(n for n, text in enumerate((config / "inputs.yaml").read_text().splitlines(), 1) if "900" in text)
    assert result.stderr.splitlines()[-1] == (
        f"bilag: error: {config / 'inputs.yaml'}:{line}: fence.address_space_mb: 900 is less than the minimum of 1536"
    )
    assert sorted(os.listdir(raw)) == [SAMPLE.name]  # refused by nobody


def test_a_missing_danish_model_or_tesseract_is_exit_4_and_raw_is_untouched(tmp_path):
    raw = sample_raw(tmp_path)
    (tmp_path / "tessdata").mkdir()
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()

    no_model = bilag(
        "run", str(raw), "--out", str(tmp_path / "out"), env={"TESSDATA_PREFIX": str(tmp_path / "tessdata")}
    )
    no_tesseract = bilag("run", str(raw), "--out", str(tmp_path / "out"), env={"PATH": str(bin_dir)})

    assert no_model.returncode == 4
    assert no_model.stderr.splitlines()[-1] == (
        f"bilag: error: Tesseract's dan model (dan.traineddata): not in TESSDATA_PREFIX={tmp_path / 'tessdata'} "
        "(put dan.traineddata there, or unset it and apt install tesseract-ocr-dan)"
    )
    assert no_tesseract.returncode == 4
    assert no_tesseract.stderr.splitlines()[-1] == (
        "bilag: error: Tesseract (tesseract): not installed (apt install tesseract-ocr)"
    )
    assert sorted(os.listdir(raw)) == [SAMPLE.name]  # nothing quarantined
    doctor = bilag("doctor", "--out", str(tmp_path / "out"), env={"PATH": str(bin_dir)})
    assert doctor.returncode == 4
    lines = doctor.stdout.splitlines()
    assert lines[:2] == [
        "MISSING  Tesseract (tesseract): not installed (apt install tesseract-ocr)",
        "MISSING  Ghostscript (gs): not installed (apt install ghostscript)",
    ]
    assert lines[-1] == "2 missing: bilag run stops with exit 4 until each is fixed as said above"


def test_a_missing_word_list_is_exit_4_saying_how_to_install_it(tmp_path):
    raw = sample_raw(tmp_path)
    config = configs(tmp_path)
    repair = config / "repair.yaml"
    settings = yaml.safe_load(repair.read_text(encoding="utf-8"))
    repair.write_text(yaml.safe_dump({**settings, "wordlist": str(tmp_path / "danish")}), encoding="utf-8")

    result = bilag("--config", str(config), "run", str(raw), "--out", str(tmp_path / "out"))

    assert result.returncode == 4
    assert result.stderr.splitlines()[-1] == (
        f"bilag: error: Danish word list {tmp_path / 'danish'}: not found "
        "(apt install wdanish, or point wordlist: in repair.yaml at a Danish word list, one word a line)"
    )
    assert sorted(os.listdir(raw)) == [SAMPLE.name]


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir()
    return (
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode
        == 0
    )


@pytest.mark.parametrize(
    ("options", "problem", "fix"),
    [
        ("ro,size=1m", "Read-only file system", "make it writable (or give --out another folder)"),
        ("size=64k", "No space left on device", "free some space there"),
    ],
)
def test_a_read_only_or_full_output_folder_is_exit_4_in_one_line(tmp_path, options, problem, fix):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(digital_sample(), raw)
    if not _mount(out, options):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        result = bilag("run", str(raw), "--out", str(out))
    finally:
        subprocess.run(["umount", str(out)], check=True)
    assert result.returncode == 4, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"bilag: error: {out}: cannot write there ({problem}): {fix} and run bilag again; "
        "what was published is intact (bilag status lists it)"
    )
    assert "Traceback" not in result.stderr
    assert sorted(os.listdir(raw)) == [SAMPLE.name]


@pytest.mark.slow
@pytest.mark.xdist_group("fence")  # measures memory and time: not beside another fence test
def test_a_package_on_a_dask_worker_is_fenced_too(tmp_path):
    distributed = pytest.importorskip("distributed")
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    bad.text_flood(raw / "flood.pdf", pages=5)
    config = configs(tmp_path, fence_memory_mb=FLOOD_MB)
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        before = client.run(os.getpid)
        result = bilag(
            "--config", str(config), "run", str(raw), "--out", str(out), "--scheduler", cluster.scheduler_address
        )
        after = client.run(os.getpid)

    assert result.returncode == 3, result.stderr
    assert f"flood: quarantined: {raw / 'flood.pdf'}: {MEMORY} (moved to {raw / 'quarantine' / 'flood.pdf'})" in (
        result.stderr.splitlines()
    )
    assert after == before  # the worker itself was never in danger


def test_a_page_tesseract_does_not_finish_is_a_finding_not_a_crash(tmp_path):
    # OCRmyPDF leaves an empty hOCR for a page past Tesseract's timeout (a busy machine, a huge image)
    raw = sample_raw(tmp_path, SAMPLE)  # its page 9 is a scan
    config = configs(tmp_path)
    ocr = config / "ocr.yaml"
    ocr.write_text(ocr.read_text(encoding="utf-8").replace("\ntimeout: 180", "\ntimeout: 0.01"), encoding="utf-8")

    result = bilag("--config", str(config), "run", str(raw), "--out", str(tmp_path / "out"))

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (
        "  - [page-not-read] page 9 (kkr-hovedstaden-2025-06.pdf, page 9) was not read: Tesseract took longer than "
        "its timeout (timeout in ocr.yaml) or refused the image as too large; no table may rely on it"
    ) in result.stdout.splitlines()
