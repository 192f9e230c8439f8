"""Kinds of article (generator/corpus/kinds.py): each seed classified as an editor would file
it, and the kind shown where a reader meets the article: the home page, the briefing's
citations and its coverage matrix."""
from __future__ import annotations

import pytest

from conftest import articles_data, parse_html

# What the seeds are (shared/seed-truth.yaml): 000 is the Middle East Institute's analysis before
# the meeting, 002 a report the week before it («زيارته التي يبدأها الاثنين»), 003 is about the 2020
# visit, 004 AFP's report of the meeting, dated its day.
SEED_KINDS = {
    "000_d78c7be7ce63ed78.txt": "analysis",
    "002_cc32e3e8c87c2fdc.txt": "preview",
    "003_bc3bc2b255e04556.txt": "background",
    "004_51ad8dc9756e00e5.txt": "report",
}
LABELS = {"report": "تقرير", "preview": "قبل الحدث", "analysis": "تحليل ورأي", "background": "خلفية"}


@pytest.mark.parametrize("seed, kind", SEED_KINDS.items())
def test_each_seed_is_filed_by_its_kind(output, seed, kind):
    assert articles_data(output)[seed]["kind"] == kind


def test_the_home_page_names_each_articles_kind(output):
    cards = parse_html(output / "index.html").select("li.card")
    data = articles_data(output)
    by_url = {a["url"]: a for a in data.values()}
    assert len(cards) == len(data)
    for card in cards:
        article = by_url[card.select_one("h3 a")["href"]]
        assert card.select_one(".badge").get_text(strip=True) == LABELS[article["kind"]]


def test_a_citation_of_an_analysis_or_a_preview_says_so_and_a_report_needs_no_mark(output):
    page = parse_html(output / "briefing.html")
    data = articles_data(output)
    kind_of = {a["url"]: a["kind"] for a in data.values()}
    cites = page.select("a.cite, a.cite-also")
    assert cites
    for a in cites:
        kind = kind_of[a["href"].split("#")[0]]
        mark = a.select_one(".cite__kind")
        assert (mark.get_text() if mark else "") == ("" if kind == "report" else f"({LABELS[kind]})")
    assert {kind_of[a["href"].split("#")[0]] for a in cites} >= {"report", "analysis"}


def test_the_coverage_matrix_heads_each_column_with_its_kind(output):
    heads = parse_html(output / "briefing.html").select("table.coverage thead th")
    assert heads and all(th.select_one(".coverage__kind").get_text() in LABELS.values() for th in heads)
