"""Repair stage: the Danish repair engine (``pipeline.danish.repairer``) applied to a package's pages.

Every change is logged with page, line, rule and confidence (``repairs.csv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.base.config import DEFAULT_CONFIG_DIR
from pipeline.base.context import PackageContext
from pipeline.base.doctor import wordlist_missing
from pipeline.base.models import PageText, RepairRecord, Word
from pipeline.base.settings import Settings, load_settings
from pipeline.danish.confusion import ConfusionTable
from pipeline.danish.damage import damaged_fonts, evidence
from pipeline.danish.lexicon import load_lexicon
from pipeline.danish.repairer import Repairer, RepairSettings
from pipeline.text.layout import reading_lines

WORD = re.compile(r"[^\W\d_]{2,}")


def repair_settings(config: dict) -> RepairSettings:
    """The repair engine's settings from repair.yaml (read and checked with the run's Settings)."""
    return RepairSettings(
        table=ConfusionTable.from_config(config),
        margin_lacking=float(config["margin_when_ocr_lacks_danish_letters"]),
        margin_having=float(config["margin_when_ocr_has_danish_letters"]),
        share_threshold=float(config["danish_letter_share_threshold"]),
        min_confidence=float(config["min_confidence"]),
        suffixes=tuple(sorted(config["inflection_suffixes"], key=len, reverse=True)),
        min_english_zipf=float(config["english"]["min_zipf"]),
        english_discount=float(config["english"]["discount"]),
    )


_repairers: dict[str, Repairer] = {}  # by the configs' digest: the lexicon is built once per process


def load_repairer(settings: Settings | None = None) -> Repairer:
    """The repair engine of ``settings`` (the shipped configs' if None), built once per process."""
    settings = settings or load_settings(DEFAULT_CONFIG_DIR)
    if settings.digest not in _repairers:
        config = settings.repair
        wordlist = Path(config["wordlist"])
        if not wordlist.is_file():  # the machine's fault: exit 4, saying how to install it
            raise wordlist_missing(wordlist)
        lexicon = load_lexicon(wordlist, settings.gazetteer.all_names(), float(config["unlisted_zipf"]))
        _repairers[settings.digest] = Repairer(lexicon, repair_settings(config), settings.gazetteer)
    return _repairers[settings.digest]


def repair_pages(pages: list[PageText], repairer: Repairer) -> tuple[list[PageText], list[RepairRecord]]:
    """Repair stage entry: words repaired where an OCR damaged them, and the log of changes.

    OCR'd pages and OCR text layers are repaired (not a layer kept in another language: ``PageText.language``).
    On a born-digital page only the words
    in a font whose words show OCR damage are (``pipeline.danish.damage``): a Word export that
    prints æ, ø and å is left exactly as printed. The margin is set once for the package.
    """
    fonts = damaged_fonts([p for p in pages if _born_digital(p)], repairer)
    where = _segments(pages, fonts)
    keep = frozenset(
        (row, position)
        for row, (page, segment) in enumerate(where, start=1)
        for position, word in enumerate(segment)
        if _born_digital(page) and word.font not in fonts
    )
    printed = [" ".join(w.text for w in segment) for _, segment in where]
    in_scope = [
        token for row, text in enumerate(printed, 1) for pos, token in enumerate(text.split()) if (row, pos) not in keep
    ]
    repaired, changes = repairer.repair_lines(printed, repairer.margin_for([" ".join(in_scope)]), keep)
    line_of = {id(w): number for page in pages for number, line in enumerate(page.lines) for w in line}
    records = [
        replace(c, page=where[c.line - 1][0].info.index, line=line_of[id(where[c.line - 1][1][0])] + 1) for c in changes
    ]
    changed: dict[int, str] = {}
    for (_, segment), before, after in zip(where, printed, repaired):
        tokens = after.split() if len(after.split()) == len(segment) else before.split()  # never shift words
        changed.update((id(w), t) for w, t in zip(segment, tokens) if t != w.text)
    lines = [
        [[replace(w, text=changed[id(w)]) if id(w) in changed else w for w in line] for line in p.lines] for p in pages
    ]
    return [replace(page, lines=own) for page, own in zip(pages, lines)], records


def _segments(pages: list[PageText], fonts: set[str]) -> list[tuple[PageText, list[Word]]]:
    """The lines to repair, each with its page, in reading order: a page set in columns column by column,
    so a word broken at a line end ("Diabe-" / "tes") is judged whole even where a figure in a far column
    ends its printed row. A born-digital page's lines only where a damaged font prints (``damaged_fonts``)."""
    where = []
    for page in pages:
        if page.language:  # a text layer kept in its own language, not Danish: nothing to repair
            continue
        if _born_digital(page) and not any(w.font in fonts for line in page.lines for w in line):
            continue
        for segment in reading_lines(page.lines, page.rules):
            if not _born_digital(page) or any(w.font in fonts for w in segment):
                where.append((page, segment))
    return where


def repair_text(lines: list[str], repairer: Repairer) -> tuple[list[str], list[RepairRecord]]:
    """A plain text repaired only if its words show OCR damage; otherwise returned as it is."""
    if not evidence([core for line in lines for core in WORD.findall(line)], repairer).shows_damage:
        return lines, []
    return repairer.repair_lines(lines)


def _born_digital(page: PageText) -> bool:
    return page.source == "text-layer" and page.triage == "born-digital"


def danish_quality(lines: list[str], repairer: Repairer) -> float | None:
    """Share of a text's words that read as sound Danish (0-1); None when it has no words.

    A word counts when the lexicon knows it as printed (or as an inflection, a name or a
    common English word) and the repair would not change it even in an OCR that never
    prints æ, ø or å: an English-only OCR layer scores low, a clean one close to 1.
    """
    words = [word for line in lines for word in WORD.findall(line)]
    if not words:
        return None
    margin = repairer.settings.margin_lacking
    sound = sum(1 for word in words if repairer.analyse(word)[0] is not None and repairer.decide(word, margin) is None)
    return round(sound / len(words), 3)


@dataclass(frozen=True)
class Repaired:
    pages: list[PageText]  # every page, its damaged Danish words repaired
    records: list[RepairRecord]  # each change (repairs.csv)


def repair(context: PackageContext, pages: list[PageText]) -> Repaired:
    """Repair stage entry: see :func:`repair_pages`."""
    return Repaired(*repair_pages(pages, load_repairer(context.settings)))
