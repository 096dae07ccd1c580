"""Packages in parallel: local processes (--jobs) and a Dask cluster (--scheduler), same bytes out."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.running.schedule import plan
from tests.conftest import SAMPLE
from tests.test_run import tree


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, folder / "a.pdf")
    build_sample(folder / "b.pdf", options=SampleOptions(font="Times-Roman"))
    build_sample(folder / "c.pdf", options=SampleOptions(font="Times-Roman", ruled=True))
    return folder


@pytest.fixture(scope="module")
def serial(raw, tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial")
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out)], capture_output=True)
    assert done.returncode == 0, done.stderr
    return tree(out)


def bilag(raw: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(out), *args]
    return subprocess.run(command, capture_output=True, text=True)


@pytest.mark.parametrize(
    ("jobs", "packages", "expected"),
    [
        (None, 5, (1, None, False)),
        (1, 5, (1, 1, False)),
        (2, 5, (2, 2, True)),
        (2, 1, (1, 2, False)),
        (4, 2, (2, 4, True)),
        (3, 0, (1, 3, False)),
    ],
)
def test_jobs_are_shared_between_packages_and_their_ocr(jobs, packages, expected):
    assert plan(jobs, packages) == expected


@pytest.mark.slow
def test_two_jobs_give_the_same_bytes_as_one_package_at_a_time(raw, serial, tmp_path):
    done = bilag(raw, tmp_path / "out", "--jobs", "2", "--log-format", "json")
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert (events[-1]["event"], events[-1]["valid"]) == ("run-finished", 3)
    # The workers' stages reach the driver's display.
    assert {(e["package"], e["stage"]) for e in events if e["event"] == "stage"} >= {
        (package, stage) for package in "abc" for stage in ("preflight", "ocr", "validate", "publish")
    }
    assert tree(tmp_path / "out") == serial


def test_a_negative_jobs_is_a_usage_error(raw, tmp_path):
    done = bilag(raw, tmp_path / "out", "--jobs", "-1")
    assert (done.returncode, done.stderr) == (
        2,
        "bilag: error: --jobs -1: give a number of processes (0: every core)\n",
    )


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_usage_error(raw, tmp_path):
    done = bilag(raw, tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9", "--scheduler-timeout", "1.5")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "bilag: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9: "
        "Timed out trying to connect to tcp://127.0.0.1:9 after 1.5 s"
    )
    assert not (tmp_path / "out" / "a").exists()


def test_a_scheduler_timeout_of_no_time_is_a_usage_error(raw, tmp_path):
    done = bilag(raw, tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9", "--scheduler-timeout", "0")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "bilag: error: --scheduler-timeout 0: give a number of seconds above 0"


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_bytes_and_survives_a_killed_worker(raw, serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        done = bilag(raw, tmp_path / "whole", "--scheduler", cluster.scheduler_address)
        assert done.returncode == 0, done.stderr
        assert tree(tmp_path / "whole") == serial

        run = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", str(raw), "--out", str(tmp_path / "killed"),
             "--scheduler", cluster.scheduler_address],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not any(client.processing().values()):
            assert time.monotonic() < deadline and run.poll() is None, run.communicate()
            time.sleep(0.05)
        busy = next(worker for worker, keys in client.processing().items() if keys)
        os.kill(client.run(os.getpid, workers=[busy])[busy], signal.SIGKILL)  # mid-package
        out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    published = [line.split(":")[0] for line in out.splitlines() if ": 11 pages, published to" in line]
    assert sorted(published) == ["a", "b", "c"]  # each once: none lost, none twice
    assert tree(tmp_path / "killed") == serial
