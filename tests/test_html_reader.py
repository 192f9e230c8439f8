"""Saved web pages as input (issue 19): a page saved from the browser into ``seeds/`` is built
into an article page, its text by trafilatura and its metadata from what the page states
(JSON-LD > OpenGraph > meta tags); the page itself is kept, byte for byte, as the raw file,
and never becomes a page of the site.

The fixture ``cases/html/hespress_elections.html`` is a news page as a browser saves it:
JSON-LD ``@graph`` with a ``NewsArticle``, OpenGraph and meta tags that disagree with it on
purpose (title with the outlet's name, a Latin site name, another date), menus, a share bar,
related links, a footer and scripts around the body of development-set article 012.
"""
from __future__ import annotations

import json
import re
import shutil
import socket
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import parse_html
from generator.read.html_page import PageProblem, read_saved_page
from generator.read.readers import SavedPage, reader_for
from test_fuzz import ARABIC_TEXT, fuzz
from test_bad_input import build_in_process, small_project, tree_digest

CASES = Path(__file__).parent / "cases" / "html"
PAGE = CASES / "hespress_elections.html"
REUTERS = CASES / "swissinfo_reuters_idlib.htm"
TITLE = "المغرب يوحد موعد الانتخابات لتعزيز المشاركة وخفض الكلفة المالية"
FIRST_PARAGRAPH = "توافقت وزارة الداخلية والأحزاب على إجراء الانتخابات في يوم واحد"
FURNITURE = ("الرئيسية", "فن وثقافة", "ابحث في هسبريس", "شارك على فيسبوك", "مقالات ذات صلة",
             "الداخلية تفتح باب التسجيل", "جميع الحقوق محفوظة", "سياسة الخصوصية", "تابعونا على", "dataLayer",
             "alert(", "صورة أرشيفية")


def page_text() -> str:
    return PAGE.read_text(encoding="utf-8")


def built(root: Path, capsys) -> tuple[int, str, dict[str, dict]]:
    code, said = build_in_process(root, capsys)
    path = root / "output/data/articles.json"
    data = json.loads(path.read_text("utf-8"))["articles"] if path.is_file() else []
    return code, said, {a["source_file"]: a for a in data}


def test_html_and_htm_files_are_read_as_saved_pages():
    assert all(isinstance(reader_for(name), SavedPage) for name in ("a.html", "a.htm", "A.HTML", "a.Htm"))


@pytest.fixture(scope="module")
def saved_site(tmp_path_factory):
    root = small_project(tmp_path_factory.mktemp("saved") / "project")
    shutil.copy2(PAGE, root / "seeds" / PAGE.name)
    shutil.copy2(REUTERS, root / "seeds" / REUTERS.name)
    return root


@pytest.fixture(scope="module")
def saved_build(saved_site):
    from generator.cli import main
    code = main(["--root", str(saved_site)])
    data = json.loads((saved_site / "output/data/articles.json").read_text("utf-8"))["articles"]
    return code, {a["source_file"]: a for a in data}


def test_a_saved_page_builds_with_the_headline_date_author_and_outlet_its_json_ld_states(saved_build):
    code, data = saved_build
    assert code == 0
    article = data[PAGE.name]
    assert (article["title"], article["date"]["iso"], article["author"], article["outlet"]["name"]) == \
        (TITLE, "2020-11-20", "محمد الراجي", "هسبريس")
    assert article["overrides"] is None, "what the page states is not an editor's correction"


def test_a_saved_agency_story_keeps_its_dateline_and_credits_the_agency(saved_build):
    article = saved_build[1][REUTERS.name]
    assert (article["title"], article["dateline"], article["agency"]["name"], article["outlet"]["name"]) == \
        ("مسؤول أمريكي: هجوم إدلب يحمل بصمات حكومة الأسد", "واشنطن", "رويترز", "سويس إنفو")
    texts = [p["text"] for p in article["paragraphs"]]
    assert any("هجوم الغاز السام المشتبه به" in t for t in texts)
    assert not [t for t in texts if "الأكثر قراءة" in t or "تعريف الارتباط" in t]


def test_the_body_is_the_article_without_menus_share_bar_related_links_or_footer(saved_build, saved_site):
    article = saved_build[1][PAGE.name]
    texts = [p["text"] for p in article["paragraphs"]]
    assert any(t.startswith(FIRST_PARAGRAPH) for t in texts)
    assert any("1.5 مليارات درهم" in t for t in texts) and any(t.startswith("الدكتور كريم عبد الحكيم") for t in texts)
    assert not [(f, t) for f in FURNITURE for t in texts if f in t]
    page = parse_html(saved_site / "output" / article["url"])
    shown = page.find("main").get_text() if page.find("main") else page.get_text()
    assert FIRST_PARAGRAPH in shown
    assert not [f for f in FURNITURE if f in shown and f != "مقالات ذات صلة"]  # the site's own heading has it


def test_the_saved_page_is_kept_byte_for_byte_as_text_and_its_scripts_never_run_on_the_site(saved_build, saved_site):
    article = saved_build[1][PAGE.name]
    output = saved_site / "output"
    assert article["raw_url"].endswith(".txt"), "served as text/plain, never as a page of the site"
    assert (output / article["raw_url"]).read_bytes() == PAGE.read_bytes()
    assert tree_digest(saved_site / "seeds")[PAGE.name] == PAGE.read_bytes()
    article_page = parse_html(output / article["url"])
    raw_links = [a["href"] for a in article_page.find_all("a", href=True) if "raw/" in a["href"]]
    assert raw_links and all(href.endswith((".txt", ".html")) for href in raw_links)
    raw_view = parse_html(output / article["url"].replace("articles/", "raw/"))
    assert '<script>window.dataLayer' in raw_view.find("pre").get_text(), "the raw view shows the markup as text"
    for page in (raw_view, article_page):
        scripts = " ".join(s.get_text() + s.get("src", "") for s in page.find_all("script"))
        assert "dataLayer" not in scripts and "googletagmanager" not in scripts
    from generator.serve.http import content_type
    assert content_type(article["raw_url"]).startswith("text/plain"), "the preview serves it as text"
    html_files = [p for p in output.rglob("*.html") if p.read_bytes() == PAGE.read_bytes()]
    assert not html_files, "the saved page itself is nowhere on the site under an .html name"


# --- metadata: which statement wins --------------------------------------------------------

def without_json_ld(html: str) -> str:
    return re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)


def test_json_ld_wins_over_open_graph_which_wins_over_meta_tags():
    _, front = read_saved_page(page_text(), "seeds/p.html")
    assert {k: v.name if k == "outlet" else v.text if k == "date" else v for k, v in front.values.items()} == \
        {"title": TITLE, "date": "2020-11-20", "author": "محمد الراجي", "outlet": "هسبريس"}
    _, front = read_saved_page(without_json_ld(page_text()), "seeds/p.html")
    values = front.values
    assert values["title"] == TITLE, "og:title without the site's name it carries (' - هسبريس')"
    assert values["date"].text == "2020-11-20"  # article:published_time over <meta name="date">
    assert values["outlet"].name == "Hespress" and values["author"] == "هيئة التحرير"
    html = re.sub(r'<meta property="article:published_time"[^>]*>', "", without_json_ld(page_text()))
    assert read_saved_page(html, "seeds/p.html")[1].values["date"].text == "2020-11-19"


def test_a_headline_with_a_dash_stated_alike_in_both_titles_is_kept_whole():
    html = without_json_ld(page_text()).replace(f"<title>{TITLE} | هسبريس</title>", "<title>بايدن - ترامب</title>")
    html = html.replace(f'content="{TITLE} - هسبريس"', 'content="بايدن - ترامب"')
    assert read_saved_page(html, "seeds/p.html")[1].values["title"] == "بايدن - ترامب"


def test_json_ld_in_other_shapes_a_list_a_string_author_a_bad_block_is_skipped():
    head = ('<script type="application/ld+json">{not json</script>'
            '<script type="application/ld+json">{"@type": {"odd": 1}, "headline": "ليس مقالا"}</script>'
            '<script type="Application/LD+JSON; charset=utf-8">[{"@type": ["NewsArticle"], "headline": "عنوان من القائمة", '
            '"datePublished": "2021-03-04", "author": "سلمى الحسيني", "publisher": "وكالة السهل"}]</script>')
    html = page_text().replace('<script type="application/ld+json">', head + '<script type="x">', 1)
    values = read_saved_page(html, "seeds/p.html")[1].values
    assert (values["title"], values["date"].text, values["author"], values["outlet"].name) == \
        ("عنوان من القائمة", "2021-03-04", "سلمى الحسيني", "وكالة السهل")


def test_an_organisation_named_as_author_is_the_agency_and_the_day_is_the_one_the_outlet_states():
    text, front = read_saved_page((CASES / "swissinfo_reuters_idlib.htm").read_text(encoding="utf-8"), "seeds/p.htm")
    values = front.values
    assert "author" not in values and values["agency"].name == "رويترز" and values["outlet"].name == "سويس إنفو"
    assert values["date"].text == "2017-04-04", "JSON-LD's local day, not OpenGraph's UTC one"
    assert text.split("\n\n")[1].startswith("واشنطن (رويترز) - قال مسؤول")
    assert not [f for f in ("ملفات تعريف الارتباط", "الأكثر قراءة", "ارتفاع أسعار الذهب", "جميع الحقوق", "_paq")
                if f in text]


def test_the_text_starts_with_the_headline_one_paragraph_a_line():
    text, _ = read_saved_page(page_text(), "seeds/p.html")
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == TITLE and paragraphs[1].startswith(FIRST_PARAGRAPH) and len(paragraphs) == 5
    assert all("\n" not in p for p in paragraphs)


def test_the_cleaners_accounting_covers_the_extracted_text_and_the_markup_stays_in_the_raw_file():
    from generator.clean.cleaner import clean
    from generator.read.ingest import read_article
    from test_cleaning import unaccounted
    raw = read_article(PAGE, f"seeds/{PAGE.name}")
    assert raw.text == page_text() and raw.data == PAGE.read_bytes(), "the raw view and file: the page as saved"
    assert raw.article_text.startswith(TITLE) and "<" not in raw.article_text
    assert unaccounted(raw.article_text, clean(raw)) == (Counter(), Counter())


def test_a_page_that_states_no_title_starts_with_the_headline_it_prints():
    html = re.sub(r'<meta property="og:title"[^>]*>', "", without_json_ld(page_text()))
    text, front = read_saved_page(html, "seeds/p.html")
    assert text.startswith(f"{TITLE}\n\n{FIRST_PARAGRAPH}") and "title" not in front.values


def test_reading_a_page_never_touches_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the reader tried to connect")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert FIRST_PARAGRAPH in read_saved_page(page_text(), "seeds/p.html")[0]


# --- bad input: the file is named, the reason given, the rest of the site built -----------

ONLY_FURNITURE = re.sub(r"<main>.*</main>", "<main></main>", page_text(), flags=re.S)
BAD_PAGES = {
    # case                       file name, bytes                                                     the build says
    "not HTML at all":           ("notes.html", "ملاحظات المحرر عن الانتخابات المقبلة في المغرب\n".encode(),
                                  r"seeds/notes\.html: is named as a web page but holds no HTML markup — rename it to \.txt"),
    "a page without an article": ("menu.html", ONLY_FURNITURE.encode(),
                                  r"seeds/menu\.html: is a web page, but no article text was found in it .*— save the page again"),
    "broken markup, no text":    ("broken.htm", b"<html><body><div><<<<>>><p></div></p><script>alert(1)",
                                  r"seeds/broken\.htm: is a web page, but no article text was found in it"),
}


@pytest.mark.parametrize("case", BAD_PAGES)
def test_a_bad_saved_page_is_skipped_with_a_message_naming_it(tmp_path, capsys, case):
    name, data, says = BAD_PAGES[case]
    root = small_project(tmp_path / "project")
    (root / "seeds" / name).write_bytes(data)
    before = tree_digest(root / "seeds")
    code, said, articles = built(root, capsys)
    assert re.search(says, said), said
    assert code == 3 and name not in articles and articles, "the other articles are built"
    assert tree_digest(root / "seeds") == before


def test_a_page_saved_in_windows_1256_is_read(tmp_path):
    from generator.read.ingest import read_article
    path = tmp_path / "cp1256.html"
    path.write_bytes(page_text().replace('<meta charset="utf-8">', '<meta charset="windows-1256">').encode("cp1256"))
    raw = read_article(path, "seeds/cp1256.html")
    assert raw.encoding == "cp1256" and FIRST_PARAGRAPH in raw.article_text
    assert raw.front_matter.values["author"] == "محمد الراجي"


def test_a_saved_page_may_be_larger_than_a_text_file_as_pages_are_mostly_scripts(tmp_path):
    from generator.read.ingest import MAX_ARTICLE_BYTES, read_article
    script = "<script>" + "var x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';\n" * (MAX_ARTICLE_BYTES // 30) + "</script></head>"
    path = tmp_path / "big.html"
    path.write_text(page_text().replace("</head>", script), encoding="utf-8")
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    assert FIRST_PARAGRAPH in read_article(path, "seeds/big.html").article_text


def test_a_page_cut_off_half_way_still_gives_its_article():
    html = page_text()
    cut = html[: html.index("وبخصوص تكلفتها")]
    text, front = read_saved_page(cut, "seeds/p.html")
    assert FIRST_PARAGRAPH in text and front.values["title"] == TITLE


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    text, front = read_saved_page('<?xml version="1.0" encoding="utf-8"?>\n' + page_text(), "seeds/p.xhtml.html")
    assert FIRST_PARAGRAPH in text and front.values["author"] == "محمد الراجي"


def test_refusals_are_page_problems_with_a_hint():
    with pytest.raises(PageProblem) as refused:
        read_saved_page("just words", "seeds/x.html")
    assert refused.value.problem.path == "seeds/x.html" and refused.value.problem.hint


MARKUP = st.sampled_from(("<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<script>", "</script>", "<h1>",
                          '<script type="application/ld+json">{"@type": "NewsArticle", "headline": ',
                          '<meta property="og:title" content="', '">', "<!--", "-->", "<", ">", "&amp;", "\x00"))


@fuzz(150)
@given(st.lists(st.one_of(MARKUP, ARABIC_TEXT), max_size=40).map("".join))
def test_any_page_is_read_or_refused_with_a_reason(html):
    try:
        text, front = read_saved_page(html, "seeds/p.html")
    except PageProblem as exc:
        assert exc.problem.path == "seeds/p.html" and exc.problem.hint
    else:
        assert text.strip() and (front is None or front.source == "seeds/p.html")
