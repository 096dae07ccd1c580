"""The run's page slots: at most N holders at once, across processes, and a killed holder keeps none."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from pipeline.base.slots import OMP_THREAD_LIMIT, SLOTS_ENV, Slots, one_thread_per_tesseract, slots_from_environment


def test_a_third_holder_of_two_slots_waits_until_one_is_let_go(tmp_path):
    slots = Slots(tmp_path, 2)
    got = []
    with slots.held() as first, slots.held() as second:
        assert {first, second} == {0, 1}
        third = threading.Thread(target=lambda: got.append(_hold(slots)))
        third.start()
        time.sleep(0.3)
        assert got == []  # both slots are taken
    third.join(timeout=5)
    assert got == [0] or got == [1]


def _hold(slots: Slots) -> int:
    with slots.held() as number:
        return number


def test_a_holder_killed_lets_its_slot_go(tmp_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from pipeline.base.slots import Slots\n"
            f"with Slots(Path({str(tmp_path)!r}), 1).held():\n    print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout.readline().strip() == "held"
    waiting = threading.Thread(target=_hold, args=(Slots(tmp_path, 1),))
    waiting.start()
    time.sleep(0.3)
    assert waiting.is_alive()
    holder.kill()
    holder.wait()
    waiting.join(timeout=5)
    assert not waiting.is_alive()


def test_the_slots_reach_other_processes_through_the_environment_only_while_exported(tmp_path, monkeypatch):
    monkeypatch.delenv(SLOTS_ENV, raising=False)
    slots = Slots(tmp_path / "slots", 3)
    with slots.exported():
        assert slots_from_environment() == slots
    assert slots_from_environment() is None


def test_tesseract_gets_one_thread_unless_the_user_chose_otherwise(monkeypatch):
    """OCRmyPDF would give Tesseract OpenMP threads on a PDF of fewer pages than jobs; they spin on the cores
    the other pages need. A limit the user set is theirs."""
    monkeypatch.delenv(OMP_THREAD_LIMIT, raising=False)
    with one_thread_per_tesseract():
        assert os.environ[OMP_THREAD_LIMIT] == "1"
    assert OMP_THREAD_LIMIT not in os.environ
    monkeypatch.setenv(OMP_THREAD_LIMIT, "3")
    with one_thread_per_tesseract():
        assert os.environ[OMP_THREAD_LIMIT] == "3"
    assert os.environ[OMP_THREAD_LIMIT] == "3"
