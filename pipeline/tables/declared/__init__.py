"""The tables configs/tables.yaml declares, read from the repaired words (read.py), by kommunekode,
region or printed label (labelled.py), line by line (rows.py), between their headings (sections.py)."""
