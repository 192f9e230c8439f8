"""Static inline SVG charts for the briefing: a timeline and an entity co-occurrence network.

Design choices:

* **Build-time, static, offline.** Each function returns a self-contained ``<svg>`` string: no
  script, no external font or file, colours via ``currentColor`` so page CSS and dark mode apply.
* **Deterministic.** Same input → byte-identical output (the site is diffed between builds):
  no randomness, layouts are closed-form, ties are broken by input order, numbers are rounded.
* **Vertical timeline.** Arabic captions vary widely in length; a horizontal axis makes them
  collide. One row per point, axis on the right (RTL), earliest at top; captions wrap to two
  lines and are truncated by character count so they cannot leave the fixed 720-wide viewBox.
* **Network on two facing arcs "( )".** A greedy chain (heaviest first, then whoever is most
  tied to the previous node) is dealt alternately to the right and left arcs, top to bottom:
  the most connected entities face each other at the top and strong ties stay short, with no
  force simulation (no numpy/networkx). Unlike a full circle there is no crowded top or
  bottom: each node has its own row and its label runs outward, so labels cannot collide.
* **A phone's width.** The network is also drawn 360 wide as one column of nodes with arcs
  for ties (``network_column_svg``), shown instead on a narrow screen: a scaled-down 720-wide
  chart would set its labels at 6 px.
* **Never colour alone.** Phase and entity kind are also coded by shape, with a text legend.
* **Untrusted text.** Every string is stripped of control characters and escaped; links are
  kept only when relative or http(s), so a ``javascript:`` URL can never reach the page.

RTL text: each ``<text>`` carries ``direction="rtl"``, under which ``text-anchor="start"``
puts the *right* end of the text at ``x`` and ``"end"`` the left end (SVG 2, §11.10.1).
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

WIDTH, MARGIN = 720, 12
CHAR_W = 8.0  # conservative px per Arabic char at 13–14px; real average is ~7
LEGEND_ROW = 28
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACE_RE = re.compile(r"\s+")
_UNSAFE_URL_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\]")

# Timeline geometry: axis near the right edge, date column, then the caption to its left.
AXIS_X, DATE_X, CAPTION_X = 700, 686, 510
ROW_H, LINE_H, GAP_H, GAP_YEARS = 30, 19, 28, 2  # a jump of ≥ GAP_YEARS years draws a break
DATE_CHARS = int((DATE_X - CAPTION_X - 10) // CHAR_W)  # 20: fits "26 كانون الثاني 2021"
CAPTION_CHARS, CAPTION_LINES = int((CAPTION_X - MARGIN) // CHAR_W), 2  # 62 per line
PHASES = ("context", "lead_up", "event", "after")
PRECISION_LABELS = {"day": "تاريخ كامل", "month": "الشهر فقط", "year": "السنة فقط"}
PRECISION_BAR = {"day": 0, "month": 7, "year": 13}  # half-length of the span bar on the axis

# Network geometry: two facing arcs; rows NET_ROW apart so labels (12px) and nodes (r ≤ 16) never touch.
NET_ROW, NET_X_IN, NET_X_OUT, LABEL_CHARS = 36, 60, 160, 20
KIND_STYLE = {"person": ("circle", "#1b9e77"), "organization": ("square", "#d95f02"),
              "place": ("diamond", "#7570b3")}  # Dark2: distinguishable under common colour blindness
OTHER_STYLE = ("ring", "#666666")
# The network on a phone: 360 wide, drawn at its size; labels on the right of a column of nodes
# (the RTL reading side), the ties as arcs to the left of it.
NARROW_WIDTH, COLUMN_X, COLUMN_ROW = 360, 150, 30
COLUMN_LABEL_CHARS = int((NARROW_WIDTH - MARGIN - COLUMN_X - 20) // CHAR_W)  # 22


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    key: tuple[int, int, int]  # (year, month or 0, day or 0)
    label: str  # formatted Arabic date
    precision: str  # "day" | "month" | "year"
    phase: str  # "context" | "lead_up" | "event" | "after"
    text: str  # short Arabic caption
    href: str  # relative URL of the cited paragraph


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    kind: str  # "person" | "organization" | "place" | other
    weight: int  # mentions
    href: str  # relative URL of the entity page


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", _CONTROL_RE.sub("", str(text))).strip()


def _esc(text: str) -> str:
    return escape(_clean(text), quote=True)


def _truncate(text: str, limit: int) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, limit: int, lines: int) -> list[str]:
    """Greedy word wrap into at most ``lines`` lines of ``limit`` chars; the last one truncated."""
    out, rest = [], _clean(text)
    while len(rest) > limit and len(out) < lines - 1:
        cut = rest.rfind(" ", 0, limit + 1)
        cut = cut if cut > limit // 2 else limit  # no good space: break inside the word
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return out + [_truncate(rest, limit)]


def _num(x: float) -> str:
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def safe_href(href: str) -> str | None:
    """The href if relative, a #fragment or http(s); None for anything a browser might run."""
    href = str(href).strip()
    if not href or _UNSAFE_URL_RE.search(href) or href.startswith("//"):
        return None  # browsers drop tabs/newlines ("java\tscript:"); "\\" and "//" reach other hosts
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return None
    return href if scheme in ("", "http", "https") else None


def _link(href: str, body: str, cls: str) -> str:
    url = safe_href(href)
    if url is None:
        return f'<g class="{cls}">{body}</g>'
    return f'<a href="{escape(url, quote=True)}" class="{cls}">{body}</a>'


def _text(x: float, y: float, text: str, size: int = 13, anchor: str = "start", extra: str = "") -> str:
    return (f'<text x="{_num(x)}" y="{_num(y)}" direction="rtl" text-anchor="{anchor}" '
            f'font-size="{size}" fill="currentColor"{extra}>{_esc(text)}</text>')


def _root(prefix: str, kind: str, height: float, title: str, desc: str, body: list[str], width: int = WIDTH) -> str:
    """role="group", not "img": the chart's marks are links, and an image cannot hold controls."""
    pid = re.sub(r"[^A-Za-z0-9_-]", "-", prefix) or "chart"
    pid = pid if pid[0].isalpha() else "c" + pid  # an id must start with a letter
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="group" '
            f'aria-labelledby="{pid}-title {pid}-desc" viewBox="0 0 {width} {_num(height)}" '
            f'width="100%" class="chart chart--{kind}" '
            f'direction="rtl" fill="currentColor">'
            f'<title id="{pid}-title">{_esc(title)}</title><desc id="{pid}-desc">{_esc(desc)}</desc>'
            + "".join(body) + "</svg>")


def _legend(items: list[tuple[str, str]], top: float, chart_width: int = WIDTH) -> tuple[list[str], float]:
    """Flow (marker-at-(0,0), label) items right-to-left, wrapping; return parts and bottom y."""
    parts, x, y = [], chart_width - MARGIN, top + LEGEND_ROW / 2
    for marker, label in items:
        label = _truncate(label, 30)
        width = 22 + len(label) * CHAR_W
        if x - width < MARGIN and x < chart_width - MARGIN:
            x, y = chart_width - MARGIN, y + LEGEND_ROW
        parts.append(f'<g class="legend-item"><g transform="translate({_num(x - 8)} {_num(y)})">{marker}</g>'
                     + _text(x - 20, y + 4, label, 12) + "</g>")
        x -= width + 16
    return parts, y + LEGEND_ROW / 2


# --- timeline -------------------------------------------------------------------------------

def _phase_marker(phase: str) -> str:
    return {
        "context": '<circle r="5" fill="none" stroke="#8a8a8a" stroke-width="2"/>',
        "lead_up": '<circle r="4" fill="#4a7fb5"/>',
        "event": '<circle r="7.5" fill="#c2410c" stroke="currentColor" stroke-width="1"/>',
        "after": '<rect x="-4.5" y="-4.5" width="9" height="9" fill="#2f855a"/>',
    }[phase]


def _precision_bar(precision: str) -> str:
    # A vaguer date is a span of time: a translucent bar along the axis, longer for a year.
    half = PRECISION_BAR.get(precision, 0)
    return (f'<line x1="0" y1="-{half}" x2="0" y2="{half}" stroke="currentColor" stroke-width="6" '
            f'stroke-linecap="round" stroke-opacity="0.3"/>' if half else "")


def _axis(y1: float, y2: float, cls: str, dash: str = "") -> str:
    return (f'<line class="{cls}" x1="{AXIS_X}" y1="{_num(y1)}" x2="{AXIS_X}" y2="{_num(y2)}" '
            f'stroke="currentColor" stroke-opacity="0.5" stroke-width="2"{dash}/>')


def timeline_svg(points: Sequence[TimelinePoint], title: str, phase_labels: Mapping[str, str],
                 id_prefix: str = "timeline", precision_labels: Mapping[str, str] = PRECISION_LABELS) -> str:
    if not points:
        return ""
    rows = sorted(points, key=lambda p: p.key)  # stable: equal dates keep input order
    phases = [p.phase if p.phase in PHASES else "context" for p in rows]
    items = [(_phase_marker(ph), phase_labels.get(ph, ph)) for ph in PHASES if ph in phases]
    precisions = [pr for pr in PRECISION_BAR if any(p.precision == pr for p in rows)]
    if precisions != ["day"]:  # all full dates: nothing to explain
        items += [(_precision_bar(pr) + '<circle r="4" fill="currentColor"/>', precision_labels.get(pr, pr))
                  for pr in precisions]
    body, y = _legend(items, 4)
    y += 14 + ROW_H / 2
    captions = [_wrap(p.text, CAPTION_CHARS, CAPTION_LINES) for p in rows]
    ys, gaps = [], []
    for i, p in enumerate(rows):
        if i and p.key[0] - rows[i - 1].key[0] >= GAP_YEARS:
            gaps.append((ys[-1] + 12 + (len(captions[i - 1]) - 1) * LINE_H, y + GAP_H - 12))
            y += GAP_H
        ys.append(y)
        y += ROW_H + (len(captions[i]) - 1) * LINE_H
    # Axis: solid runs between the breaks, dashed across each break with an ellipsis beside it.
    ends = [ys[0] - 12] + [e for g in gaps for e in g] + [ys[-1] + 12]
    body += [_axis(a, b, "tl-axis") for a, b in zip(ends[::2], ends[1::2])]
    for a, b in gaps:
        body += [_axis(a, b, "tl-gap", ' stroke-dasharray="3 4"'),
                 _text(DATE_X, (a + b) / 2 + 5, "…", 14, extra=' class="tl-gap-mark"')]
    for i, (p, ph, row_y, lines) in enumerate(zip(rows, phases, ys, captions)):
        shared = i > 0 and p.key == rows[i - 1].key and p.label == rows[i - 1].label
        bold = ' font-weight="bold"' if ph == "event" else ""
        parts = [f'<title>{_esc(p.text)}</title>' if " ".join(lines) != _clean(p.text) else "",
                 f'<g transform="translate({AXIS_X} {_num(row_y)})">{_precision_bar(p.precision)}'
                 f'{_phase_marker(ph)}</g>',
                 "" if shared else _text(DATE_X, row_y + 5, _truncate(p.label, DATE_CHARS), 13,
                                         extra=' font-weight="bold" class="tl-date"')]
        parts += [_text(CAPTION_X, row_y + 5 + k * LINE_H, line, 14, extra=' class="tl-caption"' + bold)
                  for k, line in enumerate(lines)]
        body.append(_link(p.href, "".join(parts), f"tl-row tl-{ph.replace('_', '-')}"))
    first, last = _clean(rows[0].label), _clean(rows[-1].label)
    desc = (f"حدث واحد: {first}." if len(rows) == 1
            else f"عدد الأحداث: {len(rows)}، من {first} إلى {last}.")
    return _root(id_prefix, "timeline", y - ROW_H / 2 + 16, title, desc, body)


# --- network --------------------------------------------------------------------------------

def _kind_marker(kind: str, r: float) -> str:
    shape, colour = KIND_STYLE.get(kind, OTHER_STYLE)
    stroke = 'stroke-width="2" stroke-dasharray="3 2"' if shape == "ring" else 'stroke-width="1"'
    paint = f'fill="{colour}" fill-opacity="0.85" stroke="currentColor" {stroke}'
    if shape == "square":
        s = r * 0.886  # same area as the circle, so size still reads as weight
        return f'<rect x="{_num(-s)}" y="{_num(-s)}" width="{_num(2 * s)}" height="{_num(2 * s)}" {paint}/>'
    if shape == "diamond":
        d = r * 1.253
        return f'<polygon points="0,{_num(-d)} {_num(d)},0 0,{_num(d)} {_num(-d)},0" {paint}/>'
    return f'<circle r="{_num(r)}" {paint}/>'


def _chain_order(ids: list[str], strength: Mapping[tuple[str, str], int]) -> list[str]:
    """Greedy chain from the heaviest: next is the node most tied to the last placed one, then
    to all placed ones, then the earliest in ``ids``."""
    rank = {n: i for i, n in enumerate(ids)}
    order, left, tie = [ids[0]], ids[1:], dict.fromkeys(ids, 0)
    while left:
        for n in left:
            tie[n] += strength.get((order[-1], n), 0)
        nxt = max(left, key=lambda n: (strength.get((order[-1], n), 0), tie[n], -rank[n]))
        order.append(nxt)
        left.remove(nxt)
    return order


def _arc_positions(count: int, cx: float, top: float) -> list[tuple[float, float, int]]:
    """(x, y, side) for the i-th node: even i down the right arc, odd i down the left (side -1)."""
    right = (count + 1) // 2
    out = []
    for i in range(count):
        side, k, m = (1, i // 2, right) if i % 2 == 0 else (-1, i // 2, count - right)
        t = 0.0 if m == 1 else 2 * k / (m - 1) - 1  # -1 top … +1 bottom
        bulge = NET_X_IN + (NET_X_OUT - NET_X_IN) * math.sqrt(1 - t * t)
        out.append((cx + side * bulge, top + k * NET_ROW + (right - m) * NET_ROW / 2, side))
    return out


def _network(nodes: Sequence[Node], edges: Sequence[tuple[str, str, int]], max_nodes: int):
    """(nodes by id, merged undirected edges, chain order, kinds in legend order) of the
    ``max_nodes`` heaviest nodes, or None when there are none."""
    first: dict[str, tuple[int, Node]] = {}
    for i, n in enumerate(nodes):
        first.setdefault(n.id, (i, n))  # a repeated id keeps its first node
    kept = sorted(sorted(first.values(), key=lambda t: (-t[1].weight, t[0]))[:max(max_nodes, 0)],
                  key=lambda t: t[0])
    if not kept:
        return None
    by_id = {n.id: n for _, n in kept}
    merged: dict[tuple[str, str], int] = {}  # undirected: (b, a) adds to an existing (a, b)
    for a, b, w in edges:
        if a != b and a in by_id and b in by_id and w > 0:
            key = (b, a) if (b, a) in merged else (a, b)
            merged[key] = merged.get(key, 0) + w
    strength = {**merged, **{(b, a): w for (a, b), w in merged.items()}}
    heaviest = sorted(by_id.values(), key=lambda n: -n.weight)  # stable: ties keep input order
    order = _chain_order([n.id for n in heaviest], strength)
    kinds = [k for k in KIND_STYLE if any(n.kind == k for n in by_id.values())]
    kinds += list(dict.fromkeys(n.kind for n in by_id.values() if n.kind not in KIND_STYLE))
    return by_id, merged, order, kinds


def network_svg(nodes: Sequence[Node], edges: Sequence[tuple[str, str, int]], title: str,
                kind_labels: Mapping[str, str], id_prefix: str = "network", max_nodes: int = 24) -> str:
    net = _network(nodes, edges, max_nodes)
    if net is None:
        return ""
    by_id, merged, order, kinds = net
    body, top = _legend([(_kind_marker(k, 6), kind_labels.get(k, k)) for k in kinds], 4)
    top += 30
    max_w = max(max(n.weight for n in by_id.values()), 1)
    spots = [(WIDTH / 2, top, 0)] if len(order) == 1 else _arc_positions(len(order), WIDTH / 2, top)
    pos = dict(zip(order, spots))
    rows = (len(order) + 1) // 2
    max_e, mid_y = max(merged.values(), default=1), top + (rows - 1) * NET_ROW / 2
    for (a, b), w in merged.items():  # edges first, under the nodes
        (x1, y1, _), (x2, y2, _) = pos[a], pos[b]
        # Bow toward the centre, more for longer edges, so ties along one arc do not overlap.
        mx, my, pull = (x1 + x2) / 2, (y1 + y2) / 2, min(0.8, math.hypot(x2 - x1, y2 - y1) / 250)
        qx, qy = mx + (WIDTH / 2 - mx) * pull, my + (mid_y - my) * pull
        body.append(f'<path class="net-edge" d="M{_num(x1)} {_num(y1)}Q{_num(qx)} {_num(qy)} {_num(x2)} {_num(y2)}" '
                    f'fill="none" stroke="currentColor" stroke-opacity="0.3" '
                    f'stroke-width="{_num(1 + 5 * w / max_e)}"/>')
    for nid in order:
        n, (x, y, side) = by_id[nid], pos[nid]
        r = 5 + 11 * math.sqrt(max(n.weight, 0) / max_w)  # area ∝ mentions; ≤ 16 < NET_ROW / 2
        label, kind = _truncate(n.label, LABEL_CHARS), _clean(kind_labels.get(n.kind, n.kind))
        width = len(label) * CHAR_W
        if side >= 0:  # grows rightwards from its left end: "end" under rtl
            lx, anchor = min(x + r + 6, WIDTH - MARGIN - width), "end"
        else:  # grows leftwards from its right end: "start" under rtl
            lx, anchor = max(x - r - 6, MARGIN + width), "start"
        tip = f"{_clean(n.label)} — {kind} — عدد الإشارات: {n.weight}"
        parts = (f'<title>{_esc(tip)}</title>'
                 f'<g transform="translate({_num(x)} {_num(y)})">{_kind_marker(n.kind, r)}</g>'
                 + _text(lx, y + 4, label, 12, anchor, ' class="net-label"'))
        cls = re.sub(r"[^a-z0-9-]", "", n.kind.lower()) or "other"
        body.append(_link(n.href, parts, f"net-node net-{cls}"))
    return _root(id_prefix, "network", top + (rows - 1) * NET_ROW + 30, title, _network_desc(by_id, merged), body)


def _network_desc(by_id: Mapping[str, Node], merged: Mapping[tuple[str, str], int]) -> str:
    return f"عدد الكيانات: {len(by_id)}، عدد الروابط بينها: {len(merged)}."


def network_column_svg(nodes: Sequence[Node], edges: Sequence[tuple[str, str, int]], title: str,
                       kind_labels: Mapping[str, str], id_prefix: str = "network-narrow", max_nodes: int = 24) -> str:
    """The network for a phone's width (``NARROW_WIDTH``): the same nodes in the same chain
    order down one column, each label to its right at full size, each tie an arc to the left
    bowing out with the distance it spans (an arc diagram): nothing shrinks below legibility."""
    net = _network(nodes, edges, max_nodes)
    if net is None:
        return ""
    by_id, merged, order, kinds = net
    body, top = _legend([(_kind_marker(k, 6), kind_labels.get(k, k)) for k in kinds], 4, NARROW_WIDTH)
    top += 24
    ys = {nid: top + i * COLUMN_ROW for i, nid in enumerate(order)}
    max_w, max_e = max(max(n.weight for n in by_id.values()), 1), max(merged.values(), default=1)
    for (a, b), w in merged.items():
        y1, y2 = sorted((ys[a], ys[b]))
        reach = min(COLUMN_X - MARGIN, 14 + (y2 - y1) * 0.45)
        body.append(f'<path class="net-edge" d="M{COLUMN_X} {_num(y1)}C{_num(COLUMN_X - reach)} {_num(y1)} '
                    f'{_num(COLUMN_X - reach)} {_num(y2)} {COLUMN_X} {_num(y2)}" fill="none" stroke="currentColor" '
                    f'stroke-opacity="0.3" stroke-width="{_num(1 + 4 * w / max_e)}"/>')
    for nid in order:
        n, y = by_id[nid], ys[nid]
        r = 4 + 8 * math.sqrt(max(n.weight, 0) / max_w)  # ≤ 12 < COLUMN_ROW / 2
        kind = _clean(kind_labels.get(n.kind, n.kind))
        parts = (f'<title>{_esc(f"{_clean(n.label)} — {kind} — عدد الإشارات: {n.weight}")}</title>'
                 f'<g transform="translate({COLUMN_X} {_num(y)})">{_kind_marker(n.kind, r)}</g>'
                 + _text(NARROW_WIDTH - MARGIN, y + 4, _truncate(n.label, COLUMN_LABEL_CHARS), 13,
                         extra=' class="net-label"'))
        cls = re.sub(r"[^a-z0-9-]", "", n.kind.lower()) or "other"
        body.append(_link(n.href, parts, f"net-node net-{cls}"))
    height = top + (len(order) - 1) * COLUMN_ROW + 20
    return _root(id_prefix, "network", height, title, _network_desc(by_id, merged), body, NARROW_WIDTH)
