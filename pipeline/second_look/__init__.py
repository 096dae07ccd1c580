"""The second look: figures of OCR'd tables that do not add up read again from the page image
(reconcile.py, reread.py), and totals the OCR could not read decided from the document's relations
(relations.py)."""
