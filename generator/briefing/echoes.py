"""Echoes: for each sentence of the corpus, the sentence of every other story closest to it
among those stating the same thing (``similarity.SAME_THING``), the raw material of facts.

Comparing every pair grows with the square of the corpus, so pairs come from buckets of
sentences sharing a key (``candidate_pairs``) and are weighed all at once as sparse rows
(``similarity.Weights.alike_pairs``), each unordered pair once.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .similarity import SAME_THING, Profile, Weights

EXACT_ECHO_SENTENCES = 1000  # up to this many sentences, compare every two sharing a key
ECHO_BUCKET, ECHO_CANDIDATES = 24, 32  # above: a key's first 24 sentences; buckets until 32, rarest key first


@dataclass(frozen=True, slots=True)
class Echoes:
    """Sentence n's echoes are items ``start[n]:start[n + 1]`` of ``partner`` and ``close``,
    closest first (then the earlier sentence): one per other story."""

    start: list[int]
    partner: list[int]
    close: list[float]

    def of(self, n: int) -> list[tuple[float, int]]:
        """(likeness, index) of sentence n's echoes, closest first."""
        at, end = self.start[n], self.start[n + 1]
        return list(zip(self.close[at:end], self.partner[at:end]))


def closest_per_story(keys: list[frozenset[str]], stories: list[str], weights: Weights,
                      profiles: list[Profile]) -> Echoes:
    """The echoes of each sentence, given its keys, its story and its profile."""
    story_id = {s: n for n, s in enumerate(dict.fromkeys(stories))}
    story = np.array([story_id[s] for s in stories], dtype=np.int64)
    a, b = candidate_pairs(keys, capped=len(keys) > EXACT_ECHO_SENTENCES)
    a, b = a[story[a] != story[b]], b[story[a] != story[b]]
    close = weights.alike_pairs(weights.rows(profiles), a, b, floor=SAME_THING)
    kept = close >= SAME_THING
    source = np.concatenate((a[kept], b[kept]))
    partner = np.concatenate((b[kept], a[kept]))
    close = np.concatenate((close[kept], close[kept]))
    order = np.lexsort((partner, -close, source))  # each sentence's echoes closest first, then the earlier
    source, partner, close = source[order], partner[order], close[order]
    firsts = _first_of_each(source * len(story_id) + story[partner])  # the closest of each other story
    source, partner, close = source[firsts], partner[firsts], close[firsts]
    start = np.searchsorted(source, np.arange(len(keys) + 1))
    return Echoes(start.tolist(), partner.tolist(), close.tolist())


def _first_of_each(group: np.ndarray) -> np.ndarray:
    """A mask of the first item of each group, in the items' order."""
    by_group = np.argsort(group, kind="stable")
    ordered = group[by_group]
    mask = np.zeros(len(group), dtype=bool)
    mask[by_group[np.concatenate(([True], ordered[1:] != ordered[:-1]))] if len(group) else by_group] = True
    return mask


def candidate_pairs(keys: list[frozenset[str]], capped: bool) -> tuple[np.ndarray, np.ndarray]:
    """The unordered pairs (a < b) of sentences to weigh. Uncapped, every two sharing a key.
    Capped, each key has a bucket of its first ``ECHO_BUCKET`` sentences, and a sentence looks
    in its buckets rarest key first until it has ``ECHO_CANDIDATES``: two sentences reporting one
    thing share the words it is told in, rarer than the frame around it ("said", "minister")
    whose buckets would hold every sentence."""
    if not capped:
        return _sharing_a_key(keys)
    df = Counter(k for mine in keys for k in mine)
    ranked = [sorted(sorted(mine), key=df.__getitem__) for mine in keys]
    buckets: dict[str, list[int]] = defaultdict(list)
    for n, mine in enumerate(ranked):
        for key in mine:
            if len(buckets[key]) < ECHO_BUCKET:
                buckets[key].append(n)
    found = []
    for mine in ranked:
        seen: set[int] = set()
        for key in mine:
            if len(seen) >= ECHO_CANDIDATES:
                break
            seen.update(buckets[key])
        found.append(seen)
    lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    a = np.repeat(np.arange(len(found), dtype=np.int64), lengths)
    b = np.fromiter((m for seen in found for m in seen), dtype=np.int64, count=int(lengths.sum()))
    low, high = np.minimum(a, b), np.maximum(a, b)
    pairs = np.sort(low[low != high] * len(keys) + high[low != high])  # np.unique's hashing is far slower
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))] if len(pairs) else pairs
    return pairs // len(keys), pairs % len(keys)


def _sharing_a_key(keys: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
    column: dict[str, int] = {}
    columns = [[column.setdefault(k, len(column)) for k in mine] for mine in keys]
    lengths = np.fromiter(map(len, columns), dtype=np.int64, count=len(columns))
    holds = sparse.csr_matrix((np.ones(int(lengths.sum())), np.fromiter(
        (c for mine in columns for c in mine), dtype=np.int64, count=int(lengths.sum())),
        np.concatenate(([0], np.cumsum(lengths)))), shape=(len(keys), max(len(column), 1)))
    shared = sparse.triu(holds @ holds.T, k=1).tocoo()
    order = np.lexsort((shared.col, shared.row))
    return shared.row[order].astype(np.int64), shared.col[order].astype(np.int64)
