"""How far a person's name runs once its first two words are found (``entities._name_at``).

Arabic names are longer than a given name and a family name:

* a given name may be two words: "عبد" or "أبو" and the next ("عبد المجيد تبون", "رائد أبو السعود");
* a patronymic chain of "بن"/"بنت" and a name, as often as it is printed ("تميم بن حمد",
  "يحيى بن سعود بن منصور السليمي"), may end in a family "آل X" ("تميم بن حمد آل ثاني");
* punctuation ends a name, and quotation marks are no part of it ("أحمد الشرع"").
"""
from __future__ import annotations

from ..text import arabic

PUNCTUATION = "،,.:؛\"“”«»()!؟?'"
# First words of two-word given and family names: "عبد المجيد", "أبو غربية".
COMPOUND_FIRST = frozenset(arabic.matching_key(w) for w in ("عبد", "أبو", "ابو", "أبي", "أم"))
SON_OF = frozenset(arabic.matching_key(w) for w in ("بن", "بنت", "ابن"))
FAMILY = arabic.matching_key("آل")
MAX_PATRONYMS = 4


def _key(word: str) -> str:
    return arabic.matching_key(arabic.strip_diacritics(word.strip(PUNCTUATION)))


def _ends(word: str) -> bool:
    return word.rstrip("\"“”«»'")[-1:] in PUNCTUATION or word[-1:] in "،,.:؛"


def _unit(words: list[str], k: int) -> int | None:
    """Index after the name unit at ``k`` ("عبد المجيد" is one), None when none is there."""
    if k >= len(words) or not _key(words[k]).isalpha():
        return None
    if _key(words[k]) in COMPOUND_FIRST and not _ends(words[k]) and k + 1 < len(words) \
            and _key(words[k + 1]).isalpha():
        return k + 2
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
            k += 2
        return k
    return _unit(words, k)


def written(words: list[str], j: int, end: int) -> str:
    """The name as printed, without the punctuation around it."""
    return " ".join(w.strip(PUNCTUATION) for w in words[j:end])
