"""Where each declared table starts and ends in a package's lines: its heading, found even through OCR noise."""

from __future__ import annotations

import re

from pipeline.base.errors import ConfigError
from pipeline.tables.declared.rows import Line

# Scan specks before a heading, read as punctuation (": : Bilag A"), do not hide it.
SPECKS = re.compile(r"^[^\w\s]{1,3}(\s+[^\w\s]{1,3})*\s+")
# A speck may also be read as a letter ("i Bilag A"), and a bold heading word misread by
# a letter ("Rilag B"): those readings are only tried when no line starts with the heading.
SHORT_TOKENS = re.compile(r"^(\S{1,2}\s+){1,2}")
MARKS_BETWEEN = re.compile(r"(?<=[^\W\d_])[^\w\s]{1,2}(?=[^\W\d_])")
FIRST_WORD = re.compile(r"^\^([A-Za-zÆØÅæøå]{5,})(.*)$", re.DOTALL)


def find_sections(lines: list[Line], config: dict) -> dict[str, list[Line]]:
    starts: list[tuple[int, str]] = []
    texts = [SPECKS.sub("", line.text) for line in lines]
    for name, spec in config["tables"].items():
        try:
            heading = re.compile(spec["heading"])
        except (re.error, KeyError) as error:
            raise ConfigError(f"configs/tables.yaml: table {name}: bad heading ({error})") from None
        found = next((i for i, text in enumerate(texts) if heading.match(text)), None)
        if found is None:
            found = next((i for i, text in enumerate(texts) if heading.match(SHORT_TOKENS.sub("", text))), None)
        if found is None:  # a speck read as a mark between the heading's words ("Bilag:A:")
            found = next((i for i, text in enumerate(texts) if heading.match(MARKS_BETWEEN.sub(" ", text))), None)
        if found is None and (misread := _one_letter_off(spec["heading"])) is not None:
            found = next((i for i, text in enumerate(texts) if misread.match(text)), None)
        if found is not None:
            starts.append((found, name))
    starts.sort()
    sections = {}
    for (start, name), following in zip(starts, starts[1:] + [(len(lines), "")]):
        section = lines[start + 1 : following[0]]
        end = config["tables"][name].get("end")
        if end:
            stop = next((i for i, line in enumerate(section) if re.match(end, line.text)), None)
            section = section if stop is None else section[: stop + 1]
        sections[name] = section
    return sections


def _one_letter_off(pattern: str):
    """The heading with one letter of its first word misread (``Rilag B`` for ``Bilag B``), still capitalised.

    Only for a first word of five letters or more, and never lower case: a prose line may
    start with ``bilag A.``.
    """
    import regex

    parts = FIRST_WORD.match(pattern)
    if parts is None:
        return None
    word, rest = parts.groups()
    try:
        return regex.compile(rf"^(?=[A-ZÆØÅ0-9])(?:{word}){{s<=1}}{rest}")
    except regex.error:
        return None
