"""Tables stage: every table in a package, found, tidy, typed and its totals checked.

- declared.py: the tables configs/tables.yaml declares, read from the repaired words
- detect.py: camelot's ruled and unruled readings chosen region by region; prose.py refuses prose
- structure.py: header rows joined into column names, row labels, the title above, continued tables
- typing.py: Danish (and English) numbers, dashes, shares and units
- totals.py: total rows, subtotal groups and total columns checked against what they add up
"""

from pipeline.tables.declared import extract_tables
from pipeline.tables.other import other_tables  # noqa: E402

__all__ = ["extract_tables", "other_tables"]
