"""Imported once by the fence's fork server: every package's child starts with these loaded.

Importing them takes about 4 s of CPU (great-expectations 3 s of it), the lexicon 1-2 s; forked children
share the pages, so a package pays neither the time nor the memory again. A run of one package
does not load this (fence.PRELOAD_ONE): its child imports great-expectations and camelot in a
thread during its OCR, when it mostly waits for Tesseract (pipeline/background.py).
"""

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import camelot  # noqa: E402,F401
import great_expectations  # noqa: E402,F401
import ocrmypdf  # noqa: E402,F401
import pdfplumber  # noqa: E402,F401
import pikepdf  # noqa: E402,F401

import pipeline.run  # noqa: E402,F401

# The run's configs and Danish lexicon (1-2 s), when the driver names the config folder.
if os.environ.get("BILAG_PRELOAD_CONFIG"):
    from pathlib import Path

    from pipeline.repair import load_repairer
    from pipeline.run import _configs

    _configs(Path(os.environ["BILAG_PRELOAD_CONFIG"]))
    load_repairer(Path(os.environ["BILAG_PRELOAD_CONFIG"]))
