"""Tables stage: every table in a package, found, tidy, typed and its totals checked.

- declared.py: the tables configs/tables.yaml declares, read from the repaired words
  (labelled.py: those keyed by their rows' printed labels)
- other.py: entry for every other table; detect.py chooses camelot's ruled and unruled readings
  region by region, prose.py refuses prose, lists and contents, words.py reads OCR'd pages
  from bilag's own words
- structure.py: header rows, names and titles of columns, the title above
- typing.py: Danish (and English) numbers, dashes, shares and units
- totals.py: total rows, subtotal groups and total columns checked against what they add up
"""

from pipeline.tables.declared import extract_tables
from pipeline.tables.other import other_tables

__all__ = ["extract_tables", "other_tables"]
