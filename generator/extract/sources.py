"""Who published an article and who wrote the wire copy: the outlet, the agency, the dateline.

Read from the lines around the article and from its first paragraph, resolved against the
registry (``registry.py``); outlet and agency are kept apart, so a reprint of wire copy names both:

* datelines in all their shapes (``datelines.py``): "واشنطن - (أ ف ب) -" → agency AFP, city
  واشنطن; "بغداد اليوم - بغداد" → outlet بغداد اليوم; "بلدي نيوز – (متابعات)" → outlet, no agency;
* credits: a byline that names an agency ("كتب: أ.ف.ب"), a line that is only a name ("د ب أ",
  "مصراوي Masrawy"), a header line that ends with one ("… بتوقيت القاهرة د ب أ"), a source
  line naming an agency ("المصدر: وكالة الأنباء القطرية"); generic credits (متابعات، وكالات،
  خاص) name nobody;
* the page's own furniture: masthead words before a name ("صحيفة الشرق - العدد 1969", "قناة
  اليوم السابع على الواتساب", "مرحبا بك في موقع رؤيا الإخباري"), rights lines, a section line
  that opens with the name ("السومرية نيوز-سياسة", "رويترز عربي ودولي");
* the outlet quoting itself in its text, the weakest evidence: "صرّح لـ«النهار»", "في حديث مع
  هسبريس", "في بيان تلقته (بغداد اليوم)", "مراسل الجزيرة". Agencies quoted so are interviewers,
  never the publisher.

A name that is also an ordinary phrase (النهار, سبق, بغداد اليوم) needs one of these cues.
An English disclaimer where the publisher introduces itself ("The Example Institute (EI) is an
independent …") names it too.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Block, Outlet, Role
from ..text.arabic import WORD_RE, clitic_variants, matching_key
from .datelines import Parts, dateline_parts, inline_dateline_parts
from .registry import Found, Registry

# Credits that name nobody: "(متابعات)", "- وكالات", "خاص".
GENERIC_CREDITS = frozenset(matching_key(c) for c in (
    "متابعات", "وكالات", "الوكالات", "وكالات الأنباء", "وكالات انباء", "خاص", "مواقع", "صحف", "المحرر",
    "وكاالت"))  # the last: "وكالات" as PDF text gives it (لا read as اال)
# Words that, right before a name, say the page names itself: "صحيفة الشرق", "لموقع 24"; an
# issue number names only a name that is not an ordinary phrase ("عدد اليوم" is today's issue).
MASTHEAD_CUES = frozenset(matching_key(w) for w in (
    "صحيفة", "جريدة", "موقع", "قناة", "مجلة", "شبكة", "إذاعة", "راديو", "تلفزيون", "بوابة"))
ISSUE_CUES = frozenset(matching_key(w) for w in ("عدد", "العدد"))
# Words that, anywhere on a short furniture line, make it the publisher's own: rights, issue numbers.
OWN_LINE_WORDS = frozenset(matching_key(w) for w in (
    "حقوق", "الحقوق", "محفوظة", "محفوظه", "العدد", "عدد", "نسخة", "copyright", "rights"))
# A source line: "المصدر: …", "نقلاً عن …".
SOURCE_LINE_RE = re.compile(r"^\s*(?:المصدر|مصدر الخبر|نقلا عن|نقلاً عن|عن|source)\s*[:：]?\s*", re.IGNORECASE)
# Words that, right before a name in the text, make it the outlet speaking of itself.
SELF_CUES = frozenset(matching_key(w) for w in (
    "مع", "مراسل", "مراسلة", "لمراسل", "لمراسلة", "مراسلنا", "تلقته", "تلقت", "تلقاه", "تلقى", "مانشيت",
    "افتتاحية", "تقرير", "ل"))
QUOTE_OPEN, QUOTE_CLOSE = "«\"“”'(", "»\"”“')"
OWN_LINE_MAX_WORDS = 12
# A section line: the outlet's name and at most this many words ("رويترز عربي ودولي").
SECTION_LINE_MAX_EXTRA_WORDS = 3
# "The Example Institute (EI) is an independent …": a publisher introducing itself.
SELF_DESCRIPTION_RE = re.compile(r"\bThe ([A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*| of| for| and){0,8})"
                                 r" \(([A-Z]{2,8})\) is\b")

# "كتب -محمد الجالى" closing a line: the writer's name, two or three words, after a separator.
_NAME_WORD = r"[^\s\d.،,:|-]{2,}"
END_BYLINE_RE = re.compile(rf"(?:^|\s)(?:كتب|كتبت|بقلم)\s*[-–—:]\s*(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{1,2}})\s*$")

END_BYLINE_WITHIN_BLOCKS = 12  # near the top: a PDF front page prints teasers above the story

IsPlace = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class Credits:
    outlet: Outlet | None = None
    agency: Outlet | None = None
    dateline: str | None = None
    author: str | None = None  # a name in a dateline ("رياض سهيل-بغداد", "بيروت: يوسف دياب")
    lines: frozenset[int] = frozenset()  # blocks that only credit: not shown as a deck or kicker
    notes: tuple[tuple[str, str], ...] = ()  # (field, what an editor should confirm)


def credits_of(blocks: tuple[Block, ...], registry: Registry, is_place: IsPlace,
               byline_name: str | None = None) -> Credits:
    """Outlet, agency, dateline and dateline author of one cleaned article."""
    first_body = next((i for i, b in enumerate(blocks) if b.role.is_body), len(blocks))
    agency = outlet = city = author = None
    credit_lines: set[int] = set()
    notes: list[tuple[str, str]] = []
    if found := _first_dateline(blocks, first_body, registry, is_place):
        i, (city, credit, author), parts = found
        agency, outlet = _credit(credit, agency, outlet)
        if registry.is_site(parts.right) and credit is not None and not isinstance(credit, str):
            outlet = outlet or credit.outlet()  # "الجزائر - سبأنت": the agency's own site
        if i < first_body:
            credit_lines.add(i)
    if byline_name and (source := registry.exact(byline_name)):
        agency, outlet = _credit(source, agency, outlet)
    for i, block in enumerate(blocks):
        source = _named_alone(block.text, registry) if not block.role.is_text or _short(block.text) else None
        if source:
            agency, outlet = _credit(source, agency, outlet)
            if i < first_body:
                credit_lines.add(i)
        elif i < first_body and block.role is not Role.HEADLINE and (source := _ends_with_agency(block.text, registry)):
            agency = agency or source.outlet()
    if outlet is None:
        outlet, section_line = _outlet_of_page(blocks, registry)
        if section_line is not None:
            credit_lines.add(section_line)
        if outlet is None and (outlet := _outlet_quoting_itself(blocks, registry)):
            note = f"the outlet ({outlet.name}) was read from the text naming it, not from the page's own lines"
            notes.append(("outlet", note))
    if agency is None:
        agency = _agency_of_source_line(blocks, registry)
    if agency is None and first_body < len(blocks):
        inside = _agency_inside(blocks[first_body].text, registry, is_place)
        if inside:
            city, agency = city or inside[0], inside[1]
    if author is None and (writer := _writer_alone(blocks, first_body, registry, is_place)):
        author = blocks[writer].text.strip()
        credit_lines.add(writer)
    author = author or _byline_at_a_line_end(blocks[:END_BYLINE_WITHIN_BLOCKS])
    if agency is not None and agency.name_en is None and registry.exact(agency.name) is None:
        note = f"the agency credited ({agency.name}) is not in the registry: add it to sources: in site.yaml"
        notes.append(("agency", note))
    return Credits(outlet, agency, city, author, frozenset(credit_lines), tuple(notes))


def _first_dateline(blocks: tuple[Block, ...], first_body: int, registry: Registry, is_place: IsPlace):
    """(block number, (city, credit, author), parts) of the first dateline: a header line of its
    own, else the opening of the first paragraph; None when there is none."""
    for i in range(min(first_body + 1, len(blocks))):
        if blocks[i].role is Role.HEADLINE:
            continue
        standalone = i < first_body
        readings = dateline_parts(blocks[i].text) if standalone else inline_dateline_parts(blocks[i].text)
        for parts in readings:
            if reading := _read_dateline(parts, registry, is_place, standalone):
                return i, reading, parts
    return None


def _credit(source, agency: Outlet | None, outlet: Outlet | None) -> tuple[Outlet | None, Outlet | None]:
    """(agency, outlet) once ``source`` (a ``Source``, an unregistered credit as text, or
    None for a generic credit) is credited; what is already known stays."""
    if source is None:
        return agency, outlet
    if isinstance(source, str):
        return agency or Outlet(source), outlet
    if source.agency:
        return agency or source.outlet(), outlet
    return agency, outlet or source.outlet()


def _read_dateline(parts: Parts, registry: Registry, is_place: IsPlace, standalone: bool):
    """(city, credit, author) of a dateline's parts, or None when they are not one. The credit
    is a ``Source``, an unregistered bracketed credit as written, or None (generic). A writer's
    name and place ("رياض سهيل-بغداد") are read only on a line of their own."""
    left, right, bracketed = parts.left, parts.right, parts.bracketed
    left_source, right_source = registry.exact(left), registry.exact(right)
    if left_source and not right_source:  # "بغداد اليوم - بغداد", "بلدي نيوز – (متابعات)"
        if bracketed or _generic(right) or is_place(right):
            return (right if is_place(right) else None), left_source, None
        return None
    if right_source:  # "الجزائر - سبأنت", "واشنطن (رويترز)"
        return left, right_source, None
    if _generic(right):
        return left, None, None
    if bracketed and parts.closed and _names_a_credit(right):
        return left, right.strip(), None
    if not standalone and is_place(left) and not bracketed:  # "الكويت – أشاد نائب رئيس …": a place, no credit
        return left, None, None
    if not standalone or bracketed:
        return None
    if is_place(right) and _person_like(left):  # "رياض سهيل-بغداد"
        return right, None, left
    if is_place(left) and _person_like(right) and parts.colon:  # "بيروت: يوسف دياب"
        return left, None, right
    return None


def _writer_alone(blocks: tuple[Block, ...], first_body: int, registry: Registry, is_place: IsPlace) -> int | None:
    """The header line just above the lead when it is a writer's name alone ("مصطفى واعراب"):
    two or three words of letters, none with the article, not a registered name or a place."""
    i = first_body - 1
    if i < 0 or blocks[i].role not in (Role.DECK, Role.KICKER, Role.SECTION, Role.BYLINE):
        return None
    words = blocks[i].text.split()
    if not (_person_like(blocks[i].text) and all(w.isalpha() for w in words)):
        return None
    if any(matching_key(w).startswith("ال") for w in words):
        return None
    if registry.exact(blocks[i].text) or is_place(blocks[i].text):
        return None
    return i


def _byline_at_a_line_end(blocks: tuple[Block, ...]) -> str | None:
    """A byline a PDF ran onto the end of a line above the text: "… جاذب للدارسين كتب -محمد الجالى"."""
    for block in blocks:
        if match := END_BYLINE_RE.search(block.text):
            return match["name"]
    return None


def _generic(text: str) -> bool:
    return " ".join(WORD_RE.findall(matching_key(text))) in GENERIC_CREDITS


def _names_a_credit(text: str) -> bool:
    """An unregistered credit in brackets: a short name, not a phrase ("(CNN)", "(ال بي سي)")."""
    return 1 <= len(text.split()) <= 3 and not any(ch.isdigit() for ch in text)


def _person_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 3 and all(len(w) > 1 for w in words)


def _short(text: str) -> bool:
    return len(text.split()) <= 6


def _named_alone(text: str, registry: Registry) -> object | None:
    """The source a line only names ("د ب أ", "مصراوي Masrawy": a name and its Latin form)."""
    words = WORD_RE.findall(matching_key(text))
    found = registry.names_in(words)
    if not found or found[0].start != 0 or found[-1].end != len(words) or found[0].clitic:
        return None
    if sum(f.end - f.start for f in found) != len(words) or len({f.source.name for f in found}) != 1:
        return None
    return found[0].source


def _ends_with_agency(text: str, registry: Registry):
    """An agency a header line ends with ("آخر تحديث: … بتوقيت القاهرة د ب أ")."""
    words = WORD_RE.findall(matching_key(text))
    found = registry.names_in(words)
    last = found[-1] if found else None
    if last and last.end == len(words) and last.start > 0 and last.source.agency and not last.plain and not last.clitic:
        return last.source
    return None


def _outlet_of_page(blocks: tuple[Block, ...], registry: Registry) -> tuple[Outlet | None, int | None]:
    """An outlet the page's own lines name: after a masthead word, on a rights or issue line,
    or opening a section line (whose number is given too: it is the outlet's, not a headline).
    Not a source line ("المصدر: صحيفة الأنباء"): it names where the text came from, which a
    page that reprints it is not."""
    for i, block in enumerate(blocks):
        if block.role.is_text or SOURCE_LINE_RE.match(block.text):
            continue
        words = WORD_RE.findall(matching_key(block.text))
        own_line = len(words) <= OWN_LINE_MAX_WORDS and (bool(OWN_LINE_WORDS.intersection(words)) or "©" in block.text)
        for found in registry.names_in(words):
            rights = own_line and (not found.plain or found.clitic.endswith("ل") or "©" in block.text)
            if _after_cue(words, found) or rights:
                return found.source.outlet(), None
            if (i == 0 or block.role is not Role.NAVIGATION) and _opens_section_line(block.text, words, found):
                return found.source.outlet(), i
    for block in blocks:
        if block.role is Role.BOILERPLATE and (match := SELF_DESCRIPTION_RE.search(block.text)):
            known = registry.exact(match[1]) or registry.exact(match[2])
            return (known.outlet() if known else Outlet(match[1], match[1])), None
    return None, None


def _after_cue(words: list[str], found: Found) -> bool:
    """A masthead word right before the name, or opening the form found: "صحيفة الشرق", "لموقع
    24", "العدد 161 لصحيفة الصباح", "قناة صدى البلد"."""
    if words[found.start] in MASTHEAD_CUES and not matching_key(found.source.name).startswith(words[found.start]):
        return True  # the form found is the name after a masthead word ("قناة صدى البلد"), not a name like "راديو سوا"
    if found.clitic or found.start == 0:
        return False
    cues = MASTHEAD_CUES if found.plain else MASTHEAD_CUES | ISSUE_CUES
    return any(v in cues for v in clitic_variants(words[found.start - 1]))


def _opens_section_line(text: str, words: list[str], found: Found) -> bool:
    """A line that opens with the name and adds a few words: "رويترز عربي ودولي"; a name that
    is also an ordinary phrase must be followed by a separator ("السومرية نيوز-سياسة")."""
    extra = [w for w in words[found.end:] if not w.isdigit()]  # "人民网 2021:07:08" is a section line too
    if found.start != 0 or found.clitic or len(words) == found.end or len(extra) > SECTION_LINE_MAX_EXTRA_WORDS:
        return False
    if not found.plain:
        return True
    name_chars = len(" ".join(words[:found.end]))
    rest = matching_key(text).lstrip(" \"'«(").replace("  ", " ")[name_chars:name_chars + 3]
    return bool(re.match(r"\s*[-–—|:]", rest))


def _outlet_quoting_itself(blocks: tuple[Block, ...], registry: Registry) -> Outlet | None:
    """The outlet its own text quotes most ("صرّح لـ«النهار»"); quotes or brackets are needed
    around a name that is also an ordinary phrase."""
    counts: Counter = Counter()
    for block in blocks:
        if block.role in (Role.RELATED, Role.CAPTION, Role.CREDIT):
            continue
        key = matching_key(block.text)
        spans = [m.span() for m in WORD_RE.finditer(key)]
        words = [key[a:b] for a, b in spans]
        # Only where a cue can be: after a cue word, or on a word with the proclitic ل.
        at = (i for i, w in enumerate(words) if w.startswith("ل") or (i > 0 and words[i - 1] in SELF_CUES))
        for found in filter(None, (registry.name_at(words, i) for i in at)):
            if found.source.agency:
                continue
            cued = found.clitic.endswith("ل") or (found.start > 0 and words[found.start - 1] in SELF_CUES)
            before, after = key[spans[found.start][0] - 1:spans[found.start][0]], key[spans[found.end - 1][1]:][:1]
            quoted = bool(before) and before in QUOTE_OPEN and bool(after) and after in QUOTE_CLOSE
            if cued and (quoted or not found.plain):
                counts[found.source] += 1
    return counts.most_common(1)[0][0].outlet() if counts else None


def _agency_of_source_line(blocks: tuple[Block, ...], registry: Registry) -> Outlet | None:
    """"المصدر: وكالة الأنباء القطرية" on a line of its own."""
    for block in blocks:
        match = SOURCE_LINE_RE.match(block.text)
        if match and len(block.text.split()) <= 8:
            source = registry.exact(block.text[match.end():])
            if source and source.agency:
                return source.outlet()
    return None


def _agency_inside(text: str, registry: Registry, is_place: IsPlace) -> tuple[str, Outlet] | None:
    """(city, agency) of a dateline a PDF ran into the paragraph: "… لوظائف صحية الرياض -واس وافق …"."""
    for left, right in inline_agency_candidates(text):
        source = registry.exact(right)
        if source and source.agency and is_place(left):
            return left, source.outlet()
    return None


def inline_agency_candidates(text: str):
    """(word before, word after) each dash of the first words of a paragraph joins."""
    head = " ".join(text.split()[:60])
    for match in re.finditer(r"(\S+)\s*[-–—]\s*(\S+(?:\s\S+){0,2})", head):
        left = match[1].strip("()،,.:")
        for n in range(3, 0, -1):
            yield left, " ".join(match[2].split()[:n])
