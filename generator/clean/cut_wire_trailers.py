"""cut_wire_trailers: machine codes on a text's lines are cut: a wire dispatch's end codes from
its last paragraph, and a crawler's date marker from the start of a paragraph.

    "… واطلع سموه على أقسام الوكالة. // انتهى // 22:01 ت م NNNN تغريد"
    →  "… واطلع سموه على أقسام الوكالة."   (Removal: "// انتهى // 22:01 ت م NNNN تغريد", "wire dispatch trailer")
    "date 2025-12-12 أبرمت وكالة تونس …"  →  "أبرمت وكالة تونس …"   (Removal: "date 2025-12-12", "crawler date marker")

Agencies end a dispatch with a mark ("// انتهى //", "(النهاية)", "NNNN") followed by the desk's
time and codes; a page that reprints raw wire copy keeps them on the paragraph's line. The mark
and the few codes after it go; a mark followed by more than a few words is text, and stays. It
is its own step because it cuts inside a line, by its end, before lines are compared or joined.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Removal
from .draft import Draft

# The end mark, then at most a few short codes ("22:01 ت م NNNN", "ع ا ب") to the line's end.
TRAILER_MARKS = ("انتهى", "النهاية", "NNNN")  # a line without one is not searched
TRAILER_RE = re.compile(r"\s*(?://+\s*انتهى\s*//+|/\s*انتهى\s*/|\(\s*النهاية\s*\)|\bNNNN\b)(?:\s+\S{1,8}){0,8}\s*$")


# A crawler's or CMS's label and ISO date glued before the Arabic text: "date 2025-12-12 أبرمت …".
CRAWLER_DATE_RE = re.compile(r"^\s*(?:date|published|updated|posted|modified)\s*[:：]?\s*\d{4}-\d{2}-\d{2}"
                             r"(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+(?=[\u0600-\u06ff])", re.IGNORECASE)


def cut_wire_trailers(draft: Draft) -> Draft:
    """The end mark of a wire dispatch and the codes after it, and a crawler's date marker
    before a paragraph, out of the line that carries them."""
    lines, removed = [], list(draft.removed)
    for ln in draft.lines:
        match = TRAILER_RE.search(ln.text) if any(mark in ln.text for mark in TRAILER_MARKS) else None
        if match and match.start() > 0:
            removed.append(Removal(match.group().strip(), "wire dispatch trailer", ln.first))
            ln = replace(ln, text=ln.text[:match.start()].rstrip())
        marker = CRAWLER_DATE_RE.match(ln.text) if ln.text[:1].isascii() else None
        if marker:
            removed.append(Removal(marker.group().strip(), "crawler date marker", ln.first))
            ln = replace(ln, text=ln.text[marker.end():])
        lines.append(ln)
    return replace(draft, lines=tuple(lines), removed=tuple(removed))
