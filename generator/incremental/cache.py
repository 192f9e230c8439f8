"""Work a rebuild can skip: an article whose inputs did not change is not cleaned or extracted again.

Cleaning and extraction are pure functions of their inputs, but two of those inputs are
corpus-wide: the lexicon (every word of every article, used to rejoin split words) and the
gazetteer (site.yaml's entities plus the names discovered in all articles). Keying an
article on the whole lexicon would make one edit invalidate every article, so the cleaner
records the lexicon questions it asked ("is this word attested?") and an entry stays valid
while the new lexicon gives the same answers — exact, and cheap to check. The gazetteer is
keyed by its fingerprint: it changes only when site.yaml or a discovered name does.

Every result lives under a key naming all it depends on: the file's name and bytes, the
lexicon answers, the page name, the configuration's fingerprint. ``ArticleCache`` keeps
them in memory for as long as its owner lives (the preview server keeps one across rebuilds)
and in a ``Store`` on disk between runs. Missing results are computed in batches, over all
cores (``parallel.map_articles``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Container, Sequence

from ..model import Article, CleanDoc, RawDoc
from .parallel import Failed, map_articles
from .store import Store


class RecordingLexicon:
    """A lexicon that remembers every question asked of it and the answer it gave."""

    def __init__(self, words: Container[str]):
        self.words = words
        self.asked: dict[str, bool] = {}

    def __contains__(self, key: object) -> bool:
        answer = key in self.words
        self.asked[key] = answer  # type: ignore[index]
        return answer


@dataclass(frozen=True, slots=True)
class CleanedEntry:
    id: str  # the file, its bytes and the lexicon answers its cleaning depended on
    doc: CleanDoc
    asked: dict[str, bool]


@dataclass(slots=True)
class CacheStats:
    cleaned: int = 0  # articles cleaned in this build
    extracted: int = 0  # articles extracted in this build
    reused: int = 0  # articles whose extraction came from the cache


class ArticleCache:
    def __init__(self, remember: bool = True) -> None:
        """``remember``: keep results in memory for the next build (the preview server);
        a one-off build leaves them on disk only, so memory holds one stage at a time."""
        self.remember = remember
        self._memory: dict[str, Any] = {}
        self._used: set[str] = set()
        self.store = Store(None)
        self.stats = CacheStats()

    def start_build(self, store: Store | None = None) -> None:
        self.stats = CacheStats()
        self._used = set()
        if store is not None:
            self.store = store

    def lexicon_words(self, raws: Sequence[RawDoc], words_of: Callable[[str], frozenset[str]]) -> list[frozenset[str]]:
        """Each article's contribution to the lexicon."""
        keys = [f"words|{raw_key(raw)}" for raw in raws]
        results = self._compute(keys, [raw.article_text for raw in raws], _call_on_item, words_of)
        return [r if not isinstance(r, Failed) else frozenset() for r in results]

    def cleaned(self, raws: Sequence[RawDoc], lexicon: Container[str], clean: Callable) -> list[CleanedEntry | Failed]:
        keys = [f"clean|{raw_key(raw)}" for raw in raws]
        found = self._lookup(keys)
        stale = [k for k in keys if k in found and not _still_valid(found[k][1], lexicon)]
        for key in stale:
            del found[key]
        results = self._compute(keys, list(raws), _clean_recording, (clean, lexicon), found)
        self.stats.cleaned += len(set(keys) - set(found))
        return [r if isinstance(r, Failed) else CleanedEntry(f"{key[6:]}|{_answers_digest(r[1])}", r[0], r[1])
                for key, r in zip(keys, results)]

    def discoveries(self, entries: Sequence[CleanedEntry], gazetteer_print: str, discover: Callable,
                    gazetteer: Any) -> list[list | Failed]:
        """Names discovered in each article (they depend on its cleaned text and the gazetteer)."""
        keys = [f"discover|{e.id}|{gazetteer_print}" for e in entries]
        return self._compute(keys, [e.doc for e in entries], _call_with_context, (discover, gazetteer))

    def extracted(self, items: Sequence[tuple[CleanedEntry, RawDoc, str]], knowledge_print: str,
                  extract: Callable, knowledge: Any) -> list[Article | Failed]:
        keys = [f"extract|{entry.id}|{slug}|{knowledge_print}" for entry, _raw, slug in items]
        found = self._lookup(keys)
        self.stats.reused += len(found)
        self.stats.extracted += len(set(keys) - set(found))
        return self._compute(keys, [(entry.doc, raw, slug) for entry, raw, slug in items],
                             _extract_one, (extract, knowledge), found)

    def per_article(self, kind: str, items: Sequence[Any], fn: Callable[[Any], Any]) -> list[Any]:
        """``fn(item)`` for each item (a pure function of it), kept under ``kind`` and a digest
        of the item: those missing are computed together, in worker processes when many."""
        keys = [f"{kind}|{fingerprint(item)}" for item in items]
        return self._compute(keys, list(items), _call_on_item, fn)

    def finish_build(self) -> None:
        """Keep what this build used, nothing else: memory and disk follow the corpus, not its history."""
        self._memory = {k: v for k, v in self._memory.items() if k in self._used}
        self.store.commit(keep=self._used)

    # --- lookups -------------------------------------------------------------------------

    def _lookup(self, keys: Sequence[str]) -> dict[str, Any]:
        found = {k: self._memory[k] for k in keys if k in self._memory}
        found.update(self.store.get_many([k for k in keys if k not in found]))
        if self.remember:
            self._memory.update(found)
        return found

    def _compute(self, keys: Sequence[str], items: Sequence, fn: Callable, context: Any,
                 found: dict[str, Any] | None = None) -> list:
        """Each key's value: from ``found`` (or the cache), else ``fn(context, item)``, computed
        together for all that are missing and remembered (failures are not)."""
        found = self._lookup(keys) if found is None else found
        missing = [i for i, key in enumerate(keys) if key not in found]
        computed = map_articles(fn, [items[i] for i in missing], context)
        for i, value in zip(missing, computed):
            found[keys[i]] = value
            if not isinstance(value, Failed):
                if self.remember:
                    self._memory[keys[i]] = value
                self.store.put(keys[i], value)
        self.store.commit()  # now, not at the end: the pickles need not wait in memory
        self._used.update(key for key in keys if not isinstance(found[key], Failed))
        return [found[key] for key in keys]


def _still_valid(asked: dict[str, bool], lexicon: Container[str]) -> bool:
    return all((word in lexicon) == answer for word, answer in asked.items())


def _answers_digest(asked: dict[str, bool]) -> str:
    return hashlib.sha256(repr(sorted(asked.items())).encode("utf-8")).hexdigest()[:16]


# Workers' functions: module-level so a fork server can pickle them by name.

def _call_on_item(fn: Callable, item: Any) -> Any:
    return fn(item)


def _call_with_context(context: tuple[Callable, Any], item: Any) -> Any:
    fn, shared = context
    return fn(item, shared)


def _clean_recording(context: tuple[Callable, Container[str]], raw: RawDoc) -> tuple[CleanDoc, dict[str, bool]]:
    clean, lexicon = context
    recording = RecordingLexicon(lexicon)
    return clean(raw, recording), recording.asked


def _extract_one(context: tuple[Callable, Any], item: tuple[CleanDoc, RawDoc, str]) -> Article:
    extract, knowledge = context
    doc, raw, slug = item
    return extract(doc, raw, slug, knowledge)


def raw_key(raw: RawDoc) -> str:
    return f"{raw.source}|{hashlib.sha256(raw.data).hexdigest()}"


def fingerprint(*parts: object) -> str:
    """A stable digest of frozen configuration values (dataclasses and tuples repr stably)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()
