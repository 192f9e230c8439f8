"""How far a person's name runs once its first two words are found (``discovery._name_at``).

Arabic names are longer than a given name and a family name:

* a given name may be two words: "عبد" or "أبو" and the next ("عبد المجيد تبون", "رائد أبو السعود");
* a patronymic chain of "بن"/"بنت" and a name, as often as it is printed ("تميم بن حمد",
  "يحيى بن سعود بن منصور السليمي"), may end in a family "آل X" ("تميم بن حمد آل ثاني");
* punctuation ends a name, and quotation marks are no part of it ("أحمد الشرع"").
"""
from __future__ import annotations

import functools

from ..text import arabic, wordlist

PUNCTUATION = arabic.WORD_PUNCTUATION
# First words of two-word given and family names: "عبد المجيد", "أبو غربية".
COMPOUND_FIRST = frozenset(arabic.matching_key(w) for w in ("عبد", "أبو", "ابو", "أبي", "أم"))
SON_OF = frozenset(arabic.matching_key(w) for w in ("بن", "بنت", "ابن"))
FAMILY = arabic.matching_key("آل")
GOD = arabic.matching_key("الله")
FAITH = arabic.matching_key("الدين")
MAX_PATRONYMS = 4


_key = arabic.word_key


def _ends(word: str) -> bool:
    return word.rstrip("\"“”«»'")[-1:] in PUNCTUATION or word[-1:] in "،,.:؛"


def _unit(words: list[str], k: int) -> int | None:
    """Index after the name unit at ``k`` ("عبد المجيد" is one), None when none is there."""
    if k >= len(words) or not _key(words[k]).isalpha():
        return None
    if _key(words[k]) in COMPOUND_FIRST and not _ends(words[k]) and k + 1 < len(words) \
            and _key(words[k + 1]).isalpha():
        return k + 2
    if not _ends(words[k]) and k + 1 < len(words) and _key(words[k + 1]) == FAITH:
        return k + 2  # "شمس الدين", "خير الدين"
    return k + 1


def name_end(words: list[str], j: int) -> int | None:
    """Index after the name that starts at word ``j``: given name, then a patronymic chain with
    its family, or a family name. None when the words cannot be a name of two units."""
    k = _unit(words, j)
    if k is None or _ends(words[k - 1]) or k >= len(words):
        return None
    if _key(words[k]) in SON_OF:
        for _ in range(MAX_PATRONYMS):
            if k >= len(words) or _key(words[k]) not in SON_OF or _ends(words[k]):
                break
            after = _unit(words, k + 1)
            if after is None:
                return None
            k = after
            if _ends(words[k - 1]):
                return k
        if k + 1 < len(words) and _key(words[k]) == FAMILY and not _ends(words[k]):
            return k + 2
        return _with_family(words, k)
    k = _unit(words, k)
    return _with_family(words, k) if k is not None else None


MAX_CLOSING_WORDS = 2
BEHIND_A_PROCLITIC = ("بال", "وال", "فال", "كال", "لل")  # "بالكادر": a word of the sentence, no family


def closed_name_end(words: list[str], j: int, end: int, title_at) -> int:
    """``end``, or a later end when the name a title introduces is plainly closed a word or two
    further: by punctuation ("محمد حمدان دقلو،", "محمد رضى جلخي -") or by the next title
    ("صباح خالد الحمد الصباح رئيس مجلس الوزراء", "… دقلو والفريق أول …"). Words with the article
    count only before a title: "أكد الرئيس تبون الحرص." is no name "تبون الحرص". ``title_at(k)``:
    whether a role title starts at word ``k``."""
    if _ends(words[end - 1]) or end >= len(words) or title_at(end):
        return end
    apposed = j > 0 and words[j - 1].endswith(("،", ","))  # "رئيس مجلس الوزراء، محمد شياع السوداني، وجه"
    definite = False
    for k in range(end + 1, min(len(words), end + MAX_CLOSING_WORDS) + 1):
        word = words[k - 1]
        key = _key(word)
        if not key.isalpha() or not plausible(words, k - 1, k) or plural(key) or key.startswith(BEHIND_A_PROCLITIC):
            break
        definite = definite or key.startswith("ال")
        if k < len(words) and title_at(k):
            return k
        if (_ends(word) or (k < len(words) and words[k] in ("-", "–", "—"))) and not definite:
            return k
        if apposed and word.endswith(("،", ",")):
            return k
    return end


def _with_family(words: list[str], k: int) -> int:
    """``k``, or the index after a family name in ي that follows there ("محمد شياع السوداني",
    "محمد بن عبدالله الحارثي")."""
    if not _ends(words[k - 1]) and k < len(words):
        family = _key(words[k])
        if family.startswith("ال") and len(family) > 4 and family not in not_family() and (
                family.endswith("ي") or rare(arabic.strip_diacritics(words[k].strip(PUNCTUATION)))):
            return k + 1
    return k


FAMILY_MAX_ZIPF = 3.5  # "الخصاونة" 2.4, "الحجار" 3.3; words of a sentence: "الأعمال" 5.3, "الجابر" 4.0


@functools.lru_cache(maxsize=1 << 14)
def rare(word: str) -> bool:
    """Whether a word with the article is rare enough in Arabic (wordfreq) to be a family name
    ("الخصاونة"), not a word of the sentence a name runs into ("حكومة تصريف الأعمال")."""
    frequency = wordlist.zipf(word)
    return frequency is not None and frequency < FAMILY_MAX_ZIPF


# Words no name is made of: titles and heads of institutions that a title's complement runs
# into ("نائب رئيس مجلس الوزراء" is no person "رئيس مجلس"), the "أول" of "الفريق أول", and the
# "الله" of blessings ("حفظه الله").
NOT_NAME_WORDS = frozenset(arabic.matching_key(w) for w in (
    "رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "مجلس", "وزارة", "هيئة", "لجنة", "حزب", "حركة", "أول",
    "الله", "اللهم", "أمير", "ملك", "سلطان", "وزيرا", "مرسوما", "أمام", "له", "لها", "عضو", "سفير",
    "حكومة", "دولة", "الرغم", "رغم", "هؤلاء", "هذا", "هذه", "ذلك", "تلك", "بشكل",
    # sources news leaves unnamed ("وقالت مصادر مطلعة", "أفاد مصدر دبلوماسي", "مسؤول عراقي")
    "مصدر", "مصادر", "مسؤول", "مسؤولة", "مسؤولون", "مسؤولين", "متحدث", "ناطق", "خبير", "خبراء", "شهود",
    "سكان", "مراقبون", "محللون", "دبلوماسي", "دبلوماسيون", "بعثة", "وفد", "برنامج", "صندوق", "فريق", "مصرف",
    # nouns of time and place a verb of speech runs into ("أعلن مطلع العام", "عقب اجتماع")
    "مطلع", "منتصف", "أواخر", "أوائل", "نهاية", "بداية", "عقب", "إثر", "اثر", "خلال", "أثناء", "لدى",
    # words of time, which follow a title in a dateline or a sentence ("يناير الماضي", "امس الأحد")
    "أمس", "امس", "اليوم", "غدا", "الماضي", "الماضية", "المقبل", "الجاري", "الأحد", "الاثنين", "الإثنين",
    "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "يناير", "فبراير", "مارس", "أبريل", "إبريل",
    "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين"))
# A pronoun suffix on a longer word marks a noun of the sentence ("تحريرها"), not a name.
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن")
# A short vowel on a word's last letter: a verb or a noun in its sentence ("علمَ", "جدلاَ"), not
# a name as news prints it.
FINAL_VOWEL = ("\u064b", "\u064c", "\u064d", "\u064e", "\u064f", "\u0650")


def plausible(words: list[str], j: int, end: int) -> bool:
    """Whether the words can be a person's name: none of NOT_NAME_WORDS (with or without a
    proclitic), no final short vowel."""
    for n, word in enumerate(words[j:end], start=j):
        bare = word.strip(PUNCTUATION)
        key = _key(bare)
        if n > j and ((_key(words[n - 1]) in COMPOUND_FIRST and key == GOD) or _key(words[n - 1]) in SON_OF):
            continue  # "عبد الله" is a given name, not a blessing; "زايد بن سلطان": a father's name, no title
        if key in NOT_NAME_WORDS or key in APPOINTED_AS \
                or arabic.strip_diacritics(bare) in arabic.FUNCTION_WORDS_WRITTEN \
                or (key[:1] in "وفبل" and key[1:] in NOT_NAME_WORDS | arabic.FUNCTION_WORDS) \
                or bare.endswith(FINAL_VOWEL) or (len(key) >= 5 and key.endswith(PRONOUN_SUFFIXES)) \
                or any(bare.endswith(a + "ا") or bare.endswith("ا" + a) for a in FINAL_VOWEL):
            return False
    return True


# Adjectives in ي that follow a name without being its family: "الثاني" of "عبدالله الثاني"
# is kept, but not a nationality after a name ("... الأمريكي": the adjectives of
# ``data/nationalities.yaml``) nor these.
NOT_FAMILY_WORDS = frozenset(arabic.matching_key(w) for w in (
    "الماضي", "الحالي", "الأوروبي", "الدولي", "العربي", "الإسلامي", "الرسمي", "الجمهوري", "الديمقراطي",
    "الأممي", "الحكومي", "الوطني",
    "المعظم", "المفدى",  # epithets of a ruler: "هيثم بن طارق المعظم"
    "البالغ", "البالغة"))  # "الشيخ تميم البالغ من العمر 33 سنة"


@functools.cache
def not_family() -> frozenset[str]:
    """Matching keys of the words that follow a name without being its family name."""
    from .home import nationalities  # read when first needed, not when this module is imported
    return NOT_FAMILY_WORDS | {arabic.matching_key(masculine) for masculine, _ in nationalities().values()}


# Verbs of speech a name follows directly: "وقال محمد الحلبوسي", "أكد أحمد عطاف".
SPEECH_VERBS = frozenset(arabic.matching_key(w) for w in (
    "قال", "أكد", "أوضح", "أضاف", "صرح", "أعلن", "أشار", "ذكر", "شدد", "دعا", "اعتبر", "رأى",
    "قالت", "أكدت", "أوضحت", "أضافت", "صرحت", "أعلنت", "أشارت", "ذكرت", "شددت", "دعت", "أفاد", "أفادت"))
MIN_MENTIONS_WITHOUT_TITLE = 2


def after_speech_verbs(texts: list[str], name_at) -> list[str]:
    """Names printed right after a verb of speech, each once, when the article names them at
    least twice (a name without a title needs that evidence). ``name_at(words, keys, j)`` reads
    the name at word ``j``, as for a title."""
    found: list[str] = []
    for text in texts:
        words = text.split()
        keys = [_key(w) for w in words]
        for i, key in enumerate(keys[:-2]):
            if key in SPEECH_VERBS or (key[:1] in "وف" and key[1:] in SPEECH_VERBS):
                name = name_at(words, keys, i + 1)
                if name and name not in found:
                    found.append(name)
    whole = " ".join(texts)
    return [name for name in found if whole.count(name) >= MIN_MENTIONS_WITHOUT_TITLE]


PLURAL_ENDINGS = ("يه", "ين", "ون")
# A word in ون/ين is a plural noun ("المسؤولين العراقيين") when it is common with the article
# too (wordfreq's Arabic list); a foreign name is not ("ماكرون", "كلينتون": "الماكرون" is rare).
PLURAL_WITH_ARTICLE_ZIPF = 3.0  # "المسؤولين" 4.6, "العراقيين" 4.3; "الماكرون" 1.9


@functools.lru_cache(maxsize=1 << 14)
def plural(key: str) -> bool:
    """Whether a word (its matching key) ending like a plural is one, not a foreign name."""
    if not key.endswith(PLURAL_ENDINGS) or key == FAITH:  # "الدين" of "شمس الدين"
        return False
    bare = key[2:] if key.startswith("ال") else key
    frequency = wordlist.zipf("ال" + bare)
    return frequency is None or frequency >= PLURAL_WITH_ARTICLE_ZIPF  # without the list: a plural


MAX_APPOSITION_GAP = 6  # words between a title and the comma before its holder's name


def apposed(words: list[str], keys: list[str], j: int, name_at) -> str | None:
    """The name set off by commas a few words after a title: "قال السفير الأمريكي لدى دمشق،
    روبرت فورد، الأربعاء", "رئيس لجنة الاستخبارات في مجلس النواب، مايك روجرز، لـ«رويترز»".
    Only a name closed by punctuation counts: the commas are the evidence."""
    for k in range(j, min(len(words) - 1, j + MAX_APPOSITION_GAP)):
        if words[k].endswith(("،", ",")):
            name = name_at(words, keys, k + 1)
            count = len(name.split()) if name else 0
            return name if name and _ends(words[k + count]) else None
        if _ends(words[k]):
            return None
    return None


def written(words: list[str], j: int, end: int) -> str:
    """The name as printed, without the punctuation around it."""
    return " ".join(w.strip(PUNCTUATION) for w in words[j:end])


# A role in the accusative right after a name, given a portfolio: an appointment or an oath
# ("بتعيين حمود بن فيصل وزيرا للخدمة المدنية", "جعفر حسان، رئيسا للوزراء", "… وزيرة للتربية");
# not "رئيسة", which is also the adjective "main" ("أسباب رئيسة لحكومة …").
APPOINTED_AS = frozenset(arabic.matching_key(w) for w in (
    "وزيرا", "وزيرة", "سفيرا", "سفيرة", "رئيسا", "نائبا", "نائبة", "مستشارا", "مستشارة", "محافظا",
    "محافظة", "أمينا", "مديرا", "مديرة", "قائدا", "مبعوثا", "ممثلا", "ناطقا", "متحدثا"))
# Words a full name printed before such a role follows: an honorific or title, or the verb of
# the appointment ("يعين معالي المهندس رائد مظفر رفعت أبو السعود، وزيرا للمياه").
BEFORE_FULL_NAME = frozenset(arabic.matching_key(w) for w in (
    "معالي", "سعادة", "المهندس", "المهندسة", "الدكتور", "الدكتورة", "الشيخ", "الشيخة", "السيد", "السيدة",
    "الأستاذ", "الأستاذة", "اللواء", "الفريق", "العميد", "السفير", "تعيين", "بتعيين", "وتعيين", "عين", "وعين",
    "يعين", "تعين", "وتعين", "عينت", "وعينت"))
MAX_NAME_WORDS = 6


def before_appointment(words: list[str], keys: list[str], name_at) -> list[str]:
    """Names printed right before a role in the accusative: the whole name when an honorific,
    the verb of the appointment or punctuation opens it ("أيمن حسين عبدالله الصفدي، نائبا"),
    else the name ``name_at(words, keys, j)`` reads that ends there. The role is the evidence,
    as a title is."""
    found = []
    for i, key in enumerate(keys):
        if i < 2 or key not in APPOINTED_AS or i + 1 >= len(keys) or not _of_a_portfolio(keys[i + 1]):
            continue
        name = _full_name_before(words, keys, i) or next(
            (n for j in range(max(0, i - MAX_NAME_WORDS), i - 1)
             if _opened(words, keys, j) and (n := name_at(words, keys, j)) and len(n.split()) == i - j), None)
        if name:
            found.append(_without_conjunction(name))
    return found


def _of_a_portfolio(key: str) -> bool:
    """"للخدمة", "لرئيس", "لدولة": the portfolio the role is given, which makes "وزيرة" an
    appointment rather than the subject of a sentence ("رئيسة الحكومة")."""
    return key.startswith("ل") and not key.startswith("ال")


def _full_name_before(words: list[str], keys: list[str], i: int) -> str | None:
    for j in range(max(0, i - MAX_NAME_WORDS), i - 1):
        inner = words[j:i - 1]
        if _opened(words, keys, j) and not any(_ends(w) for w in inner) and not keys[j].startswith("ال") \
                and all(_key(w).isalpha() and _key(w) not in arabic.FUNCTION_WORDS and not _opens_full_name(_key(w))
                        for w in words[j:i]) \
                and plausible(words, j, i):
            return written(words, j, i)
    return None


def _opened(words: list[str], keys: list[str], j: int) -> bool:
    """Whether a name can start at word ``j``: the paragraph's start, punctuation, an honorific
    or the verb of an appointment before it."""
    return j == 0 or _opens_full_name(keys[j - 1]) or _ends(words[j - 1])


def _opens_full_name(key: str) -> bool:
    return key in BEFORE_FULL_NAME or (key[:1] in "وف" and key[1:] in BEFORE_FULL_NAME)


WAW_KEPT_ZIPF_MARGIN = 0.5  # "وليد" is a name, "ومقبول" is "و" + مقبول


def _without_conjunction(name: str) -> str:
    """The name without a conjunction "و" its first word carries, when the word is far more
    common without it (wordfreq): "ويحيى بن سعود" → "يحيى بن سعود", but "وليد جنبلاط" stays."""
    first, _, rest = name.partition(" ")
    if not first.startswith("و") or len(first) < 4:
        return name
    without, written = wordlist.zipf(first[1:]), wordlist.zipf(first)
    if without is not None and written is not None and without > written + WAW_KEPT_ZIPF_MARGIN:
        return f"{first[1:]} {rest}"
    return name
