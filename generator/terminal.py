"""What the commands print: colour only on a terminal, a progress bar only when a build is long.

Colour follows the conventions tools share: ``NO_COLOR`` turns it off, ``FORCE_COLOR`` on
(https://no-color.org), otherwise only a real terminal that is not ``TERM=dumb`` gets it.
Logs, pipes and CI get plain text.

The terminal is not an input channel: text that came from the user's files (a seed's name,
a message quoting site.yaml) is shown with its control characters escaped (``printable``), so
a file named "a\\x1b]0;pwned\\x07.txt" cannot retitle, recolour or rewrite the terminal, and
bidi controls cannot reorder a line. Arabic letters print as themselves.
"""
from __future__ import annotations

import os
import re
import sys
from typing import Iterable, Sequence, TextIO, TypeVar

T = TypeVar("T")

_CODES = {"ok": "32", "warn": "33", "error": "31;1", "dim": "2", "bold": "1"}
PROGRESS_DELAY = 0.5  # seconds: a build faster than this never shows a bar


# What is never printed as itself: C0 controls, DEL and C1 (ESC, BEL, CR, backspace… command
# a terminal); the bidi embeddings, overrides and isolates and the direction marks (they
# reorder what follows: "\u202etxt.exe" shows as "exe.txt"); the Unicode line separators;
# lone surrogates (undecodable bytes of a file name, which would make print() raise).
_NOT_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_CONTROL_RE = re.compile("[\x00-\x1f" + _NOT_C0 + "]")
_CONTROL_BUT_LINES_RE = re.compile("[\x00-\x08\x0b-\x1f" + _NOT_C0 + "]")  # "\t" and "\n" kept
# What ``paint`` makes: one of our colours, text with no escape in it, the reset. The only
# escape sequences ``for_terminal`` lets through, and only whole: a colour code alone (from a
# file name) is escaped, and a painted span always ends in the reset.
_PAINTED_RE = re.compile("(\x1b\\[(?:" + "|".join(re.escape(c) for c in _CODES.values()) + ")m)"
                         "([^\x1b]*)(\x1b\\[0m)")


def printable(text: str, lines: bool = False) -> str:
    """``text`` with every control character shown as an escape ("\\x1b", "\\u202e").
    ``lines``: keep newlines and tabs (a message of several lines we wrote); without it a
    newline in a file name is shown as "\\n" too, so it cannot fake a line of the report."""
    return (_CONTROL_BUT_LINES_RE if lines else _CONTROL_RE).sub(_escaped, text)


def for_terminal(text: str, stream: TextIO = sys.stdout) -> str:
    """A whole report as it may reach ``stream``: newlines, tabs and what ``paint`` made (when
    ``stream`` shows colour) kept, every other control character escaped. The last guard for
    text that did not go through ``printable`` where it was put together (the preview's
    "<saved file> changed → …")."""
    if not wants_colour(stream):
        return printable(text, lines=True)
    parts, last = [], 0
    for span in _PAINTED_RE.finditer(text):
        parts += [printable(text[last:span.start()], lines=True), span[1], printable(span[2], lines=True), span[3]]
        last = span.end()
    parts.append(printable(text[last:], lines=True))
    return "".join(parts)


_SHORT_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and os.environ.get("TERM") != "dumb"


def paint(text: str, kind: str, stream: TextIO = sys.stdout) -> str:
    """``text`` in the colour of ``kind`` on a terminal; its control characters escaped
    first, so only the colour codes added here reach the terminal."""
    text = printable(text, lines=True)
    return f"\033[{_CODES[kind]}m{text}\033[0m" if wants_colour(stream) else text


def progress_bar(items: Sequence[T], stage: str) -> Iterable[T]:
    """A bar on stderr for a loop that takes longer than PROGRESS_DELAY; nothing elsewhere."""
    if not _is_terminal(sys.stderr):
        return items
    from tqdm import tqdm  # only a terminal pays for the import

    return tqdm(items, desc=stage, delay=PROGRESS_DELAY, leave=False, unit="", dynamic_ncols=True)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False
