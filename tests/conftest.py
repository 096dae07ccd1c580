"""Shared fixtures: real PDFs built by the project's own fixture code, real stages."""

from __future__ import annotations

import atexit
import csv
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.base.config import DEFAULT_CONFIG_DIR
from pipeline.base.settings import load_settings
from pipeline.fixtures.sample import SampleOptions, build_sample
from pipeline.intake.ingest import find_packages
from pipeline.stages import run_package

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "raw" / "kkr-hovedstaden-2025-06.pdf"
GOLDEN = Path(__file__).resolve().parent / "golden" / "kkr-hovedstaden-2025-06"
DEFAULTS = load_settings(DEFAULT_CONFIG_DIR)  # the shipped configs, as a run reads them
DATA = Path(__file__).resolve().parent / "data"  # real PDFs, seed text and test-suite tables; see data/README.md


@functools.cache
def digital_sample() -> Path:
    """The sample package born-digital throughout (``SAMPLE``'s page 9 is a scan): for the tests of running,
    publishing and refusing, which need a valid package but not Tesseract's seconds. Built once per worker."""
    folder = Path(tempfile.mkdtemp(prefix="bilag-digital-sample-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return build_sample(folder / SAMPLE.name)


# Under pytest-xdist (``make test``: ``-n auto --dist loadgroup``) every worker builds the session
# fixtures it needs for itself. The expensive ones (a scan and its OCR) are built once by keeping
# the tests that use one (by argument or by name through ``request.getfixturevalue``) in one
# xdist group; the tests of a module whose module-scoped fixture processes PDFs stay together too.
# The tests that use a scan's OCR are ``slow`` (``make test-quick`` leaves them out).
FIXTURE_GROUPS = {
    "scanned_pdf": "scan",
    "scanned_result": "scan",
    "english_ocr_result": "scan",
    "ruled_scan_result": "ruled-scan",
    "turned_scan_result": "turned-scan",
    "fax_scan_result": "fax-scan",
    "ballerup_scan": "ballerup-scan",
    "tampered_pdf": "tampered",
    "tampered_result": "tampered",
    "scanned_budget_result": "budget-scan",
    "scanned_tampered_budget_result": "budget-tampered-scan",
}
OCR_FIXTURES = {
    "scanned_result",
    "english_ocr_result",
    "ruled_scan_result",
    "turned_scan_result",
    "fax_scan_result",
    "ballerup_scan",
    "scanned_budget_result",
    "scanned_tampered_budget_result",
}
MODULE_GROUPS = {
    "tests/publish/test_datapackage.py",
    "tests/running/test_schedule.py",
    "tests/second_look/test_relations.py",
    "tests/tables/test_ocr_totals.py",
    "tests/ocr/test_language.py",
    "tests/text/test_bidi.py",
}


def _fixtures_used(item) -> set[str]:
    names = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    return names | {v for v in params.values() if isinstance(v, str) and v in FIXTURE_GROUPS}


# The longest tests (measured: minutes each under -n auto) start first, then the rest of the slow
# ones, so that no worker is left with a long test at the end while the others have finished.
LONGEST = (
    "test_a_run_killed_at_random_moments_leaves_every_package_old_or_new_and_the_next_run_completes",
    "test_every_hostile_file_is_quarantined_and_the_good_packages_published",
)


@pytest.hookimpl(tryfirst=True)  # before -m deselects and before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        used = _fixtures_used(item)
        if used & OCR_FIXTURES:
            item.add_marker(pytest.mark.slow)
        if item.get_closest_marker("xdist_group"):
            continue
        groups = sorted({FIXTURE_GROUPS[name] for name in used if name in FIXTURE_GROUPS})
        module = Path(item.path).relative_to(ROOT).as_posix()
        if groups:
            item.add_marker(pytest.mark.xdist_group(groups[0]))
        elif module in MODULE_GROUPS:
            item.add_marker(pytest.mark.xdist_group(module.removeprefix("tests/").replace("/", "-")))
    items.sort(key=lambda item: 0 if item.originalname in LONGEST else 1 if item.get_closest_marker("slow") else 2)


class GroupSuffix:
    """pytest-xdist 3.8.0's loadgroup tells its scheduler a test's group by appending ``@group`` to the
    test's node id; pytest 9.2 keeps node ids structured and ignores that write, so the groups are
    silently lost (pytest-xdist issue #1386, fix proposed in PR #1388). On a worker, after xdist's own
    hook, this appends the suffix where it is missing, the way xdist 3.8.0 means to."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        from _pytest.nodeid import coerce_node_id

        for item in items:
            names = sorted(
                {
                    str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                    for m in item.iter_markers("xdist_group")
                }
            )
            suffix = "@" + "_".join(names)
            if names and not item.nodeid.endswith(suffix) and hasattr(item, "_id"):
                item._id = coerce_node_id(item.nodeid + suffix)


def pytest_configure(config):
    """The tests keep their lexicon cache to themselves, not in the user's ~/.cache (CLI runs inherit it)."""
    if hasattr(config, "workerinput") and config.getvalue("loadgroup"):
        config.pluginmanager.register(GroupSuffix(), "bilag-xdist-group-suffix")
    config.bilag_cache = tempfile.mkdtemp(prefix="bilag-test-cache-")
    os.environ["BILAG_CACHE_DIR"] = config.bilag_cache


def pytest_unconfigure(config):
    shutil.rmtree(getattr(config, "bilag_cache", ""), ignore_errors=True)


def read_csv(path: Path) -> list[list[str]]:
    """A published CSV's rows as written."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def published_tables(folder: Path) -> list[list[list[str]]]:
    """The rows of every other table a package published (``tables/other/*.csv``), in file order."""
    return [read_csv(path) for path in sorted((folder / "tables" / "other").glob("*.csv"))]


def process(pdf: Path, out: Path):
    """Run every stage on one PDF; the package's published folder and its result."""
    raw = pdf.parent
    package = next(p for p in find_packages(raw) if p.id == pdf.stem)
    return run_package(package, out, DEFAULTS)


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
def digital_pdf() -> Path:
    """The sample as built born-digital (the one in raw/ has a scanned page)."""
    return digital_sample()


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


@pytest.fixture(scope="session")
def ballerup_scan(tmp_path_factory):
    """A real scan (tests/data/real): seven table pages fed sideways, then a page of prose; read once for
    the tests of orientation and of its tables."""
    pdf = DATA / "real" / "ballerup-bygningsliste-scan-2012.pdf"
    raw = tmp_path_factory.mktemp("ballerup-raw")
    shutil.copy(pdf, raw / pdf.name)
    return process(raw / pdf.name, tmp_path_factory.mktemp("ballerup-out"))
