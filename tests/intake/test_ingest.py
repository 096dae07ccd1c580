"""Ingest: packages found, fingerprinted, pages listed; unreadable PDFs named."""

from __future__ import annotations

import shutil

import pytest
from pdfminer.psexceptions import PSSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from pypdf import PdfReader, PdfWriter

from pipeline.base.errors import InputError
from pipeline.base.names import shown
from pipeline.intake.ingest import find_packages, ingest, package_id, unreadable
from tests.conftest import SAMPLE


def test_files_and_folders_of_pdfs_are_packages(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "a.pdf")
    (tmp_path / "b").mkdir()
    shutil.copy(SAMPLE, tmp_path / "b" / "bilag 1.pdf")
    (tmp_path / "quarantine").mkdir()
    shutil.copy(SAMPLE, tmp_path / "quarantine" / "x.pdf")
    (tmp_path / "readme.txt").write_text("not a package")
    packages = find_packages(tmp_path)
    assert [(p.id, [f.name for f in p.pdfs]) for p in packages] == [("a", ["a.pdf"]), ("b", ["bilag 1.pdf"])]
    assert len(packages[0].sha256) == 64 and packages[0].sha256 != packages[1].sha256


def test_page_inventory(tmp_path):
    shutil.copy(SAMPLE, tmp_path)
    pages = ingest(find_packages(tmp_path)[0])
    assert len(pages) == 11
    assert pages[0].pdf == SAMPLE.name and pages[0].number == 1
    assert round(pages[0].width) == 595 and round(pages[0].height) == 842


def _encrypted(path, password: str):
    writer = PdfWriter(clone_from=PdfReader(SAMPLE))
    writer.encrypt(user_password=password, owner_password="owner")
    writer.write(path)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.write_bytes(SAMPLE.read_bytes()[:4000]), "broken PDF"),
        (lambda p: _encrypted(p, "secret"), "encrypted PDF (a password is needed to read it)"),
    ],
)
def test_unreadable_pdfs_raise_input_error_naming_the_file(tmp_path, make, problem):
    make(tmp_path / "bad.pdf")
    with pytest.raises(InputError) as error:
        ingest(find_packages(tmp_path)[0])
    assert str(error.value).startswith(f"{tmp_path / 'bad.pdf'}: {problem}")


def test_encrypted_with_empty_user_password_is_read(tmp_path):
    _encrypted(tmp_path / "open.pdf", "")
    assert len(ingest(find_packages(tmp_path)[0])) == 11


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("_combined", "combined"),
        (".bilag", "bilag"),
        ("_ekstra-møde", "ekstra-møde"),
        ("x\nkkr-fake: valid", "x-kkr-fake-valid"),
        ("\udcff\udcfejunk", "junk"),  # bytes ff fe: not UTF-8
        ("..", "package"),
    ],
)
def test_an_id_is_safe_and_never_one_of_bilags_own_names(name, expected):
    assert package_id(name) == expected


def test_a_long_name_gets_a_bounded_id_that_still_tells_names_apart():
    first, second = package_id("m" * 247), package_id("m" * 248)
    assert len(first.encode()) == len(second.encode()) == 100 and first != second


def test_names_are_shown_on_one_line_whatever_bytes_they_hold(tmp_path):
    assert shown(tmp_path / "\udcff\udcfejunk.pdf") == f"{tmp_path}/\\xff\\xfejunk.pdf"
    assert shown("x\nkkr-fake: valid") == "x\\nkkr-fake: valid"


def test_a_name_that_makes_the_id_of_another_never_takes_it(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "kkr-hovedstaden-2025-06.pdf")
    (tmp_path / "kkr hovedstaden 2025 06.pdf").write_text("junk")  # sorts first
    (tmp_path / "\udcff\udcfejunk.pdf").write_text("junk")
    ids = {p.source.name: p.id for p in find_packages(tmp_path)}
    assert ids["kkr-hovedstaden-2025-06.pdf"] == "kkr-hovedstaden-2025-06"
    assert ids["kkr hovedstaden 2025 06.pdf"].startswith("kkr-hovedstaden-2025-06-")
    assert ids["\udcff\udcfejunk.pdf"] == "junk"


def test_memory_run_out_while_reading_is_no_broken_pdf(tmp_path):
    """pdfplumber wraps what pdfminer raises; a MemoryError inside is the fence's limit, never the file's fault."""
    with pytest.raises(MemoryError):
        unreadable(tmp_path / "flood.pdf", PdfminerException(MemoryError()))
    assert "broken PDF (PSSyntaxError" in str(unreadable(tmp_path / "x.pdf", PdfminerException(PSSyntaxError("x"))))
