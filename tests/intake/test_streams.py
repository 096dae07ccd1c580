"""Decoded sizes through whole filter chains, counted piece by piece."""

from __future__ import annotations

import base64
import zlib

import pytest

from pipeline.intake.streams import TooLarge, UnknownFilter, decoded_size, filter_names

DATA = bytes(range(256)) * 400  # 100 KB


def _run_length(data: bytes) -> bytes:
    out = bytearray()
    for start in range(0, len(data), 128):
        chunk = data[start : start + 128]
        out += bytes([len(chunk) - 1]) + chunk
    return bytes(out + b"\x80")


@pytest.mark.parametrize(
    ("encoded", "filters"),
    [
        (zlib.compress(DATA), ["/FlateDecode"]),
        (zlib.compress(zlib.compress(DATA)), ["/FlateDecode", "/FlateDecode"]),
        (zlib.compress(DATA).hex().encode() + b">", ["/ASCIIHexDecode", "/FlateDecode"]),
        (base64.a85encode(zlib.compress(DATA)) + b"~>", ["/ASCII85Decode", "/FlateDecode"]),
        (_run_length(DATA), ["/RunLengthDecode"]),
        (DATA, []),
    ],
)
def test_the_decoded_size_is_counted_through_the_whole_chain(encoded, filters):
    assert decoded_size(encoded, filters, 1 << 20) == len(DATA)


def test_a_bomb_stops_at_the_limit_however_it_is_wrapped():
    zeros = zlib.compress(bytes(64 << 20), 9)
    for encoded, filters in [
        (zeros, ["/FlateDecode"]),
        (zlib.compress(zeros, 9), ["/FlateDecode", "/FlateDecode"]),
        (zeros.hex().encode(), ["/ASCIIHexDecode", "/FlateDecode"]),
    ]:
        with pytest.raises(TooLarge):
            decoded_size(encoded, filters, 1 << 20)


def test_abbreviations_are_read_as_their_filters_and_unknown_names_refused():
    assert filter_names(["/Fl", "/AHx", "/A85", "/RL", "/LZW", "/DCT"]) == [
        "/FlateDecode", "/ASCIIHexDecode", "/ASCII85Decode", "/RunLengthDecode", "/LZWDecode", "/DCTDecode",
    ]  # fmt: skip
    assert decoded_size(b"\xff\xd8 jpeg", ["/DCTDecode"], 10) == 7  # an image codec ends the chain: its bytes
    with pytest.raises(UnknownFilter):
        decoded_size(b"x", ["/MadeUpDecode"], 10)


def test_lzw_decodes_the_pdf_specs_example():
    """PDF 1.7, 7.4.4.2: 45 45 45 45 45 65 45 45 45 66 ("-----A---B") encodes to these nine bytes."""
    assert decoded_size(bytes.fromhex("800B6050220C0C8501"), ["/LZWDecode"], 100) == 10
