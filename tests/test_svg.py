"""The inline SVG charts: well-formed, linked, inside their viewBox, escaped and deterministic."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.render.svg import CAPTION_CHARS, Node, TimelinePoint, network_svg, safe_href, timeline_svg

NS = "{http://www.w3.org/2000/svg}"
PHASE_LABELS = {"context": "خلفية", "lead_up": "تمهيد", "event": "الحدث", "after": "ما بعد"}
KIND_LABELS = {"person": "الأشخاص", "organization": "المنظمات", "place": "الأماكن"}


def point(key, label, phase="event", text="الرئيس يعلن تجميد عمل البرلمان", href="articles/a.html#p1",
          precision="day"):
    return TimelinePoint(key, label, precision, phase, text, href)


POINTS = [
    point((2021, 7, 26), "26 تموز 2021", "event", href="articles/c.html#p4"),
    point((2014, 0, 0), "2014", "context", "تأسيس الهيئة الوطنية لمكافحة الفساد", "articles/a.html#p1", "year"),
    point((2021, 7, 25), "25 تموز 2021", "lead_up", "اجتماع طارئ لمجلس الأمن القومي", "articles/b.html#p3"),
    point((2021, 7, 26), "26 تموز 2021", "event", "انتشار الجيش حول مقر البرلمان", "articles/c.html#p5"),
    point((2021, 12, 0), "كانون الأول 2021", "after", "إعلان خارطة طريق سياسية", "articles/d.html#p2", "month"),
]

NODES = [Node(f"e{i}", name, kind, weight, f"entities/e{i}.html") for i, (name, kind, weight) in enumerate([
    ("قيس سعيد", "person", 30), ("البرلمان التونسي", "organization", 20), ("تونس", "place", 25),
    ("حركة النهضة", "organization", 5), ("راشد الغنوشي", "person", 12), ("قرطاج", "place", 5),
])]
EDGES = [("e0", "e1", 6), ("e0", "e2", 4), ("e1", "e4", 3), ("e3", "e4", 2), ("e2", "e5", 1)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # raises on anything that is not well-formed XML


def view_width(root: ET.Element) -> float:
    return float(root.get("viewBox").split()[2])


def texts(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{NS}text"))


def edges(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{NS}path") if p.get("class") == "net-edge"]


def links(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{NS}a"))


def test_timeline_root_is_an_accessible_scalable_image():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    assert root.tag == f"{NS}svg" and root.get("role") == "group"
    assert root.get("viewBox").startswith("0 0 720 ") and root.get("width") == "100%"
    assert root.get("class") == "chart chart--timeline" and root.get("direction") == "rtl"
    assert root.get("aria-labelledby") == "timeline-title timeline-desc"
    assert root.find(f"{NS}title").text == "الخط الزمني"
    desc = root.find(f"{NS}desc").text
    assert "5" in desc and "2014" in desc and "كانون الأول 2021" in desc


def test_timeline_has_one_link_per_point_earliest_first():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    assert [a.get("href") for a in links(root)] == [
        "articles/a.html#p1", "articles/b.html#p3", "articles/c.html#p4", "articles/c.html#p5", "articles/d.html#p2"]


def test_timeline_equal_dates_share_one_date_label():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    dates = [t.text for t in texts(root) if t.get("class") == "tl-date"]
    assert dates == ["2014", "25 تموز 2021", "26 تموز 2021", "كانون الأول 2021"]


def test_timeline_text_is_rtl_and_inside_the_viewbox():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    width = view_width(root)
    for t in texts(root):
        assert 0 <= float(t.get("x")) <= width
        assert t.get("direction") == "rtl" and t.get("text-anchor") == "start"
        assert t.get("fill") == "currentColor"


def test_timeline_legend_names_every_phase_and_precision_used():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    legend = [t.text for g in root.iter(f"{NS}g") if g.get("class") == "legend-item" for t in g.iter(f"{NS}text")]
    assert legend[:4] == ["خلفية", "تمهيد", "الحدث", "ما بعد"]
    assert {"تاريخ كامل", "الشهر فقط", "السنة فقط"} <= set(legend)
    only_events = parse(timeline_svg([POINTS[0]], "الخط الزمني", PHASE_LABELS))
    assert [t.text for g in only_events.iter(f"{NS}g") if g.get("class") == "legend-item"
            for t in g.iter(f"{NS}text")] == ["الحدث"]


def test_timeline_long_caption_wraps_then_truncates_with_full_text_in_title():
    long = " ".join(["البرلمان"] * 40)
    root = parse(timeline_svg([point((2021, 7, 26), "26 تموز 2021", text=long)], "الخط الزمني", PHASE_LABELS))
    lines = [t.text for t in texts(root) if t.get("class") == "tl-caption"]
    assert len(lines) == 2 and all(len(line) <= CAPTION_CHARS for line in lines)
    for t in texts(root):  # right-anchored: at 8px a char, the left end stays inside too
        assert float(t.get("x")) - len(t.text) * 8 >= 0
    assert lines[-1].endswith("…")
    assert links(root)[0].find(f"{NS}title").text == long


def test_timeline_year_jump_draws_a_break():
    root = parse(timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS))
    gaps = [line for line in root.iter(f"{NS}line") if line.get("class") == "tl-gap"]
    assert len(gaps) == 1 and gaps[0].get("stroke-dasharray")
    near = parse(timeline_svg(POINTS[2:], "الخط الزمني", PHASE_LABELS))
    assert not [line for line in near.iter(f"{NS}line") if line.get("class") == "tl-gap"]


def test_timeline_escapes_untrusted_text_and_drops_javascript_links():
    hostile = [point((2021, 7, 26), '26 "تموز" <b>', text='<script>alert("x")</script> بيان',
                     href="javascript:alert(1)"),
               point((2021, 7, 27), "27 تموز 2021", href="articles/ok.html#p2")]
    svg = timeline_svg(hostile, '<script>عنوان</script>', {"event": 'الحدث" onload="x'})
    assert "<script" not in svg and "javascript:" not in svg
    root = parse(svg)
    assert [a.get("href") for a in links(root)] == ["articles/ok.html#p2"]
    captions = [t.text for t in texts(root) if t.get("class") == "tl-caption"]
    assert captions[0] == '<script>alert("x")</script> بيان'  # shown as text, not markup
    assert root.find(f"{NS}title").text == "<script>عنوان</script>"


def test_timeline_strips_control_characters():
    svg = timeline_svg([point((2021, 7, 26), "26 تموز\x002021", text="بيان\x07 رسمي\x1b")], "عنوان", PHASE_LABELS)
    assert not any(ord(c) < 32 for c in svg)
    parse(svg)


def test_timeline_is_deterministic_and_empty_input_gives_nothing():
    assert timeline_svg(POINTS, "الخط الزمني", PHASE_LABELS) == timeline_svg(list(POINTS), "الخط الزمني",
                                                                              dict(PHASE_LABELS))
    assert timeline_svg([], "الخط الزمني", PHASE_LABELS) == ""


def test_ids_are_unique_per_prefix():
    first = parse(timeline_svg(POINTS, "أ", PHASE_LABELS, id_prefix="timeline-a"))
    second = parse(timeline_svg(POINTS, "ب", PHASE_LABELS, id_prefix="timeline-b"))
    net = parse(network_svg(NODES, EDGES, "ج", KIND_LABELS, id_prefix="net-1"))
    ids = [e.get("id") for root in (first, second, net) for e in root.iter() if e.get("id")]
    assert len(ids) == 6 and len(set(ids)) == 6
    assert net.get("aria-labelledby") == "net-1-title net-1-desc"
    hostile = parse(network_svg(NODES, EDGES, "ج", KIND_LABELS, id_prefix='9 "x>'))
    assert all(" " not in e.get("id") for e in hostile.iter() if e.get("id"))


def test_network_links_every_kept_node_with_a_tooltip():
    root = parse(network_svg(NODES, EDGES, "شبكة الكيانات", KIND_LABELS))
    assert root.get("class") == "chart chart--network" and root.get("role") == "group"
    anchors = links(root)
    assert sorted(a.get("href") for a in anchors) == sorted(n.href for n in NODES)
    tips = {a.find(f"{NS}title").text for a in anchors}
    assert "قيس سعيد — الأشخاص — عدد الإشارات: 30" in tips
    assert len(edges(root)) == len(EDGES)


def test_network_puts_the_strongest_tie_side_by_side_at_the_top():
    root = parse(network_svg(NODES, EDGES, "شبكة", KIND_LABELS))
    y = {a.get("href"): float(a.find(f"{NS}g").get("transform").split()[1].rstrip(")")) for a in links(root)}
    assert y["entities/e0.html"] == y["entities/e1.html"] == min(y.values())


def test_network_max_nodes_keeps_heaviest_and_drops_their_edges():
    root = parse(network_svg(NODES, EDGES, "شبكة", KIND_LABELS, max_nodes=3))
    assert sorted(a.get("href") for a in links(root)) == ["entities/e0.html", "entities/e1.html", "entities/e2.html"]
    assert len(edges(root)) == 2  # e0–e1 and e0–e2 survive
    # a weight tie is broken by input order: e3 and e5 both weigh 5, e3 comes first
    tied = parse(network_svg(NODES, EDGES, "شبكة", KIND_LABELS, max_nodes=5))
    assert "entities/e3.html" in {a.get("href") for a in links(tied)}
    assert "entities/e5.html" not in {a.get("href") for a in links(tied)}


def test_network_labels_stay_inside_the_viewbox():
    names = ["الولايات المتحدة الأمريكية ومنظمة حلف شمال الأطلسي", "الاتحاد العام التونسي للشغل", "تونس"] * 9
    nodes = [Node(f"n{i}", name, ("person", "organization", "place", "thing")[i % 4], 50 - i, f"entities/n{i}.html")
             for i, name in enumerate(names)]
    edges = [(f"n{i}", f"n{(i * 7) % 27}", 1 + i % 5) for i in range(27)]
    root = parse(network_svg(nodes, edges, "شبكة", KIND_LABELS))
    width, height = view_width(root), float(root.get("viewBox").split()[3])
    labels = [t for t in texts(root) if t.get("class") == "net-label"]
    assert len(labels) == 24
    for t in labels:
        x, chars = float(t.get("x")), len(t.text) * 8
        left = {"end": x, "start": x - chars, "middle": x - chars / 2}[t.get("text-anchor")]
        assert 0 <= left and left + chars <= width and 0 < float(t.get("y")) < height


def test_network_legend_names_each_kind_used():
    nodes = NODES + [Node("x", "حدث", "event", 1, "entities/x.html")]
    root = parse(network_svg(nodes, EDGES, "شبكة", KIND_LABELS))
    legend = [t.text for g in root.iter(f"{NS}g") if g.get("class") == "legend-item" for t in g.iter(f"{NS}text")]
    assert legend == ["الأشخاص", "المنظمات", "الأماكن", "event"]


def test_network_escapes_labels_and_drops_unsafe_links_but_keeps_the_node():
    nodes = [Node("a", '<script>x</script> "قيس"', "person", 5, "javascript:alert(1)"),
             Node("b", "تونس", "place", 3, "entities/b.html")]
    svg = network_svg(nodes, [("a", "b", 1)], "شبكة", KIND_LABELS)
    assert "<script" not in svg and "javascript:" not in svg
    root = parse(svg)
    assert [a.get("href") for a in links(root)] == ["entities/b.html"]
    assert any(t.text.startswith('<script>x</script> "قيس"'[:18]) for t in texts(root))


def test_network_is_deterministic_and_empty_gives_nothing():
    assert network_svg(NODES, EDGES, "شبكة", KIND_LABELS) == network_svg(list(NODES), list(EDGES), "شبكة", KIND_LABELS)
    assert network_svg([], EDGES, "شبكة", KIND_LABELS) == ""
    assert network_svg(NODES, EDGES, "شبكة", KIND_LABELS, max_nodes=0) == ""


@pytest.mark.parametrize("href, ok", [
    ("articles/x.html#p4", True), ("../entities/e1.html", True), ("#p3", True),
    ("https://example.org/a", True), ("http://example.org/a", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("//evil.example/x", False),
    ("\\\\evil.example", False), ("", False),
])
def test_safe_href(href, ok):
    assert (safe_href(href) is not None) is ok
