"""How common an Arabic word is: wordfreq's Arabic list (about 620k words, shipped in its wheel),
the judge of a rare proper noun against an ordinary word and of a PDF's broken words.

The list takes a good half second to load, so it is loaded on first need, once per process;
a build that hands its articles to worker processes loads it before they start (``load``),
so that each worker does not load it again for itself.
"""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _lookup():
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # a broken install: callers decide as if the list said nothing
        return None
    return functools.lru_cache(maxsize=1 << 17)(lambda word: zipf_frequency(word, "ar"))


def zipf(word: str) -> float | None:
    """``word``'s frequency on wordfreq's Zipf scale (log10 per 10^9 words: 3 is once per
    million, 0 an unknown word), or None without the word list."""
    lookup = _lookup()
    return lookup(word) if lookup is not None else None


def load() -> None:
    """Load the list now: before worker processes are forked, which then share it."""
    zipf("في")
