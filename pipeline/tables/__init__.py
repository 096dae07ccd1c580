"""Tables stage: every table in a package, found, tidy, typed and its totals checked.

- declared/: the tables configs/tables.yaml declares, read from the repaired words
  (read.py; labelled.py: those keyed by their rows' printed labels; rows.py: a printed line
  as label and cells; sections.py: where each starts and ends)
- other.py: entry for every other table; engines.py runs camelot's ruled and unruled readings,
  detect.py chooses them region by region, gaps.py splits a table typed with spaces at its
  words' gaps, prose.py refuses prose, lists, contents and charts' labels, words.py reads
  OCR'd pages from bilag's own words; tidy.py makes a chosen grid a typed table
- structure.py: header rows, names and titles of columns; caption.py: the title, headnote
  and notes printed around a table
- typing.py: Danish (and English) numbers, dashes, shares and units
- totals.py: total rows, subtotal groups and total columns checked against what they add up;
  ocr_totals.py: an OCR'd table's totals that do not hold read again
"""

from __future__ import annotations

from pathlib import Path

from pipeline.base.context import PackageContext
from pipeline.base.models import Extraction, PageText
from pipeline.tables.declared.read import extract_tables
from pipeline.tables.other import OtherTables, other_tables

__all__ = ["declared_tables", "extract_tables", "other_tables", "undeclared_tables"]


def declared_tables(context: PackageContext, pages: list[PageText]) -> Extraction:
    """Tables stage entry for the tables configs/tables.yaml declares."""
    return extract_tables(pages, context.settings.tables, context.settings.gazetteer)


def undeclared_tables(
    context: PackageContext, as_read: tuple[Path, ...], pages: list[PageText], declared: Extraction
) -> OtherTables:
    """Tables stage entry for every other table: on the pages no declared table stands on, from each PDF as
    the tables are read from it (``as_read``: the searchable PDF where pages were OCR'd)."""
    skip = {page for table in declared.tables.values() for page in table.pages}
    return other_tables(as_read, pages, skip, context.settings.second_look)
