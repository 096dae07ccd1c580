"""The second look's Tesseract runs: many crops read in one process, each crop on its own."""

from __future__ import annotations

from pathlib import Path

import reportlab
from PIL import Image, ImageDraw, ImageFont, ImageOps

from pipeline.second_look.reread import _agreed, _doubled, _half, _ink_extent, _read_pages, read_crops

FONT = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # ships with reportlab: the same on every machine


def figure(text: str) -> Image.Image:
    """A cell's figure as a crop trimmed to its ink, as ``crop_for_reading`` hands it over."""
    font = ImageFont.truetype(str(FONT), 40)
    image = Image.new("L", (40 * max(len(text), 1) + 20, 60), 255)
    ImageDraw.Draw(image).text((10, 5), text, font=font, fill=0)
    box = Image.eval(image, lambda v: 255 - v).getbbox()
    return image.crop(box) if box else image


def test_each_page_of_one_run_is_read_on_its_own_and_in_order():
    blank = Image.new("L", (20, 20), 255)  # no text, and no shift of the pages after it
    crops = [figure("17"), figure("2"), figure("4.236"), blank, figure("905"), figure("-")]
    framed = [ImageOps.expand(crop, 30, fill=255) for crop in crops]
    assert _read_pages(framed, psm=7) == ["17", "2", "4236", "", "905", "-"]


def test_crops_read_alike_at_every_size_are_taken_and_all_readings_kept():
    crops = [figure(t) for t in ("3.725", "12", "640")]
    results = read_crops(crops, (24, 30, 36), jobs=2)
    assert [text for text, _ in results] == ["3725", "12", "640"]
    assert all(text in seen for text, seen in results)


def test_a_crop_read_twice_side_by_side_reads_as_twin_figures():
    crops = [figure(t) for t in ("1", "7", "12", "905")]  # (a dash never gets here: crop_for_reading knows it)
    assert [_half(text) for text in _read_pages([_doubled(c, 24) for c in crops], psm=7)] == ["1", "7", "12", "905"]


def test_a_doubled_reading_counts_only_as_two_equal_halves():
    assert _half("11") == "1" and _half("1212") == "12"
    assert _half("14") == "" and _half("111") == "" and _half("") == ""


def test_readings_that_disagree_decide_only_when_nothing_contradicts():
    assert _agreed("1", "1", {"", "1"}) == "1"
    assert _agreed("", "1", {"", "1"}) == "1"  # a lone 1 lost alone but read as twins and at one size
    assert _agreed("", "1", {"4", "1"}) == ""  # another size read 4
    assert _agreed("7", "1", {"7", "1"}) == ""
    assert _agreed("", "", {"", "1"}) == ""


def crop_with(*bands: tuple[int, int]) -> Image.Image:
    """A binarised crop 60 pixels high with a block of ink over each band of rows (first, last)."""
    crop = Image.new("L", (100, 60), 255)
    for top, bottom in bands:
        ImageDraw.Draw(crop).rectangle((40, top, 70, bottom), fill=0)
    return crop


def test_in_a_crop_as_tall_as_a_row_the_figure_on_the_baseline_is_the_cells():
    """A scan's tall line boxes the cell as high as the row's pitch: the foot of the figure above is in it."""
    line = (45, 30)  # the cell's baseline and its line's height, in the crop's pixels
    assert _ink_extent(crop_with((0, 8), (25, 45)), 3, line)[1:4:2] == (25, 46)
    assert _ink_extent(crop_with((0, 8)), 3, line) is None  # only the neighbour's foot: nothing printed here
    assert _ink_extent(crop_with((0, 8), (25, 45)), 3)[1:4:2] == (0, 46)  # without its line: all the ink
    assert _ink_extent(crop_with((20, 28), (30, 45)), 3, line)[1:4:2] == (20, 46)  # a 5's flag: one figure
