"""The built seed site, read the way a browser reads it (html5lib)."""
from __future__ import annotations

import re

import pytest

from conftest import article_soup, articles_data, html_pages, parse_html

SEEDS = ("000_d78c7be7ce63ed78.txt", "001_563b2110fc4b1849.txt", "002_cc32e3e8c87c2fdc.txt",
         "003_bc3bc2b255e04556.txt", "004_51ad8dc9756e00e5.txt")


def test_every_page_is_arabic_right_to_left_with_one_h1_and_a_title(output):
    pages = html_pages(output)
    assert len(pages) >= 13
    for page in pages:
        soup = parse_html(page)
        html = soup.find("html")
        assert (html.get("lang"), html.get("dir")) == ("ar", "rtl"), page
        assert len(soup.find_all("h1")) == 1, page
        assert soup.title and soup.title.get_text(strip=True), page
        assert soup.find("meta", attrs={"name": "viewport"}), page


def test_no_page_has_duplicate_ids(output):
    for page in html_pages(output):
        ids = [tag["id"] for tag in parse_html(page).find_all(id=True)]
        assert len(ids) == len(set(ids)), page


def test_home_page_lists_every_article_with_its_headline_and_link(output, seed_truth):
    soup = parse_html(output / "index.html")
    data = articles_data(output)
    links = {a["href"]: a.get_text(strip=True) for a in soup.select("ol.cards a")}
    assert len(links) == len(SEEDS)
    for source in SEEDS:
        assert data[source]["url"] in links
        assert links[data[source]["url"]] == data[source]["title"]
    # the event from site.yaml heads the page
    assert "مصطفى الكاظمي" in soup.find("h1").get_text()
    assert "26 تموز 2021" in soup.select_one("dl.facts").get_text()


def test_article_headline_and_metadata_follow_the_text(output, seed_truth):
    soup = article_soup(output, SEEDS[4])
    assert soup.find("h1").get_text(strip=True) == seed_truth[SEEDS[4]]["title"]
    meta = soup.select_one("dl.meta").get_text(" ", strip=True)
    assert "26 تموز 2021" in meta  # ar_IQ month names
    assert "واشنطن" in meta and "وكالة الصحافة الفرنسية" in meta


def test_english_headline_is_marked_left_to_right(output, seed_truth):
    h1 = article_soup(output, SEEDS[1]).find("h1")
    assert h1.get_text(strip=True) == seed_truth[SEEDS[1]]["title"]
    assert (h1.get("lang"), h1.get("dir")) == ("en", "ltr")


def test_english_boilerplate_is_left_to_right_and_not_a_body_paragraph(output, seed_truth):
    for source in (SEEDS[0], SEEDS[1]):
        soup = article_soup(output, source)
        body_text = soup.select_one(".article__body").get_text()
        for phrase in seed_truth[source]["must_not_appear_in_body"]:
            assert phrase not in body_text, (source, phrase)
        for p in soup.select(".publisher-note p"):
            assert (p.get("lang"), p.get("dir")) == ("en", "ltr")
    note = article_soup(output, SEEDS[0]).select_one(".publisher-note").get_text()
    assert "The Middle East Institute (MEI) is an independent" in note


def test_derived_title_is_marked_as_derived(output):
    data = articles_data(output)[SEEDS[0]]
    assert data["title_derived"] is True and data["title"].startswith("لقاء الرئيس جو بايدن")
    assert article_soup(output, SEEDS[0]).select_one(".article__header .note")


def test_paragraphs_have_sequential_stable_ids(output):
    for source in SEEDS:
        soup = article_soup(output, source)
        ids = [tag["id"] for tag in soup.select("article [id^=p]") if re.fullmatch(r"p\d+", tag["id"])]
        assert ids == [f"p{i}" for i in range(1, len(ids) + 1)], source
        assert len(ids) >= 2, source


def test_no_tatweel_reaches_any_page(output):
    for page in html_pages(output):
        if "/raw/" in page.as_posix():
            continue  # the raw view shows the text as received, on purpose
        assert "\u0640" not in page.read_text(encoding="utf-8"), page


def test_hard_wrapped_lines_are_joined_into_paragraphs(output):
    soup = article_soup(output, SEEDS[3])
    paragraphs = soup.select(".article__body p")
    # 91 source lines of ~90 characters become a dozen or so paragraphs, not ~80
    assert 8 <= len(paragraphs) <= 20
    first = paragraphs[0].get_text()
    assert "شكل العراق حالة أرق" in first and "بمواجهة إيران في الشرق الأوسط." in first


def test_section_headings_are_headings(output, seed_truth):
    headings = [h.get_text(strip=True) for h in article_soup(output, SEEDS[3]).select(".article__body h2")]
    assert headings == seed_truth[SEEDS[3]]["section_headings"]


def test_duplicated_caption_is_shown_once_and_not_as_body(output, seed_truth):
    soup = article_soup(output, SEEDS[4])
    caption = seed_truth[SEEDS[4]]["image_caption"]
    assert soup.get_text().count(caption) == 1
    assert caption in soup.select_one("figure.caption").get_text()
    assert caption not in soup.select_one(".article__body").get_text()


@pytest.mark.parametrize("source", SEEDS)
def test_raw_text_link_leads_to_the_bytes_as_received(output, site_root, source):
    page = output / articles_data(output)[source]["url"]
    soup = parse_html(page)
    download = soup.select_one(".article__footer a[download]")["href"]
    assert (page.parent / download).resolve().read_bytes() == (site_root / "seeds" / source).read_bytes()
    view = soup.select_one(".article__footer a:not([download])")["href"]
    raw_view = parse_html((page.parent / view).resolve())
    assert raw_view.select_one("pre.raw").get_text() == (site_root / "seeds" / source).read_text(encoding="utf-8")


def test_about_page_is_rendered_from_markdown_with_its_front_matter_title(output):
    soup = parse_html(output / "about.html")
    assert soup.find("h1").get_text(strip=True) == "عن هذا الموقع"
    assert soup.select(".prose h2") and soup.select(".prose li")
    assert "---" not in soup.select_one(".prose").get_text()


def test_site_has_404_nojekyll_favicon_and_only_local_assets(output):
    assert (output / "404.html").is_file() and (output / ".nojekyll").is_file()
    assert (output / "assets" / "favicon.svg").is_file() and (output / "assets" / "style.css").is_file()
    for page in html_pages(output):
        soup = parse_html(page)
        for tag in soup.find_all(["link", "script", "img"]):
            ref = tag.get("href") or tag.get("src") or ""
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue
            assert "//" not in ref, (page, ref)
    css = (output / "assets" / "style.css").read_text(encoding="utf-8")
    assert "@import" not in css and "http" not in css and "prefers-color-scheme: dark" in css


def test_reading_time_uses_arabic_plural_forms(output):
    texts = [s.get_text() for s in parse_html(output / "index.html").select(".card__meta span")]
    assert any(re.search(r"دقيقة واحدة|دقيقتان|\d+ دقائق|\d+ دقيقة", t) for t in texts)
