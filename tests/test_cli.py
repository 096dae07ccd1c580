"""The bilag command: exit codes and the exact messages a user sees."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pipeline.base.schema import SCHEMAS
from tests.conftest import DATA, SAMPLE, digital_sample


def bilag(*args: str, stdin: str | None = None, cwd: Path | None = None, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], input=stdin, capture_output=True, text=True, cwd=cwd, env=env
    )


def test_run_on_one_pdf_publishes_it_and_leaves_the_rest_of_its_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    (raw / "notes.pdf").write_text("this is not a pdf", encoding="utf-8")
    done = bilag("run", str(raw / SAMPLE.name), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert (raw / "notes.pdf").is_file() and not (raw / "quarantine").exists()
    first, ocr = done.stdout.splitlines()[:2]
    assert first == f"kkr-hovedstaden-2025-06: 11 pages, published to {tmp_path / 'out' / SAMPLE.stem}: valid"
    assert ocr == "  ocr: page 9 read by OCR (Tesseract, Danish)"  # the sample's scanned page
    assert done.stdout.splitlines()[-1].startswith(
        "1 package(s): 1 valid, 0 not valid, 0 quarantined, 0 failed, 0 up to date; 11 pages in "
    )
    assert "Calculating Metrics" not in done.stderr


def test_tampered_package_exits_1_naming_the_problem_and_the_derived_cell(tmp_path, tampered_pdf):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(tampered_pdf, raw)
    done = bilag("run", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    problems = [line for line in done.stdout.splitlines() if line.startswith("  - ")]
    assert problems == [
        "  - [total-mismatch] befolkning: Region Hovedstaden (printed total), indbyggere: printed 1930703, "
        "computed 1930803 (differs by +100)",
    ]
    # The blanked cell is the only unknown of its region: derived from the printed total, and said so.
    derived = [line for line in done.stdout.splitlines() if line.startswith("  ~ ")]
    assert derived == [
        "  ~ kommunekvoter: 157 Gentofte, kommunekvote: derived as 0 from the printed Region Hovedstaden total "
        "(the cell itself could not be read)"
    ]
    provenance = (tmp_path / "out" / "tampered" / "tables" / "kommunekvoter.provenance.csv").read_text()
    assert any(line.startswith("157,kommunekvote,") and ",derived," in line for line in provenance.splitlines())


def test_unreadable_file_is_named_and_others_still_processed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(digital_sample(), raw)
    (raw / "notes.pdf").write_text("this is not a pdf", encoding="utf-8")
    done = bilag("run", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 3
    quarantined = raw / "quarantine" / "notes.pdf"
    assert (
        f"notes: quarantined: {raw / 'notes.pdf'}: not a PDF (no %PDF header) (moved to {quarantined})\n" in done.stderr
    )
    assert (tmp_path / "out" / SAMPLE.stem / "tables" / "befolkning.csv").is_file()


def test_missing_raw_folder_is_a_usage_error(tmp_path):
    done = bilag("run", str(tmp_path / "nowhere"))
    assert done.returncode == 2
    assert done.stderr == f"bilag: error: {tmp_path / 'nowhere'}: no such file or folder\n"


def test_missing_pdf_and_a_file_that_is_no_pdf_are_usage_errors(tmp_path):
    done = bilag("run", str(tmp_path / "x.pdf"))
    assert (done.returncode, done.stderr) == (2, f"bilag: error: {tmp_path / 'x.pdf'}: no such file or folder\n")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    done = bilag("run", str(tmp_path / "notes.txt"))
    assert done.returncode == 2
    assert done.stderr == f"bilag: error: {tmp_path / 'notes.txt'}: not a PDF (give a PDF or a folder of packages)\n"


def test_status_of_a_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    done = bilag("status", str(tmp_path / "nonexistent"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"bilag: error: {tmp_path / 'nonexistent'}: no such folder\n"


def test_version_short_and_long():
    from pipeline import __version__

    for flag in ("-V", "--version"):
        done = bilag(flag)
        assert (done.returncode, done.stdout) == (0, f"bilag {__version__}\n")


def test_global_options_work_before_and_after_the_command(tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(SAMPLE, tmp_path / "raw")
    missing = tmp_path / "configs"
    expected = f"bilag: error: {missing}: no such config folder (from --config)\n"
    before = bilag("--config", str(missing), "run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"))
    after = bilag("run", str(tmp_path / "raw"), "--config", str(missing), "--out", str(tmp_path / "out"))
    assert (before.returncode, before.stderr) == (after.returncode, after.stderr) == (2, expected)
    # --log-file after the command: the error goes to the file (its folder made), nothing to the terminal
    logged = bilag(
        "run", str(tmp_path / "raw"), "--config", str(missing), "--log-file", str(tmp_path / "log" / "b.log")
    )
    assert (logged.returncode, logged.stdout, logged.stderr) == (2, "", "")
    assert (tmp_path / "log" / "b.log").read_text(encoding="utf-8") == expected


def test_init_writes_configs_a_run_reads_through_the_environment(tmp_path):
    from pipeline.base.config import DEFAULT_CONFIG_DIR

    done = bilag("init", str(tmp_path / "mine"))
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout
        == f"wrote 5 configs to {tmp_path / 'mine'}; use them with --config {tmp_path / 'mine'} or $BILAG_CONFIG\n"
    )
    for default in DEFAULT_CONFIG_DIR.glob("*.yaml"):
        assert (tmp_path / "mine" / default.name).read_bytes() == default.read_bytes()
    again = bilag("init", str(tmp_path / "mine"))
    assert again.returncode == 2
    assert again.stderr.startswith(f"bilag: error: {tmp_path / 'mine'}/") and "already exists" in again.stderr
    # An edit in the copy counts: at most 5 pages refuses the 11-page sample (exit 3, before any OCR).
    inputs = tmp_path / "mine" / "inputs.yaml"
    inputs.write_text(inputs.read_text(encoding="utf-8").replace("max_pages: 2000", "max_pages: 5"), encoding="utf-8")
    (tmp_path / "raw").mkdir()
    shutil.copy(SAMPLE, tmp_path / "raw")
    env = dict(os.environ, BILAG_CONFIG=str(tmp_path / "mine"))
    done = bilag("run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), env=env)
    assert done.returncode == 3 and "too many pages (11; limit 5)" in done.stderr, done.stderr
    env["BILAG_CONFIG"] = str(tmp_path / "nowhere")
    done = bilag("run", str(tmp_path / "raw"), env=env)
    assert (done.returncode, done.stderr) == (
        2,
        f"bilag: error: {tmp_path / 'nowhere'}: no such config folder (from $BILAG_CONFIG)\n",
    )


def test_bad_config_folder_is_a_configuration_error(tmp_path):
    (tmp_path / "configs").mkdir()  # a folder without the configs (a missing folder: see the global options test)
    (tmp_path / "raw").mkdir()
    shutil.copy(SAMPLE, tmp_path / "raw")
    done = bilag("--config", str(tmp_path / "configs"), "run", str(tmp_path / "raw"), "--out", str(tmp_path))
    assert done.returncode == 2
    missing = [f"{tmp_path / 'configs' / name}: configuration file not found" for name in SCHEMAS]
    assert done.stderr == "bilag: error: " + "\n".join(missing) + "\n"


def test_repair_text_keeps_lines_and_tokens(tmp_path):
    text = "Kgbenhavns Kommune fglger op pa sagen.\n\n  Det er vigtigt at veere med  \n"
    done = bilag("repair-text", "--log", str(tmp_path / "log.csv"), stdin=text)
    assert done.returncode == 0
    assert done.stdout == "Københavns Kommune følger op på sagen.\n\n  Det er vigtigt at være med  \n"
    log = (tmp_path / "log.csv").read_text(encoding="utf-8").splitlines()
    assert log[0] == "line,original,replacement,rule,confidence,applied"
    assert log[1].startswith("1,Kgbenhavns,Københavns,lexicon:g>ø,")


def test_no_command_prints_help_and_exits_2():
    done = bilag()
    assert done.returncode == 2
    assert "usage: bilag" in done.stderr


REPRODUCTION = (
    "indenfor sundheds-\nog ældreområdet.\nkrav om besporing\ntage på Maglemosen\nThure Hastrup\n"
    "ruder o.l.\nThe report was made here\n"
)


def test_repair_text_leaves_correct_danish_exactly_as_it_is():
    done = bilag("repair-text", stdin=REPRODUCTION)
    assert (done.returncode, done.stdout, done.stderr) == (0, REPRODUCTION, "")


def test_an_ordinary_meeting_package_is_valid(tmp_path):
    # a real list of cases without the landstal letter's tables: absent, not a problem
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DATA / "real" / "middelfart-geosager-2017.pdf", raw)
    done = bilag("run", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[0].endswith("middelfart-geosager-2017: valid")
    manifest = json.loads((tmp_path / "out" / "middelfart-geosager-2017" / "manifest.json").read_text())
    assert manifest["absent"] == ["regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter"]


def test_a_required_table_that_is_absent_is_a_finding(tmp_path):
    configs = tmp_path / "configs"
    assert bilag("init", str(configs)).returncode == 0
    tables = configs / "tables.yaml"
    tables.write_text(
        tables.read_text(encoding="utf-8").replace("    key: region\n", "    key: region\n    required: true\n", 1),
        encoding="utf-8",
    )
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DATA / "real" / "middelfart-geosager-2017.pdf", raw)
    done = bilag("run", str(raw), "--out", str(tmp_path / "out"), "--config", str(configs))
    assert done.returncode == 1, done.stdout + done.stderr
    problems = [line for line in done.stdout.splitlines() if line.startswith("  - ")]
    assert problems == [
        "  - [table-not-found] regionskvoter: heading /^Regionskvoter\\s+for\\s+\\d{4}/ not found "
        "in the package (required: true)"
    ]
