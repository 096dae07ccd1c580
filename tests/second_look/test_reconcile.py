"""Reconcile: derive one unknown from a printed total, never two; never change what adds up."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.base.models import Cell, ExtractedTable, Extraction, PageInfo, PageText, PrintedTotal, TableRow
from pipeline.second_look.reconcile import Group, Member, SecondLook, SecondLookSettings, one_digit_off, reconcile


def table(values: list[int | None], total: int | None) -> Extraction:
    rows = [
        TableRow(
            code,
            f"K{code}",
            "Region Nordjylland",
            f"K{code}",
            None,
            {"kvote": Cell(v, 11, "text-layer" if v is not None else "unreadable")},
        )
        for code, v in zip((810, 813, 820), values)
    ]
    totals = [PrintedTotal("t", "Region Nordjylland", "kvote", total, 11)]
    return Extraction({"t": ExtractedTable("t", "kommunekode", ("kvote",), rows, totals, (11,))}, None)


def cells(extraction: Extraction) -> list[tuple[int | None, str]]:
    return [(r.cells["kvote"].value, r.cells["kvote"].how) for r in extraction.tables["t"].rows]


def test_one_unknown_is_derived_from_the_printed_total_and_marked():
    extraction = table([5, None, 7], 20)
    notes = reconcile(extraction, [], SecondLookSettings()).notes
    assert cells(extraction) == [(5, "text-layer"), (8, "derived"), (7, "text-layer")]
    assert notes == [
        "t: 813 K813, kvote: derived as 8 from the printed Region Nordjylland total (the cell itself could not be read)"
    ]


def test_two_unknowns_are_never_derived_from_one_total():
    extraction = table([5, None, None], 20)
    assert reconcile(extraction, [], SecondLookSettings()).notes == []
    assert cells(extraction)[1:] == [(None, "unreadable"), (None, "unreadable")]


def test_no_derivation_without_a_total_or_into_a_negative_number():
    for values, total in (([5, None, 7], None), ([15, None, 7], 20)):
        extraction = table(values, total)
        assert reconcile(extraction, [], SecondLookSettings()).notes == []
        assert cells(extraction)[1] == (None, "unreadable")


def test_cells_that_add_up_are_left_alone():
    extraction = table([5, 8, 7], 20)
    assert reconcile(extraction, [], SecondLookSettings()).notes == []
    assert [how for _, how in cells(extraction)] == ["text-layer"] * 3


def second_look(readings: dict[int, tuple[int | None, set[int]]], cells: list) -> SecondLook:
    """A second look that has read each cell again: (what every glyph size agreed on, every value seen)."""
    page = PageText(PageInfo(9, "scan.pdf", 9, 595.0, 842.0, 0), [], "ocr", image=Path("page-9.png"))
    look = SecondLook({9: page}, SecondLookSettings())
    for index, (agreed, seen) in readings.items():
        look.cache[id(cells[index])], look.seen[id(cells[index])] = agreed, seen
    return look


def ocr_group() -> tuple[Group, list]:
    """7 + 2 + 3 = 12, read as 'ig' (nothing), 5 (doubtful), 3 and 12."""
    box = (0.0, 0.0, 10.0, 10.0)
    cells = [
        Cell(None, 9, "unreadable", box, 0.3, "ig"),
        Cell(5, 9, "ocr", box, 0.7, "5"),
        Cell(3, 9, "ocr", box, 0.96, "3"),
        PrintedTotal("t", "Region Nordjylland", "kvote", 12, 9, box, 0.97, "ocr"),
    ]
    members = [Member(name, cell) for name, cell in zip(("810 A", "813 B", "820 C"), cells)]
    return Group("t", "Region Nordjylland", "kvote", members, cells[3]), cells


def test_a_reading_is_not_chosen_to_make_up_for_a_doubtful_neighbour():
    """Read again, the first cell shows 4 or 7: 4 makes the total add up only if the doubtful 5 is right."""
    group, cells = ocr_group()
    look = second_look({0: (None, {4, 7}), 1: (2, {2}), 2: (3, {3}), 3: (12, {12})}, cells)
    notes = look.fix(group, look.doubtful)
    assert (cells[0].value, cells[1].value) == (7, 2)
    assert [c.how for c in cells[:2]] == ["re-ocr", "re-ocr"]
    assert len(notes) == 2


def test_nothing_is_chosen_while_a_doubtful_neighbour_stays_unconfirmed():
    group, cells = ocr_group()
    look = second_look({0: (None, {4, 7}), 1: (None, set()), 2: (3, {3}), 3: (12, {12})}, cells)
    assert look.fix(group, look.doubtful) == []
    assert (cells[0].value, cells[1].value) == (None, 5)
    assert look.unresolved(group) is not None  # and the group is named in the report


def test_a_doubtful_figure_the_second_look_cannot_read_is_derived_when_everything_else_is_read():
    """A lone 1 first read as 4 (confidence 0.55) and not read at all the second time; its neighbour reads 7."""
    group, cells = ocr_group()
    cells[1].confidence, cells[1].text = 0.55, "4"
    cells[1].value, cells[3].value = 4, 11  # 7 + 1 + 3 = 11
    look = second_look({0: (7, {7}), 1: (None, set()), 2: (3, {3}), 3: (11, {11})}, cells)
    notes = look.fix(group, look.doubtful)
    assert [(c.value, c.how) for c in cells[:3]] == [(7, "re-ocr"), (1, "derived"), (3, "ocr")]
    assert notes[1] == (
        "t: 813 B, kvote: derived as 1 from the printed Region Nordjylland total "
        "(first read '4' with low confidence, not confirmed when read again)"
    )


def test_a_group_whose_regions_print_totals_derives_no_cell_itself():
    """The national group's fix may pick readings but never derive: the cell's region total decides it."""
    group, cells = ocr_group()
    cells[1].confidence, cells[1].text = 0.55, "4"
    cells[1].value, cells[3].value = 4, 11
    look = second_look({0: (7, {7}), 1: (None, set()), 2: (3, {3}), 3: (11, {11})}, cells)
    assert look.fix(group, look.doubtful, may_derive=False) == []  # 7 + ? + 3 = 11 needs a derivation
    assert cells[1].how == "ocr"
    assert look.fix(group, look.doubtful) != [] and cells[1].how == "derived"  # allowed, the same fix derives


def test_a_figure_read_alike_every_time_but_short_of_the_total_is_named_with_its_group():
    """24 + 2 + 3 = 29 read as 24, 2 and 8 (confident, and read again as 8): the group does not add up, nothing
    can be changed, and the figure one misread glyph from what the total leaves for it is named (24 is two
    glyphs from 19)."""
    group, cells = ocr_group()
    cells[0].value, cells[0].confidence, cells[0].how = 24, 0.96, "ocr"
    cells[1].value, cells[1].confidence = 2, 0.96
    cells[2].value, cells[3].value = 8, 29
    look = second_look({0: (24, {24}), 1: (2, {2}), 2: (8, {8}), 3: (29, {29})}, cells)
    assert look.fix(group, look.can_read) == []
    finding = look.unresolved(group)
    assert finding.slug == "group-unresolved" and "(off by -5)" in finding.message
    assert finding.message.split("doubtful: ")[1] == "820 C (read 8, confidence 0.96)"


def test_no_finding_for_a_group_that_adds_up_or_was_not_ocrd():
    group, cells = ocr_group()
    cells[0].value, cells[0].confidence, cells[1].value, cells[1].confidence = 7, 0.96, 2, 0.96
    look = second_look({}, cells)
    assert look.unresolved(group) is None
    extraction = table([5, 4, 2], 12)  # a born-digital table that does not add up: validation's to report
    assert reconcile(extraction, [], SecondLookSettings()).problems == []


def test_a_figure_read_differently_at_different_sizes_may_take_what_the_total_leaves():
    """13 first read '3)' and read again as 1 or 12; every other figure is read alike every time: the total decides
    it (derived). A figure read alike every time is never overruled so (17, read 17 at every size, stays 17)."""
    group, cells = ocr_group()
    cells[0].value, cells[0].confidence, cells[0].text = None, 0.0, "alrd"  # 17, unreadable at first
    cells[1].value, cells[1].confidence, cells[1].text = 3, 0.33, "3)"  # 13
    cells[3].value = 33  # 17 + 13 + 3
    look = second_look({0: (17, {17}), 1: (12, {1, 12}), 2: (3, {3}), 3: (33, {33})}, cells)
    look.fix(group, look.doubtful)
    assert [(c.value, c.how) for c in cells[:3]] == [(17, "re-ocr"), (13, "derived"), (3, "ocr")]


def test_what_a_consistent_misreading_elsewhere_leaves_is_not_derived():
    """7 + 12 + 3 = 22, the 3 read as 8 at every size (confident, confirmed), the 12 read as 12 and 13: the total
    leaves 7 for it, a figure the OCR could not have seen in '12' or '13'. Derived, it would make the group add
    up with two wrong cells; it stays as read, and the group is named."""
    group, cells = ocr_group()
    cells[0].value, cells[0].confidence, cells[0].how, cells[0].text = 7, 0.96, "ocr", "7"
    cells[1].value, cells[1].confidence, cells[1].text = 12, 0.4, "12"
    cells[2].value, cells[3].value = 8, 22
    look = second_look({0: (7, {7}), 1: (None, {12, 13}), 2: (8, {8}), 3: (22, {22})}, cells)
    assert look.fix(group, look.doubtful) == []
    assert (cells[1].value, cells[1].how) == (12, "ocr")
    assert look.unresolved(group) is not None


@given(st.text(alphabet="0123456789", min_size=1, max_size=8), st.data())
def test_a_figure_is_one_digit_off_what_differs_in_one_digit_and_not_in_two(digits, data):
    at = data.draw(st.integers(0, len(digits) - 1))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[at]]))
    changed = digits[:at] + other + digits[at + 1 :]
    assert one_digit_off(digits, digits) and one_digit_off(digits, changed) and one_digit_off(changed, digits)
    assert one_digit_off(digits, digits[:at] + digits[at + 1 :]) or len(digits) == 1
    assert one_digit_off(digits, digits + other)
    if len(digits) > 1:
        second = (at + 1) % len(digits)
        twice = changed[:second] + ("1" if changed[second] != "1" else "2") + changed[second + 1 :]
        assert not one_digit_off(digits, twice)
