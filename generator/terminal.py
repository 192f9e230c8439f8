"""What the commands print: colour only on a terminal, a progress bar only when a build is long.

Colour follows the conventions tools share: ``NO_COLOR`` turns it off, ``FORCE_COLOR`` on
(https://no-color.org), otherwise only a real terminal that is not ``TERM=dumb`` gets it.
Logs, pipes and CI get plain text.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Sequence, TextIO, TypeVar

T = TypeVar("T")

_CODES = {"ok": "32", "warn": "33", "error": "31;1", "dim": "2", "bold": "1"}
PROGRESS_DELAY = 0.5  # seconds: a build faster than this never shows a bar


def wants_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream) and os.environ.get("TERM") != "dumb"


def paint(text: str, kind: str, stream: TextIO = sys.stdout) -> str:
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
