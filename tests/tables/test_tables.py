"""Tables: the declared tables read from pages, whatever the layout."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import GOLDEN, process


def read(path):
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("name", ["regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter"])
def test_sample_tables_match_the_golden_files_cell_for_cell(sample_result, name):
    assert read(sample_result.output / "tables" / f"{name}.csv") == read(GOLDEN / f"{name}.csv")


@pytest.mark.parametrize("options", [{"font": "Times-Roman", "ruled": True}, {"ruled": True}])
def test_other_fonts_and_ruling_lines_give_the_same_tables(build, tmp_path, options):
    result = process(build(**options), tmp_path / "out")
    assert result.status == "valid", result.findings
    for name in ("regionskvoter", "befolkning", "familiesammenfoeringer", "kommunekvoter"):
        assert read(result.output / "tables" / f"{name}.csv") == read(GOLDEN / f"{name}.csv")


def test_other_tables_are_published_tidy_and_typed(sample_result):
    other = sorted((sample_result.output / "tables" / "other").glob("*.csv"))
    assert [p.name for p in other] == ["page-001-1-taskforcens-resultater.csv"]  # page, number, its heading
    assert read(other[0])[1] == ["Sprogskole", "412", "87"]  # the share's unit is in the descriptor


def test_provenance_says_how_each_cell_was_read(sample_result):
    rows = read(sample_result.output / "tables" / "befolkning.provenance.csv")
    assert rows[0] == ["kommunekode", "column", "page", "how", "confidence"]
    assert ["101", "asylansoegere", "3", "blank-means-zero", ""] in rows
    assert ["201", "asylansoegere", "3", "text-layer", ""] in rows


def test_another_year_other_figures_and_tables_starting_mid_page(tmp_path):
    from pipeline.base.config import DEFAULT_CONFIG_DIR
    from pipeline.base.gazetteer import load_gazetteer
    from pipeline.fixtures.sample import SampleOptions, build_sample, load_figures

    figures = load_figures()
    figures["year"] = 2027
    figures["regionskvoter"] = {region: quota * 2 for region, quota in figures["regionskvoter"].items()}
    figures["landstal"] = 1200
    for row in figures["kommuner"]:
        row["indbyggere"] += row["kommunekode"]
        row["kommunekvote"] *= 2
    pdf = build_sample(tmp_path / "raw" / "other.pdf", figures, SampleOptions(font="Times-Roman", page_breaks=False))
    result = process(pdf, tmp_path / "out")
    assert result.status == "valid", result.findings
    gazetteer = load_gazetteer(DEFAULT_CONFIG_DIR / "gazetteer.yaml")
    expected = [["kommunekode", "kommune", "region", "kommunekvote"]] + [
        [
            str(r["kommunekode"]),
            gazetteer.kommune(r["kommunekode"]).name,
            gazetteer.kommune(r["kommunekode"]).region,
            str(r["kommunekvote"]),
        ]
        for r in sorted(figures["kommuner"], key=lambda r: r["kommunekode"])
    ]
    assert read(result.output / "tables" / "kommunekvoter.csv") == expected
    befolkning = read(result.output / "tables" / "befolkning.csv")
    assert befolkning[1][:4] == ["101", "København", "Region Hovedstaden", str(667099 + 101)]
    report = (result.output / "validation.json").read_text(encoding="utf-8")
    assert '"year": 2027' in report and '"value": 1200' in report


@pytest.mark.parametrize(
    "printed, name, code, figure",
    [
        ("1511", "Ballerup", 151, "4"),  # 151 printed with a digit too many
        ("71713", "Morsø", 773, "3"),  # a fax: two specks between the digits read as 1
    ],
)
def test_a_misread_kommunekode_is_corrected_by_the_name_after_it(printed, name, code, figure):
    from pipeline.base.config import DEFAULT_CONFIG_DIR, load_yaml
    from pipeline.base.gazetteer import load_gazetteer
    from pipeline.base.models import PageInfo, PageText, Word
    from pipeline.tables import extract_tables

    def line(y, *texts):
        x, words = 60.0, []
        for text in texts:
            if text[0].isdigit() and x > 200:
                x = 400.0 - 5 * len(text)  # figures right-aligned at x = 400
            words.append(Word(text, x, x + 5 * len(text), y, y + 8, confidence=0.96))
            x += 5 * len(text) + 4
        return words

    rows = [("Bilag", "B."), ("Region", "Hovedstaden"), ("101", "København", "63"), ("147", "Frederiksberg", "13")]
    rows += [(printed, name, figure), ("161", "Glostrup", "2")]
    page = PageText(PageInfo(1, "p.pdf", 1, 595, 842, 100), [line(20 + 12 * i, *r) for i, r in enumerate(rows)], "ocr")
    extraction = extract_tables(
        [page], load_yaml(DEFAULT_CONFIG_DIR / "tables.yaml"), load_gazetteer(DEFAULT_CONFIG_DIR / "gazetteer.yaml")
    )
    row = next(r for r in extraction.tables["kommunekvoter"].rows if r.kommunekode == code)
    assert row.cells["kommunekvote"].value == int(figure)
    assert extraction.corrections == [
        f"kommunekvoter: row '{printed} {name} {figure}': kommunekode read as {printed}; the name and the code's "
        f"other digits say {code} {name}"
    ]


def test_a_code_whose_digits_are_not_the_names_is_not_taken_for_it():
    from pipeline.tables.declared.read import _with_specks

    assert _with_specks("71713", "773", None)
    assert not _with_specks("71713", "787", None)  # Thisted's 8 is not there
    assert not _with_specks("717139", "773", None)  # three marks: too many to be one code
    assert not _with_specks("1773", "773", object())  # a code that is some municipality's is never overruled so
