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
from pipeline.base.models import PageText, RepairRecord
from pipeline.base.settings import Settings, load_settings
from pipeline.danish.confusion import ConfusionTable
from pipeline.danish.damage import damaged_fonts, evidence
from pipeline.danish.lexicon import load_lexicon
from pipeline.danish.repairer import Repairer, RepairSettings

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
    where = [
        (page, number)
        for page in pages
        if not page.language  # a text layer kept in its own language, not Danish: nothing to repair
        for number, line in enumerate(page.lines)
        if not _born_digital(page) or any(w.font in fonts for w in line)
    ]
    keep = frozenset(
        (row, position)
        for row, (page, number) in enumerate(where, start=1)
        for position, word in enumerate(page.lines[number])
        if _born_digital(page) and word.font not in fonts
    )
    printed = [" ".join(w.text for w in page.lines[number]) for page, number in where]
    in_scope = [
        token for row, text in enumerate(printed, 1) for pos, token in enumerate(text.split()) if (row, pos) not in keep
    ]
    repaired, changes = repairer.repair_lines(printed, repairer.margin_for([" ".join(in_scope)]), keep)
    records = [replace(c, page=where[c.line - 1][0].info.index, line=where[c.line - 1][1] + 1) for c in changes]
    result = {id(page): replace(page, lines=list(page.lines)) for page in pages}
    for (page, number), before, after in zip(where, printed, repaired):
        words, tokens = page.lines[number], after.split()
        if len(tokens) != len(words):
            tokens = before.split()  # never shift words between columns
        result[id(page)].lines[number] = [replace(w, text=t) for w, t in zip(words, tokens)]
    return [result[id(page)] for page in pages], records


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
