"""Whether a sentence stands alone: a statement shown without the sentence before it must not
open by leaning on it.

A sentence leans on what came before when it opens with a reference back (a demonstrative or
a pronoun as its subject: «هذا»، «وهو»; «ذات»/«نفس» "the same …"; «من جهته»، «بدوره» "for his
part"), or with a reporting verb whose speaker is not in the sentence: «وأضاف أن …», «وأشار
المتحدث إلى …», «وتوقّع ذات الدبلوماسي …». «وقال رئيس الحكومة عزيز أخنوش إن …» names its
speaker and stands alone. So does a sentence whose early phrase points back at what the one
before set up («وبرزت المساعدة الأميركية في هذا المجال …»: which field?), unless it points at a
time («هذا العام»).
"""
from __future__ import annotations

import re

from ..text import arabic

REFERENCES_BACK = ("هذا", "هذه", "ذلك", "تلك", "هؤلاء", "هو", "هي", "هم", "ذات", "نفس", "بدوره", "بدورها",
                   "بدورهم", "فيما",
                   # connectives that go on from the sentence before: "especially since", "because", "but"
                   "خاصة", "خصوصا", "إذ", "حيث", "لأن", "لكن", "لكنه", "لكنها", "بل", "كذلك", "فإن", "فقد", "فهو",
                   "فهي", "لذلك", "لذا", "لهذا")  # … "therefore"; «ففي وزارة الخارجية …» stands: its place is its own
FOR_THEIR_PART = (("من", "جهته"), ("من", "جهتها"), ("من", "جانبه"), ("من", "جانبها"), ("في", "المقابل"),
                  ("لا", "سيما"), ("غير", "أن"), ("إلا", "أن"), ("إلى", "ذلك"), ("فضلا", "عن"), ("علاوة", "على"))
# Past verbs of saying, as an article goes on quoting the speaker it has named ("وأضاف").
REPORTING_VERBS = ("أضاف", "أضافت", "أشار", "أشارت", "تابع", "تابعت", "أوضح", "أوضحت", "أكد", "أكدت", "قال",
                   "قالت", "توقع", "توقعت", "لفت", "لفتت", "شدد", "شددت", "اعتبر", "اعتبرت", "رأى", "رأت", "ختم",
                   "ختمت", "استطرد", "بين", "بينت", "أردف", "أردفت", "ذكر", "ذكرت", "نقل", "نقلت", "زاد", "مضى")
# What follows such a verb when the speaker is left to the sentence before: the reported clause
# itself, or a speaker met before ("المتحدث", "ذات الدبلوماسي").
SPEAKER_LEFT_OUT = ("أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن", "المتحدث", "المتحدثة",
                    "المسؤول", "المصدر", "الوزير", "الدبلوماسي", "ذات", "نفس", "في", "قائلا", "أيضا", "كذلك",
                    "للصحفيين", "لوسائل")
QUOTE_OPENINGS = "\"“«'"
# A present-tense verb opening the sentence with its object a pronoun for people met before:
# «تريدهم الحكومة أن يبقوا» ("the government wants *them* to stay"). As a matching key.
OBJECT_MET_BEFORE_RE = re.compile(r"^[يت]\w{2,}(?<!ا)(?:هم|هما|هن)$")

# A demonstrative early in the sentence with a noun for something the sentence before set up.
POINTERS, POINTING_WITHIN = ("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"), 12
# «تلك الهجمات»، «ذلك اليوم»: "that" and "those" before any definite noun point back at the text
# («هذا العام» may be the reader's own now; «تلك» is always the text's then).
DISTANT_POINTERS = ("ذلك", "تلك", "أولئك")
SET_UP = ("المجال", "الإطار", "السياق", "الصدد", "الشأن", "الخطوة", "الخطوات", "القرار", "الاتفاق", "الإجراء",
          "الإجراءات", "الموضوع", "الملف", "الأمر", "الطلب", "الهدف", "التصريح", "التصريحات", "الموقف", "المطلب",
          "الاقتراح", "العرض", "التطور", "التطورات", "الحادث", "الحديث", "الكلام", "الرأي", "المسألة", "القضية")
# "Although …": a sentence that opens so must also hold what it concedes to.
CONCEDING = (("وعلى", "الرغم", "من"), ("على", "الرغم", "من"), ("وبالرغم", "من"), ("بالرغم", "من"), ("ورغم",), ("رغم",))
CONCESSION_BREAK_RE = re.compile(r"[،,؛;]\s*")
_CONCEDING = tuple(tuple(arabic.matching_key(w) for w in c) for c in CONCEDING)
_THAT = frozenset(arabic.matching_key(w) for w in ("أن", "أنه", "أنها", "بأن"))
_MAIN_CLAUSE = frozenset(arabic.matching_key(w) for w in ("فإن", "فإنه", "فإنها", "إلا", "لكن", "لكنه", "لكنها", "فقد"))
_POINTERS = frozenset(arabic.matching_key(w) for w in POINTERS)
_DISTANT = frozenset(arabic.matching_key(w) for w in DISTANT_POINTERS)
_SET_UP = frozenset(arabic.matching_key(w) for w in SET_UP)
_REFERENCES = frozenset(arabic.matching_key(w) for w in REFERENCES_BACK)
_PARTS = frozenset(tuple(arabic.matching_key(w) for w in pair) for pair in FOR_THEIR_PART)
_VERBS = frozenset(arabic.matching_key(w) for w in REPORTING_VERBS)
_LEFT_OUT = frozenset(arabic.matching_key(w) for w in SPEAKER_LEFT_OUT)


def leans_on_context(sentence: str) -> bool:
    """Does the sentence open leaning on the one before it (see the module's docstring)?"""
    written = sentence.split()
    words = [arabic.word_key(w) for w in written[:3]]
    if not words:
        return False
    first = _without_and(words[0])
    if first in _REFERENCES or words[0] in _REFERENCES or tuple(_without_and(w) for w in words[:2]) in _PARTS:
        return True
    if OBJECT_MET_BEFORE_RE.match(first) or _points_back(sentence) or _concession_alone(sentence):
        return True
    if first not in _VERBS:
        return False
    if len(written) < 2 or written[1][:1] in QUOTE_OPENINGS or written[0].endswith(":"):
        return True
    return words[1] in _LEFT_OUT


def _points_back(sentence: str) -> bool:
    """Does an early phrase point at what came before: «… في هذا المجال»، «بهذه الخطوة»، «ذلك
    الاتفاق»، «على تلك الهجمات»? After «هذا»/«هذه» only nouns that name what a text sets up count:
    «هذا الزلزال» in a briefing on the earthquake, «هذا العام» and «هذه المرة» stand."""
    keys = [arabic.word_key(w) for w in sentence.split()[:POINTING_WITHIN + 1]]
    return any(_without_clitic(a) in _POINTERS and (b in _SET_UP or (_without_clitic(a) in _DISTANT
                                                                       and b.startswith("ال")))
               for a, b in zip(keys, keys[1:]))


def _concession_alone(sentence: str) -> bool:
    """Does the sentence open with "although …" («وعلى الرغم من أن …»، «رغم أن …») and end
    before the clause it concedes to, or with "despite that" («ورغم ذلك»)? Each piece after a
    comma then goes on with «و» or «أن» (more of what is conceded); a main clause opens a piece
    of its own («…، لا يزال …») or says so («… فإن …»، «… إلا أن …»)."""
    keys = [arabic.word_key(w) for w in sentence.split()[:5]]
    opening = next((len(c) for c in _CONCEDING if tuple(keys[:len(c)]) == c), 0)
    if not opening:
        return False
    if len(keys) > opening and _without_clitic(keys[opening]) in _POINTERS | _DISTANT:
        return True  # «ورغم ذلك …»: despite what the sentence before said
    if any(arabic.word_key(w) in _MAIN_CLAUSE for w in sentence.split()[opening:]):
        return False  # «… فإن …»، «… إلا أن …»: what it concedes to follows
    pieces = [piece.split() for piece in CONCESSION_BREAK_RE.split(sentence)[1:]]
    return all(not words or arabic.word_key(words[0])[:1] == "و" or arabic.word_key(words[0]) in _THAT
               for words in pieces)


def _without_clitic(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف", "ب", "ل", "ك") and word[1:] in _POINTERS | _DISTANT else word


def _without_and(word: str) -> str:
    """The word without a leading conjunction «و» or «ف», when what is left is a word we know."""
    if word[:1] in ("و", "ف") and (word[1:] in _REFERENCES or word[1:] in _VERBS or word[1:] in ("من", "في")):
        return word[1:]
    return word
