"""bilag outside a checkout: the README's crontab line as written, and a wheel in a fresh virtualenv."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from pipeline import __version__
from tests.conftest import ROOT, SAMPLE

CRON_PATH = "/usr/bin:/bin"  # cron's PATH: nothing of the virtualenv


def readme_crontab_line() -> tuple[str, str]:
    """The folder and the command of the README's crontab line (after the five schedule fields)."""
    line = next(line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if "*/10 *" in line)
    command = re.split(r"\s+", line.strip(), maxsplit=5)[5]
    folder = re.match(r"cd (\S+) && ", command)
    assert folder, command
    return folder[1], command


@pytest.mark.slow
def test_the_readme_crontab_line_as_written_logs_and_exits_0(tmp_path):
    folder, command = readme_crontab_line()
    site = tmp_path / "srv"
    (site / "raw").mkdir(parents=True)
    shutil.copy(SAMPLE, site / "raw")
    (site / ".venv").symlink_to(sys.prefix)  # the virtualenv the README's set-up makes
    env = {"PATH": CRON_PATH, "HOME": str(tmp_path), "BILAG_CACHE_DIR": os.environ["BILAG_CACHE_DIR"]}
    done = subprocess.run(
        ["/bin/sh", "-c", command.replace(folder, str(site))], env=env, capture_output=True, text=True, stdin=None
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    log = (site / "log" / "bilag.log").read_text(encoding="utf-8").splitlines()
    assert "kkr-hovedstaden-2025-06: 11 pages, published to processed/kkr-hovedstaden-2025-06: valid" in log
    assert any(re.fullmatch(r"bilag: \S+ \S+ kkr-hovedstaden-2025-06: ocr", line) for line in log)
    assert log[-1].startswith("1 package(s): 1 valid, 0 not valid, 0 quarantined, 0 failed, 0 up to date; ")
    # the next run appends, finds nothing to do, and says so
    again = subprocess.run(["/bin/sh", "-c", command.replace(folder, str(site))], env=env, capture_output=True)
    assert again.returncode == 0
    log = (site / "log" / "bilag.log").read_text(encoding="utf-8").splitlines()
    assert log[-1].startswith("1 package(s): 0 valid, 0 not valid, 0 quarantined, 0 failed, 1 up to date; ")
    status = subprocess.run(
        [str(site / ".venv" / "bin" / "bilag"), "status", "--json"], cwd=site, env=env, capture_output=True, text=True
    )
    assert status.returncode == 0, status.stderr
    [state] = json.loads(status.stdout)
    assert (state["package"], state["state"], state["pages"], state["findings"]) == (SAMPLE.stem, "published", 11, 0)


@pytest.mark.slow
def test_a_wheel_in_a_fresh_virtualenv_runs_the_sample_from_another_folder(tmp_path):
    """Built from a copy of the sources (no stale build/), installed in a new virtualenv, run elsewhere.

    The virtualenv reaches the dependencies already installed for the tests through a .pth
    file (no download; the .pth files of that folder, such as an editable bilag's, are not
    run), so only the wheel itself provides bilag: its code and its default configs.
    """
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("pipeline", "configs"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("bilag-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    fresh_site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True
    ).stdout.strip()
    Path(fresh_site, "bilag-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    installed = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr

    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "raw").mkdir(parents=True)
    env = {
        "PATH": f"{venv / 'bin'}:{CRON_PATH}",
        "HOME": str(tmp_path),
        "BILAG_CACHE_DIR": os.environ["BILAG_CACHE_DIR"],
    }

    def bilag(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bilag", *args], cwd=elsewhere, env=env, capture_output=True, text=True)

    where = subprocess.run(
        [python, "-c", "import pipeline.base.config as c; print(c.__file__); print(c.DEFAULT_CONFIG_DIR)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert where == [f"{fresh_site}/pipeline/base/config.py", f"{fresh_site}/pipeline/configs"]
    assert bilag("-V").stdout == f"bilag {__version__}\n"
    assert bilag("make-sample", "raw/kkr-hovedstaden-2025-06.pdf").returncode == 0
    assert (elsewhere / "raw" / SAMPLE.name).read_bytes() == SAMPLE.read_bytes()
    done = bilag("run")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        "kkr-hovedstaden-2025-06: 11 pages, published to processed/kkr-hovedstaden-2025-06: valid"
    )
    assert bilag("init", "my-configs").returncode == 0
    assert sorted(p.name for p in (elsewhere / "my-configs").iterdir()) == sorted(
        p.name for p in (ROOT / "configs").glob("*.yaml")
    )
