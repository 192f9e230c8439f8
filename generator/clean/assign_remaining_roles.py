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
from ..text import arabic
from .draft import SENTENCE_END_RE, Draft, Line, content_words, word_count
from .next_story import next_story_out

# A heading is a short line standing alone between paragraphs: "حاجات عراقية".
HEADING_MAX_WORDS = 8
KICKER_ENDINGS = ("..", ":", "…", "：")
# A headline has a few words at least; one or two are a label (a section, a menu item).
HEADLINE_MIN_WORDS = 3
# A headline is not a paragraph: a line longer than this is the lead, not the title above it.
HEADLINE_MAX_WORDS = 30


def assign_remaining_roles(draft: Draft) -> Draft:
    """Header lines become kicker / headline / deck / section: the headline is the header line
    the lead paragraph speaks of, else the one its position says; other lines are headings or body."""
    lines = list(draft.lines)
    header = [i for i, ln in enumerate(lines) if ln.role == Role.HEADER]
    roles = _header_roles(lines, header)
    by_position = roles.index(Role.HEADLINE) if Role.HEADLINE in roles else None
    headline = headline_among(lines, header, _repeated_lines(draft), by_position)
    if headline is not None and headline != by_position:
        roles = _roles_around(lines, header, headline)
    elif headline is None and by_position is not None and _said_in_lead(lines, header, header[by_position]):
        roles[by_position] = Role.CAPTION  # "وزير الخارجية عبدالله اليحيا" above "أكد وزير الخارجية عبدالله اليحيا …"
    for i, role in zip(header, roles):
        lines[i] = replace(lines[i], role=role)
    for i, ln in enumerate(lines):
        if not ln.role:
            lines[i] = replace(ln, role=Role.HEADING if _is_heading(lines, i) else Role.BODY)
    return replace(draft, lines=tuple(next_story_out(lines)))


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


def headline_among(lines: list[Line], header: list[int], repeated: frozenset[str],
                   by_position: int | None = None) -> int | None:
    """The header line (an index into ``header``) that is the headline among the page's other
    lines, or None when no line stands out: the one whose words the lead paragraph repeats
    most, with a point for a line the page prints twice (a headline is in the page's title
    and above the article) and one for a line just above a date or byline. A line that is
    another header line with more glued on, as long as a paragraph, or said word for word in
    the lead, is not the headline."""
    lead = next((ln for ln in lines[header[-1] + 1:] if not ln.role), None) if header else None
    if lead is None:
        return None
    lead_words = content_words(lead.text)
    scores = []
    for n, i in enumerate(header):
        ln = lines[i]
        key = arabic.matching_key(ln.text)
        if (not HEADLINE_MIN_WORDS <= word_count(ln.text) <= HEADLINE_MAX_WORDS or ln.lang != lead.lang
                or any(_extends(key, lines[j].text) for j in header if j != i) or _said_in_lead(lines, header, i)
                or _first_of_marked_items(lines, i)):
            scores.append(0.0)
            continue
        shared = len(content_words(ln.text) & lead_words)
        above_meta = _above_date_or_byline(lines, i)
        scores.append(shared + (shared > 0) * ((key in repeated) + above_meta))
    dated = [n for n, i in enumerate(header) if scores[n] >= 2 and _above_date_or_byline(lines, i)]
    if by_position is not None and scores[by_position] > 0 and not (dated and by_position not in dated):
        return by_position  # the line in the headline's place speaks of the lead: it is the headline
    if dated:
        return max(dated, key=lambda n: (scores[n], n))  # the line the date or byline is printed under
    best = max(range(len(scores)), key=lambda n: (scores[n], n), default=None)
    if best is not None and scores[best] == 0:
        # The lead echoes no line: the one line the page printed twice (its title, then above the
        # article), else the one line of a headline's length the date or byline is printed under.
        fits = [n for n, i in enumerate(header) if HEADLINE_MIN_WORDS <= word_count(lines[i].text) <= HEADLINE_MAX_WORDS
                and not _first_of_marked_items(lines, i)]
        twice = [n for n in fits if arabic.matching_key(lines[header[n]].text) in repeated]
        under = [n for n in fits if _above_date_or_byline(lines, header[n])]
        return twice[0] if len(twice) == 1 else under[0] if len(under) == 1 and not twice else None
    return best if best is not None and scores[best] >= 2 else None


ITEM_MARKS = ("*", "•", "■", "●", "▪", "◄")


def _first_of_marked_items(lines: list[Line], i: int) -> bool:
    """A round-up's first item heading, marked as the items below it are ("*جلسة لمجلس الأمن …"
    above "*جعجع: …", "*بري: …"): the report's sections, not its headline."""
    mark = lines[i].text.lstrip()[:1]
    return mark in ITEM_MARKS and any(ln.text.lstrip().startswith(mark) for ln in lines[i + 1:] if not ln.role)


def _roles_around(lines: list[Line], header: list[int], headline: int) -> list[Role]:
    """Roles once the headline is known: the line just above it a kicker (a first short line
    a section label), lines further up page furniture, the lines below it its deck (a label
    of a word or two there is the section; a round-up's first marked item, a heading)."""
    roles = []
    for n, i in enumerate(header):
        if n == headline:
            roles.append(Role.HEADLINE)
        elif n > headline:
            label = word_count(lines[i].text) <= 2 and not SENTENCE_END_RE.search(lines[i].text)
            roles.append(Role.SECTION if label else Role.HEADING if _first_of_marked_items(lines, i) else Role.DECK)
        elif n == headline - 1:
            short = word_count(lines[i].text) <= 3 and not lines[i].text.endswith(KICKER_ENDINGS)
            roles.append(Role.SECTION if short else Role.KICKER)
        else:
            roles.append(Role.NAVIGATION)
    return roles


def _above_date_or_byline(lines: list[Line], i: int) -> bool:
    """Just above a date or byline, or above the label a date is printed under ("نشر :")."""
    after = lines[i + 1:i + 3]
    if after and after[0].role in (Role.DATE, Role.BYLINE):
        return True
    return (len(after) == 2 and word_count(after[0].text) <= 2 and after[0].text.rstrip().endswith((":", "："))
            and after[1].role is Role.DATE)


def _said_in_lead(lines: list[Line], header: list[int], i: int) -> bool:
    """A header line the lead repeats word for word: a photo's caption naming who the lead is
    about ("وزير الخارجية عبدالله اليحيا"). A headline says the news in its own words."""
    lead = next((ln for ln in lines[header[-1] + 1:] if not ln.role), None)
    key = arabic.matching_key(lines[i].text)
    return (lead is not None and word_count(lines[i].text) >= HEADLINE_MIN_WORDS
            and key in arabic.matching_key(lead.text))


def _extends(key: str, other: str) -> bool:
    """Whether a line is another header line with more glued on ("العنوان" + "مجلس النواب"):
    the shorter one is the headline."""
    other_key = arabic.matching_key(other)
    return len(other_key.split()) >= HEADLINE_MIN_WORDS and key != other_key and key.startswith(other_key)


def _repeated_lines(draft: Draft) -> frozenset[str]:
    """The matching keys of the lines the page printed more than once (their copies were dropped)."""
    return frozenset(arabic.matching_key(r.text) for r in draft.removed if r.reason.startswith("duplicate"))

