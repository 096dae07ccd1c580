"""Every other table of a real document: found, tidy, typed, its totals checked; no table from prose.

Each case is the real PDF run through every stage. Expected cells are read from the expected
files camelot's and pdfplumber's own test suites ship (tests/data/tables), compared format-free
(letters and digits only), as the project's ICDAR scorer (bench/table_cells.py beside the shared sets) compares them.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import frictionless
import pytest

from pipeline.tables.other import speck_columns
from pipeline.tables.structure import column_titles
from pipeline.tables.words import is_speck
from tests.conftest import DATA, process

REAL = DATA / "real"
TABLES = DATA / "tables"


def key(text: str) -> str:
    return re.sub(r"[^0-9a-zæøåéü]", "", text.lower())


def read(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def processed(tmp_path_factory):
    """Each PDF processed once for the module: its published folder."""
    done = {}

    def run(pdf):
        if pdf not in done:
            raw = tmp_path_factory.mktemp("raw")
            shutil.copy(pdf, raw / pdf.name)
            done[pdf] = process(raw / pdf.name, tmp_path_factory.mktemp("out")).output
        return done[pdf]

    return run


def others(folder) -> dict[str, dict]:
    """The package's other tables as the validation report lists them, by name."""
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    return {t["name"]: t for t in report["other_tables"]}


def published(folder) -> list[list[list[str]]]:
    return [read(path) for path in sorted((folder / "tables" / "other").glob("*.csv"))]


@pytest.mark.parametrize(
    "expected",
    [
        "camelot/health.expected-1.csv",
        "camelot/12s0324.expected-1.csv",
        "camelot/12s0324.expected-2.csv",
        "camelot/twotables_2.expected-1.csv",
        "camelot/twotables_2.expected-2.csv",
        "camelot/us-030.expected-1.csv",
        "nics-background-checks-2015-11.expected-1.csv",
    ],
)
def test_every_figure_of_the_test_suites_tables_is_found(processed, expected):
    """Every row of figures whole in one published table; of the header cells at least all but one.

    (The expected files also hold the title and head- and footnotes as rows of one cell: bilag
    publishes those as the table's title, not as cells.)
    """
    path = TABLES / expected
    pdf = path.with_name(path.name.split(".expected")[0] + ".pdf")
    rows = [[key(v) for v in row if key(v)] for row in read(path)]
    figures = [row for row in rows if len(row) >= 2 and any(v.isdigit() for v in row[1:])]
    header = [row for row in rows if len(row) >= 2 and row not in figures]
    want_figures = collections.Counter(v for row in figures for v in row)
    want_header = collections.Counter(v for row in header for v in row)
    best = max(
        published(processed(pdf)),
        key=lambda table: sum((want_figures & collections.Counter(key(v) for row in table for v in row)).values()),
    )
    got = collections.Counter(key(v) for row in best for v in row)
    assert want_figures - got == collections.Counter()
    assert sum((want_header - got).values()) <= 1


def test_the_nics_totals_row_is_checked_and_holds(processed):
    folder = processed(TABLES / "nics-background-checks-2015-11.pdf")
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    (table,) = report["other_tables"]
    by_row = [c for c in table["totals"] if c["kind"] == "row"]
    assert len(by_row) == 24
    assert all(c["held"] for c in table["totals"])
    assert not [f for f in report["findings"] if f["slug"] == "table-total-mismatch"]
    html = (folder / "validation.html").read_text(encoding="utf-8")
    assert f"{len(table['totals'])} checked, held" in html  # the report says so per table


def test_other_tables_are_described_and_valid(processed):
    folder = processed(TABLES / "camelot" / "health.pdf")
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["path"].startswith("tables/other/")]
    assert re.fullmatch(r"tables/other/page-001-1-[a-z0-9-]+\.csv", resource["path"])
    assert "Public Health Outlay" in resource["title"]  # the heading printed above the table
    assert resource["source_pages"] == [1]
    fields = resource["schema"]["fields"]
    assert fields[0]["type"] == "string"
    assert all(f["type"] == "integer" for f in fields[1:])
    # The multi-row header stands as printed; the schema's names join each column's header cells,
    # a group ("Revenue") over the columns it spans and nothing of a neighbour ("Family") beside it.
    # Published as printed: its numbered title, then the six header rows, all comment rows to a reader.
    assert resource["dialect"] == {"header": False, "commentRows": [1, 2, 3, 4, 5, 6, 7]}
    with open(folder / resource["path"], encoding="utf-8") as handle:
        printed = list(csv.reader(handle))[:7]
    assert printed[0] == [resource["title"]]
    assert printed[1] == ["States-A", "Revenue", "", "Capital", "", "Total", "Others(1)", "Total"]
    assert printed[6] == ["", "Health", "", "Health", "", "", "", ""]
    # (the same header, as a grid, is test_structure's group beside a column of its own)
    assert [f["name"] for f in fields] == column_titles(tuple(tuple(row) for row in printed[1:7]), 8)
    assert fields[1]["name"] == "Revenue Medical & Public Health"
    # its two total columns (revenue and capital; and with the others) checked in every row, and holding
    (table,) = others(folder).values()
    assert table["totals_held"] is True
    assert {c["column"] for c in table["totals"]} == {fields[5]["title"], fields[7]["title"]}


def test_a_numbered_caption_is_the_title_and_its_headnote_and_notes_are_kept(processed):
    """camelot's 12s0324: the title is the numbered line above the headnote (the line just above the
    table is the headnote's last); headnote and notes are the description and, the header being of
    several rows, stand in the CSV as printed, marked as comment rows around the figures."""
    folder = processed(TABLES / "camelot" / "12s0324.pdf")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    first, second = [r for r in descriptor["resources"] if r["path"].startswith("tables/other/")]
    assert [first["title"], second["title"]] == [
        "Table 324. Arrests by Sex and Age: 2009",
        "Table 325. Arrests by Race: 2009",
    ]
    assert first["description"].startswith("[In thousands (11,062.6 represents 11,062,600)")
    assert first["description"].splitlines()[-1].startswith("Source: U.S. Department of Justice")
    # a note's line that runs on (here its link) is part of it
    assert second["description"].splitlines()[-1] == "<http://www.fbi.gov/ucr/cius2009/arrests/index.html>."
    rows = read(folder / first["path"])
    assert rows[0] == [first["title"]]
    comments = first["dialect"]["commentRows"]
    assert [rows[n - 1][0] for n in comments[-2:]] == first["description"].splitlines()[-2:]
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    resource = frictionless.Package(folder / "datapackage.json").get_resource(first["name"])
    figures = resource.read_rows()
    assert figures[0]["Offense charged"].startswith("Total") and figures[0]["Total"] == Decimal("11062.6")
    assert figures[-1]["Offense charged"].startswith("Runaways")


def test_aarhus_list_of_cases_is_one_table_over_three_pages(processed):
    folder = processed(REAL / "aarhus-sager-paa-vej-2025.pdf")
    (table,) = others(folder).values()
    assert table["pages"] == [2, 3, 4]
    # one resource, a file per page (named by its page), the header in the first
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (resource,) = [r for r in descriptor["resources"] if r["name"].startswith("page-")]
    assert [re.match(r"tables/other/page-(\d+)", p)[1] for p in resource["path"]] == ["002", "003", "004"]
    first, *rest = published(folder)
    assert first[0] == ["Sag", "Afd.", "Vedtaget"]
    rows = first + [row for part in rest for row in part]
    assert len(rows) - 1 == table["rows"] > 60
    assert any("å" in v or "ø" in v or "æ" in v for row in rows for v in row)


def test_middelfart_list_of_cases_and_properties(processed):
    folder = processed(REAL / "middelfart-geosager-2017.pdf")
    tables = published(folder)
    assert len(tables) == 2
    # the second repeats "Ejendomsnr.": published as printed, under the line printed at its top
    starts = [next(n for n, row in enumerate(t) if "ag nr." in row[0]) for t in tables]
    assert starts == [0, 1] and tables[1][0] == [
        "Flere sager, der ligger forkert og som skal flyttes – opdaget efter indsendelse af fejlen"
    ]
    # every row is a case: its number first (the row-label column stays text: numbers that name, not count)
    assert all(row[0].isdigit() for table, start in zip(tables, starts) for row in table[start + 1 :])
    assert sum(len(t) - start - 1 for t, start in zip(tables, starts)) >= 20


@pytest.mark.parametrize("pdf", ["ballerup-kronikerindsatser-2012.pdf", "ballerup-sfu-referat-2012-12-04.pdf"])
def test_the_memos_table_of_amounts_is_one_table_and_its_total_holds(processed, pdf):
    folder = processed(REAL / pdf)
    with_totals = [t for t in others(folder).values() if t["totals_checked"]]
    assert len(with_totals) == 1
    (table,) = with_totals
    assert len(table["pages"]) >= 2  # it runs over a page break
    assert table["totals_held"] is True
    (check,) = table["totals"]
    assert check["row"] == "I alt" and check["printed"] == check["computed"]


@pytest.mark.parametrize(
    ("pdf", "pages"),
    [
        # prose, bullet lists and a table of contents: no table at all
        ("ballerup-kvalitetsstandarder-stof-alkohol-2013.pdf", set()),
        # minutes: its table of contents (page 2) and item lists are no tables; the amounts on 11-12 are
        ("ballerup-sfu-referat-2012-12-04.pdf", {11}),
    ],
)
def test_no_table_from_prose_lists_or_contents(processed, pdf, pages):
    assert {t["pages"][0] for t in others(processed(REAL / pdf)).values()} == pages


@pytest.mark.parametrize("rendering", ["scanned_result", "english_ocr_result"])
def test_an_undeclared_table_on_ocrd_pages_reads_as_on_the_born_digital_page(request, sample_result, rendering):
    """Its rows from bilag's own (deskewed, repaired) words, not from the searchable PDF's text layer."""
    result = request.getfixturevalue(rendering)
    digital = published(sample_result.output)
    assert len(digital) == 1
    assert published(result.output) == digital


@pytest.mark.slow
def test_the_tables_of_a_sideways_scan_are_read_upright(ballerup_scan):
    """The Ballerup scan's table pages are turned 90 degrees: read upright (pipeline.ocr.orientation),
    each page's list of buildings is read into a table (a page that goes on with the list under its header
    printed again may join the table before it) whose rows are an enhed's code, its area and its name."""
    folder = ballerup_scan.output
    assert set().union(*(t["pages"] for t in others(folder).values())) == set(range(1, 8))
    rows = [row for table in published(folder) for row in table]
    buildings = [row for row in rows if re.match(r"^\d{3}\.\d{3}", row[0])]
    assert len(buildings) > 100
    assert {row[1] for row in buildings} >= {"Ballerup", "Skovlunde", "Måløv"}


@pytest.mark.slow
def test_a_list_of_telephone_numbers_and_its_header_are_no_figures_to_doubt(ballerup_scan):
    """The Ballerup scan's lists print telephone numbers (`44 77 33 33`, `44773231`): no pair of joined figures.
    The column names stand under the page's running title, whose date the OCR reads as a figure: `Fax. nr.` is
    a column's name, published as printed, no figure that could not be read."""
    folder = ballerup_scan.output
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    assert not [f for f in report["findings"] if f["slug"] != "table-cell-joined"]
    names = [row for table in published(folder) for row in table if row and row[0] == "Enhed"]
    assert names and all("Fax. nr." in row and "Tlf. nr." in row for row in names)
    phones = [v for table in published(folder) for row in table for v in row if re.fullmatch(r"44 77 \d\d \d\d", v)]
    assert len(phones) > 50  # as printed


@pytest.mark.slow
def test_a_scanned_list_whose_names_run_into_the_next_column_keeps_its_columns(ballerup_scan):
    """Real bug: the Ballerup list clips a long name at its column's edge, and the OCR reads its last letters and
    the address as one word (``VognporterSct.``); camelot then read name and address as one column on four of
    its seven pages, a silent wrong cell in every row. Each page is read with the columns its words start
    (``Enhedsnavn`` and ``Adresse``), the run-on words cut at the address column's edge and named; the page's
    running title (its logo, date and page number read otherwise on each page) is no row; the list is one
    table over its seven pages."""
    folder = ballerup_scan.output
    tables = others(folder)
    assert len(tables) == 1 and set(next(iter(tables.values()))["pages"]) == set(range(1, 8))
    rows = [row for table in published(folder) for row in table]
    header = ["Enhed", "Område", "Enhedsnavn", "Adresse", "Tlf. nr.", "Fax. nr.", "Afdeling"]
    assert rows[0] == header and all(len(row) == len(header) for row in rows)
    assert not [row for row in rows if "Ejendomsoversigt" in " ".join(row)]
    report = json.loads((folder / "validation.json").read_text(encoding="utf-8"))
    joined = [f for f in report["findings"] if f["slug"] == "table-cell-joined"]
    assert joined and {f["column"] for f in joined} == {"Enhedsnavn", "Adresse"}
    damgaard = next(row for row in rows if row[0] == "031.001.01")
    assert damgaard[2:4] == ["Damgårdsparken", "Parkvej 9"]


@pytest.fixture(scope="module")
def unruled_agenda(tmp_path_factory) -> dict[str, Path]:
    """The sample's agenda page with its undeclared table set without rules (and an "I alt" row):
    born-digital, scanned, and scanned with an English-only OCR's text layer."""
    import pikepdf

    from pipeline.fixtures.sample import SampleOptions, build_sample
    from pipeline.fixtures.scan import english_ocr_pdf, scan_pdf

    root = tmp_path_factory.mktemp("unruled")
    options = SampleOptions(taskforce_ruled=False, taskforce_total=True)
    whole = build_sample(root / "whole.pdf", options=options)
    digital = root / "digital" / "agenda.pdf"
    digital.parent.mkdir()
    with pikepdf.open(whole) as pdf:
        del pdf.pages[1:]
        pdf.save(digital)
    scanned = scan_pdf(digital, root / "scanned" / "agenda.pdf")
    return {
        "digital": digital,
        "scanned": scanned,
        "english": english_ocr_pdf(scanned, root / "english" / "agenda.pdf"),
    }


@pytest.mark.slow
@pytest.mark.xdist_group("unruled-agenda")  # its fixture scans and OCRs: built once
@pytest.mark.parametrize("rendering", ["digital", "scanned", "english"])
def test_an_unruled_undeclared_table_is_found_alike_on_every_rendering(unruled_agenda, rendering, tmp_path):
    """Its title is the heading printed above it, on the OCR'd pages too, where camelot's region (read from the
    searchable PDF) takes in half the heading; its total holds; the prose around it is no table."""
    folder = process(unruled_agenda[rendering], tmp_path).output
    (table,) = others(folder).values()
    assert table["title"] == "Taskforcens resultater" and table["pages"] == [1]
    assert table["totals_held"] is True
    assert published(folder) == [
        [
            ["Indsats", "Gennemført", "Deltagere"],
            ["Sprogskole", "87", "412"],
            ["Virksomhedspraktik", "74", "236"],
            ["Mentorforløb", "91", "95"],
            ["I alt", "84", "743"],
        ]
    ]


def test_a_column_of_scan_specks_is_no_column_but_a_column_of_dashes_is():
    """On an OCR'd page camelot may make a column of a few dots the OCR read as `.`, `—`, `;`: dropped. A
    column of dashes meaning zero fills its rows, or has a header over it, and stays."""
    rows = [
        ("1.000 kr.", "", "Budget 2026", "", "Anlæg"),
        ("Dagtilbud", ".", "412.300", "—", "—"),
        ("Skoler", "", "655.900", "—", ""),
        ("Ungdomsskole", "; :", "160.610", "—", ""),
        ("I alt", "", "1.228.810", "—", "—"),
    ]
    assert speck_columns(rows, [0, 1, 2, 3, 4]) == {1}
    assert speck_columns([*rows, ("Klub", "'", "1", "—", ""), ("SFO", "", "2", "—", "")], [0, 1, 2, 3, 4]) == {1}
    assert not speck_columns([*rows, ("Klub", "12", "1", "—", "")], [0, 1, 2, 3, 4])  # a figure: a column
    assert not speck_columns([("—", "1"), ("—", "2"), ("—", "3")], [0, 1])  # the first column is the labels
    assert [is_speck(v) for v in (".", "—", "; :", "-", "==", "0", "a.", "I", "12 .")] == [True] * 5 + [False] * 4
