"""The decoded size of a PDF stream through its whole filter chain, counted without holding it.

A bomb need not be a lone ``/FlateDecode``: ``[/FlateDecode /FlateDecode]`` (a stream
deflated twice), the abbreviation ``/Fl`` that readers accept, or ``[/ASCIIHexDecode
/FlateDecode]`` inflate just as far. Each filter here is a generator of chunks, so the
chain is decoded piece by piece and stops as soon as the output passes the limit: the
memory used is a few chunks, whatever the stream claims. Image codecs (DCT, JPX, CCITT,
JBIG2) end the chain; an image's decoded size is bounded by its pixel count instead.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterable, Iterator

CHUNK = 1 << 16

# The abbreviations PDF allows in inline images, which many readers accept anywhere.
ABBREVIATIONS = {
    "/Fl": "/FlateDecode",
    "/AHx": "/ASCIIHexDecode",
    "/A85": "/ASCII85Decode",
    "/LZW": "/LZWDecode",
    "/RL": "/RunLengthDecode",
    "/CCF": "/CCITTFaxDecode",
    "/DCT": "/DCTDecode",
}
IMAGE_CODECS = {"/DCTDecode", "/JPXDecode", "/CCITTFaxDecode", "/JBIG2Decode"}


class TooLarge(Exception):
    """The decoded stream passed the limit."""


class UnknownFilter(Exception):
    """A filter name PDF does not define."""


def filter_names(filters: list) -> list[str]:
    """The stream's filters as full names (``/Fl`` as ``/FlateDecode``)."""
    return [ABBREVIATIONS.get(str(name), str(name)) for name in filters]


def decoded_size(raw: bytes, filters: list[str], limit: int) -> int:
    """Bytes ``raw`` decodes to through ``filters``; TooLarge past ``limit``, UnknownFilter for a made-up name."""
    chunks: Iterable[bytes] = (raw[i : i + CHUNK] for i in range(0, len(raw), CHUNK))
    for name in filters:
        if name in IMAGE_CODECS:
            break
        decoder = DECODERS.get(name)
        if decoder is None:
            raise UnknownFilter(name)
        chunks = _bounded(decoder(chunks), limit)
    return sum(len(chunk) for chunk in _bounded(chunks, limit))


def _bounded(chunks: Iterable[bytes], limit: int) -> Iterator[bytes]:
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            raise TooLarge
        yield chunk


def _flate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            data = chunk
            while data and not inflater.eof:
                yield inflater.decompress(data, CHUNK)
                data = inflater.unconsumed_tail
            if inflater.eof:
                return
    except zlib.error:
        return  # a damaged stream decodes no further (readers stop there too)


def _ascii_hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        data = carry + re.sub(rb"[^0-9A-Fa-f>]", b"", chunk)
        end = data.find(b">")
        if end >= 0:
            data = data[:end] + (b"0" if end % 2 else b"")
        even = len(data) - len(data) % 2
        carry = data[even:]
        yield binascii.unhexlify(data[:even])
        if end >= 0:
            return


def _ascii85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    carry = b""
    for chunk in chunks:
        data = carry + re.sub(rb"\s", b"", chunk).replace(b"<~", b"")
        end = data.find(b"~")
        if end >= 0:
            data = data[:end]
        data = data.replace(b"z", b"!!!!!")
        whole = len(data) - (len(data) % 5 if end < 0 else 0)
        carry = data[whole:]
        try:
            yield base64.a85decode(data[:whole])
        except ValueError:
            return
        if end >= 0:
            return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)  # its input is bounded by the stage before (or the file)
    at, out = 0, bytearray()
    while at < len(data) and data[at] != 128:
        length = data[at]
        if length < 128:
            out += data[at + 1 : at + 2 + length]
            at += 2 + length
        else:
            out += data[at + 1 : at + 2] * (257 - length)
            at += 2
        if len(out) >= CHUNK:
            yield bytes(out)
            out.clear()
    yield bytes(out)


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    data = b"".join(chunks)
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    width, bits, value, previous = 9, 0, 0, b""
    out = bytearray()
    for byte in data:
        value, bits = (value << 8) | byte, bits + 8
        while bits >= width:
            bits -= width
            code = (value >> bits) & ((1 << width) - 1)
            if code == 256:
                table, width, previous = table[:258], 9, b""
                continue
            if code == 257:
                yield bytes(out)
                return
            if code > len(table) or (code == len(table) and not previous):
                break  # a damaged stream decodes no further
            entry = table[code] if code < len(table) else previous + previous[:1]
            if previous:
                table.append(previous + entry[:1])
            out += entry
            previous = entry
            width = min(12, max(9, (len(table) + 1).bit_length()))
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
    yield bytes(out)


DECODERS = {
    "/FlateDecode": _flate,
    "/ASCIIHexDecode": _ascii_hex,
    "/ASCII85Decode": _ascii85,
    "/RunLengthDecode": _run_length,
    "/LZWDecode": _lzw,
}
