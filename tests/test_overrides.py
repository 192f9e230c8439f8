"""Editors correct the machine: content/articles/<seed name>.md wins and is reported."""
from __future__ import annotations

from conftest import articles_data, parse_html
from generator.cli import main

SEED = "003_bc3bc2b255e04556"


def override(project, text):
    folder = project / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{SEED}.md").write_text(text, encoding="utf-8")


def test_override_sets_fields_wins_and_is_reported(project, capsys):
    override(project, "---\ntitle: عنوان صححه المحرر\ndate: 2020-08\noutlet: مركز الدراسات\nslug: kadhimi-2020\n---\n")
    assert main(["--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"seeds/{SEED}.txt: date, outlet, slug, title set by content/articles/{SEED}.md" in out
    record = articles_data(project / "output")[f"{SEED}.txt"]
    assert record["title"] == "عنوان صححه المحرر" and record["title_derived"] is False
    assert (record["date"]["year"], record["date"]["month"], record["date"]["precision"]) == (2020, 8, "month")
    assert record["outlet"]["name"] == "مركز الدراسات"
    assert record["url"] == "articles/kadhimi-2020.html"
    assert record["overrides"]["fields"] == ["date", "outlet", "slug", "title"]
    page = parse_html(project / "output" / record["url"])
    assert page.find("h1").get_text(strip=True) == "عنوان صححه المحرر"
    assert "آب 2020" in page.select_one("dl.meta").get_text()


def test_a_mistyped_override_key_is_named_with_its_line_and_a_suggestion(project, capsys):
    override(project, "---\ndate: 2020-08\nathor: x\n---\n")
    assert main(["--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert f"content/articles/{SEED}.md:3: unknown key 'athor' — did you mean 'author'?" in out


def test_a_bad_override_date_is_refused_with_the_format(project, capsys):
    override(project, "---\ndate: August\n---\n")
    main(["--root", str(project)])
    assert "expected YYYY-MM-DD, YYYY-MM or YYYY" in capsys.readouterr().out
