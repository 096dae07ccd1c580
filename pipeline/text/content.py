"""pdfminer's reading of a page's content stream, its plain tokens read by one regular expression.

pdfminer reads a content stream a character class at a time: a state machine of Python
methods per token, then the stack parser's bookkeeping and three debug log calls per token.
On born-digital pages that reading was two fifths of the cost of the page's glyphs.
:class:`QuickContentParser` reads the plain tokens (numbers, names, operators, strings
without escapes, hex strings, ``<<``, ``>>``) of each buffer pdfminer has read with one
regular expression, and hands a plain token at the top level (an operand or an operator)
straight to the interpreter. Everything else (a token that runs on past the buffer, a name
with ``#``, a string with escapes or nested parentheses, an inline image) is read by
pdfminer's own code from where the expression stopped, in the state pdfminer would be in
there: the tokens are pdfminer's, value for value (``tests/text/test_content.py`` holds them
side by side).

:class:`QuickInterpreter` is pdfminer's page interpreter reading its streams with it.
"""

from __future__ import annotations

import logging
import re

from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import (
    ESC_STRING,
    HEX_PAIR,
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    KEYWORD_PROC_BEGIN,
    KEYWORD_PROC_END,
    KWD,
    LIT,
    SPC,
    PSKeyword,
    PSLiteral,
    keyword_name,
)

log = logging.getLogger("pdfminer.pdfinterp")

# After any white space (pdfminer's \s, and NUL, which it skips too), one token that ends inside the
# buffer: its end is seen (the character after it), so a token cut by the buffer's end is left to pdfminer.
_DELIMITER = rb"#/%\[\]()<>{}\s"
TOKEN = re.compile(
    rb"[\x00\s]*(?:"
    rb"(?P<keyword>[A-Za-z][^" + _DELIMITER + rb"]*)(?=[" + _DELIMITER + rb"])"
    rb"|(?P<integer>[-+0-9][0-9]*)(?:(?P<fraction>\.[0-9]*)(?=[^0-9])|(?=[^0-9.]))"
    rb"|(?P<float>\.[0-9]*)(?=[^0-9])"
    rb"|/(?P<name>[^" + _DELIMITER + rb"]*)(?=[/%\[\]()<>{}\s])"  # a # in a name is pdfminer's to read
    rb"|\((?P<string>[^()\\]*)\)"
    rb"|(?P<dict_begin><<)"
    rb"|<(?P<hex>[0-9a-fA-F\s]*)(?=[^0-9a-fA-F\s])"
    rb"|(?P<dict_end>>>)"
    rb"|>(?=[^>])"  # the end of a hex string: no token
    rb"|%[^\r\n]*(?=[\r\n])"  # a comment: no token
    rb"|(?P<single>[^%/\-+0-9.A-Za-z(<>\x00\s])"  # any other character is an operator of its own (pdfminer's)
    rb")"
)
SPACE = re.compile(rb"[\x00\s]*")
# A string's parts: plain bytes, an octal escape (pdfminer reads up to three digits), a line break after a
# backslash (CR LF dropped whole), any other escaped character, a parenthesis
STRING_PART = re.compile(
    rb"(?P<plain>[^()\\]+)|\\(?P<octal>[0-7]{1,3})|\\\r\n|\\(?P<escaped>.)|(?P<paren>[()])", re.DOTALL
)
ESCAPED = {escape: bytes((code,)) for escape, code in ESC_STRING.items()}
OPENING = {"name": 1, "string": 1, "hex": 1}  # a token starts at its /, ( or <, before the group
# Tokens read ahead: up to the first operator past BATCH of them (an array is read whole), and never past an
# inline image's ID (its data follows)
BATCH = 64
ID = PDFContentParser.KEYWORD_ID
PLAIN = frozenset((int, float, bool, bytes, PSLiteral))
STRUCTURE = frozenset(
    (
        KEYWORD_ARRAY_BEGIN,
        KEYWORD_ARRAY_END,
        KEYWORD_DICT_BEGIN,
        KEYWORD_DICT_END,
        KEYWORD_PROC_BEGIN,
        KEYWORD_PROC_END,
        PDFContentParser.KEYWORD_BI,
        PDFContentParser.KEYWORD_ID,
    )
)


class QuickContentParser(PDFContentParser):
    """pdfminer's content parser, the plain tokens of each buffer read at once."""

    # pdfminer reads a stream 4 KB at a time; its tokens do not depend on where a buffer ends (the tests read
    # with buffers of every small size), and here each buffer's end is a token left to the slow path
    BUFSIZ = 1 << 20

    def nexttoken(self):
        if not self._tokens and not self.eof and self._parse1 == self._parse_main:
            self._read_ahead()
        return super().nexttoken()

    def nextobject(self):
        """A plain token at the top level is the next object as it is (pdfminer pushes it and flushes it)."""
        if not self.results and not self.context:
            if not self._tokens and not self.eof and self._parse1 == self._parse_main:
                self._read_ahead()
            if self._tokens:
                token = self._tokens[0][1]
                if type(token) in PLAIN or (type(token) is PSKeyword and token not in STRUCTURE):
                    return self._tokens.pop(0)
                if token is KEYWORD_ARRAY_BEGIN and (array := self._plain_array()) is not None:
                    return array
        return super().nextobject()

    def _plain_array(self):
        """An array of plain tokens read ahead (a TJ's strings and offsets) as pdfminer makes it: a list at the
        position of its ``[``; None if it holds anything else or its end was not read yet."""
        tokens = self._tokens
        for end in range(1, len(tokens)):
            value = tokens[end][1]
            if value is KEYWORD_ARRAY_END:
                array = (tokens[0][0], [value for _, value in tokens[1:end]])
                del tokens[: end + 1]
                return array
            if type(value) not in PLAIN:
                return None
        return None

    def _read_ahead(self) -> None:
        """The plain tokens from the buffer's position on, as pdfminer's state machine would add them."""
        buf, at, tokens = self.buf, self.charpos, self._tokens
        match = TOKEN.match
        while True:
            found = match(buf, at)
            if found is None:
                start = SPACE.match(buf, at).end()
                string = _escaped_string(buf, start) if buf[start : start + 1] == b"(" else None
                if string is None:
                    break
                at, value = string
                tokens.append((self.bufpos + start, value))
                continue
            at = found.end()
            value = _value(found)
            if value is not None:
                kind = found.lastgroup
                start = found.start("integer") if kind == "fraction" else found.start(kind) - OPENING.get(kind, 0)
                tokens.append((self.bufpos + start, value))
                if type(value) is PSKeyword and (value is ID or (len(tokens) >= BATCH and value not in STRUCTURE)):
                    break
        self.charpos = at


def _escaped_string(buf: bytes, at: int) -> tuple[int, bytes] | None:
    """A string with escapes or parentheses in it, from its ``(`` at ``at``, as pdfminer reads it: its end and
    its bytes; None if it runs past the buffer or holds an octal escape past 255 (pdfminer's to fail on)."""
    depth, made, part = 0, [], STRING_PART.match
    while True:
        found = part(buf, at)
        if found is None:
            return None  # the buffer ends inside the string, or with a backslash
        at = found.end()
        octal, escaped, paren = found.group("octal", "escaped", "paren")
        if octal is not None:
            if int(octal, 8) > 255:
                return None
            made.append(bytes((int(octal, 8),)))
        elif escaped is not None:
            made.append(ESCAPED.get(escaped, b""))  # any other character after a backslash: both dropped
        elif paren == b"(":
            depth += 1
            if depth > 1:
                made.append(paren)
        elif paren == b")":
            depth -= 1
            if depth == 0:
                return at, b"".join(made)
            made.append(paren)
        elif found.group("plain") is not None:
            made.append(found.group("plain"))
        # else a backslash before CR LF: both dropped


def _value(found: re.Match) -> object:
    """The token pdfminer adds for what was matched, or None for none."""
    kind = found.lastgroup
    if kind == "keyword":
        word = found.group(kind)
        return True if word == b"true" else False if word == b"false" else KWD(word)
    if kind in ("integer", "fraction"):
        number, fraction = found.group("integer", "fraction")
        try:
            return int(number) if fraction is None else float(number + fraction)
        except ValueError:  # a sign alone: pdfminer adds nothing
            return None
    if kind == "float":
        try:
            return float(found.group(kind))
        except ValueError:
            return None
    if kind == "name":
        name = found.group(kind)
        try:
            return LIT(str(name, "utf-8"))
        except UnicodeDecodeError:
            return LIT(name)
    if kind == "string":
        return found.group(kind)
    if kind == "hex":
        return HEX_PAIR.sub(lambda pair: bytes((int(pair.group(0), 16),)), SPC.sub(b"", found.group(kind)))
    if kind == "dict_begin":
        return KEYWORD_DICT_BEGIN
    if kind == "dict_end":
        return KEYWORD_DICT_END
    if kind == "single":
        return KWD(found.group(kind))
    return None  # the end of a hex string, a comment


class QuickInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, its content streams read by :class:`QuickContentParser`."""

    def execute(self, streams) -> None:
        """pdfminer's ``PDFPageInterpreter.execute`` (pdfminer.six 20260107), but for the parser, and each
        operator's method name made once per operator rather than once per use."""
        valid_streams: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = QuickContentParser(valid_streams)
        except PSEOF:
            return  # an empty page
        while True:
            try:
                _, obj = parser.nextobject()
            except PSEOF:
                break
            if isinstance(obj, PSKeyword):
                self._do(obj)
            else:
                self.push(obj)

    def _do(self, keyword: PSKeyword) -> None:
        method = _method_name(keyword)
        if hasattr(self, method):
            func = getattr(self, method)
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()
        elif settings.STRICT:
            raise PDFInterpreterError(f"Unknown operator: {keyword_name(keyword)!r}")


_methods: dict[PSKeyword, str] = {}


def _method_name(keyword: PSKeyword) -> str:
    if keyword not in _methods:
        name = keyword_name(keyword)
        _methods[keyword] = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
    return _methods[keyword]
