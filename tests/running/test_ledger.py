"""The ledger, the lock and the atomic swaps the publish stage relies on."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from pipeline.base.errors import BusyError
from pipeline.base.files import swap_in
from pipeline.running.ledger import Entry, Ledger, recover, run_lock


def folder(path, text):
    path.mkdir()
    (path / "file.txt").write_text(text)
    return path


def test_swap_in_exchanges_the_folders_in_one_step(tmp_path):
    old, new = folder(tmp_path / "pakke", "old"), folder(tmp_path / ".staging-pakke", "new")
    swap_in(new, old)
    assert (tmp_path / "pakke" / "file.txt").read_text() == "new"
    assert (tmp_path / ".staging-pakke" / "file.txt").read_text() == "old"


def test_swap_in_without_a_previous_version_moves_the_folder(tmp_path):
    swap_in(folder(tmp_path / ".staging-pakke", "new"), tmp_path / "pakke")
    assert (tmp_path / "pakke" / "file.txt").read_text() == "new"
    assert not (tmp_path / ".staging-pakke").exists()


def test_recover_puts_back_a_folder_moved_aside_and_clears_staging(tmp_path):
    folder(tmp_path / ".retired-pakke", "old")  # left by a run killed between the two renames of the fallback
    folder(tmp_path / ".staging-other-123", "half")
    assert recover(tmp_path) == ["restored pakke (a run was stopped while publishing it)"]
    assert (tmp_path / "pakke" / "file.txt").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pakke"]


def test_hashes_are_cached_by_size_and_time_and_redone_when_the_file_changes(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7 one")
    ledger = Ledger(tmp_path / "out")
    first = ledger.file_sha256(pdf)
    ledger.save_hashes()
    cached = Ledger(tmp_path / "out")
    assert cached.file_sha256(pdf) == first and not cached._hashes_changed
    pdf.write_bytes(b"%PDF-1.7 two")
    os.utime(pdf, ns=(time.time_ns() + 10**9, time.time_ns() + 10**9))
    assert cached.file_sha256(pdf) != first


def test_a_file_that_grew_or_went_since_it_was_hashed_has_changed(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.7 one")
    ledger = Ledger(tmp_path / "out")
    assert ledger.changed_since_hashed(pdf)  # never hashed: nothing says it stood still
    ledger.file_sha256(pdf)
    assert not ledger.changed_since_hashed(pdf)
    with pdf.open("ab") as handle:
        handle.write(b" more")
    assert ledger.changed_since_hashed(pdf)
    pdf.unlink()
    assert ledger.changed_since_hashed(pdf)


def test_the_ledger_survives_a_reload(tmp_path):
    Ledger(tmp_path).record(Entry("pakke", "quarantined", "2026-11-27T10:00:00+00:00", "ab", message="why"))
    assert Ledger(tmp_path).entries["pakke"].message == "why"


def test_the_lock_is_exclusive_and_dies_with_its_holder(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from pipeline.running.ledger import run_lock\nfrom pathlib import Path\nimport time\n"
         f"with run_lock(Path({str(tmp_path)!r})):\n    print('held', flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline() == "held\n"
    with pytest.raises(BusyError, match=f"another bilag run \\(pid {holder.pid}, since .*\\) is working on"):
        with run_lock(tmp_path):
            pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with run_lock(tmp_path, wait=5):
        pass


def test_the_lock_survives_deleting_the_output_folder(tmp_path):
    from pipeline.running.ledger import lock_path

    out = tmp_path / "processed"
    out.mkdir()
    with run_lock(out):
        shutil.rmtree(out)
        assert lock_path(out) == tmp_path / ".processed.bilag-lock" and lock_path(out).exists()
        with pytest.raises(BusyError), run_lock(out):
            pass


def test_temporary_folders_of_dead_processes_are_removed_and_the_living_ones_kept(tmp_path, monkeypatch):
    import tempfile

    from pipeline.base.files import temp_prefix
    from pipeline.running.ledger import sweep_temp

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = tmp_path / f"{temp_prefix(int(dead.stdout))}ocr"
    living = tmp_path / f"{temp_prefix()}ocr"
    for folder in (killed, living):
        folder.mkdir()
        (folder / "page.png").write_bytes(bytes(1000))
    assert sweep_temp() == 1000
    assert not killed.exists() and living.exists()
