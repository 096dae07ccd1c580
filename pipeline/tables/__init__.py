"""Tables stage: every table in a package, found, tidy, typed and its totals checked.

- declared.py: the tables configs/tables.yaml declares, read from the repaired words
  (labelled.py: those keyed by their rows' printed labels)
- other.py: entry for every other table; engines.py runs camelot's ruled and unruled readings,
  detect.py chooses them region by region, gaps.py splits a table typed with spaces at its
  words' gaps, prose.py refuses prose, lists, contents and charts' labels, words.py reads
  OCR'd pages from bilag's own words; tidy.py makes a chosen grid a typed table
- structure.py: header rows, names and titles of columns; caption.py: the title, headnote
  and notes printed around a table
- typing.py: Danish (and English) numbers, dashes, shares and units
- totals.py: total rows, subtotal groups and total columns checked against what they add up
"""

from pipeline.tables.declared.read import extract_tables
from pipeline.tables.other import other_tables

__all__ = ["extract_tables", "other_tables"]
