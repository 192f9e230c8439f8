"""Rule 9, assign_remaining_roles: every line left gets its final role.

    HEADER "الحوار الاستراتيجي .." + HEADER "زيارة الوزير لدمشق"  →  KICKER + HEADLINE
    HEADER "سياسة" + HEADER "زيارة الوزير لدمشق"                 →  SECTION + HEADLINE
    "حاجات عراقية"  (a short line alone between paragraphs)      →  HEADING
    any other line                                              →  BODY

The provisional HEADER lines are sorted into section, kicker, headline and deck by their
number, order, script and endings; a short Arabic line between paragraphs is a heading. It is
its own step, and the last, because both decisions read the finished draft: which lines are
still in the header once duplicates and pull quotes are gone, and whether the line before a
heading ends a paragraph once wrapped lines are joined. After it no line is without a role.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Role
from .draft import SENTENCE_END_RE, Draft, Line, word_count

# A heading is a short line standing alone between paragraphs: "حاجات عراقية".
HEADING_MAX_WORDS = 8
KICKER_ENDINGS = ("..", ":", "…", "：")


def assign_remaining_roles(draft: Draft) -> Draft:
    """Header lines become kicker / headline / deck / section by position; other lines are
    headings or body."""
    lines = list(draft.lines)
    header = [i for i, ln in enumerate(lines) if ln.role == Role.HEADER]
    for i, role in zip(header, _header_roles(lines, header)):
        lines[i] = replace(lines[i], role=role)
    for i, ln in enumerate(lines):
        if not ln.role:
            lines[i] = replace(ln, role=Role.HEADING if _is_heading(lines, i) else Role.BODY)
    return replace(draft, lines=tuple(lines))


def _header_roles(lines: list[Line], header: list[int]) -> list[Role]:
    """Header lines in order. A first line of one to three words that does not end like a
    kicker is a section label. When Arabic and English titles both appear, the first Arabic
    one is the headline (the English one is the original's title, kept as kicker or deck).
    Otherwise: one line is the headline; two are kicker + headline when the first ends like a
    kicker ("..", ":") or else headline + deck; three or more are kicker, headline, deck…"""
    rest = list(header)
    roles: list[Role] = []
    first = lines[rest[0]].text if rest else ""
    if len(rest) >= 2 and word_count(first) <= 3 and not first.endswith(KICKER_ENDINGS):
        roles.append(Role.SECTION)
        rest = rest[1:]
    if not rest:
        return roles
    arabic_lines = [n for n, i in enumerate(rest) if lines[i].lang == "ar"]
    if arabic_lines and len(arabic_lines) < len(rest):
        head = arabic_lines[0]
        return roles + [Role.KICKER if n < head else Role.HEADLINE if n == head else Role.DECK
                        for n in range(len(rest))]
    if len(rest) == 1:
        return roles + [Role.HEADLINE]
    if len(rest) == 2:
        return roles + ([Role.KICKER, Role.HEADLINE] if lines[rest[0]].text.endswith(KICKER_ENDINGS)
                        else [Role.HEADLINE, Role.DECK])
    return roles + [Role.KICKER, Role.HEADLINE] + [Role.DECK] * (len(rest) - 2)


def _is_heading(lines: list[Line], i: int) -> bool:
    ln = lines[i]
    if word_count(ln.text) > HEADING_MAX_WORDS or ln.lang != "ar" or i + 1 >= len(lines):
        return False
    if ln.text.endswith((".", "،", ",", "!", ":")):
        return False
    nxt, prev = lines[i + 1], lines[i - 1] if i else None
    return nxt.role in (None, Role.BODY) and (prev is None or SENTENCE_END_RE.search(prev.text) is not None
                                              or prev.role not in (None, Role.BODY))
