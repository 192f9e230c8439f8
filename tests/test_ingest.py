"""Bytes to text: every encoding Arabic articles arrive in, and files that are not articles."""
from __future__ import annotations

import codecs

import pytest

from generator.read.ingest import decode_bytes, list_article_files, read_article
from generator.model import Problem, RawDoc

TEXT = "واشنطن - (أ ف ب) - استقبل الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي.\r\nسطر ثانٍ 2021.\r\n"
EXPECTED = TEXT.replace("\r\n", "\n")


@pytest.mark.parametrize("encoded", [
    TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT.encode("utf-16"),
    TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be"), TEXT.encode("cp1256"), TEXT.encode("iso8859_6"),
    TEXT.replace("\r\n", "\r").encode("utf-8"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1256", "iso8859-6", "cr-newlines"])
def test_arabic_text_is_decoded_from_every_common_encoding(encoded):
    text, _encoding, problems = decode_bytes(encoded)
    assert text == EXPECTED and problems == []


def test_invalid_bytes_are_reported_with_their_offset_not_raised():
    text, _, problems = decode_bytes("مرحبا".encode("utf-8") + b"\xff\xfe\xfa abc", "seeds/x.txt")
    assert "مرحبا" in text
    assert len(problems) == 1 and "offset 10" in str(problems[0]) and "seeds/x.txt" in str(problems[0])


@pytest.mark.parametrize("data, says", [
    (b"", "is empty"), (b"  \n\t\n", "is empty"), (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"abc\x00\x01\x02\x03" * 50, "NUL bytes"),
])
def test_files_that_are_not_articles_are_refused_with_a_reason(tmp_path, data, says):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    result = read_article(path, "seeds/x.txt")
    assert isinstance(result, Problem) and says in result.message and result.path == "seeds/x.txt"


def test_only_text_files_are_articles_and_links_out_of_the_project_are_not_followed(tmp_path):
    (tmp_path / "b.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    (tmp_path / "link.txt").symlink_to("/etc/hostname")
    files, problems = list_article_files(tmp_path)
    assert [f.name for f in files] == ["a.txt", "b.txt"]
    said = " ".join(str(p) for p in problems)
    assert "link.txt: is a link to /etc/hostname, outside the project's own files; not followed" in said
    assert "notes.docx" in said


def test_raw_doc_keeps_the_exact_bytes(tmp_path):
    data = "سطر\r\nآخر".encode("cp1256")
    (tmp_path / "a.txt").write_bytes(data)
    raw = read_article(tmp_path / "a.txt", "seeds/a.txt")
    assert isinstance(raw, RawDoc) and raw.data == data and raw.text == "سطر\nآخر"
