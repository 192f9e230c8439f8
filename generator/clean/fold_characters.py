"""Rule 1, fold_characters: presentation forms → letters, tatweel and invisible marks out, spaces tidied.

    "شكـل العـراق"  →  "شكل العراق"   (one Removal: "ـ" × 2, "tatweel (justification stroke)")
    "ﻣﺮﺣﺒﺎ"        →  "مرحبا"        (one Repair: "presentation forms mapped to base letters")

It runs first and alone because every later rule compares letters: a word written in PDF
presentation forms, stretched with tatweel or carrying a zero-width mark would not match its
plain spelling in the lexicon, the boilerplate phrases or a duplicate line. It also sets each
line's script (``lang``), which later rules read.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Removal, Repair
from ..text import arabic
from .draft import Draft

SPACES_RE = re.compile(r"[ \t\f\v]+")


def tidy(folded: str) -> str:
    """A line whose presentation forms are already folded, as shown: marks and tatweel out, one
    space between words, none at the ends. ``leaves_letters`` reads lines the same way."""
    return SPACES_RE.sub(" ", arabic.fold_for_display(folded)).strip()


def fold_characters(draft: Draft) -> Draft:
    """Presentation forms → letters, tatweel and invisible marks out, spaces tidied.

    "شكـل العـراق" → "شكل العراق" (tatweel recorded once per line with its count). A line
    with no letter or digit ("ـــ ـ ـ", "----") is left as it is, for ``drop_junk_lines``.
    """
    lines, removed, repairs = [], list(draft.removed), list(draft.repairs)
    for ln in draft.lines:
        text = ln.text
        if not arabic.has_letter_or_digit(text):  # "ـــ ـ ـ" like "----": drop_junk_lines takes it whole
            lines.append(ln)
            continue
        folded = arabic.fold_presentation_forms(text)
        if folded != text:
            repairs.append(Repair(text, folded, "presentation forms mapped to base letters", ln.first))
        unmarked = arabic.INVISIBLE_MARKS_RE.sub("", folded)  # in fold_for_display's order
        tatweel = unmarked.count(arabic.TATWEEL) - arabic.remove_tatweel(unmarked).count(arabic.TATWEEL)
        if tatweel:
            removed.append(Removal(arabic.TATWEEL * tatweel, "tatweel (justification stroke)", ln.first))
        marks = "".join(arabic.INVISIBLE_MARKS_RE.findall(folded))
        if marks:
            removed.append(Removal(marks, "invisible direction or zero-width marks", ln.first))
        text = tidy(folded)
        lines.append(replace(ln, text=text, lang=arabic.script_of(text)))
    return replace(draft, lines=tuple(lines), removed=tuple(removed), repairs=tuple(repairs))
