"""The briefing, topic pages and cross-links, on the seeds and on a corpus about another event."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

from generator.briefing.timeline import lost_its_digits
from generator.display import short_title

from conftest import article_soup, articles_data, build_quietly, html_pages, parse_html

SEEDS = ("000_d78c7be7ce63ed78.txt", "001_563b2110fc4b1849.txt", "002_cc32e3e8c87c2fdc.txt",
         "003_bc3bc2b255e04556.txt", "004_51ad8dc9756e00e5.txt")
EVENT_2021 = (SEEDS[0], SEEDS[1], SEEDS[2], SEEDS[4])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def cited_paragraph(page: Path, href: str) -> str:
    """The text of the element ``href`` (relative to ``page``) points at; fails if it is missing."""
    target, fragment = urldefrag(href)
    path = (page.parent / unquote(target)).resolve()
    assert path.is_file(), f"{href}: no such page"
    element = parse_html(path).find(id=unquote(fragment))
    assert element is not None, f"{href}: no such paragraph"
    return squash(element.get_text())


def statements(soup):
    """(statement text, its citation href) for every statement the page makes."""
    for node in soup.select(".statement"):
        text = squash(node.select_one(".statement__text").get_text())
        yield text, node.select_one("a.cite")["href"]


def briefing_json(output: Path) -> dict:
    return json.loads((output / "data" / "briefing.json").read_text(encoding="utf-8"))


# --- every statement is backed by the paragraph it cites ---------------------------------


def check_every_citation(output: Path) -> int:
    page = output / "briefing.html"
    soup = parse_html(page)
    checked = 0
    for text, href in statements(soup):
        assert text in cited_paragraph(page, href), f"{href} does not contain «{text[:60]}…»"
        checked += 1
    for row in soup.select("table.figures-table tbody tr"):
        written = [squash(t.get_text()) for t in row.select(".figure__text")]
        hrefs = [a["href"] for a in row.select("a.cite")]
        assert hrefs and written
        for href in hrefs:
            paragraph = cited_paragraph(page, href)
            assert any(w in paragraph for w in written), f"{href} has none of {written}"
        context = squash(row.select_one(".figure__context").get_text(" ")).strip("«»\"")
        assert context in cited_paragraph(page, hrefs[0])
        checked += 1
    for quote in soup.select("figure.quote"):
        text = squash(quote.blockquote.get_text(" "))
        assert text in cited_paragraph(page, quote.select_one("a.cite")["href"])
        checked += 1
    for link in soup.select("a.cite-also"):
        cited_paragraph(page, link["href"])  # exists
    return checked


def test_every_briefing_statement_figure_and_quote_is_in_the_paragraph_it_cites(output):
    assert check_every_citation(output) >= 30


def test_briefing_is_linked_first_from_the_home_page_and_in_the_navigation(output):
    soup = parse_html(output / "index.html")
    main_links = soup.find("main").find_all("a")
    assert main_links[0]["href"] == "briefing.html"
    assert "briefing.html" in [a["href"] for a in soup.select("nav.site-nav a")]


def test_briefing_has_every_part_the_reader_needs(output):
    soup = parse_html(output / "briefing.html")
    for section in ("takeaways", "figures", "timeline", "people", "coverage", "network", "quotes"):
        assert soup.find(id=section), section
    assert len(soup.select("#takeaways .statement")) >= 5
    topic_sections = soup.select("section.topic-section")
    assert len(topic_sections) >= 6
    for section in topic_sections:  # each says which outlets cover it and links its topic page
        assert section.find("a", href=re.compile(r"^topics/[a-z_]+\.html$"))
    # the charts are inline SVG with an accessible name, and links that go somewhere
    for chart in soup.select("figure.chart svg"):
        assert chart.get("role") == "group" and chart.find("title").get_text(strip=True)
        for link in chart.find_all("a"):
            assert (output / unquote(urldefrag(link["href"])[0])).is_file()


def test_takeaways_rank_what_several_outlets_report(output):
    data = briefing_json(output)
    takeaways = data["takeaways"]
    assert [t["score"] for t in takeaways] == sorted((t["score"] for t in takeaways), reverse=True)
    assert max(t["stories"] for t in takeaways) >= 2
    assert len({t["citation"]["slug"] for t in takeaways}) >= 3  # not one article's summary


def test_the_end_of_the_combat_mission_is_a_takeaway_citing_the_three_outlets_that_report_it(output):
    """The news of the meeting, told by 001 ¶3, 002 ¶10 and 004 ¶5 in their own words."""
    wanted = {("001", "p3"), ("002", "p10"), ("004", "p5")}
    cited = [{(c["slug"][:3], c["paragraph"]) for c in (t["citation"], *t["also"])}
             for t in briefing_json(output)["takeaways"]]
    assert any(wanted <= paragraphs for paragraphs in cited), cited


def test_topic_sections_hold_statements_on_their_topic_each_once(output):
    """A statement is in a topic's section when several signals agree, not on one keyword: the
    sentence on reassessing the US presence that calls Iraq poor («الفقر») is not under aid; the
    attacks section, whose statements a broader topic could take, is not empty; no statement is
    in two sections."""
    topics = {t["id"]: t["statements"] for t in briefing_json(output)["topics"]}
    assert not any("تعاني من الفقر" in s["text"] for s in topics["aid_economy"])
    assert topics["attacks"] and all("هجمات" in s["text"] or "هجوم" in s["text"] for s in topics["attacks"])
    assert all(topics[t] for t in ("military_presence", "isis", "iran_militias", "aid_economy", "energy"))
    shown = [s["text"] for statements in topics.values() for s in statements]
    assert len(shown) == len(set(shown))


def shown_quotes(output: Path) -> list[tuple[str, str]]:
    """(text, caption) of every quote on the briefing page, in the quotes section and in topics."""
    return [(squash(q.blockquote.get_text(" ")), squash(q.figcaption.get_text(" ")))
            for q in parse_html(output / "briefing.html").select("figure.quote")]


def test_a_quote_is_a_unit_shown_once_with_its_speakers_role(output):
    """Two fragments of one sentence («قادرة على …», «من الصعب جدا»: who is able? what is hard?)
    are one quote with their subject; no quote is shown twice, nor again as a takeaway or a
    topic's statement."""
    quotes = shown_quotes(output)
    texts = [t for t, _ in quotes]
    austin = [(t, c) for t, c in quotes if '"من الصعب جدا"' in t]
    assert len(austin) == 1 and austin[0][0].startswith("القوات الأمريكية المنتشرة في العراق")
    assert "وزير الدفاع الأمريكي" in austin[0][1]
    assert not {"من الصعب جدا", "قادرة على القيام بعمليات قتالية"} & set(texts)
    assert len(texts) == len(set(texts))
    data = briefing_json(output)
    shown = [s["text"] for s in data["takeaways"] + [s for t in data["topics"] for s in t["statements"]]]
    assert not any(q.strip('“”"') in s for q in texts for s in shown)


def test_figures_table_holds_every_truth_figure_with_its_sources(output, seed_truth):
    data = briefing_json(output)
    articles = articles_data(output)
    rows = {(f["unit"], f["value"]): f for f in data["figures"]}
    for source in EVENT_2021:
        for figure in seed_truth[source].get("figures", []):
            row = rows.get((figure["unit"], float(figure["value"]))) or rows.get((figure["unit"], figure["value"]))
            assert row, f"{source}: {figure['text']}"
            assert articles[source]["slug"] in {c["slug"] for c in row["sources"]}, figure["text"]
    troops = rows[("troops", 2500)]
    assert troops["corroborated"] and len({c["slug"] for c in troops["sources"]}) == 3
    assert not rows[("killed", 36)]["corroborated"]
    html = parse_html(output / "briefing.html").select_one("#figures table").get_text(" ")
    assert "2,500" in html and "حوالى 2500 عسكري" in html
    assert "448 مليون" in html and "448,000,000" not in html  # money as a reader says it
    attacks = next(f for f in briefing_json(output)["figures"] if f["unit"] == "attacks")
    assert "المصالح الأميركيّة" in attacks["context"] and "50 هجوما بصواريخ أو بطائرات" in attacks["context"]


def test_timeline_places_earlier_context_before_the_event(output, seed_truth):
    timeline = briefing_json(output)["timeline"]
    years = [e["year"] for e in timeline]
    assert years == sorted(years)
    by_year = {e["year"]: e for e in timeline}
    assert by_year[2014]["phase"] == by_year[2017]["phase"] == "context"
    assert {"event", "lead_up", "after"} <= {e["phase"] for e in timeline}
    visit = [e for e in timeline if e["label"] == "زيارة الكاظمي لواشنطن"]
    assert visit and visit[0]["year"] == 2020 and visit[0]["month"] == 8
    assert visit[0]["citation"]["slug"] == articles_data(output)[SEEDS[3]]["slug"]
    year_end = [e for e in timeline if e["kind"] == "year_end"]
    assert year_end and all(e["phase"] == "after" for e in year_end)
    shown = parse_html(output / "briefing.html").select_one("ol.timeline").get_text(" ")
    assert "بحلول نهاية 2021" in shown and "خلفية" in shown


def test_the_meeting_is_one_timeline_entry_on_the_configured_day(output):
    """004 is dated 26 July and says the leaders met «أمس»: the meeting stays on the event's day,
    marked as inferred, and the two articles dating it that day make one entry."""
    timeline = briefing_json(output)["timeline"]
    on_the_day = [e for e in timeline if e["iso"] == "2021-07-26"]
    assert len(on_the_day) == 1 and not [e for e in timeline if e["iso"] == "2021-07-25" and "استقبل" in e["text"]]
    cited = {on_the_day[0]["citation"]["slug"], *(c["slug"] for c in on_the_day[0]["also"])}
    assert {articles_data(output)[SEEDS[0]]["slug"], articles_data(output)[SEEDS[4]]["slug"]} <= cited
    entries = parse_html(output / "briefing.html").select("ol.timeline li")
    assert any("(مستنتج)" in li.get_text() for li in entries)
    assert not any(lost_its_digits(li.get_text()) for li in entries)


@pytest.mark.parametrize("text, lost", [("بعد الانسحاب الأمريكي من العراق عام ، إذ تنظر", True),
                                        ("في العام . وكان", True), ("صعود التنظيم في العام 2014", False),
                                        ("خلال العام الماضي", False), ("بحلول نهاية العام.", False),
                                        ("قال الأمين العام، أنطونيو غوتيريش", False)])
def test_a_year_that_lost_its_digits_is_told(text, lost):
    assert lost_its_digits(text) is lost


def test_the_four_2021_articles_are_each_others_closest_relatives(output):
    articles = articles_data(output)
    slugs = {articles[s]["slug"] for s in EVENT_2021}
    for source in EVENT_2021:
        related = [r["slug"] for r in articles[source]["related"]]
        assert set(related[:3]) == slugs - {articles[source]["slug"]}, source
        assert all(r["reasons"] for r in articles[source]["related"][:3])


def test_the_2020_article_is_earlier_context(output):
    articles = articles_data(output)
    assert articles[SEEDS[3]]["story"] == "زيارة الكاظمي لواشنطن"
    assert all(articles[s]["story"] is None for s in EVENT_2021)
    assert briefing_json(output)["context_articles"] == [articles[SEEDS[3]]["slug"]]
    note = article_soup(output, SEEDS[3]).select_one(".story-note").get_text()
    assert "زيارة الكاظمي لواشنطن" in note


def test_article_links_each_entity_once_at_its_first_mention(output):
    soup = article_soup(output, SEEDS[4])
    links = soup.select(".article__body a.entity-link")
    targets = [a["href"] for a in links]
    assert len(targets) == len(set(targets)) >= 8
    biden = [a for a in links if a["href"] == "../entities/joe-biden.html"]
    assert len(biden) == 1 and biden[0].get_text() == "جو بايدن"
    assert biden[0].find_parent("p")["id"] == "p2"  # the lead, though Biden is named again later
    # the paragraph text is unchanged by the links
    data = articles_data(output)[SEEDS[4]]
    p2 = next(p["text"] for p in data["paragraphs"] if p["id"] == "p2")
    assert squash(soup.find(id="p2").get_text(" ")).startswith(squash(p2)[:40])


def test_article_shows_related_with_reasons_topics_and_briefing_backlinks(output):
    page = output / articles_data(output)[SEEDS[4]]["url"]
    soup = parse_html(page)
    reasons = [squash(p.get_text()) for p in soup.select(".related .reasons")]
    assert reasons and all(r.startswith("يشترك في:") for r in reasons)
    assert [a["href"] for a in soup.select(".topics a")][0].startswith("../topics/")
    backlinks = soup.select(".backlinks a")
    assert backlinks
    for link in backlinks:
        target, fragment = urldefrag(link["href"])
        assert target == "../briefing.html" and parse_html(output / "briefing.html").find(id=fragment)


def test_entity_page_lists_its_most_frequent_companions(output):
    soup = parse_html(output / "entities" / "mustafa-al-kadhimi.html")
    companions = [a.get_text() for a in soup.select("#companions-title ~ ul a")]
    assert "العراق" in companions[:3] and "جو بايدن" in companions
    counts = [int(c.get_text().split(":")[-1]) for c in soup.select("#companions-title ~ ul .count")]
    assert counts == sorted(counts, reverse=True)


def test_topic_pages_list_articles_and_paragraphs_strongest_first(output):
    soup = parse_html(output / "topics" / "attacks.html")
    hits = [int(re.search(r"\d+", p.get_text()).group()) for p in soup.select("ol.cards .card__meta span:nth-of-type(2)")]
    assert hits and len(hits) >= 3
    paragraphs = soup.select("ol.snippets > li")
    assert paragraphs
    for item in paragraphs:  # each links to a paragraph that exists and holds the quoted text
        link = item.select_one("a")["href"]
        assert squash(item.p.get_text(" ")) in cited_paragraph(output / "topics" / "attacks.html", link)


def test_briefing_json_holds_what_the_page_shows(output):
    data = briefing_json(output)
    soup = parse_html(output / "briefing.html")
    assert len(data["takeaways"]) == len(soup.select("#takeaways .statement"))
    assert len(data["figures"]) == len(soup.select("#figures tbody tr"))
    assert len(data["timeline"]) == len(soup.select("ol.timeline > li"))
    assert [t["id"] for t in data["topics"]] == [s["id"][len("topic-"):] for s in soup.select("section.topic-section")]
    assert data["coverage"]["topics"][0] == "military_presence"


def test_editor_introduction_sits_above_the_generated_sections(project):
    (project / "content" / "briefing.md").write_text("## تمهيد\n\nكتب المحرر هذه **المقدمة**.\n", encoding="utf-8")
    assert build_quietly(project) == 0
    soup = parse_html(project / "output" / "briefing.html")
    intro = soup.select_one("section.intro")
    assert intro and intro.strong.get_text() == "المقدمة"
    assert intro.find_next("section", id="takeaways")
    assert not (project / "output" / "briefing-md.html").exists()
    assert "تمهيد" not in (project / "output" / "index.html").read_text(encoding="utf-8")


# --- another event ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def quake(quake_output) -> Path:
    return quake_output


def test_another_event_gets_a_coherent_briefing(quake):
    assert check_every_citation(quake) >= 8
    soup = parse_html(quake / "briefing.html")
    assert "زلزال الحوز" in soup.h1.get_text()
    labels = [s.h2.get_text(strip=True) for s in soup.select("section.topic-section")]
    assert "الضحايا والأضرار" in labels and "إعادة الإعمار" in labels
    data = briefing_json(quake)
    assert {e["phase"] for e in data["timeline"]} >= {"context", "event"}
    assert any(e["label"] == "زلزال أغادير" for e in data["timeline"])
    assert data["people"][0]["name"] == "محمد السادس"


def test_another_event_shows_nothing_of_the_seeds_event(quake):
    for page in html_pages(quake):
        text = page.read_text(encoding="utf-8")
        for word in ("بايدن", "الكاظمي", "العراق", "Biden"):
            assert word not in text, f"{page.name}: {word}"


def test_a_reprints_copy_of_a_quote_is_the_same_quote(quake):
    texts = [t for t, _ in shown_quotes(quake)]
    assert texts.count("الدولة لن تترك أي أسرة دون مأوى") == 1  # AFP's and its reprint's


def test_reprints_are_one_story_and_count_once(quake):
    articles = {Path(a["source_file"]).stem: a for a in json.loads(
        (quake / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]}
    assert articles["b-hespress"]["reprint_of"] == articles["a-afp"]["slug"]
    assert articles["c-reuters"]["reprint_of"] is None
    assert articles["d-agadir"]["story"] == "زلزال أغادير"
    rows = {(f["unit"], f["value"]): f for f in briefing_json(quake)["figures"]}
    assert rows[("killed", 2946)]["corroborated"]  # AFP and Reuters: two stories
    assert not rows[("wounded", 5674)]["corroborated"]  # AFP and its reprint: one story
    a_page = parse_html(quake / articles["a-afp"]["url"])
    assert "هسبريس" in a_page.select_one(".story-note").get_text()
    b_page = parse_html(quake / articles["b-hespress"]["url"])
    assert "النص نفسه" in b_page.select_one(".story-note").get_text()
    coverage = parse_html(quake / "briefing.html").select("table.coverage thead th")
    assert len(coverage) == 3  # AFP (with its reprint), Reuters, and the Agadir background


def test_reprints_found_the_same_by_every_pair_and_by_the_rare_shingle_index(quake):
    from generator.config.site import load_config
    from generator.corpus.analysis import find_reprints
    from generator.pipeline import build

    articles = list(build(load_config(quake.parent), force=True).built)
    exact = find_reprints(articles)
    assert exact and exact == find_reprints(articles, exact_limit=0)


def test_an_article_sharing_nothing_with_the_others_has_no_relatives(project):
    (project / "seeds" / "999_weather.txt").write_text(
        "طقس معتدل في الساحل\n\nتوقعت الأرصاد الجوية أجواء معتدلة على الساحل خلال نهاية الأسبوع مع رياح خفيفة "
        "ورطوبة مرتفعة نسبيا في ساعات الصباح الباكر، ونصحت السائقين بالحذر من الضباب الكثيف.\n", encoding="utf-8")
    assert build_quietly(project) == 0
    weather = articles_data(project / "output")["999_weather.txt"]
    assert weather["related"] == []
    assert all(r["slug"] != weather["slug"] for s in SEEDS for r in articles_data(project / "output")[s]["related"])


@pytest.mark.parametrize("headline, label", [
    ("تقرير: هل تساعد إدارة بايدن الكاظمي الصمود في وجه الميليشيات",
     "هل تساعد إدارة بايدن الكاظمي الصمود في وجه الميليشيات"),
    ("زيارة الكاظمي لواشنطن.. ماذا ينتظر من الولايات المتحدة؟", "زيارة الكاظمي لواشنطن"),
    ("بايدن يستقبل الكاظمي", "بايدن يستقبل الكاظمي"),
    ("عاجل - انفجار ضخم يهز مرفأ بيروت ويخلف عشرات القتلى وآلاف الجرحى في حصيلة أولية",
     "انفجار ضخم يهز مرفأ بيروت ويخلف عشرات القتلى وآلاف الجرحى…"),
])
def test_an_article_of_unknown_outlet_is_cited_by_a_whole_part_of_its_headline(headline, label):
    assert short_title(headline) == label


def test_no_citation_is_a_cut_headline_marked_publisher_unknown(output):
    """The seeds' 002 has no outlet: cited by its headline's question, the tooltip says whose it is not."""
    page = parse_html(output / "briefing.html")
    labels = {a.select_one("bdi").get_text(): a["title"] for a in page.select("a.cite, a.cite-also")}
    assert "هل تساعد إدارة بايدن الكاظمي الصمود في وجه الميليشيات" in labels
    assert labels["هل تساعد إدارة بايدن الكاظمي الصمود في وجه الميليشيات"].endswith("(الناشر غير مذكور)")
    assert not [text for text in labels if text.endswith("…") and "تقرير" in text]
    assert "الناشر غير مذكور" not in " ".join(a.get_text() for a in page.select("a.cite, a.cite-also"))
