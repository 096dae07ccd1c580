"""Shared fixtures: real PDFs built by the project's own fixture code, real stages."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.intake.ingest import find_packages
from pipeline.run import run_package

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "kkr-hovedstaden-2025-06.pdf"
GOLDEN = Path(__file__).resolve().parent / "golden" / "kkr-hovedstaden-2025-06"
DATA = Path(__file__).resolve().parent / "data"  # real PDFs, seed text and test-suite tables; see data/README.md


def pytest_configure(config):
    """The tests keep their lexicon cache to themselves, not in the user's ~/.cache (CLI runs inherit it)."""
    config.bilag_cache = tempfile.mkdtemp(prefix="bilag-test-cache-")
    os.environ["BILAG_CACHE_DIR"] = config.bilag_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "bilag_cache", ""), ignore_errors=True)


def process(pdf: Path, out: Path):
    """Run every stage on one PDF; the package's published folder and its result."""
    raw = pdf.parent
    package = next(p for p in find_packages(raw) if p.id == pdf.stem)
    return run_package(package, out)


@pytest.fixture(scope="session")
def sample_result(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    return process(raw / SAMPLE.name, tmp_path_factory.mktemp("processed"))


@pytest.fixture(scope="session")
def tampered_pdf(tmp_path_factory) -> Path:
    """The sample with København's inhabitants changed and Gentofte's Bilag B cell blanked."""
    options = SampleOptions(overrides={("indbyggere", 101): "667.199", ("kommunekvote", 157): ""})
    return build_sample(tmp_path_factory.mktemp("tampered") / "tampered.pdf", options=options)


@pytest.fixture(scope="session")
def tampered_result(tampered_pdf, tmp_path_factory):
    return process(tampered_pdf, tmp_path_factory.mktemp("processed-tampered"))


@pytest.fixture
def build(tmp_path):
    def _build(name: str = "package.pdf", **options) -> Path:
        return build_sample(tmp_path / "raw" / name, options=SampleOptions(**options))

    return _build


@pytest.fixture(scope="session")
def digital_pdf(tmp_path_factory) -> Path:
    """The sample as built born-digital (the one in raw/ has a scanned page)."""
    return build_sample(tmp_path_factory.mktemp("digital") / SAMPLE.name)


@pytest.fixture(scope="session")
def scanned_pdf(digital_pdf, tmp_path_factory) -> Path:
    """The sample printed and scanned: image only, slightly skewed, noisy."""
    from pipeline.fixtures.scan import scan_pdf

    return scan_pdf(digital_pdf, tmp_path_factory.mktemp("scanned") / "scanned.pdf")


@pytest.fixture(scope="session")
def scanned_result(scanned_pdf, tmp_path_factory):
    return process(scanned_pdf, tmp_path_factory.mktemp("processed-scan"))


@pytest.fixture(scope="session")
def english_ocr_result(scanned_pdf, tmp_path_factory):
    """The scan with the text layer an English-only OCR gives it (as many published packages have)."""
    from pipeline.fixtures.scan import english_ocr_pdf

    pdf = english_ocr_pdf(scanned_pdf, tmp_path_factory.mktemp("english-ocr") / "english-ocr.pdf")
    return process(pdf, tmp_path_factory.mktemp("processed-english-ocr"))


@pytest.fixture(scope="session")
def ruled_scan_result(tmp_path_factory):
    """A harder scan: Times, ruled tables, 250 dpi, 0.8° skew, more noise."""
    from pipeline.fixtures.scan import ScanOptions, scan_pdf

    digital = build_sample(tmp_path_factory.mktemp("ruled") / "ruled.pdf", options=SampleOptions("Times-Roman", True))
    options = ScanOptions(dpi=250, skew_degrees=0.8, noise=9, seed=7)
    pdf = scan_pdf(digital, tmp_path_factory.mktemp("ruled-scan") / "ruled-scan.pdf", options)
    return process(pdf, tmp_path_factory.mktemp("processed-ruled-scan"))


@pytest.fixture(scope="session")
def turned_scan_result(tmp_path_factory):
    """A scan fed carelessly: Regionskvoter upside down, Bilag A's and B's first pages sideways, two totals smudged."""
    from pipeline.fixtures.scan import ScanOptions, scan_pdf

    options = ScanOptions(
        turned=((2, 180), (3, 90), (9, 270)),
        smudged=((7, "Region Sjælland i alt"), (11, "Region Midtjylland i alt")),
    )
    pdf = scan_pdf(SAMPLE, tmp_path_factory.mktemp("turned-scan") / "turned-scan.pdf", options)
    return process(pdf, tmp_path_factory.mktemp("processed-turned-scan"))


@pytest.fixture(scope="session")
def fax_scan_result(tmp_path_factory):
    """Fax quality: Times with ruled tables at 200 dpi, JPEG quality 30, 1.5° skew, many specks."""
    from pipeline.fixtures.scan import FAX, scan_pdf

    digital = build_sample(tmp_path_factory.mktemp("fax") / "fax.pdf", options=SampleOptions("Times-Roman", True))
    pdf = scan_pdf(digital, tmp_path_factory.mktemp("fax-scan") / "fax-scan.pdf", FAX)
    return process(pdf, tmp_path_factory.mktemp("processed-fax-scan"))
