"""Input formats chosen by suffix: plain text, and Markdown articles with YAML front matter."""
from __future__ import annotations

import json
import re

import pytest

from conftest import parse_html
from generator.read.readers import ARTICLE_SUFFIXES, MarkdownArticle, markdown_lines, reader_for
from test_bad_input import ARTICLE, TITLE, build_in_process, small_project, tree_digest

MARKDOWN = """---
title: الحكومة تقر خطة لدعم المزارعين
date: 2023-06-08
outlet: صحيفة الوادي
author: سلمى الحسيني
---

أقرت الحكومة في جلستها الأسبوعية خطة لدعم المزارعين في المحافظات الجنوبية بقيمة 40 مليون دولار،
على أن يبدأ التنفيذ مطلع الشهر المقبل وفق [بيان رسمي](https://example.org/x) صدر بعد الجلسة.

## تفاصيل **الخطة**

- تشمل الخطة توزيع البذور والأسمدة على صغار المزارعين في القرى المتضررة من الجفاف هذا العام.
- وتمتد الخطة ثلاث سنوات بإشراف وزارة الزراعة التي ستنشر تقريرا فصليا عن سير العمل.
"""


def test_every_article_suffix_has_one_reader():
    assert ARTICLE_SUFFIXES == (".txt", ".text", ".md", ".markdown", ".html", ".htm")
    assert [type(reader_for(f"a{s.upper()}")).__name__ for s in ARTICLE_SUFFIXES] == \
        ["PlainText", "PlainText", "MarkdownArticle", "MarkdownArticle", "SavedPage", "SavedPage"]
    assert reader_for("a.docx") is None


def test_markdown_becomes_plain_lines_at_the_lines_they_have_in_the_file():
    text = "# العنوان **الكبير**\n\nسطر أول\nيكمل الفقرة [برابط](x).\n\n```\nكود كما هو\n```\n\n<div>html</div>\n"
    lines = markdown_lines(text, MarkdownArticle._md).split("\n")
    assert len(lines) == len(text.split("\n"))
    assert lines[0] == "العنوان الكبير" and lines[2] == "سطر أول يكمل الفقرة برابط." and lines[3] == ""
    assert lines[6] == "كود كما هو" and "html" not in "".join(lines) and "**" not in "".join(lines)


def test_a_markdown_article_is_built_with_its_front_matter_as_its_metadata(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    (root / "seeds" / "farmers.md").write_text(MARKDOWN, encoding="utf-8")
    seeds_before = tree_digest(root / "seeds")

    code, said = build_in_process(root, capsys)

    assert code == 0, said
    assert tree_digest(root / "seeds") == seeds_before
    data = {a["source_file"]: a for a in json.loads((root / "output/data/articles.json").read_text("utf-8"))["articles"]}
    article = data["farmers.md"]
    assert (article["title"], article["title_derived"], article["date"]["iso"], article["outlet"]["name"],
            article["author"]) == ("الحكومة تقر خطة لدعم المزارعين", False, "2023-06-08", "صحيفة الوادي", "سلمى الحسيني")
    texts = [p["text"] for p in article["paragraphs"]]
    assert {"role": "heading", "text": "تفاصيل الخطة"}.items() <= article["paragraphs"][1].items()  # no markup
    assert any(t.startswith("أقرت الحكومة") and "بيان رسمي صدر" in t for t in texts)  # the link's text, not its URL
    assert not any(re.search(r"[*#\[\]]|https?:|^---|^title:", t) for t in texts)
    assert article["overrides"] is None, "the article's own metadata is not an editor's correction"
    assert "Editor overrides applied" not in said
    body = next(p for p in article["paragraphs"] if p["text"].startswith("أقرت"))
    assert body["lines"][0] == 8, "paragraphs cite the lines of the file as received"
    raw_page = parse_html(root / "output" / article["url"].replace("articles/", "raw/"))
    assert "title: الحكومة تقر خطة" in raw_page.get_text(), "the raw view shows the file as received"


def test_a_markdown_article_without_front_matter_takes_its_heading_as_headline(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    (root / "seeds" / "plain.md").write_text(f"# {TITLE}\n\n" + ARTICLE.split("\n\n", 1)[1], encoding="utf-8")
    code, said = build_in_process(root, capsys)
    assert code == 0, said
    data = {a["source_file"]: a for a in json.loads((root / "output/data/articles.json").read_text("utf-8"))["articles"]}
    assert data["plain.md"]["title"] == TITLE and not data["plain.md"]["title_derived"]


@pytest.mark.parametrize("override_name", ["farmers.md.md", "farmers.md"])
def test_an_editors_override_wins_over_the_files_front_matter(tmp_path, capsys, override_name):
    root = small_project(tmp_path / "project")
    (root / "seeds" / "farmers.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "content/articles").mkdir(parents=True, exist_ok=True)
    (root / "content/articles" / override_name).write_text("---\noutlet: وكالة السهل\n---\n", encoding="utf-8")
    code, said = build_in_process(root, capsys)
    assert code == 0, said
    article = next(a for a in json.loads((root / "output/data/articles.json").read_text("utf-8"))["articles"]
                   if a["source_file"] == "farmers.md")
    assert article["outlet"]["name"] == "وكالة السهل" and article["author"] == "سلمى الحسيني"
    assert article["overrides"]["fields"] == ["outlet"]


def test_front_matter_mistakes_are_named_with_their_line_and_the_article_is_built(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    (root / "seeds" / "farmers.md").write_text(MARKDOWN.replace("author:", "auther:"), encoding="utf-8")
    code, said = build_in_process(root, capsys)
    assert code == 0, said
    assert "seeds/farmers.md:5: unknown key 'auther' — did you mean 'author'?" in said


def test_an_override_whose_short_name_fits_two_articles_is_named(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    (root / "seeds" / "twin.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "seeds" / "twin.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "content/articles").mkdir(parents=True, exist_ok=True)
    (root / "content/articles/twin.md").write_text("---\nauthor: فلان\n---\n", encoding="utf-8")
    code, said = build_in_process(root, capsys)
    assert code == 0, said
    assert ("content/articles/twin.md: could correct seeds/twin.md or seeds/twin.txt — "
            "name it after the one it corrects: articles/twin.md.md") in said
