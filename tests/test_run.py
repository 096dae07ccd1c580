"""Unattended runs, through the real command: bad inputs among good ones, incremental runs, the lock."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pikepdf
import pytest

from pipeline.fixtures import bad
from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.publish.index import INDEX
from pipeline.running.ledger import lock_path, run_lock
from tests.conftest import SAMPLE, digital_sample

ODD_FOLDER = "Møde 12. juni æøå"
ODD_PDF = "Bilag 1 .. oversigt.pdf"


def bilag(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, **kwargs)


def tree(folder: Path) -> dict[str, bytes]:
    """Every visible file under ``folder`` with its bytes (hidden state and staging left out, and the run's
    index page, which says when the run finished and what it cost)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.relative_to(folder) != Path(INDEX)
    }


@pytest.fixture(scope="module")
def times_pdf(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("times") / "times.pdf", options=SampleOptions(font="Times-Roman"))


def first_pages(pdf: Path, count: int, target: Path) -> Path:
    """A copy of ``pdf`` with only its first ``count`` pages."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with pikepdf.open(pdf) as document:
        del document.pages[count:]
        document.save(target)
    return target


def good_raw(raw: Path, times_pdf: Path) -> None:
    raw.mkdir(parents=True)
    shutil.copy(digital_sample(), raw)
    (raw / ODD_FOLDER).mkdir()
    shutil.copy(times_pdf, raw / ODD_FOLDER / ODD_PDF)


@pytest.mark.slow
def test_bad_inputs_among_good_ones_are_quarantined_and_change_nothing_else(tmp_path, times_pdf):
    clean_raw, raw = tmp_path / "clean" / "raw", tmp_path / "dirty" / "raw"
    good_raw(clean_raw, times_pdf)
    good_raw(raw, times_pdf)
    problems = {
        "zero.pdf": "empty file (0 bytes)",
        "letter.pdf": "not a PDF (no %PDF header)",
        "cut.pdf": "truncated PDF (no %%EOF end marker: the download or copy was cut short)",
        "locked.pdf": "encrypted PDF (a password is needed to open it)",
        "script.pdf": "contains JavaScript (allow_javascript in configs/inputs.yaml)",
        "attached.pdf": "contains embedded files (allow_embedded_files in configs/inputs.yaml)",
        "pages.pdf": "too many pages (2001; limit 2000): refused as a PDF bomb",
        "zeros.pdf": "a stream inflates to more than 256 MB: refused as a PDF bomb",
        "pixels.pdf": "an image of 10000 megapixels (limit 150): refused as a PDF bomb",
    }
    bad.zero_bytes(raw / "zero.pdf")
    bad.not_a_pdf(raw / "letter.pdf")
    bad.truncated(SAMPLE, raw / "cut.pdf")
    os.utime(raw / "cut.pdf", (time.time() - 3600, time.time() - 3600))  # cut off long ago, not still arriving
    bad.encrypted(SAMPLE, raw / "locked.pdf")
    bad.with_javascript(SAMPLE, raw / "script.pdf")
    bad.with_embedded_file(SAMPLE, raw / "attached.pdf")
    bad.page_bomb(raw / "pages.pdf")
    bad.inflate_bomb(raw / "zeros.pdf")
    bad.pixel_bomb(raw / "pixels.pdf")

    clean = bilag("run", str(clean_raw), "--out", str(tmp_path / "clean" / "processed"))
    dirty = bilag("run", str(raw), "--out", str(tmp_path / "dirty" / "processed"))

    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert dirty.returncode == 3, dirty.stdout + dirty.stderr
    for name, problem in problems.items():
        moved = raw / "quarantine" / name
        line = f"{Path(name).stem}: quarantined: {raw / name}: {problem} (moved to {moved})"
        assert line in dirty.stderr.splitlines()
        assert moved.is_file() and not (raw / name).exists()
        assert (raw / "quarantine" / f"{name}.reason.txt").read_text().startswith(f"{raw / name}: {problem}\n")
    assert dirty.stdout.splitlines()[-1].startswith(
        "11 package(s): 2 valid, 0 not valid, 9 quarantined, 0 failed, 0 up to date; 22 pages in "
    )
    # The good packages (one in a folder with spaces, æøå and dots) come out byte for byte as without the bad ones.
    published = tree(tmp_path / "dirty" / "processed")
    assert published == tree(tmp_path / "clean" / "processed")
    assert {path.split("/")[0] for path in published} == {"_combined", SAMPLE.stem, "Møde-12.-juni-æøå"}
    states = json.loads(bilag("status", str(raw), "--out", str(tmp_path / "dirty" / "processed"), "--json").stdout)
    assert sorted((s["package"], s["state"]) for s in states) == sorted(
        [(Path(name).stem, "quarantined") for name in problems]
        + [(SAMPLE.stem, "published"), ("Møde-12.-juni-æøå", "published")]
    )
    # The next run has nothing to do: the refused files are out of raw/.
    again = bilag("run", str(raw), "--out", str(tmp_path / "dirty" / "processed"))
    assert again.returncode == 0
    assert again.stdout.splitlines()[-1].startswith("2 package(s): 0 valid, 0 not valid, 0 quarantined")


@pytest.mark.slow
def test_a_second_run_redoes_only_what_changed(tmp_path, times_pdf):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(digital_sample(), raw / "pakke.pdf")
    assert bilag("run", str(raw), "--out", str(out)).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and ".bilag" not in p.parts}

    again = bilag("run", str(raw), "--out", str(out))
    assert again.returncode == 0
    assert again.stdout.startswith("1 package(s): 0 valid, 0 not valid, 0 quarantined, 0 failed, 1 up to date; 0 pages")
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps  # nothing rewritten

    forced = bilag("run", str(raw), "--out", str(out), "--force", "--log-format", "json")
    events = [json.loads(line) for line in forced.stdout.splitlines()]
    assert [e["event"] for e in events if e["event"] != "stage"] == ["run-started", "package", "run-finished"]
    assert {e["stage"] for e in events if e["event"] == "stage"} >= {"preflight", "ocr", "tables", "publish"}
    package = next(e for e in events if e["event"] == "package")
    assert (package["package"], package["status"], package["pages"], package["ocr_pages"]) == (
        "pakke",
        "valid",
        11,
        [],
    )
    assert events[-1]["valid"] == 1 and events[-1]["up_to_date"] == 0

    configs = tmp_path / "configs"
    shutil.copytree(Path(__file__).resolve().parent.parent / "configs", configs)
    with (configs / "ocr.yaml").open("a") as handle:
        handle.write("# a changed configuration makes its packages stale\n")
    changed = bilag("--config", str(configs), "run", str(raw), "--out", str(out))
    assert "1 valid" in changed.stdout.splitlines()[-1]

    shutil.copy(times_pdf, raw / "pakke.pdf")
    status = bilag("status", str(raw), "--out", str(out))
    assert status.stdout.splitlines()[1].split()[:2] == ["pakke", "changed"]
    redone = bilag("--config", str(configs), "run", str(raw), "--out", str(out))
    assert "1 valid" in redone.stdout.splitlines()[-1]
    status = bilag("status", str(raw), "--out", str(out), "--json")
    (entry,) = json.loads(status.stdout)
    assert (entry["package"], entry["state"], entry["pages"], entry["findings"]) == ("pakke", "published", 11, 0)


def test_a_run_finds_the_lock_held_and_exits_5_without_touching_anything(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    with run_lock(out):
        holder = (lock_path(out)).read_text()
        started = time.monotonic()
        done = bilag("run", str(raw), "--out", str(out), "--wait", "1")
        assert time.monotonic() - started >= 1
    assert done.returncode == 5
    assert done.stderr == f"bilag: error: another bilag run ({holder}) is working on {out}; nothing done\n"
    assert not (out / SAMPLE.stem).exists()


@pytest.mark.slow
def test_two_runs_at_once_one_works_and_the_other_exits_or_waits(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(digital_sample(), raw)
    command = [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = lock_path(out)
    while not (lock.exists() and lock.read_text()):
        assert first.poll() is None, first.communicate()
        time.sleep(0.05)
    second = bilag("run", str(raw), "--out", str(out))
    waiting = subprocess.Popen(command + ["--wait", "120"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_out, _ = first.communicate(timeout=120)
    waited_out, _ = waiting.communicate(timeout=120)

    assert second.returncode == 5 and "is working on" in second.stderr
    assert first.returncode == 0 and "1 valid" in first_out.splitlines()[-1]
    assert waiting.returncode == 0 and "1 up to date" in waited_out.splitlines()[-1]


@pytest.mark.slow
def test_a_run_killed_between_publishing_and_combining_is_caught_up_by_the_next(tmp_path, times_pdf):
    """Published packages that _combined does not hold yet: the next run, with nothing new, rebuilds it."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    shutil.copy(digital_sample(), raw / "a.pdf")
    assert bilag("run", str(raw), "--out", str(out)).returncode == 0
    only_a = tree(out / "_combined")
    shutil.copy(times_pdf, raw / "b.pdf")
    assert bilag("run", str(raw), "--out", str(out)).returncode == 0
    complete = tree(out / "_combined")
    assert complete != only_a
    # As a run killed after publishing b leaves it: b published, _combined without b, the mark.
    shutil.rmtree(out / "_combined")
    for name, content in only_a.items():
        (out / "_combined" / name).parent.mkdir(parents=True, exist_ok=True)
        (out / "_combined" / name).write_bytes(content)
    (out / ".bilag" / "combine-pending").write_text("")
    finish = bilag("run", str(raw), "--out", str(out))
    assert finish.returncode == 0 and "2 up to date" in finish.stdout.splitlines()[-1]
    assert tree(out / "_combined") == complete
    assert not (out / ".bilag" / "combine-pending").exists()


@pytest.mark.slow
def test_a_run_killed_at_random_moments_leaves_every_package_old_or_new_and_the_next_run_completes(tmp_path, times_pdf):
    """kill -9 at 4 random moments of a run that republishes one package (a) and publishes another (c): two
    before a's result is in, two after (timed from the run's own event, so a busy machine cannot move them
    all to one side). The packages are the sample's first two pages (its letter and regionskvoter: valid)."""
    import random
    import signal

    raw, before = tmp_path / "raw", tmp_path / "before"
    raw.mkdir()
    ruled = build_sample(tmp_path / "ruled.pdf", options=SampleOptions(ruled=True))
    helvetica, times, ruled = (
        first_pages(pdf, 2, tmp_path / "two" / pdf.name) for pdf in (digital_sample(), times_pdf, ruled)
    )
    shutil.copy(helvetica, raw / "a.pdf")
    shutil.copy(times, raw / "b.pdf")
    assert bilag("run", str(raw), "--out", str(before)).returncode == 0
    shutil.copy(times, raw / "a.pdf")  # a changes
    shutil.copy(ruled, raw / "c.pdf")  # c is new
    started = time.monotonic()
    reference, a_done = watched_run(raw, tmp_path / "after")
    assert a_done.wait(timeout=300)
    until_a = time.monotonic() - started
    assert reference.wait(timeout=300) == 0
    after_a = time.monotonic() - started - until_a
    old, new = tree(before), tree(tmp_path / "after")

    def part(files: dict[str, bytes], top: str) -> dict[str, bytes]:
        return {k: v for k, v in files.items() if k.split("/")[0] == top}

    chance = random.Random(20261127)
    outcomes = []
    for trial in range(4):
        out = tmp_path / f"trial-{trial}"
        shutil.copytree(before, out)
        run, a_done = watched_run(raw, out)
        if trial % 2:  # after a's result is in, before the run ends
            assert a_done.wait(timeout=300)
            delay = after_a * chance.random()
        else:
            delay = until_a * chance.random()
        time.sleep(delay)
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        now = tree(out)
        for top in ("a", "b", "c", "_combined"):
            assert part(now, top) in (part(old, top), part(new, top)), f"trial {trial}: {top} half-written"
        outcomes.append("new" if part(now, "a") == part(new, "a") else "old")
        finish = bilag("run", str(raw), "--out", str(out))
        assert finish.returncode == 0, f"trial {trial} (killed {delay:.2f}s in): {finish.stderr}"
        assert tree(out) == new, f"trial {trial}: the next run did not complete the job"
        shutil.rmtree(out)
    assert set(outcomes[1::2]) == {"new"}  # a is published before its result is announced
    assert "old" in outcomes  # and some kills fell before it was


def watched_run(raw: Path, out: Path) -> tuple[subprocess.Popen, threading.Event]:
    """``bilag run`` started in its own process group, and an event set when its result for package a is in."""
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out), "--log-format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True, text=True,
    )  # fmt: skip
    a_done = threading.Event()

    def watch() -> None:
        for line in run.stdout:
            event = json.loads(line)
            if event.get("event") == "package" and event.get("package") == "a":
                a_done.set()

    threading.Thread(target=watch, daemon=True).start()
    return run, a_done
