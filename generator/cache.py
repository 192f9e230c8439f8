"""Work a rebuild can skip: an article whose inputs did not change is not cleaned or extracted again.

Cleaning and extraction are pure functions of their inputs, but two of those inputs are
corpus-wide: the lexicon (every word of every article, used to rejoin split words) and the
gazetteer (site.yaml's entities plus the names discovered in all articles). Keying an
article on the whole lexicon would make one edit invalidate every article, so the cleaner
records the lexicon questions it asked ("is this word attested?") and an entry stays valid
while the new lexicon gives the same answers — exact, and cheap to check. The gazetteer is
keyed by its fingerprint: it changes only when site.yaml or a discovered name does.

``ArticleCache`` lives as long as its owner (the preview server keeps one across rebuilds).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Callable, Container

from .model import Article, CleanDoc, RawDoc


class RecordingLexicon:
    """A lexicon that remembers every question asked of it and the answer it gave."""

    def __init__(self, words: Container[str]):
        self.words = words
        self.asked: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        answer = key in self.words
        self.asked[key] = answer  # type: ignore[index]
        return answer


@dataclass(slots=True)
class CleanedEntry:
    key: tuple[str, str]  # (file name, sha256 of its bytes)
    serial: int  # changes whenever the article is cleaned again: extraction keys on it
    doc: CleanDoc
    asked: dict[str, bool]  # the lexicon's answers this cleaning depended on
    discoveries: dict[str, list] = field(default_factory=dict)  # gazetteer fingerprint → names


@dataclass(slots=True)
class CacheStats:
    cleaned: int = 0  # articles cleaned in this build
    extracted: int = 0  # articles extracted in this build
    reused: int = 0  # articles taken whole from the cache


class ArticleCache:
    def __init__(self) -> None:
        self._cleaned: dict[tuple[str, str], CleanedEntry] = {}
        self._extracted: dict[tuple, Article] = {}
        self._serial = 0
        self._used: set[tuple] = set()  # extraction keys asked for in this build
        self.stats = CacheStats()

    def start_build(self) -> None:
        self.stats = CacheStats()
        self._used = set()

    def cleaned(self, raw: RawDoc, lexicon: Container[str], clean: Callable) -> CleanedEntry:
        key = raw_key(raw)
        entry = self._cleaned.get(key)
        if entry is None or any((word in lexicon) != answer for word, answer in entry.asked.items()):
            recording = RecordingLexicon(lexicon)
            doc = clean(raw, recording)
            self._serial += 1
            entry = self._cleaned[key] = CleanedEntry(key, self._serial, doc, recording.asked)
            self.stats.cleaned += 1
        return entry

    def discoveries(self, entry: CleanedEntry, gazetteer_print: str, discover: Callable[[], list]) -> list:
        """Names discovered in an article (they depend on its cleaned text and the gazetteer)."""
        if gazetteer_print not in entry.discoveries:
            entry.discoveries = {gazetteer_print: discover()}  # only the current gazetteer matters
        return entry.discoveries[gazetteer_print]

    def extracted(self, entry: CleanedEntry, slug: str, knowledge_print: str,
                  extract: Callable[[], Article]) -> Article:
        key = (entry.key, entry.serial, slug, knowledge_print)
        self._used.add(key)
        article = self._extracted.get(key)
        if article is None:
            article = self._extracted[key] = extract()
            self.stats.extracted += 1
        else:
            self.stats.reused += 1
        return article

    def keep_only(self, entries: list[CleanedEntry]) -> None:
        """Keep what this build used, nothing else: memory follows the corpus, not its history."""
        self._cleaned = {e.key: e for e in entries}
        self._extracted = {k: v for k, v in self._extracted.items() if k in self._used}


def raw_key(raw: RawDoc) -> tuple[str, str]:
    return raw.source, hashlib.sha256(raw.data).hexdigest()


def fingerprint(*parts: object) -> str:
    """A stable digest of frozen configuration values (dataclasses and tuples repr stably)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
