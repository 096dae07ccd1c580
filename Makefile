# Two commands do everything on a fresh Debian/Ubuntu machine with Python 3.11+:
#   make run    set up, then process the sample package in raw/ into processed/
#   make test   set up, then run the test suite (in parallel: one worker per core)
PYTHON ?= python3
VENV := .venv
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
APT_PACKAGES := wdanish tesseract-ocr tesseract-ocr-dan ghostscript
# only for the tests: the report's crops are checked in a real headless browser; pdftotext is
# the reference for the text of real born-digital PDFs; DejaVu Sans draws the Hebrew and Arabic of
# pipeline/fixtures/rtl.py
TEST_APT_PACKAGES := chromium poppler-utils fonts-dejavu-core

.PHONY: run test test-quick setup system test-system lint bench-repair bench-scans bench-prose bench-noop bench-parallel bench-dask bench-variants bench-tables bench-fence bench-text bench-text-agreement bench-languages bench-long bench-cost bench-turned bench-same-outputs bench-suite bench-straddle bench-unseen bench-word-tables bench-generated clean

run: setup
	$(VENV)/bin/bilag run raw --out processed

# -n auto: one pytest-xdist worker per core; loadgroup keeps the tests that share an expensive
# fixture (tests/conftest.py) or must not overlap (the fence's) on one worker
test: setup test-system
	$(VENV)/bin/pytest -q -n auto --dist loadgroup

# the same without the tests marked slow (OCR of scans, killed runs, the wheel, whole runs)
test-quick: setup test-system
	$(VENV)/bin/pytest -q -n auto --dist loadgroup -m "not slow"

setup: system $(VENV)/.installed

# Debian's Danish word list (wdanish) is the repair's lexicon; Tesseract with its Danish
# model and Ghostscript do the OCR of scans (through OCRmyPDF).
system:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(APT_PACKAGES); }

test-system:
	@dpkg -s $(TEST_APT_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $(TEST_APT_PACKAGES); }

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

lint: setup
	$(VENV)/bin/ruff check pipeline tests benchmarks
	$(VENV)/bin/ruff format --check pipeline tests benchmarks

# CPU seconds of each test module run alone (with the processes it starts): where the suite's time goes
bench-suite: setup test-system
	$(VENV)/bin/python benchmarks/suite.py

bench-repair: setup
	$(VENV)/bin/python benchmarks/repair.py

bench-text: setup
	$(VENV)/bin/python benchmarks/text.py

bench-text-agreement: setup
	$(VENV)/bin/python benchmarks/text_agreement.py

# text layers over page pictures in other languages (kept, or read again) and right-to-left text
bench-languages: setup test-system
	$(VENV)/bin/python benchmarks/languages.py

# the scan generator over 40 seeds (and 6 at 200 dpi, JPEG q30) first, then cost and text beside OCRmyPDF
bench-scans: setup
	$(VENV)/bin/python benchmarks/scan_seeds.py --seeds 40 --fax 6
	$(VENV)/bin/python benchmarks/scans.py
	$(VENV)/bin/python benchmarks/prose.py

# Prose pages of scans (the sample's and real documents'): bilag's words beside OCRmyPDF alone's
bench-prose: setup
	$(VENV)/bin/python benchmarks/prose.py

bench-fence: setup
	$(VENV)/bin/python benchmarks/fence.py

bench-noop: setup
	$(VENV)/bin/python benchmarks/noop.py

bench-parallel: setup
	$(VENV)/bin/python benchmarks/parallel.py

# 100 born-digital packages on a local Dask cluster of two workers beside --jobs 2: pages per CPU-second
bench-dask: setup
	$(VENV)/bin/python benchmarks/dask_many.py

bench-variants: setup
	$(VENV)/bin/python benchmarks/variants.py

# published cells that hold two printed cells (two columns' words or figures, or two rows') on ICDAR-2013 and the peers
bench-straddle: setup
	$(VENV)/bin/python benchmarks/straddle.py

# tables that other extractors' test suites assert (tabula-py's and PyMuPDF's sdists, fetched once into
# ~/.cache/bilag-unseen): bilag beside camelot and pdfplumber alone, pages whose test asserts a table count, and
# published cells against the print (a % dropped from a typed cell, rows printed outside the page)
bench-unseen: setup
	$(VENV)/bin/python benchmarks/unseen.py

# tables as Word writes them: generated documents exported to PDF by LibreOffice (installed here if missing)
bench-word-tables: setup
	@dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends libreoffice-writer-nogui; }
	$(VENV)/bin/python benchmarks/word_tables.py

# tables as spreadsheets (LibreOffice Calc) and browsers (Chromium) print them: generated documents, every cell known
bench-generated: setup test-system
	@dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends libreoffice-calc-nogui; }
	$(VENV)/bin/python benchmarks/generated_tables.py

bench-tables: setup
	$(VENV)/bin/python benchmarks/tables.py

bench-long: setup
	$(VENV)/bin/python benchmarks/long.py

# CPU seconds per page: bilag beside pdfplumber and camelot alone (real documents, ICDAR-2013), and on scans (upright,
# fed turned, the real Ballerup scan) beside OCRmyPDF with and without --rotate-pages
bench-cost: setup
	$(VENV)/bin/python benchmarks/cost.py

# which pages the look before the OCR suspects of being turned (pipeline/ocr/turned.py), against the truth
bench-turned: setup
	$(VENV)/bin/python benchmarks/turned.py

# outputs byte for byte as recorded: make bench-same-outputs RECORD=before.json on the old code, then CHECK=before.json
bench-same-outputs: setup
	$(VENV)/bin/python benchmarks/same_outputs.py $(if $(RECORD),--record $(RECORD),--check $(CHECK))

clean:
	rm -rf processed/*/ processed/.staging-* $(VENV)
