"""Every link and asset works under a sub-path (GitHub Pages' /<repo>/) and from file://."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import SUB_PATH, html_pages, parse_html

def references(soup: BeautifulSoup) -> list[str]:
    refs = []
    for tag in soup.find_all(["a", "link", "script", "img", "source"]):
        if tag.name == "link" and "canonical" in (tag.get("rel") or []):
            continue
        ref = tag.get("href") or tag.get("src")
        if ref and not ref.startswith(("mailto:", "tel:")):
            refs.append(ref)
    return refs


def test_crawl_under_a_sub_path_reaches_every_page_and_asset(site_server, output):
    server = site_server
    seen, queue, broken = set(), [server + "index.html"], []
    while queue:
        url = queue.pop()
        page_url = url.split("#")[0]
        if page_url in seen:
            continue
        seen.add(page_url)
        try:
            with urllib.request.urlopen(page_url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            broken.append(f"{page_url}: {exc.code}")
            continue
        if kind == "text/html":
            soup = BeautifulSoup(body.decode("utf-8"), "html5lib")
            for ref in references(soup):
                target = urljoin(page_url, ref)
                assert target.startswith(server), f"{page_url} links outside the site: {ref}"
                fragment = urlsplit(target).fragment
                if fragment and urlsplit(target).path == urlsplit(page_url).path:
                    assert soup.find(id=unquote(fragment)), f"{page_url}: no #{fragment}"
                queue.append(target)
    assert not broken, broken
    # everything the site holds as a page was reachable by following links from the home page
    reachable = {unquote(urlsplit(u).path[len(SUB_PATH):]) for u in seen}
    expected = {p.relative_to(output).as_posix() for p in html_pages(output)} - {"404.html"}
    assert expected <= reachable, expected - reachable


def test_every_link_resolves_as_a_file_path(output):
    """What a reader gets opening output/index.html from disk: each link names an existing file."""
    for page in html_pages(output):
        soup = parse_html(page)
        for ref in references(soup):
            parts = urlsplit(ref)
            assert not parts.scheme and not ref.startswith("/"), f"{page}: non-relative {ref}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(output)}: {ref} → not a file"
            assert output.resolve() in target.parents, f"{page}: {ref} leaves the site"
            if parts.fragment and target.suffix == ".html":
                assert parse_html(target).find(id=unquote(parts.fragment)), f"{page}: {ref} has no target"


def test_404_page_links_absolutely_when_the_site_knows_its_address(project):
    """Hosts show 404.html at any depth (/repo/a/b/missing): only absolute links survive that."""
    from conftest import build_quietly

    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'base_url: ""', 'base_url: "https://example.org/some-repo"'), encoding="utf-8")
    assert build_quietly(project) == 0
    soup = parse_html(project / "output" / "404.html")
    assert soup.select_one("link[rel=stylesheet]")["href"] == "https://example.org/some-repo/assets/style.css"
    assert soup.select_one(".site-title")["href"] == "https://example.org/some-repo/index.html"
    # ordinary pages stay relative
    index = parse_html(project / "output" / "index.html")
    assert index.select_one("link[rel=stylesheet]")["href"] == "assets/style.css"
    assert index.select_one("link[rel=canonical]")["href"] == "https://example.org/some-repo/index.html"
