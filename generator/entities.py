"""Named entities: a gazetteer (``site.yaml`` + built-in places) matched the way Arabic is written.

* Clitics: "والوزير", "لدمشق", "بالمغرب" match "الوزير", "دمشق", "المغرب".
* Spelling: matched on ``arabic.matching_key`` (diacritics, shadda, alef forms, ة/ه, ى/ي,
  أميركي/أمريكي, ميليشيات/مليشيات all ignored).
* Longest match wins: "نجيب ميقاتي" is one mention, not also "ميقاتي".
* Aliases name one entity: "تنظيم الدولة الإسلامية" is داعش, "البنتاغون" is the Pentagon entry.
* Whole words only, so an adjective is never its place: "السورية" is not "سوريا".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import arabic
from .model import Entity, Mention, Paragraph, entity_id_for

# A word as written, diacritics included, so spans index the displayed text.
WORD_SPAN_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670]+")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entities: tuple[Entity, ...]
    # first token's matching key → [(all tokens' keys, entity index)], longest first
    index: dict[str, tuple[tuple[tuple[str, ...], int], ...]]


def build_gazetteer(entities: list[Entity]) -> Gazetteer:
    """Entities earlier in the list win a name two of them claim (site.yaml before built-ins)."""
    claimed: dict[tuple[str, ...], int] = {}
    kept: list[Entity] = []
    seen_names: set[str] = set()
    for entity in entities:
        key = arabic.matching_key(entity.name)
        if key in seen_names:
            continue
        seen_names.add(key)
        kept.append(entity)
        for surface in (entity.name, *entity.aliases):
            words = tuple(arabic.tokens(surface))
            if words and words not in claimed:
                claimed[words] = len(kept) - 1
    index: dict[str, list] = {}
    for words, number in claimed.items():
        index.setdefault(words[0], []).append((words, number))
    return Gazetteer(tuple(kept), {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in sorted(index.items())})


def find_mentions(paragraphs: tuple[Paragraph, ...], gazetteer: Gazetteer) -> tuple[Mention, ...]:
    mentions: list[Mention] = []
    for paragraph in paragraphs:
        if paragraph.lang == "en":
            continue
        mentions += _mentions_in(paragraph, gazetteer)
    return tuple(mentions)


def _mentions_in(paragraph: Paragraph, gazetteer: Gazetteer) -> list[Mention]:
    spans = [(m.start(), m.end(), arabic.matching_key(m.group())) for m in WORD_SPAN_RE.finditer(paragraph.text)]
    keys = [key for _, _, key in spans]
    found, i = [], 0
    while i < len(spans):
        match = _longest_match_at(keys, i, gazetteer)
        if match is None:
            i += 1
            continue
        length, number, clitic = match
        start = spans[i][0] + _skip_letters(paragraph.text[spans[i][0]:spans[i][1]], clitic)
        end = spans[i + length - 1][1]
        found.append(Mention(gazetteer.entities[number].id, paragraph.id, start, end, paragraph.text[start:end]))
        i += length
    return found


def _longest_match_at(keys: list[str], i: int, gazetteer: Gazetteer) -> tuple[int, int, int] | None:
    """(words matched, entity number, letters of clitic before the name) or None."""
    best = None
    for variant in arabic.clitic_variants(keys[i]):
        for words, number in gazetteer.index.get(variant, ()):
            n = len(words)
            if tuple(keys[i + 1:i + n]) == words[1:] and (best is None or n > best[0]):
                best = (n, number, _clitic_length(keys[i], variant))
    return best


def _skip_letters(word: str, letters: int) -> int:
    """Index in ``word`` (as written, diacritics and all) after its first ``letters`` letters."""
    seen = 0
    for position, char in enumerate(word):
        if seen == letters:
            return position
        if not arabic.DIACRITICS_RE.match(char):
            seen += 1
    return len(word)


def _clitic_length(token: str, variant: str) -> int:
    """Letters of proclitic in front of the name: "والعراق" read as "العراق" → 1 ("و")."""
    if token.endswith(variant):
        return len(token) - len(variant)
    bare = variant[2:] if variant.startswith("ال") else variant  # "للعراق" read as "العراق"
    return len(token) - len(bare)


@dataclass(frozen=True, slots=True)
class EntityCount:
    """One entity within one article: how often, and in which paragraphs (in reading order)."""

    entity: Entity
    count: int
    paragraphs: tuple[str, ...]


def count_mentions(mentions: tuple[Mention, ...], entities: dict[str, Entity]) -> tuple[EntityCount, ...]:
    """Entities of one article, most mentioned first (ties: first mentioned first)."""
    order: dict[str, list[str]] = {}
    for mention in mentions:
        order.setdefault(mention.entity_id, []).append(mention.paragraph)
    counts = [EntityCount(entities[eid], len(paras), tuple(dict.fromkeys(paras))) for eid, paras in order.items()]
    first = {eid: n for n, eid in enumerate(order)}
    return tuple(sorted(counts, key=lambda c: (-c.count, first[c.entity.id])))


# --- discovery of names the gazetteer lacks ----------------------------------------------

# Role titles after which Arabic news prints a person's name: "وزير الخارجية العراقي فؤاد حسين",
# "المتحدثة باسم البيت الأبيض جين ساكي", "مستشار الأمن القومي قاسم الأعرجي".
ROLE_TITLES = ("وزير", "وزيرة", "الرئيس", "رئيس الوزراء", "رئيس الحكومة", "رئيس الوزراء", "رئيس البرلمان",
               "المتحدث باسم", "المتحدثة باسم", "الناطق باسم", "الناطقة باسم", "مستشار", "مستشارة",
               "السفير", "السفيرة", "المبعوث", "المبعوثة", "قائد", "زعيم", "الأمين العام",
               "مسؤولة", "موفد", "منسق", "الجنرال", "النائب", "النائبة", "العاهل", "الملك", "الأمير", "الشيخ")
# Words that qualify a title rather than name anyone: "الرئيس الأمريكي السابق …".
TITLE_QUALIFIERS = ("السابق", "السابقة", "الأسبق", "الحالي", "الحالية", "الجديد", "الجديدة", "المنتهية ولايته")
MAX_TITLE_WORDS = 6
TANWIN_FATH = "\u064b"  # "مسؤولة الشؤون الدولية في وزارة الدفاع الأمريكية" is as long as titles get


@dataclass(frozen=True, slots=True)
class Discovery:
    name: str  # two words, as written
    role: str  # the title before it, as written


def discover_people(paragraphs: tuple[Paragraph, ...], gazetteer: Gazetteer) -> list[Discovery]:
    """Two-word names printed right after a role title, that the gazetteer does not know."""
    found = []
    for paragraph in paragraphs:
        if paragraph.role != "body":
            continue
        words = paragraph.text.split()
        keys = [arabic.matching_key(w.strip("،,.:؛\"“”«»()")) for w in words]
        for i in range(len(words)):
            title_end = _title_end(keys, i)
            if title_end is None:
                continue
            name = _name_at(words, keys, title_end)
            if name and not _known(name, gazetteer):
                found.append(Discovery(name, " ".join(words[i:title_end]).strip("،,")))
    return found


_TITLES = sorted((tuple(arabic.tokens(t)) for t in ROLE_TITLES), key=len, reverse=True)
_QUALIFIERS = {arabic.matching_key(q) for q in TITLE_QUALIFIERS}


def _title_end(keys: list[str], i: int) -> int | None:
    """Index of the word after a role title starting at ``i`` and what qualifies it."""
    title = next((t for t in _TITLES if tuple(keys[i:i + len(t)]) == t), None)
    if title is None:
        return None
    j = i + len(title)
    # the title's complement: nationality adjectives (ending in ي/ية), "باسم X", "الشؤون الدولية"
    while j < len(keys) and j - i < MAX_TITLE_WORDS and keys[j] not in arabic.FUNCTION_WORDS - {"في"} and (
            keys[j].startswith(("ال", "لل")) or keys[j] in _QUALIFIERS or keys[j - 1] in ("باسم", "في")
            or keys[j] == "في"):  # "لل": "الأمين العام للأمم المتحدة"
        j += 1
    return j


def _name_at(words: list[str], keys: list[str], j: int) -> str | None:
    """Two words that look like a given name and a family name: no article on the first, no
    function word, no punctuation between them."""
    if j + 1 >= len(words):
        return None
    first, second = keys[j], keys[j + 1]
    written = {arabic.strip_diacritics(w.strip("،,.:؛")) for w in words[j:j + 2]}
    if (first.startswith(("ال", "لل", "بال", "وال")) or written & arabic.FUNCTION_WORDS_WRITTEN
            or len(first) < 2 or len(second) < 2 or not first.isalpha() or not second.isalpha()
            or words[j][-1] in "،,.:؛" or second.endswith(("يه", "ين", "ون"))
            or TANWIN_FATH in words[j] + words[j + 1]  # "ضغوطاً": an indefinite noun, not a name
            or (first.endswith("ا") and second.endswith("ا"))  # "توجها جديدا": noun + adjective
            or (first.endswith("يه") and second.endswith("ه"))):  # "مسؤولة عراقية كبيرة": adjectives
        return None
    return f"{words[j]} {words[j + 1].rstrip('،,.:؛')}"


def name_after_title(text: str) -> str | None:
    """The two-word name a role title at the start of ``text`` introduces, as written:
    "المتحدث باسم وزارة الخارجية ناصر كنعاني" → "ناصر كنعاني". None when no name follows
    ("المتحدث باسم الجيش"), and when the title's complement holds another title, whose holder
    the name may be: "المتحدث باسم الرئيس التركي رجب طيب أردوغان" is not أردوغان."""
    words = text.split()
    keys = [arabic.matching_key(w.strip("،,.:؛\"“”«»()")) for w in words]
    end = _title_end(keys, 0)
    if end is None or any(_title_end(keys, k) is not None for k in range(1, end)):
        return None
    return _name_at(words, keys, end)


def _known(name: str, gazetteer: Gazetteer) -> bool:
    keys = tuple(arabic.tokens(name))
    return any(keys[:len(words)] == words or keys[-len(words):] == words
               for candidates in gazetteer.index.values() for words, _ in candidates)


def discovered_entities(discoveries: list[Discovery], min_mentions: int = 1) -> list[Entity]:
    """One person entity per discovered name (most frequent role kept), in first-seen order."""
    roles: dict[str, list[str]] = {}
    for d in discoveries:
        roles.setdefault(d.name, []).append(d.role)
    return [Entity(entity_id_for(name), name, "person", (), max(set(r), key=r.count))
            for name, r in roles.items() if len(r) >= min_mentions]
