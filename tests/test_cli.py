"""The bilag command: exit codes and the exact messages a user sees."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE


def bilag(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], input=stdin, capture_output=True, text=True, cwd=cwd
    )


def test_run_on_the_sample_publishes_valid_tables(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    done = bilag("run", str(raw), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == f"kkr-hovedstaden-2025-06: 11 pages, published to {tmp_path / 'out' / SAMPLE.stem}: valid"
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
    shutil.copy(SAMPLE, raw)
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
    assert done.stderr == f"bilag: error: {tmp_path / 'nowhere'}: no such folder\n"


def test_bad_config_folder_is_a_configuration_error(tmp_path):
    (tmp_path / "raw").mkdir()
    shutil.copy(SAMPLE, tmp_path / "raw")
    done = bilag("--config", str(tmp_path / "configs"), "run", str(tmp_path / "raw"), "--out", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr == f"bilag: error: {tmp_path / 'configs'}: no such configuration folder\n"


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
