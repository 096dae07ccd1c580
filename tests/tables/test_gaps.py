"""Tables typed with spaces (a monospaced report): columns from the gaps between the words.

The PDFs are the project's own (``pipeline.fixtures.fonts.monospaced_pdf``); ICDAR-2013's
us-034 is the real case (two tables of a typed report, one under the other).
"""

from __future__ import annotations

import csv
import json
import shutil

from pipeline.fixtures.fonts import monospaced_pdf
from tests.conftest import DATA, process

BUDGET = [
    "Tabel 2. Driftsbudget 2025 for Center for Dagtilbud (1.000 kr.)",
    "",
    "Område                       Budget 2025   Regnskab 2024   Afvigelse",
    "---------------------------------------------------------------------",
    "Dagpleje ...................      12.345          11.900         445",
    "Vuggestuer .................      48.210          47.005       1.205",
    "Børnehaver .................      61.004          60.480         524",
    "Specialtilbud ..............       9.870          10.120        -250",
    "I alt ......................     131.429         129.505       1.924",
    "",
    "Kilde: Økonomisystemet, udtræk 3. marts 2025.",
]
MAIL = [
    "Fra: Jens Hansen <jh@kommune.dk>",
    "Sendt: 12. marts 2025 10:14",
    "Emne: Budget 2025 for dagtilbud",
    "",
    "Kære alle. Som aftalt på mødet den 4. marts sender jeg tallene for",
    "dagplejen, hvor vi i 2025 forventer 12 mio. kr. mod 11,9 mio. kr. i",
    "2024. Vuggestuerne ligger på 48 mio. kr. og børnehaverne på 61 mio.",
    "kr., og vi regner med at have 1.205 pladser i alt ved udgangen af",
    "året. Ring gerne på 4477 2000, hvis der er spørgsmål til tallene.",
    "Venlig hilsen, Jens",
]


def publish(tmp_path, name: str, lines: list[str]):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    return process(monospaced_pdf(raw / f"{name}.pdf", lines), tmp_path / "out").output


def other_tables(folder):
    return sorted((folder / "tables" / "other").glob("*.csv"))


def test_a_budget_typed_with_spaces_is_a_table_with_its_columns_and_its_total_checked(tmp_path):
    folder = publish(tmp_path, "budget", BUDGET)
    (path,) = other_tables(folder)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Område", "Budget 2025", "Regnskab 2024", "Afvigelse"]
    assert rows[1:] == [
        ["Dagpleje", "12345", "11900", "445"],
        ["Vuggestuer", "48210", "47005", "1205"],
        ["Børnehaver", "61004", "60480", "524"],
        ["Specialtilbud", "9870", "10120", "-250"],
        ["I alt", "131429", "129505", "1924"],
    ]
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    (table,) = report["other_tables"]
    assert table["title"] == BUDGET[0] and table["totals_held"] is True
    assert len(table["totals"]) == 3
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["path"].startswith("tables/other/")]
    assert resource["description"] == BUDGET[-1]
    assert all(f["unit"] == "1.000 kr." for f in resource["schema"]["fields"][1:])


def test_a_plain_text_mail_typed_with_spaces_is_no_table(tmp_path):
    assert other_tables(publish(tmp_path, "mail", MAIL)) == []


def test_two_typed_tables_one_under_the_other_are_two_tables(tmp_path):
    pdf = DATA / "tables" / "icdar2013" / "competition-dataset-us" / "us-034.pdf"
    shutil.copy(pdf, tmp_path / pdf.name)
    folder = process(tmp_path / pdf.name, tmp_path / "out").output
    tables = [list(csv.reader(p.open(encoding="utf-8"))) for p in other_tables(folder)]
    assert len(tables) == 2
    for table, effects, first in zip(tables, (["1.0", "1.1", "1.2"], ["1.7", "1.8", "1.9"]), ("800", "1360")):
        header = next(row for row in table if row[0] == "Proportion")
        assert header[1:4] == effects
        assert next(row for row in table if row[0] == "0.99")[:2] == ["0.99", first]
