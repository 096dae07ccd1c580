"""Imported once by the fence's fork server: every package's child starts with these loaded.

Importing them takes about 4 s of CPU (great-expectations 3 s of it), the lexicon 1-2 s; forked children
share the pages, so a package pays neither the time nor the memory again (on ICDAR-2013's 67 small
PDFs a package took 0.71 s on average without the repair's first loads and the frozen heap, 0.40 s
with them). A run of one package does not load this (run.PRELOAD.one): its child imports
great-expectations and camelot in a thread during its OCR, when it mostly waits for Tesseract
(pipeline/running/background.py).
"""

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import camelot  # noqa: E402,F401
import great_expectations  # noqa: E402,F401
import ocrmypdf  # noqa: E402,F401
import pdfplumber  # noqa: E402,F401
import pikepdf  # noqa: E402,F401

import pipeline.stages  # noqa: E402,F401
import pipeline.text.parsed  # noqa: E402,F401  (the text stage imports it where pages are read: not in every child)

# The run's Danish lexicon (1-2 s), when the driver names the config folder: the packages' settings,
# read from the same folder, have the same digest, so their children find the repair engine built.
if os.environ.get("BILAG_PRELOAD_CONFIG"):
    from pathlib import Path

    from pipeline.base.settings import load_settings
    from pipeline.danish.repair import load_repairer

    repairer = load_repairer(load_settings(Path(os.environ["BILAG_PRELOAD_CONFIG"])))
    # What the repair loads on first use, else once in every package's child (0.2 s each): wordfreq's
    # English list (words documents quote in English), ftfy.
    repairer.lexicon.english_zipf("the")
    import ftfy  # noqa: F401

# Everything loaded so far lives as long as the server: out of the collector's sight, so that a
# package's child does not walk (and, touching it, copy) the whole preloaded heap at each collection.
import gc  # noqa: E402

gc.freeze()
