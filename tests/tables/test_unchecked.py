"""What a scan's tables leave unread or unchecked is named: a page of figures with no table, a column of
figures published as text with the totals in it."""

from __future__ import annotations

from pipeline.base.models import OtherTable, PageInfo, PageText, SumCheck, TableField, Word
from pipeline.tables.unchecked import lost_tables, text_columns

MEMO = [
    "Forvaltningen fremlægger budgettet for 2026 og 2025 samt regnskabet for 2024 .",
    "Dagtilbud 412.300 398.750 390.120",
    "Skoler 655.900 641.200 633.480",
    "Ungdomsskole 160.610 155.400 151.900",
    "I alt Børn og Unge 1.228.810 1.195.350 1.175.500",
]


def page(lines: list[str], source: str = "ocr", index: int = 3) -> PageText:
    words = [
        [Word(t, 10.0 * n, 10.0 * n + 8, 20.0 * i, 20.0 * i + 5) for n, t in enumerate(line.split())]
        for i, line in enumerate(lines)
    ]
    return PageText(PageInfo(index, "memo.pdf", 1, 595.0, 842.0, 0), words, source)


def test_an_ocrd_page_printing_a_table_of_figures_with_no_table_read_is_named():
    (finding,) = lost_tables([page(MEMO)], read=set())
    assert finding.slug == "table-lost" and finding.page == 3
    assert "page 3 (memo.pdf, page 1) prints 4 lines of figures (such as 'Dagtilbud 412.300 398.750 390.120')" in (
        finding.message
    )


def test_a_page_whose_table_was_read_or_that_prints_no_table_of_figures_is_not():
    assert lost_tables([page(MEMO)], read={3}) == []
    assert lost_tables([page(MEMO, source="text-layer")], read=set()) == []  # born-digital: camelot reads it
    prose = [
        "Mødet den 12. marts 2026 kl. 14.00 i byrådssalen 2 3",
        "Punkt 4 og 5 blev udsat til 2027",
        "Referat 1 2",
        "Side 2 af 3",
        "Bilag 1 2",
    ]
    assert lost_tables([page(prose)], read=set()) == []  # two figures after a label in fewer than four lines


def table(column: list[str], note: str = "") -> OtherTable:
    labels = ["Dagtilbud", "Skoler", "Talt Børn og Unge", "Biblioteker", "I alt"]
    fields = (
        TableField("1000_kr", "string"),
        TableField("budget_2026", "integer", title="Budget 2026"),
        TableField("regnskab_2024", "string", title="Regnskab 2024", note=note),
    )
    rows = [(label, "1", value) for label, value in zip(labels, column)]
    checks = [
        SumCheck("Talt Børn og Unge", "Budget 2026", "2", "2", True),
        SumCheck("I alt", "Budget 2026", "3", "3", True),
    ]
    return OtherTable(1, 1, "Budget 2026", (1,), fields, rows, checks=checks)


def test_a_column_of_figures_published_as_text_is_named_with_the_totals_left_unchecked():
    (finding,) = text_columns(table(["390.120", "633.480", "1.023.600", "56.020", "2.019.070."]))
    assert finding.slug == "table-column-as-text" and finding.column == "Regnskab 2024"
    assert finding.message == (
        "Budget 2026 (page 1): column 'Regnskab 2024' prints figures, but 1 of its 5 cells do not read as figures "
        "('2.019.070.'): published as text; its printed totals in rows 'Talt Børn og Unge', 'I alt' are not checked"
    )


def test_a_column_of_words_or_of_codes_is_text_as_it_should_be():
    assert text_columns(table(["Ja", "Nej", "Ja", "4", "Nej"])) == []  # mostly words
    assert text_columns(table(["0101", "0202", "0303", "0404", "0505"], note="a code")) == []


def test_a_smudge_read_as_a_word_in_a_row_of_figures_is_named_but_not_a_row_of_names():
    (finding,) = text_columns(table(["390.120", "arme", "1.023.600", "56.020", "2.019.070"]))
    assert "1 of its 5 cells do not read as figures ('arme')" in finding.message
    names = table(["390.120", "633.480", "Fax. nr.", "56.020", "2.019.070"])
    names.rows[2] = ("Enhed", "Område", "Fax. nr.")  # a row of column names in the body prints no figure
    assert text_columns(names) == []
