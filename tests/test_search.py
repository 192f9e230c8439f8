"""Arabic search in a real browser, on a host (Pagefind over HTTP) and from a folder (file://),
and the one normalization shared by the index (Python) and the query (JavaScript)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import articles_data
from generator.text import arabic
from generator.search.index import search_forms

ALL = {"000", "001", "002", "003", "004"}

# query → the seeds (by number) it must find, exactly. Variants of one word must find what the
# plain spelling finds.
QUERIES = [
    ("الكاظمي", ALL),
    ("كاظمي", ALL),
    ("والكاظمي", ALL),
    ("الكاظمى", ALL),                      # ى for ي
    ("الْكَاظِمِيّ", ALL),                  # diacritics and shadda
    ("الكاظـــمي", ALL),                   # tatweel
    ("أمريكي", ALL),
    ("أميركي", ALL),                       # أميركي / أمريكي
    ("استقبل", {"004"}),
    ("إستقبل", {"004"}),                   # alef with hamza below
    ("آستقبل", {"004"}),                   # alef with madda
    ("الحكومه", {"001", "002", "003", "004"}),  # ه for ة
    ("مصطفي", ALL),
    ("رييس الوزراء", {"000", "001", "002", "004"}),  # ي for ئ
    ("المسوول", {"002", "004"}),          # و for ؤ
    ("والعراق", ALL),                      # و + ال
    ("فالعراق", ALL),                      # ف + ال
    ("بالعراق", ALL),                      # ب + ال
    ("للعراق", ALL),                       # ل + ال
    ("عراق", ALL),
    ("٢٥٠٠", {"000", "002", "004"}),       # Arabic-Indic digits
    ("2500", {"000", "002", "004"}),
    ("ميليشيات", {"000", "001", "002", "004"}),
    ("مليشيات", {"000", "001", "002", "004"}),
    ("التحالف الدولي", {"002", "004"}),   # two words, both required
    ('"المهمة القتالية"', {"001", "004"}),  # a quoted phrase: adjacent words
    ('"القتالية المهمة"', set()),         # …in that order
    ("ساكي", {"002"}),
    ("Biden", {"001"}),                    # an English headline
    ("زلزال", set()),
]


def seed_numbers(output: Path) -> dict[str, str]:
    return {a["url"]: source[:3] for source, a in articles_data(output).items()}


def run_queries(page, url: str, queries, numbers: dict[str, str]) -> dict[str, tuple[set[str], str, list[str]]]:
    page.goto(url)
    page.wait_for_selector("[data-search][data-ready=true]", timeout=15000)
    found = {}
    for query, _ in queries:
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        page.wait_for_function(
            "q => document.querySelector('[data-search-status]').textContent.includes('«' + q + '»')",
            arg=query, timeout=20000)  # generous: two cores also run the rest of the suite
        hrefs = page.eval_on_selector_all(".search-result__title a", "as => as.map(a => a.getAttribute('href'))")
        pages = {numbers[h.split("#")[0]] for h in hrefs}
        found[query] = (pages, page.inner_text("[data-search-status]"), hrefs)
    return found


def check_table(found, numbers, console=()):
    wrong = {q: sorted(found[q][0]) for q, expected in QUERIES if found[q][0] != expected}
    assert not wrong, f"queries with wrong results: {wrong}; the browser's console: {list(console)}"
    assert "لا نتائج" in found["زلزال"][1]
    # results land on the paragraph that holds the words
    assert all("#p" in h for h in found["ساكي"][2])


@pytest.fixture(scope="module")
def search_page(browser):
    page = browser.new_page()
    page.console = []  # shown when a query table is wrong: Pagefind reports chunk failures there
    page.on("console", lambda m: page.console.append(f"{m.type}: {m.text}"))
    yield page
    page.close()


def test_query_table_over_http_with_pagefind(search_page, site_server, output):
    numbers = seed_numbers(output)
    found = run_queries(search_page, site_server + "search.html", QUERIES, numbers)
    assert search_page.get_attribute("[data-search]", "data-engine") == "pagefind"
    check_table(found, numbers, search_page.console)


def test_query_table_from_a_folder_over_file_url(search_page, output):
    numbers = seed_numbers(output)
    found = run_queries(search_page, (output / "search.html").as_uri(), QUERIES, numbers)
    assert search_page.get_attribute("[data-search]", "data-engine") == "offline"
    check_table(found, numbers, search_page.console)


@pytest.mark.parametrize("mode", ["http", "file"])
def test_filters_sort_snippets_and_the_header_form(search_page, site_server, output, mode):
    home = site_server + "index.html" if mode == "http" else (output / "index.html").as_uri()
    search_page.goto(home)
    search_page.fill("#site-search-input", "الكاظمي")
    search_page.press("#site-search-input", "Enter")  # the header form, reachable from every page
    search_page.wait_for_selector(".search-result", timeout=15000)
    assert search_page.input_value("#search-input") == "الكاظمي"
    marks = search_page.eval_on_selector_all(".search-result__snippet mark", "ms => ms.map(m => m.textContent)")
    assert marks and all("الكاظم" in m or "كاظم" in m for m in marks)
    search_page.select_option("select[data-facet=outlet]", "وكالة الصحافة الفرنسية")
    search_page.wait_for_function("() => document.querySelectorAll('.search-result').length === 1", timeout=10000)
    search_page.select_option("select[data-facet=outlet]", "")
    search_page.select_option("select[data-facet=topic]", "الحرب على داعش")
    search_page.select_option("select[name=sort]", "newest")
    search_page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.includes('5')")
    dates = search_page.eval_on_selector_all(".search-result .card__meta", "ps => ps.map(p => p.textContent)")
    assert "2021" in dates[0]  # dated articles first, newest first; undated last
    label = search_page.inner_text("label:has(select[data-facet=person])")
    assert label.startswith("شخص")


def test_search_ui_is_mirrored_for_right_to_left(search_page, site_server):
    search_page.goto(site_server + "search.html")
    search_page.wait_for_selector("[data-search][data-ready=true]")
    box = search_page.locator("#search-input").bounding_box()
    button = search_page.locator(".search-form button").bounding_box()
    assert button["x"] < box["x"]  # the button sits to the left of the field, after it in RTL
    assert search_page.eval_on_selector("#search-input", "e => getComputedStyle(e).direction") == "rtl"


# --- the same stems on both sides --------------------------------------------------------------


def test_javascript_and_python_compute_the_same_search_forms_for_every_seed_word(output, tmp_path):
    node = shutil.which("node")
    if not node:
        pytest.skip("node is not installed")
    words = sorted({w for p in (Path(__file__).parent.parent / "seeds").glob("*.txt")
                    for w in arabic.WORD_RE.findall(p.read_text(encoding="utf-8"))})
    words += ["الْكَاظِمِيّ", "الكاظـــمي", "أميركية", "٢٥٠٠", "ﻻ", "وللأمريكيين", "فبالتالي"]
    # search.js registers window.__search; load tables through it, then stem every word.
    runner = tmp_path / "run.js"
    runner.write_text(
        "global.window = global; global.document = {querySelector: () => null, baseURI: ''};\n"
        "global.location = {protocol: 'file:'};\n"
        f"require({json.dumps(str(output / 'assets' / 'search.js'))});\n"
        f"require({json.dumps(str(output / 'search' / 'tables.js'))});\n"
        "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "process.stdout.write(JSON.stringify(words.map(w => window.searchForms(w))));\n", encoding="utf-8")
    result = subprocess.run([node, str(runner)], input=json.dumps(words), capture_output=True, text=True,
                            timeout=60, check=True)
    js = json.loads(result.stdout)
    differ = [(w, search_forms(w), j) for w, j in zip(words, js) if list(search_forms(w)) != j]
    assert len(words) > 1500 and not differ, differ[:10]
