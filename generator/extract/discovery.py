"""Names the gazetteer lacks, discovered in the texts: persons after a role title, after a verb
of speech or set off by commas (``persons.py`` says how far a name runs), and organizations by
table and by form (``organizations.py``). Each becomes an entity of the site's gazetteer.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..model import Entity, Paragraph, entity_id_for
from ..text import arabic
from . import organizations, persons
from .entities import Gazetteer

# Role titles after which Arabic news prints a person's name: "وزير الخارجية العراقي فؤاد حسين",
# "المتحدثة باسم البيت الأبيض جين ساكي", "مستشار الأمن القومي قاسم الأعرجي".
ROLE_TITLES = ("وزير", "وزيرة", "الوزير", "الوزيرة", "الوزير الأول", "الرئيس", "رئيس الوزراء", "رئيس الحكومة",
               "رئيس البرلمان", "أمير", "القائد", "القائدة", "القيادي", "القيادية", "المنسق", "المنسقة", "المهندسة",
               "برئاسة", "أمين عام", "الأمينة العامة", "المغفور له", "مدير", "مديرة", "المدير", "المديرة",
               "الصحافي", "الصحافية", "الكاتب", "الكاتبة", "المحلل", "المحللة", "الباحث", "الباحثة", "الأستاذ",
               "الأستاذة", "الإعلامي", "الإعلامية", "المحامي", "المحامية", "الناشط", "الناشطة",
               "المتحدث باسم", "المتحدثة باسم", "الناطق باسم", "الناطقة باسم", "الناطق الرسمي باسم",
               "المتحدث الرسمي باسم", "الناطقة الرسمية باسم", "المتحدثة الرسمية باسم", "وزراء", "مستشار", "مستشارة",
               "السفير", "السفيرة", "المبعوث", "المبعوثة", "قائد", "زعيم", "الأمين العام",
               "مسؤولة", "موفد", "منسق", "الجنرال", "النائب", "النائبة", "العاهل", "الملك", "الأمير", "الشيخ",
               "الشيخة", "السلطان", "ولي العهد", "نائب رئيس", "رئيس مجلس", "رئيس", "رئيسة", "الرئيسة", "الدكتور",
               "الدكتورة", "المهندس", "المستشار", "اللواء", "الفريق", "الفريق أول", "العميد",
               "العقيد", "الفريق أول ركن", "السيد", "السيدة", "صاحب السمو", "سمو", "البطريرك", "الكاردينال", "عضو",
               "محافظ", "السناتور", "النائب الجمهوري", "النائب الديمقراطي")
# Words that qualify a title rather than name anyone: "الرئيس الأمريكي السابق …".
TITLE_QUALIFIERS = ("بالنيابة", "بالوكالة", "الراحل", "الراحلة",
                    "السابق", "السابقة", "الأسبق", "الحالي", "الحالية", "الجديد", "الجديدة", "المنتهية ولايته")
MAX_TITLE_WORDS = 6
TANWIN_FATH = "\u064b"  # "مسؤولة الشؤون الدولية في وزارة الدفاع الأمريكية" is as long as titles get


@dataclass(frozen=True, slots=True)
class Discovery:
    name: str  # as written
    role: str  # the title before it, as written ("" for an organization)
    kind: str = "person"
    aliases: tuple[str, ...] = ()


def discover_people(paragraphs: tuple[Paragraph, ...], gazetteer: Gazetteer, table: bool = True) -> list[Discovery]:
    """Names the gazetteer does not know: persons (after a role title, before the role they are
    given, after a verb of speech) and organizations (the built-in table's, unless the gazetteer
    holds it: ``table=False``, and those named by their form)."""
    found = []
    for paragraph in paragraphs:
        if not paragraph.role.is_body:
            continue
        words = paragraph.text.split()
        keys = _word_keys(words)
        for i in range(len(words)):
            title_end = _title_end(keys, i, words)
            if title_end is None:
                continue
            if not _holder_follows(words, keys, title_end):
                continue
            name = _closed(words, keys, title_end, _name_at(words, keys, title_end)) \
                or persons.apposed(words, keys, title_end, _name_at)
            if name and not _known(name, gazetteer):
                found.append(Discovery(name, " ".join(words[i:title_end]).strip("،,")))
            if name and keys[i] in _PLURAL_TITLES:
                found += [Discovery(n, "") for n in _listed_after(words, keys, title_end + len(name.split()))
                          if not _known(n, gazetteer)]
        found += [Discovery(n, "") for n in persons.before_appointment(words, keys, _name_at)
                  if not _known(n, gazetteer)]
    texts = [p.text for p in paragraphs if p.role.is_body]  # "وقال X" where the article names X twice
    found += [Discovery(n, "") for n in persons.after_speech_verbs(texts, _name_at) if not _known(n, gazetteer)]
    return found + [Discovery(name, "", "organization", aliases)
                    for name, aliases in organizations.named_in(paragraphs, table)
                    if not _claimed(name, gazetteer)]  # organizations: organizations.py


def _holder_follows(words: list[str], keys: list[str], j: int) -> bool:
    """Whether the title's holder can be named at word ``j``, right after the title: not when
    another title follows, whose holder is read there ("برئاسة مستشار الأمن القومي …"), nor when
    a list goes on to its next name ("وزير النقل، ويحيى …"), a full stop ends the sentence, or a
    colon opens what the holder says ("الباحثة …: "أبوابنا مفتوحة"")."""
    if words[j - 1].endswith((".", ":")):
        return False
    if j < len(keys) and (_title_end(keys, j, words) is not None
                          or (words[j - 1].endswith(("،", ",")) and keys[j].startswith("و"))):
        return False
    return True


def _closed(words: list[str], keys: list[str], j: int, name: str | None) -> str | None:
    """The name at word ``j``, run on to where it is plainly closed (``persons.closed_name_end``)."""
    if not name:
        return name
    end = persons.closed_name_end(words, j, j + len(name.split()), lambda k: _title_end(keys, k, words) is not None)
    return persons.written(words, j, end)


# Titles of several holders, each named after a portfolio: "وزراء الداخلية كمال بلجود، والطاقة …".
_DEFINITE = ("ال", *persons.BEHIND_A_PROCLITIC)
_PLURAL_TITLES = frozenset(arabic.matching_key(t) for t in ("وزراء", "ووزراء"))
MAX_PORTFOLIO_WORDS = 4
# Honorifics between a title and the name, which are neither: "برئاسة سمو الشيخ صباح خالد …".
_HONORIFICS = frozenset(arabic.matching_key(w) for w in (
    "سمو", "معالي", "فخامة", "حضرة", "سيادة", "سعادة", "الشيخ", "الشيخة", "السيد", "السيدة",
    "الدكتور", "الدكتورة", "المهندس", "المهندسة"))


def _listed_after(words: list[str], keys: list[str], k: int) -> list[str]:
    """The names of a list that goes on after a title's name, each after its own portfolio:
    "وزراء الداخلية كمال بلجود، والطاقة محمد عرقاب، والشؤون الدينية يوسف بلمهدي"."""
    names = []
    while 0 < k < len(words) and words[k - 1].endswith(("،", ",")) and keys[k].startswith("وال"):
        j = k + 1
        while j < len(keys) and j - k <= MAX_PORTFOLIO_WORDS and keys[j] not in arabic.FUNCTION_WORDS \
                and (keys[j].startswith(("ال", "وال")) or keys[j] == "في"):
            j += 1
        name = _name_at(words, keys, j)
        if not name:
            break
        names.append(name)
        k = j + len(name.split())
    return names


def _word_keys(words: list[str]) -> list[str]:
    """Matching keys of words, except that a first letter alef with hamza is kept: "إلهان"
    is a name, not "ال" + "هان"."""
    return [_word_key(word) for word in words]


@functools.lru_cache(maxsize=1 << 16)  # words repeat: a pure function, memoised
def _word_key(word: str) -> str:
    bare = arabic.strip_diacritics(word.strip("،,.:؛\"“”«»()"))
    key = arabic.matching_key(bare)
    return bare[0] + key[1:] if key and bare[0] in "أإآ" else key


_TITLES = sorted((tuple(_word_keys(t.split())) for t in ROLE_TITLES), key=len, reverse=True)  # keyed as words are
_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}  # first word → titles, longest first
for _title in _TITLES:
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)
_QUALIFIERS = {arabic.matching_key(q) for q in TITLE_QUALIFIERS}
_CONSTRUCT_HEADS = frozenset(arabic.matching_key(h) for h in (*organizations.HEADS, "حكومة", "دولة"))


def _title_end(keys: list[str], i: int, words: list[str] | None = None) -> int | None:
    """Index of the word after a role title starting at ``i`` (its first word may carry "و" or
    "ف": "والفريق ياسر العطا") and what qualifies it. With the ``words`` as printed, a title
    right after a definite noun is an adjective agreeing with it ("القطاع الإعلامي")."""
    if words and i > 0 and keys[i].startswith("ال") and keys[i - 1].startswith(_DEFINITE) \
            and keys[i - 1] not in arabic.FUNCTION_WORDS and not words[i - 1].endswith(tuple(persons.PUNCTUATION)):
        return None
    first = keys[i] if keys[i] in _TITLES_BY_FIRST or keys[i][:1] not in "وف" else keys[i][1:]
    title = next((t for t in _TITLES_BY_FIRST.get(first, ()) if (first, *keys[i + 1:i + len(t)]) == t), None)
    if title is None:
        return None
    j = i + len(title)
    # the title's complement: nationality adjectives (ending in ي/ية), "باسم X", "الشؤون الدولية",
    # a head noun and its genitive ("رئيس حزب "القوات اللبنانية"", "رئيس دولة فلسطين")
    while j < len(keys) and j - i < MAX_TITLE_WORDS and keys[j] not in arabic.FUNCTION_WORDS - {"في"}:
        if keys[j] in _HONORIFICS and j + 1 < len(keys) and keys[j + 1] not in arabic.FUNCTION_WORDS:
            j += 1
        elif _construct_head(keys[j]) and j + 1 < len(keys) and keys[j + 1] not in arabic.FUNCTION_WORDS:
            j += 2  # "بجبهة التوافق": a head behind ب or ل too
        elif keys[j].startswith("وال") and keys[j - 1].startswith("ال") and j > i + len(title):
            j += 1  # a portfolio of two: "وزراء السكن والعمران"
        elif keys[j].startswith(("ال", "لل")) or keys[j] in _QUALIFIERS or keys[j - 1] in ("باسم", "في") \
                or keys[j] == "في":  # "لل": "الأمين العام للأمم المتحدة"
            j += 1
        else:
            break
    return j


def _construct_head(key: str) -> bool:
    return key in _CONSTRUCT_HEADS or (key[:1] in "بل" and key[1:] in _CONSTRUCT_HEADS)


def _name_at(words: list[str], keys: list[str], j: int) -> str | None:
    """Two words that look like a given name and a family name: no article on the first, no
    function word, no punctuation between them."""
    if j + 1 >= len(words):
        return None
    first, second = keys[j], keys[j + 1]
    written = {arabic.strip_diacritics(w.strip("،,.:؛")) for w in words[j:j + 2]}
    if (first.startswith(("ال", "لل", "بال", "وال")) or first in persons.SON_OF
            or written & arabic.FUNCTION_WORDS_WRITTEN
            or len(first) < 2 or len(second) < 2 or not first.isalpha() or not second.isalpha()
            or words[j][-1] in "،,.:؛" or persons.plural(second) or second in persons.not_family()  # "تميم البالغ"
            or TANWIN_FATH in words[j] + words[j + 1]  # "ضغوطاً": an indefinite noun, not a name
            or (first.endswith("ا") and second.endswith("ا"))  # "توجها جديدا": noun + adjective
            or (first.endswith("يه") and second.endswith("ه"))):  # "مسؤولة عراقية كبيرة": adjectives
        return None
    end = persons.name_end(words, j)  # "عبد المجيد تبون", "تميم بن حمد آل ثاني"
    return persons.written(words, j, end) if end is not None and persons.plausible(words, j, end) else None


def name_after_title(text: str) -> str | None:
    """The two-word name a role title at the start of ``text`` introduces, as written:
    "المتحدث باسم وزارة الخارجية ناصر كنعاني" → "ناصر كنعاني". None when no name follows
    ("المتحدث باسم الجيش"), and when the title's complement holds another title, whose holder
    the name may be: "المتحدث باسم الرئيس التركي رجب طيب أردوغان" is not أردوغان."""
    words = text.split()
    keys = _word_keys(words)
    end = _plain_title_end(keys)
    return _name_at(words, keys, end) if end is not None else None


def is_role_title(text: str) -> bool:
    """Whether ``text`` is a role title and its complement, whole, naming no other title:
    "المتحدث باسم الرئاسة التركية" (then a name is the holder's), not
    "المتحدث باسم الأمين العام للأمم المتحدة"."""
    keys = _word_keys(text.split())
    return bool(keys) and _plain_title_end(keys) == len(keys)


def opens_with_title(text: str) -> bool:
    """Whether ``text`` (as matching keys) opens with a role title: "وزير الصحة اللبناني"."""
    keys = text.split()
    return bool(keys) and _title_end(keys, 0) is not None


def _plain_title_end(keys: list[str]) -> int | None:
    """``_title_end`` of a title at the start, or None when its complement holds another."""
    end = _title_end(keys, 0)
    if end is None or any(_title_end(keys, k) is not None for k in range(1, end)):
        return None
    return end


def _claimed(name: str, gazetteer: Gazetteer) -> bool:  # the gazetteer has this very name
    return (k := tuple(arabic.tokens(name))) in {w for w, _ in gazetteer.index.get(k[0] if k else "", ())}


def _known(name: str, gazetteer: Gazetteer) -> bool:  # it starts or ends with a name the gazetteer has
    keys = tuple(arabic.tokens(name))
    return any(keys[:len(w)] == w for w, _ in gazetteer.index.get(keys[0], ()) if keys) or any(
        keys[-n:] == w for n in range(1, len(keys) + 1) for w, _ in gazetteer.index.get(keys[-n], ()))


def discovered_entities(discoveries: list[Discovery], min_mentions: int = 1) -> list[Entity]:
    """One entity per discovered name and kind (a person's most frequent role kept), in
    first-seen order."""
    roles: dict[tuple[str, str], list[str]] = {}
    aliases: dict[tuple[str, str], tuple[str, ...]] = {}
    for d in discoveries:
        roles.setdefault((d.name, d.kind), []).append(d.role)
        aliases[(d.name, d.kind)] = d.aliases
    return [Entity(entity_id_for(name), name, kind, aliases[(name, kind)],
                   max(sorted(set(r)), key=r.count) if kind == "person" else "")
            for (name, kind), r in roles.items() if len(r) >= min_mentions]
