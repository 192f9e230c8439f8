"""Rule 2, repair_split_words: rejoin a word that PDF extraction split across a line end and swapped.

    "يارة الوزير لدمشق.. ماذا ينتظر من ز"  →  "زيارة الوزير لدمشق.. ماذا ينتظر من"
    "ارة … من جهة، ي ز"                    →  "زيارة …"
    "ية الحالة … بسبب مركز"                →  "مركزية الحالة … بسبب"

It is its own step because it alone needs the whole corpus: ``build_lexicon`` collects the
words attested anywhere, and a split is repaired only when the joined word is attested (or
the line's first word is a suffix that never stands alone). It runs right after the characters
are folded, so that the lexicon's words and the line's pieces are spelt alike, and before any
rule compares or joins lines.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Container

from ..model import Repair
from ..text import arabic
from .draft import Draft

# Arabic suffixes that are never words by themselves (as matching keys): "ية", "ات", "ين"…
BOUND_SUFFIXES = frozenset(arabic.matching_key(s) for s in (
    "ية", "يات", "ات", "ون", "ين", "تين"))
# A fragment left at a line's end is a letter or a few: "ز", "الز", "مركز".
MAX_FRAGMENT_LETTERS = 6
# Letters only: a piece with a kept tatweel is an abbreviation ("هـ"), never half a word.
ARABIC_WORD_RE = re.compile(r"[\u0621-\u063f\u0641-\u064a\u0670\u0671]+")


def build_lexicon(texts) -> frozenset[str]:
    """Words attested in the corpus, as matching keys, with their clitic-free readings.

    Only words inside a line count: the first and last word of a line are exactly where PDF
    extraction leaves fragments ("يارة" … "ز"), so they cannot vouch for themselves.
    """
    words: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            for token in arabic.tokens(line)[1:-1]:
                words.update(arabic.clitic_variants(token))
    return frozenset(words)


def repair_split_words(draft: Draft) -> Draft:
    """Rejoin a word that PDF extraction split across a line end and swapped.

    The word's head is left at the END of the line, its rest at the START of the same line:
    "يارة الوزير لدمشق.. ماذا ينتظر من ز" → "زيارة الوزير لدمشق.. ماذا ينتظر من";
    "ارة … من جهة، ي ز" → "زيارة …"; "ية الحالة … بسبب مركز" → "مركزية الحالة … بسبب".
    Joined only when the line's first word is not itself attested, and either the joined
    word is attested in the corpus or the first word is a suffix that never stands alone.
    """
    lines, repairs = [], list(draft.repairs)
    for ln in draft.lines:
        text, repair = _rejoin_split_word(ln.text, draft.lexicon)
        if repair:
            repairs.append(replace(repair, line=ln.first))
        lines.append(replace(ln, text=text) if repair else ln)
    return replace(draft, lines=tuple(lines), repairs=tuple(repairs))


def _rejoin_split_word(text: str, lexicon: Container[str]) -> tuple[str, Repair | None]:
    words = text.split(" ")
    head = words[0]
    if len(words) < 3 or not ARABIC_WORD_RE.fullmatch(head):
        return text, None
    head_key = arabic.matching_key(head)
    if head_key in lexicon or head_key in arabic.FUNCTION_WORDS:  # "ما زالت…" is not "فيما"
        return text, None
    for k in (2, 1):  # "ي ز" (two one-letter pieces, reversed) before "ز"
        tail = words[-k:]
        if not all(ARABIC_WORD_RE.fullmatch(w) and len(w) <= (2 if k == 2 else MAX_FRAGMENT_LETTERS)
                   for w in tail):
            continue
        joined = "".join(reversed(tail)) + head
        attested = arabic.matching_key(joined) in lexicon
        if attested or (k == 1 and head_key in BOUND_SUFFIXES and len(tail[0]) >= 2):
            why = "the joined word is attested in the corpus" if attested else f"'{head}' never stands alone"
            return (" ".join([joined] + words[1:-k]),
                    Repair(f"{head} {' '.join(tail)}", joined,
                           f"split word rejoined: '{' '.join(tail)}' (line end) + '{head}' (line start); {why}"))
    return text, None
