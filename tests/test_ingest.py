"""Ingest: packages found, fingerprinted, pages listed; unreadable PDFs named."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline.errors import InputError
from pipeline.ingest import find_packages, ingest
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
    assert pages[0].pdf == SAMPLE.name and pages[0].number == 1 and pages[0].chars > 500
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
