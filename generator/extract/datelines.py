"""The shapes of a dateline: a place and a credit, in the orders and punctuation pages print.

    "واشنطن - (أ ف ب) -"            "البحر الميت 24 ايار(بترا)–"     "الدوحة في 16 نوفمبر /قنا/"
    "الجزائر 7 يوليو 2021 (شينخوا)"  "جدة - واس -"                    "خصب – العُمانية|"
    "بغداد اليوم - بغداد"            "أفريقيا برس – المغرب."          "رياض سهيل-بغداد"
    "- بيروت: يوسف دياب"            "بلدي نيوز – (متابعات)"

Only the shape is read here: each candidate is two parts, left and right of the credit's
brackets or separator. Which part is the place, the agency, the outlet or a writer's name is
for the registry and the gazetteer to say (``sources._read_dateline``), so nothing here knows
a name.
"""
from __future__ import annotations

import re
from typing import NamedTuple

# A word of a place or a name: no digit, bracket, separator or punctuation.
_WORD = r"(?!في\s)[^\s\d()\[\]/\-–—:|،,.«»\"“”]+"
_PART = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
# A date between the place and the credit: "24 ايار", "7 يوليو 2021", "في 16 نوفمبر", "، 5/1".
_DATE = r"(?:\s*،?\s*(?:في\s+)?\d{1,2}(?:\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{2,4})?|\s+[^\s\d()/]+(?:\s+\d{4})?))?"
_SEPARATOR = r"[-–—|:]"

BRACKETED_RE = re.compile(
    rf"^\s*[-–—]?\s*(?P<left>{_PART})(?P<date>{_DATE})\s*[-–—،,]?\s*"
    rf"(?:\((?P<paren>[^()]{{1,30}})\)|/(?P<slash>[^/]{{1,20}})/)"
    rf"\s*(?P<closed>{_SEPARATOR}+)?\s*")
SEPARATED_RE = re.compile(rf"^\s*[-–—]?\s*(?P<left>{_PART})\s*(?P<sep>{_SEPARATOR})\s*(?P<right>.*?)\s*$")
CLOSING_RE = re.compile(rf"^\(?(?P<right>{_PART})\)?\s*(?:(?P<mark>{_SEPARATOR}+|\.)\s*|$)")


class Parts(NamedTuple):
    left: str
    right: str
    bracketed: bool  # the credit was in brackets or slashes: "(رويترز)", "/قنا/"
    colon: bool  # the parts are joined by a colon: "بيروت: يوسف دياب"
    closed: bool  # a separator closes the credit, or the line ends there


def dateline_parts(line: str) -> list[Parts]:
    """The readings of a line that is only a dateline ("واشنطن (رويترز)", "بغداد اليوم - بغداد")."""
    match = BRACKETED_RE.match(line)
    if match and match.end() == len(line):
        return [Parts(match["left"], match["paren"] or match["slash"], True, False, True)]
    match = SEPARATED_RE.match(line)
    if not match:
        return []
    closing = CLOSING_RE.match(match["right"])
    if not closing or closing.end() != len(match["right"]):
        return []
    return [Parts(match["left"], closing["right"], match["right"].startswith("("), match["sep"] == ":", True)]


def dateline_date_text(paragraph: str) -> str:
    """The date a bracketed dateline opening a paragraph carries ("الدوحة في 16 نوفمبر /قنا/" →
    "في 16 نوفمبر"), "" when none."""
    match = BRACKETED_RE.match(paragraph)
    return match["date"].strip() if match else ""


def inline_dateline_parts(paragraph: str) -> list[Parts]:
    """The readings of a dateline opening a paragraph ("جدة - واس - استقبل …", "أبوظبي (وام)
    وصفت …"): a bracketed credit, or a credit of one to three words, longest first, before
    a separator or a full stop ("أفريقيا برس – المغرب. تشير …")."""
    match = BRACKETED_RE.match(paragraph)
    if match:
        return [Parts(match["left"], match["paren"] or match["slash"], True, False, bool(match["closed"]))]
    match = re.match(rf"^\s*(?P<left>{_PART})\s*(?P<sep>[-–—])\s*", paragraph)
    if not match:
        return []
    rest = paragraph[match.end():].split()
    readings = []
    for n in (3, 2, 1):
        right = " ".join(rest[:n])
        if n <= len(rest) and re.fullmatch(rf"{_PART}\s*(?:{_SEPARATOR}+|\.)?", right):
            closed = right.endswith(("-", "–", "—", "|", ":", ".")) or n == len(rest)
            readings.append(Parts(match["left"], right.rstrip("-–—|:. "), False, False, closed))
    return readings
