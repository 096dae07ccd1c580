"""A declared table keyed by its rows' labels: a recurring budget table declared in YAML."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from pipeline.base.config import DEFAULT_CONFIG_DIR
from pipeline.base.settings import load_settings
from pipeline.intake.ingest import find_packages
from pipeline.stages import run_package

DECLARATION = """
  budget:
    title: Budget for ældreområdet
    heading: '^Budget\\s+2025\\s+for\\s+ældreområdet'
    end: '^I\\s+alt'
    key: label
    rows: ['Hjemmepleje', 'Plejehjem']
    columns:
      - {name: budget_2025, unit: 1.000 kr.}
      - {name: regnskab_2024, unit: 1.000 kr.}
"""

LINES = [
    ("Hjemmepleje", "12.400", "11.950"),
    ("Plejehjem", "30.150", "29.800"),
    ("Træning", "4.200", "4.050"),
]


def budget_pdf(path, total: tuple[str, str]):
    """A one-page memo with a budget table printed the Danish way, built with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 11)
    page.drawString(72, 780, "Notat til Sundheds- og Omsorgsudvalget")
    page.drawString(72, 750, "Budget 2025 for ældreområdet")
    page.drawString(72, 730, "Område")
    page.drawRightString(380, 730, "Budget 2025")
    page.drawRightString(480, 730, "Regnskab 2024")
    for n, (label, *figures) in enumerate([*LINES, ("I alt", *total)]):
        y = 712 - 18 * n
        page.drawString(72, y, label)
        page.drawRightString(380, y, figures[0])
        page.drawRightString(480, y, figures[1])
    page.drawString(72, 600, "Udvalget bedes tage budgettet til efterretning.")
    page.save()


@pytest.fixture
def config_dir(tmp_path):
    folder = tmp_path / "configs"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    tables = folder / "tables.yaml"
    text = tables.read_text(encoding="utf-8")
    tables.write_text(text.replace("\n# Checks across tables", DECLARATION + "\n# Checks across tables"), "utf-8")
    return folder


def run(tmp_path, config_dir, total):
    raw = tmp_path / "raw"
    raw.mkdir()
    budget_pdf(raw / "notat.pdf", total)
    (package,) = find_packages(raw)
    return run_package(package, tmp_path / "out", load_settings(config_dir))


def test_rows_keyed_by_label_and_the_total_checked(tmp_path, config_dir):
    result = run(tmp_path, config_dir, ("46.750", "45.800"))
    with (result.output / "tables" / "budget.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["label", "budget_2025", "regnskab_2024"]
    assert rows[1:] == [[label, *(f.replace(".", "") for f in figures)] for label, *figures in LINES]
    budget = [f for f in result.findings if f.table == "budget"]
    assert budget == []
    descriptor = json.loads((result.output / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"] == "budget"]
    assert resource["schema"]["fields"][0]["name"] == "label"
    assert resource["schema"]["fields"][1]["unit"] == "1.000 kr."


def test_a_wrong_total_is_a_finding_naming_row_and_column(tmp_path, config_dir):
    result = run(tmp_path, config_dir, ("46.750", "45.900"))
    (finding,) = [f for f in result.findings if f.table == "budget"]
    assert finding.slug == "table-total-mismatch"
    assert (finding.column, finding.printed, finding.computed) == ("regnskab_2024", 45900, 45800)
    assert "row 'I alt'" in finding.message
