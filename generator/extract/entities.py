"""Named entities: a gazetteer (``site.yaml`` + built-in places) matched the way Arabic is written.

* Clitics: "والوزير", "لدمشق", "بالمغرب" match "الوزير", "دمشق", "المغرب".
* Spelling: matched on ``arabic.matching_key`` (diacritics, shadda, alef forms, ة/ه, ى/ي,
  أميركي/أمريكي, ميليشيات/مليشيات all ignored).
* Longest match wins: "نجيب ميقاتي" is one mention, not also "ميقاتي".
* Aliases name one entity: "تنظيم الدولة الإسلامية" is داعش, "البنتاغون" is the Pentagon entry.
* Whole words only, so an adjective is never its place: "السورية" is not "سوريا".
* Homographs: two entries whose names differ only in their diacritics (عمّان, Amman, and
  عُمان, Oman) both stay, and a word spelled like them is resolved by ``resolve`` below.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from ..model import Entity, Mention, Paragraph, entity_id_for
from ..text import arabic
from .places import HOMOGRAPH_CUES

# A word as written, diacritics included, so spans index the displayed text.
WORD_SPAN_RE = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670]+")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    entities: tuple[Entity, ...]
    # first token's matching key → [(all tokens' keys, entity index)], longest first
    index: dict[str, tuple[tuple[tuple[str, ...], int], ...]]
    # a name's tokens → every entity whose name is spelled so once diacritics are ignored
    homographs: dict[tuple[str, ...], tuple[int, ...]] = field(default_factory=dict)
    # entity index → matching keys of the words that, near its name, say it is meant
    cues: dict[int, frozenset[str]] = field(default_factory=dict)


def build_gazetteer(entities: list[Entity]) -> Gazetteer:
    """Entities earlier in the list win a name two of them claim (site.yaml before built-ins),
    unless both names are written with diacritics that tell them apart (عمّان, عُمان)."""
    claimed: dict[tuple[str, ...], int] = {}
    kept: list[Entity] = []
    by_key: dict[str, list[int]] = {}
    for entity in entities:
        key = arabic.matching_key(entity.name)
        if key in by_key and not all(_told_apart(kept[n].name, entity.name) for n in by_key[key]):
            continue
        if key in by_key:  # a homograph: its own page, so its own id ("عمان-الأردن" for عمّان)
            entity = replace(entity, id=_homograph_id(entity, len(by_key[key]) + 1))
        by_key.setdefault(key, []).append(len(kept))
        kept.append(entity)
        for surface in (entity.name, *entity.aliases):
            words = tuple(arabic.tokens(surface))
            if words and words not in claimed:
                claimed[words] = len(kept) - 1
    index: dict[str, list] = {}
    for words, number in claimed.items():
        index.setdefault(words[0], []).append((words, number))
    homographs = {tuple(arabic.tokens(kept[group[0]].name)): tuple(group)
                  for group in by_key.values() if len(group) > 1}
    cues = {n: frozenset(arabic.matching_key(w) for w in HOMOGRAPH_CUES.get(kept[n].name, ()))
            for group in homographs.values() for n in group}
    return Gazetteer(tuple(kept), {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in sorted(index.items())},
                     homographs, cues)


def _homograph_id(entity: Entity, position: int) -> str:
    cues = HOMOGRAPH_CUES.get(entity.name, ())
    return f"{entity.id}-{entity_id_for(cues[0]) if cues else position}"


def _told_apart(a: str, b: str) -> bool:
    """Two names with one matching key that their diacritics distinguish: "عمّان", "عُمان"."""
    marks_a, marks_b = arabic.letter_marks(a), arabic.letter_marks(b)
    return any(marks_a) and any(marks_b) and marks_a != marks_b


def find_mentions(paragraphs: tuple[Paragraph, ...], gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """The names the article's own paragraphs mention: not the page's furniture around it (a
    related story's headline names another story's people), not English lines."""
    found: list[tuple[Mention, tuple[int, ...]]] = []
    for paragraph in paragraphs:
        if paragraph.lang == "en" or paragraph.role.is_furniture:
            continue
        found += _mentions_in(paragraph, gazetteer)
    if not any(len(senses) > 1 for _, senses in found):
        return tuple(m for m, _ in found)
    evidence = _article_evidence(paragraphs, found, gazetteer)
    mentions = []
    for mention, senses in found:
        sense = senses[0] if len(senses) == 1 else _one_of(senses, evidence)
        if sense is not None:
            mentions.append(Mention(gazetteer.entities[sense].id, mention.paragraph, mention.start,
                                    mention.end, mention.surface))
    return tuple(mentions)


@functools.lru_cache(maxsize=1 << 12)  # a paragraph is matched against several gazetteers
def word_spans(text: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[str, ...]]:
    """((start, end, matching key) of each word as written, diacritics included; the keys)."""
    spans = tuple((m.start(), m.end(), arabic.matching_key(m.group())) for m in WORD_SPAN_RE.finditer(text))
    return spans, tuple(key for _, _, key in spans)


def _mentions_in(paragraph: Paragraph, gazetteer: Gazetteer) -> list[tuple[Mention, tuple[int, ...]]]:
    """Each mention with the entities it may be: one, or the homographs it could not tell apart."""
    spans, keys = word_spans(paragraph.text)
    found, i = [], 0
    while i < len(spans):
        match = _longest_match_at(keys, i, gazetteer)
        if match is None:
            i += 1
            continue
        words, number, clitic = match
        length = len(words)
        start = spans[i][0] + skip_letters(paragraph.text[spans[i][0]:spans[i][1]], clitic)
        end = spans[i + length - 1][1]
        senses = gazetteer.homographs.get(words, (number,))  # not an alias that is only its own
        if len(senses) > 1:
            sense = resolve(paragraph.text[start:end], senses, keys, (i, i + length), gazetteer)
            senses = (sense,) if sense is not None else senses
        found.append((Mention(gazetteer.entities[senses[0]].id, paragraph.id, start, end, paragraph.text[start:end]),
                      senses))
        i += length
    return found


# --- homographs --------------------------------------------------------------------------
#
# A word spelled like two places (عمان: عمّان, Amman, or عُمان, Oman) is read, in order:
#   1. by its diacritics: the one place whose name's marks none of the word's marks contradict
#      ("عمّان" has a shadda Oman lacks; "عُمان" a damma where Amman has none), or, when several
#      fit, the one sharing the most marks with it;
#   2. by the nearest cue word in its paragraph ("العاصمة الأردنية عمان" → Amman, "سلطنة عمان"
#      and "بين الأردن وسلطنة عمان" → Oman; cues in places.HOMOGRAPH_CUES);
#   3. by the article: the one place its other mentions were read as, or whose cues it has;
#   4. else it is not linked at all ("في عمان" alone): a wrong link misleads, a missing one
#      only omits. Diacritic-insensitive matching is unchanged for every other name.

def resolve(written: str, senses: tuple[int, ...], keys: list[str], at: tuple[int, int],
            gazetteer: Gazetteer) -> int | None:
    """The entity a homograph written so, at word positions ``at`` of a paragraph, names."""
    by_marks = _sense_by_marks(written, senses, gazetteer)
    return by_marks if by_marks is not None else _sense_by_cues(keys, at, senses, gazetteer)


def _sense_by_marks(written: str, senses: tuple[int, ...], gazetteer: Gazetteer) -> int | None:
    word = arabic.letter_marks(written)
    if not any(word):
        return None
    fitting: list[tuple[int, int]] = []
    for sense in senses:
        name = arabic.letter_marks(gazetteer.entities[sense].name)
        shared = _shared_marks(word, name) if len(name) == len(word) else None
        if shared is not None:
            fitting.append((shared, sense))
    best = max((shared for shared, _ in fitting), default=None)
    winners = [sense for shared, sense in fitting if shared == best]
    return winners[0] if len(winners) == 1 else None


SHADDA = "ّ"


def _shared_marks(word: tuple[frozenset[str], ...], name: tuple[frozenset[str], ...]) -> int | None:
    """How many letters carry the name's marks in the word; None when a mark contradicts it
    (another vowel on a letter, or a shadda the name does not have)."""
    shared = 0
    for on_word, on_name in zip(word, name):
        if (SHADDA in on_word) != (SHADDA in on_name) and (SHADDA in on_word or on_word):
            return None
        if on_word and on_name:
            if not on_name <= on_word:
                return None
            shared += 1
    return shared


def _sense_by_cues(keys: list[str], at: tuple[int, int], senses: tuple[int, ...], gazetteer: Gazetteer) -> int | None:
    """The sense whose cue word is nearest the name in the paragraph (None on a tie or none)."""
    distance: dict[int, int] = {}
    for j, key in enumerate(keys):
        if at[0] <= j < at[1]:
            continue
        gap = at[0] - j if j < at[0] else j - at[1] + 1
        readings = set(arabic.clitic_variants(key))
        for sense in senses:
            if readings & gazetteer.cues.get(sense, frozenset()):
                distance[sense] = min(distance.get(sense, gap), gap)
    if not distance:
        return None
    nearest = min(distance.values())
    winners = [sense for sense, gap in distance.items() if gap == nearest]
    return winners[0] if len(winners) == 1 else None


def _article_evidence(paragraphs: tuple[Paragraph, ...], found: list[tuple[Mention, tuple[int, ...]]],
                      gazetteer: Gazetteer) -> tuple[set[int], set[int]]:
    """(entities homographs were read as in this article, entities whose cues it has)."""
    resolved = {senses[0] for mention, senses in found
                if len(senses) == 1 and any(senses[0] in group for group in gazetteer.homographs.values())}
    readings = {v for p in paragraphs if p.lang != "en"
                for t in arabic.tokens(p.text) for v in arabic.clitic_variants(t)}
    cued = {sense for sense, cues in gazetteer.cues.items() if readings & cues}
    return resolved, cued


def _one_of(senses: tuple[int, ...], evidence: tuple[set[int], set[int]]) -> int | None:
    for known in evidence:
        among = [sense for sense in senses if sense in known]
        if len(among) == 1:
            return among[0]
    return None


def _longest_match_at(keys: list[str], i: int, gazetteer: Gazetteer) -> tuple[tuple[str, ...], int, int] | None:
    """(the name's words matched, entity number, letters of clitic before the name) or None."""
    best = None
    for variant in arabic.clitic_variants(keys[i]):
        for words, number in gazetteer.index.get(variant, ()):
            n = len(words)
            if tuple(keys[i + 1:i + n]) == words[1:] and (best is None or n > len(best[0])):
                best = (words, number, _clitic_length(keys[i], variant))
    return best


def skip_letters(word: str, letters: int) -> int:
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
