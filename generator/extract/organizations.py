"""Organizations the gazetteer lacks: a built-in table, and institutions named by their form.

* The table (``data/organizations.yaml``, read once when first asked for) holds international
  and regional bodies and state institutions named generically ("الأمم المتحدة", "مجلس الأمن",
  "الناتو", "الكونغرس"), each with the forms news prints. An organization of the table becomes
  an entity of the site only where an article names it.
* An institution is named by its form: a head noun ("وزارة", "مجلس", "هيئة", "حزب", "لجنة" …)
  followed by definite words that complete it, nationality adjectives included: "وزارة
  الخارجية الكويتية", "مجلس الوزراء العراقي", "الحزب التقدمي الاشتراكي". The chain stops at a
  word that is not definite, at punctuation, and at words of time ("اليوم", "الماضي") or
  relative pronouns ("الذي"), which follow a name without being part of it. A definite head
  ("المجلس", "اللجنة") needs two completing words ("المجلس العسكري الانتقالي"), since
  "المجلس الوطني" alone may be any council.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from ..model import Entity, Paragraph, entity_id_for
from ..text import arabic

DATA = Path(__file__).parent / "data" / "organizations.yaml"

# Heads of an institution's name, indefinite (the name follows as its genitive) and definite
# (adjectives follow): "وزارة الداخلية", "هيئة الحشد الشعبي"; "المجلس الشعبي الوطني".
HEADS = ("وزارة", "مجلس", "هيئة", "حزب", "حركة", "لجنة", "جبهة", "ديوان", "رئاسة", "مفوضية",
         "وكالة", "منظمة", "مؤسسة", "جمعية", "اتحاد", "تحالف", "قيادة", "محكمة", "برلمان", "مركز", "معهد",
         "جامعة", "صندوق", "أسطول", "تيار", "ائتلاف", "مؤتمر", "مهرجان")
DEFINITE_HEADS = ("المجلس", "الهيئة", "اللجنة", "الحزب", "الجبهة", "الأمانة", "المنظمة", "الاتحاد",
                  "البرلمان", "الرئاسة", "الحركة", "المنتدى", "المركز", "المؤتمر", "المهرجان")
# (not "السفارة": an embassy is a building as much as a body)
# Heads of parties, whose name may be one word ("حزب الله"); any head may have a one-word name
# in quotes ("حركة “النهضة”"), but "حركة الملاحة" is traffic and "تحالف المعارضة" a description.
ONE_WORD_HEADS = ("حزب", "جبهة", "تيار", "ائتلاف")
# A proclitic a head may carry: "لوزارة الاقتصاد الوطني", "بأسطول الصمود العالمي", "للجنة العليا".
HEAD_PROCLITICS = ("و", "ف", "ل", "ب", "وب", "ول")
# Words before a body of which the name is a part: "لجنة الشؤون الخارجية بمجلس النواب",
# "لجنة الاستخبارات في مجلس النواب", "الأمانة العامة لمجلس الوزراء", "المجلس الوطني لحقوق الإنسان".
OF_A_BODY = ("في",)
GENITIVE_NOUNS = ("حقوق", "شؤون", "شئون")
# Definite words that follow a name without completing it: "وزارة الخارجية اليوم".
NOT_OF_THE_NAME = ("اليوم", "الأمس", "أمس", "الماضي", "الماضية", "المقبل", "المقبلة", "الجاري",
                   "الحالي", "الحالية", "الذي", "التي", "الذين", "اللذين", "اللتين", "الأحد", "الاثنين",
                   "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأخير", "الأخيرة",
                   "الأول", "الأولى", "الثاني", "الثانية", "أيضا", "السابق", "السابقة", "الأسبق",
                   "المذكور", "المذكورة", "نفسه", "نفسها", "الجديد", "الجديدة", "العام", "العامة",
                   # a person's title after an institution: "رئيس مجلس الوزراء الدكتور مصطفى مدبولي"
                   "الدكتور", "الشيخ", "الرئيس", "السيد", "السيدة", "الوزير", "المهندس", "الأستاذ",
                   "اللواء", "الفريق", "العميد", "العقيد", "الأمير", "الملك", "السفير", "النائب",
                   # participles that describe a body after its name: "مجلس السيادة المؤلف من 11 عضوا"
                   "المؤلف", "المؤلفة", "المكون", "المكونة", "المشكل", "المشكلة", "المنعقد", "المنعقدة",
                   "المعني", "المعنية", "المختص", "المختصة", "المكلف", "المكلفة")
# "العام"/"العامة" also complete names ("الأمين العام", "الهيئة العامة للصحافة"): they are kept
# only inside a chain that goes on ("الهيئة العامة للصحافة"), never as its last word.
INNER_ONLY = ("العام", "العامة")
MAX_NAME_WORDS = 6
# Words a head needs after it: "وزارة الخارجية" or "مجلس الوزراء" alone names the ministry or
# cabinet of any state (the article's, usually), so it is no entity of its own; "وزارة
# الخارجية الكويتية", "مجلس الوزراء العراقي", "المجلس العسكري الانتقالي" are.
COMPLETING_WORDS = 2
PUNCTUATION = arabic.WORD_PUNCTUATION


@functools.cache
def builtin_organizations() -> tuple[Entity, ...]:
    table = yaml.load(DATA.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(Entity(entity_id_for(e["name"]), e["name"], "organization", tuple(e.get("aka") or ()))
                 for e in table["organizations"])


@functools.cache
def _table_gazetteer():
    from .entities import build_gazetteer  # entities imports this module for discovery
    return build_gazetteer(list(builtin_organizations()))


def table_organizations_in(paragraphs: tuple[Paragraph, ...]) -> list[Entity]:
    """The organizations of the table the body paragraphs name, first named first."""
    from .entities import find_mentions
    gazetteer = _table_gazetteer()
    body = tuple(p for p in paragraphs if p.role.is_body)
    by_id = {e.id: e for e in gazetteer.entities}
    return [by_id[i] for i in dict.fromkeys(m.entity_id for m in find_mentions(body, gazetteer))]


def named_in(paragraphs: tuple[Paragraph, ...], table: bool = True) -> list[tuple[str, tuple[str, ...]]]:
    """(name, aliases) of every organization the body paragraphs name: the table's (unless the
    caller's gazetteer holds the table already: ``table=False``), then institutions named by
    their form ("وزارة الخارجية الكويتية")."""
    table_forms = _table_forms()
    return ([(e.name, e.aliases) for e in table_organizations_in(paragraphs)] if table else []) + [
        (name, ()) for name in named_institutions(paragraphs) if _KEY(name) not in table_forms]


@functools.cache
def _table_forms() -> frozenset[str]:
    return frozenset(_KEY(form) for e in builtin_organizations() for form in (e.name, *e.aliases))


_KEY = arabic.matching_key
_HEADS = frozenset(_KEY(h) for h in HEADS)
_DEFINITE_HEADS = frozenset(_KEY(h) for h in DEFINITE_HEADS)
_NOT_OF_THE_NAME = frozenset(_KEY(w) for w in NOT_OF_THE_NAME)
_INNER_ONLY = frozenset(_KEY(w) for w in INNER_ONLY)
_ONE_WORD_HEADS = frozenset(_KEY(h) for h in ONE_WORD_HEADS)
_ALL_HEADS = _HEADS | _DEFINITE_HEADS
_GENITIVE_NOUNS = frozenset(_KEY(w) for w in GENITIVE_NOUNS)
# Bodies named by a bare definite noun, which a name is not coordinated with: "… لحقوق الإنسان والوزارة".
_BODIES = frozenset(_KEY(w) for w in ("الوزارة", "الحكومة", "الدولة", "الرئاسة", "الإدارة"))


def named_institutions(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    """Every institution named by its form in the body paragraphs, as written, in order."""
    found = []
    for paragraph in paragraphs:
        if not paragraph.role.is_body:
            continue
        words = paragraph.text.split()
        i = 0
        while i < len(words):
            end = _name_end(words, i)
            if end is None:
                i += 1
                continue
            first = _written_head(words[i].strip(PUNCTUATION))
            found.append(" ".join([first] + [w.strip(PUNCTUATION) for w in words[i + 1:end]]))
            i = end
    return found


bare = arabic.word_key  # a word's key without its punctuation


def _name_end(words: list[str], i: int) -> int | None:
    """Index after an institution's name starting at word ``i``, or None when none starts there."""
    head = _head(bare(words[i]))
    if head is None or words[i][-1] in PUNCTUATION:
        return None
    j = i + 1
    while j < len(words) and j - i < MAX_NAME_WORDS:
        key = bare(words[j]) if words[j].lstrip(PUNCTUATION)[:1] not in "أإآ" else ""  # "إلهان" is no "ال" word
        coordinated = key.startswith("وال") and j > i + 1 and not _nationality(words[j - 1])  # "التجارة والصناعة"
        if _of_a_body(words, j):  # "لجنة الاستخبارات في مجلس النواب"
            j += 2 + (bare(words[j]) in OF_A_BODY)
            continue
        if (not key.startswith(("ال", "لل")) and not coordinated) or key in _NOT_OF_THE_NAME - _INNER_ONLY \
                or not key.isalpha() or (coordinated and key[1:] in _NOT_OF_THE_NAME | _DEFINITE_HEADS | _BODIES):
            break
        j += 1
        if words[j - 1][-1] in PUNCTUATION:
            break
    while j > i + 1 and bare(words[j - 1]) in _INNER_ONLY:
        j -= 1
    completing = j - i - 1
    enough = 1 if head in _ONE_WORD_HEADS or _quoted(words[i + 1]) \
        or (head in _DEFINITE_HEADS and _nationality(words[i + 1])) else COMPLETING_WORDS
    return j if completing >= enough else None


@functools.lru_cache(maxsize=1 << 16)  # words repeat: a pure function, memoised
def _head(key: str) -> str | None:
    """The head noun a word is, behind a proclitic or not ("لوزارة" → "وزارة", "للجنة" → "اللجنة")."""
    heads = _ALL_HEADS
    if key in heads:
        return key
    for clitic in HEAD_PROCLITICS:
        rest = key[len(clitic):]
        if not key.startswith(clitic):
            continue
        if clitic.endswith("ل"):  # "للمجلس" is ل + المجلس, "للجنة" ل + اللجنة (a noun in ل keeps its ل)
            definite = next((d for d in ("ا" + rest, "ا" + key[len(clitic) - 1:]) if d in _DEFINITE_HEADS), None)
            if definite:
                return definite
        if rest in heads:
            return rest
    return None


def _written_head(word: str) -> str:
    """The head noun as written, without its proclitic: "ووزارة" → "وزارة", "للجنة" → "اللجنة"."""
    head = _head(bare(word))
    for cut in range(0, 3):
        rest = word[cut:]
        if bare(rest) == head:
            return rest
        if cut and bare("ا" + rest) == head:
            return "ا" + rest
        if cut and bare("ا" + word[cut - 1:]) == head:
            return "ا" + word[cut - 1:]
    return word


def _quoted(word: str) -> bool:
    return word[:1] in "\"“”«'" and word.rstrip("،,.:؛")[-1:] in "\"“”»'"


def _of_a_body(words: list[str], j: int) -> bool:
    """Whether words ``j``… name a body the name belongs to: "بمجلس النواب", "في مجلس النواب",
    "لمجلس الوزراء", or a genitive noun and its complement ("لحقوق الإنسان")."""
    if words[j - 1][-1] in PUNCTUATION:
        return False
    at = j + 1 if bare(words[j]) in OF_A_BODY else j
    if at + 1 >= len(words) or not bare(words[at + 1]).startswith("ال"):
        return False
    key = bare(words[at])
    if key[:1] in ("ب", "ل") and at == j:  # not "برئاسة": "chaired by"
        return (key[1:] in _HEADS and key[1:] != _PRESIDENCY) or key[1:] in _GENITIVE_NOUNS
    return at > j and key in _HEADS


def _nationality(word: str) -> bool:
    return bare(word) in _nationality_keys()


@functools.cache
def _nationality_keys() -> frozenset[str]:
    from .home import nationalities  # home imports this module
    return frozenset(_KEY(form) for pair in nationalities().values() for form in pair)


# State bodies news names without their country ("وزارة الخارجية", "مجلس الوزراء", "البرلمان"):
# whose they are is the article's home (``home.py``). A ministry of any portfolio; councils and
# definite heads only of the state.
STATE_HEADS = ("وزارة", "رئاسة", "ديوان")
# "رئاسة" names a body only with these ("برئاسة الفريق …" is "chaired by").
PRESIDENCIES = ("الجمهورية", "الوزراء", "الحكومة")
STATE_COUNCILS = ("الوزراء", "النواب", "الشورى", "الأمة", "الشعب", "الشيوخ", "القضاء")
STATE_ALONE = ("البرلمان", "الرئاسة")
_BODY_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب")
_STATE_HEADS = frozenset(_KEY(h) for h in STATE_HEADS)
_COUNCIL = _KEY("مجلس")
_STATE_COUNCILS = frozenset(_KEY(w) for w in STATE_COUNCILS)
_STATE_ALONE = frozenset(_KEY(w) for w in STATE_ALONE)
_PRESIDENCY, _PRESIDENCIES = _KEY("رئاسة"), frozenset(_KEY(w) for w in PRESIDENCIES)


_STATE_BODY_HEADS = _STATE_HEADS | {_COUNCIL} | _STATE_ALONE


# A quick look for a state body's head in a text, before it is read word by word.
STATE_BODY_STEMS_RE = re.compile("وزار|مجلس|برلمان|رئاس|ديوان")


def may_name_a_state_body(text: str) -> bool:
    return STATE_BODY_STEMS_RE.search(text) is not None


@functools.lru_cache(maxsize=1 << 16)
def _state_clitic(key: str) -> str | None:
    """The proclitic before a state body's head noun the word is ("" for none), None when it is none."""
    return next((p for p in _BODY_PROCLITICS if key.startswith(p) and (
        key[len(p):] in _STATE_BODY_HEADS or (p.endswith("ل") and "ا" + key[len(p):] in _STATE_ALONE))), None)


def generic_state_body(words: list[str], keys: list[str], i: int) -> tuple[str, int, int] | None:
    """(the body's name as written, words it takes, letters of proclitic before it) of a state
    body named without its country at word ``i`` (``keys``: the words' matching keys): "وزارة
    الخارجية", "لمجلس الوزراء", "والبرلمان". None when none starts there, or when words that
    complete it follow ("وزارة الخارجية الكويتية", "وزارة الخارجية والتعاون الدولي": a name of
    its own, found by form)."""
    heads = _STATE_BODY_HEADS
    clitic = _state_clitic(keys[i])
    if clitic is None:
        return None
    written = arabic.strip_diacritics(words[i].strip(PUNCTUATION))
    head = written[len(clitic):] if keys[i][len(clitic):] in heads else "ا" + written[len(clitic):]  # "للبرلمان"
    if _KEY(head) in _STATE_ALONE:
        name, taken = head, 1
    elif i + 1 < len(keys) and keys[i + 1].startswith("ال") and not words[i][-1:] in PUNCTUATION \
            and (_KEY(head) != _COUNCIL or keys[i + 1] in _STATE_COUNCILS) \
            and (_KEY(head) != _PRESIDENCY or keys[i + 1] in _PRESIDENCIES):
        name, taken = f"{head} {arabic.strip_diacritics(words[i + 1].strip(PUNCTUATION))}", 2
    else:
        return None
    after = keys[i + taken] if i + taken < len(keys) and not words[i + taken - 1][-1:] in PUNCTUATION else ""
    completed = after.startswith(("ال", "وال", "لل")) and after not in _NOT_OF_THE_NAME
    return None if completed else (name, taken, len(clitic))
