"""Publishing: the Atom feed, sitemap.xml and robots.txt, OpenGraph and JSON-LD on every page,
and the GitHub Pages workflow.

One copy of the project is built with a base_url and three editor corrections: one article
dated to the day (it joins the feed), one dated only to the month (it stays out of the feed,
which needs a full date), and one whose headline tries to end the JSON-LD script element.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

import feedparser
import pytest
import yaml
from lxml import etree

from conftest import PROJECT, articles_data, build_quietly, copy_project, html_pages, parse_html
from generator.config.site import load_config

BASE_URL = "https://example.github.io/briefing"
EVIL_HEADLINE = "</script><script>alert(1)</script> & 'عنوان'"
DATED_TO_THE_DAY = "000_d78c7be7ce63ed78"  # gets date: 2021-07-20
DATED_TO_THE_MONTH = "003_bc3bc2b255e04556"  # gets date: 2020-08
EVIL = "002_cc32e3e8c87c2fdc"  # gets the headline above and date: 2021-07-22
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"
WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"


def set_base_url(root: Path, base_url: str) -> None:
    config = root / "site.yaml"
    text = config.read_text(encoding="utf-8")
    assert 'base_url: ""' in text
    config.write_text(text.replace('base_url: ""', f'base_url: "{base_url}"'), encoding="utf-8")


def write_override(root: Path, stem: str, front_matter: str) -> None:
    folder = root / "content" / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.md").write_text(f"---\n{front_matter}\n---\n", encoding="utf-8")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A project copy built with a base_url; returns its root."""
    root = copy_project(tmp_path_factory.mktemp("published"))
    set_base_url(root, BASE_URL)
    write_override(root, DATED_TO_THE_DAY, "date: 2021-07-20")
    write_override(root, DATED_TO_THE_MONTH, "date: 2020-08")
    write_override(root, EVIL, f"title: {json.dumps(EVIL_HEADLINE)}\ndate: 2021-07-22")
    assert build_quietly(root) == 0
    return root


def site_file(output: Path, url: str) -> Path:
    """The built file an absolute URL under BASE_URL names."""
    assert url.startswith(BASE_URL + "/"), url
    return output / unquote(url[len(BASE_URL) + 1:])


def json_ld(soup) -> dict:
    blocks = soup.find_all("script", type="application/ld+json")
    assert len(blocks) == 1, f"{len(blocks)} JSON-LD blocks"
    return json.loads(blocks[0].string)


def og(soup, prop: str) -> str | None:
    tag = soup.find("meta", property=prop)
    return tag["content"] if tag else None


# --- the feed ----------------------------------------------------------------------------


def test_feed_lists_the_articles_dated_to_the_day_newest_first(published):
    output = published / "output"
    feed = feedparser.parse((output / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.language == "ar"
    assert feed.feed.title == load_config(published).title
    assert {link.rel: link.href for link in feed.feed.links} == {
        "self": f"{BASE_URL}/feed.xml", "alternate": f"{BASE_URL}/index.html"}
    articles = articles_data(output)
    dated = sorted((a for a in articles.values() if a["date"]["precision"] == "day"),
                   key=lambda a: a["date"]["iso"], reverse=True)
    assert [a["source_file"] for a in dated] == [
        "004_51ad8dc9756e00e5.txt", f"{EVIL}.txt", f"{DATED_TO_THE_DAY}.txt"]
    assert [e.link for e in feed.entries] == [f"{BASE_URL}/{a['url']}" for a in dated]
    assert [e.id for e in feed.entries] == [e.link for e in feed.entries]
    assert [e.published[:10] for e in feed.entries] == [a["date"]["iso"] for a in dated]
    assert feed.feed.updated == feed.entries[0].updated
    for entry in feed.entries:
        assert site_file(output, entry.link).is_file()


def test_feed_entry_titles_are_the_headlines_exactly(published):
    """Read with lxml, which (unlike feedparser) does not sanitize: the escaping must round-trip."""
    output = published / "output"
    by_url = {f"{BASE_URL}/{a['url']}": a for a in articles_data(output).values()}
    root = etree.parse(str(output / "feed.xml")).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    entries = root.findall(f"{ATOM_NS}entry")
    assert entries
    for entry in entries:
        article = by_url[entry.findtext(f"{ATOM_NS}id")]
        assert entry.findtext(f"{ATOM_NS}title") == article["title"]
    assert EVIL_HEADLINE in [e.findtext(f"{ATOM_NS}title") for e in entries]


def test_feed_entries_name_the_author_or_the_publisher_and_summarize_with_the_lead(published):
    output = published / "output"
    articles = {f"{BASE_URL}/{a['url']}": a for a in articles_data(output).values()}
    feed = feedparser.parse((output / "feed.xml").read_bytes())
    assert feed.feed.author == load_config(published).title  # what an entry naming no one inherits
    authors = []
    for entry in feed.entries:
        article = articles[entry.link]
        publisher = article["outlet"] or article["agency"]
        assert entry.get("author") == (article["author"] or (publisher["name"] if publisher else None))
        authors.append(entry.get("author"))
        lead = next(p["text"] for p in article["paragraphs"] if p["role"] == "body")
        assert entry.summary == lead
    assert any(authors) and None in authors  # both cases are exercised


def test_articles_without_a_full_date_stay_out_of_the_feed(published):
    output = published / "output"
    articles = articles_data(output)
    assert articles[f"{DATED_TO_THE_MONTH}.txt"]["date"]["precision"] == "month"
    links = {e.link for e in feedparser.parse((output / "feed.xml").read_bytes()).entries}
    for article in articles.values():
        in_feed = f"{BASE_URL}/{article['url']}" in links
        assert in_feed == (article["date"]["precision"] == "day"), article["source_file"]


# --- sitemap and robots.txt --------------------------------------------------------------


def test_sitemap_lists_every_page_except_404_and_the_raw_views(published):
    output = published / "output"
    root = etree.parse(str(output / "sitemap.xml")).getroot()
    assert root.tag == f"{SITEMAP_NS}urlset"
    locs = [url.findtext(f"{SITEMAP_NS}loc") for url in root.findall(f"{SITEMAP_NS}url")]
    assert len(locs) == len(set(locs))
    listed = {site_file(output, loc).relative_to(output).as_posix() for loc in locs}
    for path in listed:
        assert (output / path).is_file(), path
    pages = {p.relative_to(output).as_posix() for p in html_pages(output)}
    expected = {p for p in pages if p != "404.html" and not p.startswith("raw/")}
    assert listed == expected
    assert {"index.html", "briefing.html", "search.html", "about.html"} <= listed
    assert any(p.startswith("articles/") for p in listed) and any(p.startswith("entities/") for p in listed)
    assert any(p.startswith("topics/") for p in listed)


def test_robots_txt_allows_everything_and_names_the_sitemap(published, output):
    lines = (published / "output" / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Disallow:" in lines
    assert f"Sitemap: {BASE_URL}/sitemap.xml" in lines
    assert "Sitemap" not in (output / "robots.txt").read_text(encoding="utf-8")


def test_without_base_url_there_is_no_feed_sitemap_or_feed_link(output):
    """The session's site is built from site.yaml as committed: base_url is empty."""
    assert not (output / "feed.xml").exists() and not (output / "sitemap.xml").exists()
    assert (output / "robots.txt").is_file()
    for page in html_pages(output):
        soup = parse_html(page)
        assert not soup.find("link", type="application/atom+xml"), page
        assert og(soup, "og:url") is None and "url" not in json_ld(soup), page


# --- OpenGraph and JSON-LD ---------------------------------------------------------------


def test_every_page_has_opengraph_a_feed_link_and_one_json_ld_block(published):
    output, config = published / "output", load_config(published)
    for page in html_pages(output):
        rel = page.relative_to(output).as_posix()
        url = f"{BASE_URL}/{quote(rel)}"
        soup = parse_html(page)
        assert og(soup, "og:title"), rel
        assert og(soup, "og:locale") == config.locale == "ar_IQ", rel
        assert og(soup, "og:site_name") == config.title, rel
        assert og(soup, "og:type") == ("article" if rel.startswith("articles/") else "website"), rel
        assert og(soup, "og:url") == soup.find("link", rel="canonical")["href"] == url, rel
        data = json_ld(soup)
        assert data["@context"] == "https://schema.org", rel
        assert data["inLanguage"] == "ar", rel
        assert data["url"] == url, rel
        feed = soup.find("link", rel="alternate", type="application/atom+xml")
        assert urljoin(url, feed["href"]) == f"{BASE_URL}/feed.xml", (rel, feed["href"])


def test_article_pages_are_news_articles_headlined_like_their_h1(published):
    output = published / "output"
    for article in articles_data(output).values():
        soup = parse_html(output / article["url"])
        data = json_ld(soup)
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == soup.find("h1").get_text(strip=True) == article["title"]
        date = article["date"]
        expected = {"day": lambda: date["iso"], "month": lambda: f"{date['year']:04d}-{date['month']:02d}",
                    "year": lambda: f"{date['year']}", "none": lambda: None}[date["precision"]]()
        assert data.get("datePublished") == og(soup, "article:published_time") == expected
        publisher = article["outlet"] or article["agency"]
        assert data.get("publisher", {}).get("name") == (publisher["name"] if publisher else None)
        assert data.get("author") == ({"@type": "Person", "name": article["author"]} if article["author"] else None)
        assert data.get("dateline") == article["dateline"]
        assert data["mainEntityOfPage"] == f"{BASE_URL}/{article['url']}"
        mentioned = {m["name"] for m in data.get("mentions", [])}
        assert mentioned == {e["name"] for e in article["entities"]}


def test_a_headline_that_closes_the_script_element_stays_inside_the_json_ld(published):
    output = published / "output"
    article = articles_data(output)[f"{EVIL}.txt"]
    assert article["title"] == EVIL_HEADLINE
    page = output / article["url"]
    soup = parse_html(page)
    assert json_ld(soup)["headline"] == EVIL_HEADLINE
    assert og(soup, "og:title") == EVIL_HEADLINE
    assert not [s for s in soup.find_all("script") if "alert(1)" in (s.string or "")
                and s.get("type") != "application/ld+json"]
    plain = parse_html(output / articles_data(output)["004_51ad8dc9756e00e5.txt"]["url"])
    assert len(soup.find_all("script")) == len(plain.find_all("script"))
    html = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_json_ld_keeps_arabic_readable(published):
    html = (published / "output" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert load_config(published).title in block and "\\u06" not in block


def test_each_page_kind_has_its_schema_type(published):
    output = published / "output"
    data = {p.relative_to(output).as_posix(): json_ld(parse_html(p)) for p in html_pages(output)}
    home = data["index.html"]
    assert home["@type"] == "WebSite" and home["name"] == load_config(published).title
    assert home["potentialAction"]["target"]["urlTemplate"] == f"{BASE_URL}/search.html?q={{search_term_string}}"
    assert home["about"]["@type"] == "Event"
    assert data["briefing.html"]["@type"] == "Report"
    assert data["search.html"]["@type"] == "SearchResultsPage"
    assert data["about.html"]["@type"] == "AboutPage"
    assert data["404.html"]["@type"] == "WebPage"
    kinds = {"person": "Person", "organization": "Organization", "place": "Place"}
    topics = [d for path, d in data.items() if path.startswith("topics/")]
    assert topics and all(d["@type"] == "CollectionPage" and d["about"]["name"] == d["name"] for d in topics)
    entities = {e["url"]: e for a in articles_data(output).values() for e in a["entities"]}
    assert entities
    for url, entity in entities.items():
        page = data[url]
        assert page["@type"] == ("WebPage" if entity["type"] == "place" else "ProfilePage")
        assert page["mainEntity"]["@type"] == kinds[entity["type"]]
        assert page["mainEntity"]["name"] == entity["name"]
    raws = [d for path, d in data.items() if path.startswith("raw/")]
    assert raws and all(d["@type"] == "WebPage" and d["about"]["@type"] == "NewsArticle" for d in raws)


# --- the workflow ------------------------------------------------------------------------


def test_pages_workflow_builds_with_the_pages_address_and_deploys_the_output():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"]["steps"], workflow["jobs"]["deploy"]
    steps = build + deploy["steps"]
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    for action in ("actions/checkout", "actions/setup-python", "actions/configure-pages",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert re.fullmatch(rf"{action}@v\d+", uses[action]["uses"]), action
    assert str(uses["actions/setup-python"]["with"]["python-version"]) == "3.11"
    assert uses["actions/setup-python"]["with"]["cache"] == "pip"
    runs = [s["run"] for s in build if "run" in s]
    assert "python -m pip install -r requirements.txt" in runs
    configure = next(i for i, s in enumerate(build) if s.get("uses", "").startswith("actions/configure-pages"))
    assert build[configure]["id"] == "pages"
    build_step = next(i for i, s in enumerate(build) if "build.py" in s.get("run", ""))
    assert build[build_step]["run"] == 'python build.py --base-url "${{ steps.pages.outputs.base_url }}"'
    assert configure < build_step < next(i for i, s in enumerate(build) if "upload-pages-artifact" in s.get("uses", ""))
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "output"
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert uses["actions/deploy-pages"]["id"] == "deployment"
