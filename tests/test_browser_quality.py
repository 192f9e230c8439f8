"""The built site judged as readers' browsers and the web's own checkers judge it.

Every page type (home, article, briefing, entity, topic, search, about, 404), on the seed site
and on a generated corpus, in headless Chromium at a desktop and a phone width: no console
errors or failed requests, no horizontal overflow on the phone, right-to-left text with
English runs left-to-right, no critical or serious axe-core violation, a working keyboard
path; every page valid for the W3C Nu HTML Checker; a print stylesheet that prints. Screenshots
go to tests/screenshots/ (ignored by git) for a person to look at.
"""
from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from conftest import PROJECT, build_quietly, serving

NODE_MODULES = PROJECT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = PROJECT / "tests" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
CORPUS_SIZE = 30


def require(path: Path, what: str) -> None:
    """A missing tool fails under CI (conftest turns the skip into a failure) and skips locally."""
    if not path.exists():
        pytest.skip(f"{what} is missing: run `bash scripts/install-test-system.sh`")


@pytest.fixture(scope="session")
def corpus_output(tmp_path_factory) -> Path:
    """The benchmark's generated corpus (bench/corpus.py), small: what any newsroom's pile looks like."""
    from bench.corpus import write_corpus

    root = tmp_path_factory.mktemp("corpus")
    write_corpus(CORPUS_SIZE, root)
    assert build_quietly(root) in (0, 3)
    return root / "output"


def page_types(output: Path) -> dict[str, str]:
    """One page of each type, by site path."""
    articles = json.loads((output / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    entities = sorted((output / "entities").glob("*.html"), key=lambda p: (p.stat().st_size, p.name))
    entity = entities[len(entities) // 2]  # a typical one: the largest is a list of hundreds of links
    return {
        "home": "index.html",
        "article": max(articles, key=lambda a: a["word_count"])["url"],
        "briefing": "briefing.html",
        "entity": entity.relative_to(output).as_posix(),
        "topic": sorted(p.relative_to(output).as_posix() for p in (output / "topics").glob("*.html"))[0],
        "search": "search.html",
        "about": "about.html",
        "404": "404.html",
    }


@pytest.fixture(scope="session", params=["seeds", "corpus"])
def site(request, output):
    """(name, output folder, base URL over HTTP under /some-repo/)."""
    folder = output if request.param == "seeds" else request.getfixturevalue("corpus_output")
    with serving(folder) as url:
        yield request.param, folder, url


CHECK_LAYOUT = """() => {
  const width = window.innerWidth;
  const scrolls = (el) => { for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.skip-link, .visually-hidden, svg')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) outside.push(el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const paragraphs = [...document.querySelectorAll('main p')].filter((p) => !p.closest('[lang]:not(html)'));
  const wrongAlign = paragraphs.filter((p) => { const s = getComputedStyle(p);
    return s.direction !== 'rtl' || !['start', 'right', 'justify'].includes(s.textAlign); }).length;
  const english = [...document.querySelectorAll('[lang^="en"]')];
  const englishRtl = english.filter((e) => getComputedStyle(e).direction !== 'ltr').map((e) => e.outerHTML.slice(0, 80));
  return {scrollWidth: document.documentElement.scrollWidth, width, outside: outside.slice(0, 10),
          direction: getComputedStyle(document.body).direction, paragraphs: paragraphs.length, wrongAlign,
          english: english.length, englishRtl};
}"""


def open_page(browser, url: str, width: int, **options):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ar", **options)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="load")
    return context, page, problems


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_page_type_loads_cleanly_fits_the_phone_and_reads_right_to_left(site, browser, width):
    name, folder, base = site
    require(AXE, "axe-core (npm)")
    report = {}
    for kind, path in page_types(folder).items():
        query = "?q=" + ("الكاظمي" if name == "seeds" else "الرئيس") if kind == "search" else ""
        context, page, problems = open_page(browser, base + path + query, WIDTHS[width])
        try:
            if query:  # a query exercises the search engine too
                page.wait_for_selector("[data-search-results] li", timeout=20_000)
            layout = page.evaluate(CHECK_LAYOUT)
            page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate, not a <script>: the page's CSP refuses those
            axe = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
                .violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
                .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)""")
            if name == "seeds" and kind in ("home", "article", "briefing"):
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SCREENSHOTS / f"{kind}-{WIDTHS[width]}.png"), full_page=True)
        finally:
            context.close()
        failures = problems + axe
        if width == "phone" and (layout["scrollWidth"] > layout["width"] or layout["outside"]):
            failures.append(f"horizontal overflow: page {layout['scrollWidth']}px > {layout['width']}px; {layout['outside']}")
        if layout["direction"] != "rtl" or layout["wrongAlign"]:
            failures.append(f"not right-to-left: body {layout['direction']}, {layout['wrongAlign']} paragraph(s) misaligned")
        if layout["englishRtl"]:
            failures.append(f"English runs not left-to-right: {layout['englishRtl']}")
        if failures:
            report[kind] = failures
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)


PHONE_FIT = """() => {
  const shown = (el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden, .skip-link');
  const sideways = [...document.querySelectorAll('main *')].filter((el) => shown(el)
    && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
  const tiny = [];
  for (const svg of document.querySelectorAll('main svg')) {
    if (!shown(svg) || !svg.viewBox.baseVal.width) continue;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      const px = parseFloat(t.getAttribute('font-size') || '16') * scale;
      if (px < 10.5) { tiny.push(svg.getAttribute('class') + ': ' + px.toFixed(1) + 'px «' + t.textContent.slice(0, 20) + '»'); break; }
    }
  }
  return {sideways, tiny};
}"""


def test_on_a_phone_no_table_or_chart_scrolls_sideways_or_shrinks_its_text(site, browser):
    """At 390 px the briefing's tables are one card per row and its charts are drawn for the
    width: nothing to scroll sideways, no chart label set below 10.5 px."""
    name, folder, base = site
    context, page, problems = open_page(browser, base + "briefing.html", WIDTHS["phone"])
    try:
        fit = page.evaluate(PHONE_FIT)
        cards = page.evaluate("() => [...document.querySelectorAll('table.data-table tbody tr')]"
                              ".filter((tr) => getComputedStyle(tr).display === 'block').length")
    finally:
        context.close()
    assert fit == {"sideways": [], "tiny": []} and not problems, (fit, problems)
    assert cards > 0


def test_the_keyboard_reaches_every_control_with_a_visible_focus_and_the_skip_link_works(site, browser):
    name, folder, base = site
    report = {}
    for kind, path in page_types(folder).items():
        context, page, _ = open_page(browser, base + path, WIDTHS["desktop"], reduced_motion="reduce")
        try:
            controls = page.evaluate("""() => {
              const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
                .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
              all.forEach((e, i) => e.dataset.kb = i);
              window.__focused = [];  // every focus, recorded in the page: one round trip per Tab, not three
              document.addEventListener('focusin', (event) => { const e = event.target, s = getComputedStyle(e),
                r = e.getBoundingClientRect();
                window.__focused.push({kb: e.dataset.kb ?? null, skip: e.classList.contains('skip-link'),
                  visible: r.width > 1 && r.height > 1 && r.top >= 0 && r.bottom <= innerHeight + 1,
                  ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
                  what: e.outerHTML.slice(0, 80)}); });
              return all.length; }""")
            for _ in range(controls + 5):
                page.keyboard.press("Tab")
            focused = page.evaluate("window.__focused")
            first = focused[0] if focused else {}
            reached = {f["kb"] for f in focused if f["kb"] is not None}
            unfocused = [f["what"] for f in focused if not f["ring"]]
            page.goto(base + path, wait_until="load")
            page.keyboard.press("Tab")
            page.keyboard.press("Enter")
            skipped_to = page.evaluate("document.activeElement && document.activeElement.id")
        finally:
            context.close()
        failures = []
        if not (first["skip"] and first["visible"]):
            failures.append(f"the first Tab does not show the skip link: {first}")
        if skipped_to != "content":
            failures.append(f"the skip link leads to {skipped_to!r}, not the main content")
        if len(reached) < controls:
            failures.append(f"{controls - len(reached)} of {controls} controls not reachable by Tab")
        if unfocused:
            failures.append(f"no visible focus on: {unfocused[:5]}")
        if failures:
            report[kind] = failures
    assert report == {}, json.dumps(report, ensure_ascii=False, indent=1)


def test_every_page_is_valid_html_for_the_nu_checker(site):
    name, folder, _ = site
    require(VNU, "the Nu HTML Checker (npm vnu-jar)")
    pages = sorted(str(p) for p in folder.rglob("*.html"))
    if name == "corpus":  # a sample: one of each type plus a few more articles
        sample = {str(folder / p) for p in page_types(folder).values()}
        sample |= set(sorted(str(p) for p in (folder / "articles").glob("*.html"))[:5])
        pages = sorted(sample)
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") in ("error", "non-document-error")]
    assert len(pages) >= 8 and errors == [], "\n".join(errors[:20])


@pytest.mark.parametrize("kind, most_pages", [("briefing", 30), ("article", 8)])  # every briefing list is capped
def test_the_briefing_and_articles_print_on_a4_without_chrome_with_readable_references(site, browser, kind, most_pages):
    pypdf = pytest.importorskip("pypdf")
    name, folder, base = site
    path = page_types(folder)[kind]
    context = browser.new_context(viewport={"width": 720, "height": 1000}, locale="ar")
    page = context.new_page()
    try:
        page.goto(base + path, wait_until="load")
        page.emulate_media(media="print")
        printed = page.evaluate("""() => ({
          chrome: [...document.querySelectorAll('.site-header nav, .site-search, .site-footer, .skip-link')]
                    .filter((e) => getComputedStyle(e).display !== 'none').length,
          references: [...document.querySelectorAll('a.cite')].map((a) => [a.title, getComputedStyle(a, '::after').content]),
          cutTables: [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().width
                       > document.querySelector('main').getBoundingClientRect().width + 1)
                       .map((t) => `${t.className} ${Math.round(t.getBoundingClientRect().width)}px`),
          clipped: [...document.querySelectorAll('.table-scroll, figure.chart')]
                     .filter((e) => getComputedStyle(e).overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1).length,
        })""")
        pdf = page.pdf(format="A4", print_background=False)
    finally:
        context.close()
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "".join(p.extract_text() or "" for p in reader.pages)
    arabic_letters = sum("\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufeff" for ch in text)
    assert printed["chrome"] == 0, "navigation, search and footer are not printed"
    assert printed["cutTables"] == [] and printed["clipped"] == 0, printed["cutTables"]
    assert 1 <= len(reader.pages) <= most_pages, f"{len(reader.pages)} A4 pages"
    assert arabic_letters > 1000, f"only {arabic_letters} Arabic letters in the PDF"
    if kind == "briefing":
        assert printed["references"] and all(title and title in content for title, content in printed["references"]), \
            printed["references"][:3]
