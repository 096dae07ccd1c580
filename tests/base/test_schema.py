"""Configs are checked on load: every problem named by file, line and key; exit 2 before anything is touched."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, SAMPLE
from tests.test_hostile import bilag


@pytest.fixture
def setup(tmp_path):
    config, raw = tmp_path / "configs", tmp_path / "raw"
    shutil.copytree(ROOT / "configs", config)
    raw.mkdir()
    shutil.copy(SAMPLE, raw)
    return config, raw, tmp_path / "processed"


def _line(path, text: str) -> int:
    """The line of ``path`` where ``text`` is written (1-based)."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_problem_is_named_by_file_line_and_key_and_nothing_is_touched(setup):
    config, raw, out = setup
    _edit(config / "inputs.yaml", "max_pages: 2000", "max_pages: lots")
    _edit(config / "tables.yaml", "    key: region", "    key: postnummer")

    result = bilag("--config", str(config), "run", str(raw), "--out", str(out))

    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"bilag: error: {config / 'tables.yaml'}:{_line(config / 'tables.yaml', 'key: postnummer')}: "
        "tables.regionskvoter.key: 'postnummer' is not one of ['kommunekode', 'region', 'label']",
        f"{config / 'inputs.yaml'}:{_line(config / 'inputs.yaml', 'max_pages')}: "
        "max_pages: 'lots' is not of type 'integer'",
    ]
    assert not out.exists() and sorted(p.name for p in raw.iterdir()) == [SAMPLE.name]


@pytest.mark.parametrize(
    ("file", "old", "new", "problem"),
    [
        ("tables.yaml", None, "", "tables.yaml:1: the file is empty (it must be a mapping of settings)"),
        ("inputs.yaml", None, "- a\n", "inputs.yaml:1: (top): ['a'] is not of type 'object'"),
        ("tables.yaml", "column: kommunekvote,", "column: kvote,",
         "tables.yaml:{line}: checks.1.column: table kommunekvoter has no column 'kvote'"),
        ("tables.yaml", "table: regionskvoter, column: regionskvote, equals",
         "table: kvoter, column: regionskvote, equals",
         "tables.yaml:{line}: checks.0.table: no table 'kvoter' in tables (known: regionskvoter, befolkning, "
         "familiesammenfoeringer, kommunekvoter)"),
        ("inputs.yaml", "  memory_mb: 1536", "  memory_mb: -1",
         "inputs.yaml:{line}: fence.memory_mb: -1 is less than or equal to the minimum of 0"),
    ],
)  # fmt: skip
def test_a_broken_config_is_exit_2_naming_the_problem(setup, file, old, new, problem):
    config, raw, out = setup
    if old is None:
        (config / file).write_text(new, encoding="utf-8")
    else:
        _edit(config / file, old, new)

    result = bilag("--config", str(config), "run", str(raw), "--out", str(out))

    assert result.returncode == 2
    line = _line(config / file, new.strip() or "-") if "{line}" in problem else 1
    assert result.stderr.splitlines() == [f"bilag: error: {config}/{problem.format(line=line)}"]
    assert not out.exists()
