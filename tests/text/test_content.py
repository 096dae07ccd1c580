"""The quick content parser's objects are pdfminer's, position for position and value for value.

Content streams made of every kind of token, each written plainly and awkwardly (a name with
``#``, strings with escapes and nested parentheses, hex strings with white space, comments,
NUL, signs without digits, an inline image), cut across two streams, and read with buffers
of every small size so that each token is cut by a buffer's end somewhere. A real page whose
operands are read whole: the interpreter's glyphs are the same too (tests/text/test_parsed.py).
"""

from __future__ import annotations

import random

import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream
from pdfminer.psexceptions import PSEOF, PSSyntaxError

from pipeline.text.content import QuickContentParser

PIECES = [
    b"BT /F1 12 Tf 72 712.5 Td (Byr\xe5det er) Tj ET",
    b"[(Kom)-250.5(mune)12(s)] TJ",
    b"<0023004A 00 4B> Tj <41424> Tj <> Tj",
    b"/Name#20with#41hex /Bad#zz /A#4 /Plain /",
    b"(nested (paren) and \\) escaped \\( ones) Tj",
    b"(octal \\101\\0612 \\777x and \\n\\t\\\\ \\q \\\r\n line) '",
    b'1 0 0 1 -.5 +3 -- + - . 1.2.3 5. Tm 0 0 1 rg 0.2 0.3 0.4 RG 2 0 0 2 0 0 cm " T* f* d0',
    b"% a comment\r/F2 9 Tf % another\n q Q",
    b"<< /MCID 3 /Lang (da) >> BDC EMC /Span <</ActualText (\xfe\xff\x00A)>> BDC",
    b"true false null { } ] [ ) # \x00 \x80\xff word\x00joined",
    b"BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\x10EI Q EI q",
    b"BI /W 1 /H 1 /F /A85 ID z~> EI",
    b"<<>> >> <4>> <41 >",
    b"[1 [2 3] /A] [] [(a) null] [<0041> -12.5 (b)] TJ [0 1] 0 d ]",
    b"[(a\\\r\nb) -3 (c\\\rd) (\\8\\9) ((())) (\\0) (\\1234\\(x) (tab\\\tend)] TJ",
]


def stream(data: bytes) -> PDFStream:
    made = PDFStream({}, data)
    made.objid = 1
    return made


def objects(parser_class: type, streams: list[PDFStream], bufsize: int) -> list:
    parser = parser_class(streams)
    parser.BUFSIZ = bufsize  # no buffer is read until the first token is asked for
    found = []
    while True:
        try:
            pos, obj = parser.nextobject()
        except PSEOF:
            return found
        except (AssertionError, PSSyntaxError) as error:  # an octal escape past 255, a dict cut across streams
            return [*found, (type(error).__name__, str(error))]
        found.append((pos, _plain(obj)))


def _plain(obj: object) -> object:
    if isinstance(obj, PDFStream):
        return ("stream", obj.attrs, obj.rawdata)
    if isinstance(obj, list):
        return [_plain(item) for item in obj]
    if isinstance(obj, dict):
        return {key: _plain(value) for key, value in obj.items()}
    return obj  # names and operators are interned: the same object in both


@pytest.mark.parametrize("piece", PIECES)
def test_each_kind_of_token_is_read_as_pdfminer_reads_it_whatever_the_buffer(piece):
    streams = [stream(piece + b"\n")]
    expected = objects(PDFContentParser, streams, 4096)
    assert expected  # the piece says something
    for bufsize in range(1, len(piece) + 2):
        assert objects(QuickContentParser, streams, bufsize) == objects(PDFContentParser, streams, bufsize)


def test_streams_of_every_kind_cut_anywhere_are_read_as_pdfminer_reads_them():
    chance = random.Random(25)
    for _ in range(40):
        data = b" ".join(chance.sample(PIECES, 4))
        cut = chance.randrange(1, len(data))
        streams = [stream(data[:cut]), stream(data[cut:])]
        for bufsize in (3, 7, 64, 4096):
            assert objects(QuickContentParser, streams, bufsize) == objects(PDFContentParser, streams, bufsize)


def test_a_plain_page_is_read_without_pdfminers_state_machine():
    """The negative case: the quick parser must not be pdfminer's under another name."""
    data = b"BT /F1 12 Tf 72 712 Td [(Kommune)-250(Region)] TJ ET\n" * 50
    parser = QuickContentParser([stream(data)])
    calls = []
    parser._parse_main = lambda s, i: calls.append(i) or PDFContentParser._parse_main(parser, s, i)
    parser._parse1 = parser._parse_main
    count = 0
    try:
        while True:
            parser.nextobject()
            count += 1
    except PSEOF:
        pass
    assert count == 50 * 10 and len(calls) < count / 10
