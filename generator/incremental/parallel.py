"""Per-article work spread over the machine's cores.

Cleaning and extraction are pure functions of one article and a corpus-wide context (the
lexicon, the gazetteer), so they parallelise with no coordination: the context reaches each
worker once (inherited through ``fork`` when the process has no other thread, sent to a
fork server otherwise), articles go out in chunks, results come back in order.

A failure inside a worker comes back as a ``Failed`` value, not an exception, so one bad
article costs that article only (the pipeline turns it into a warning naming the file).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a pool costs more than it saves (starting workers, pickling results).
MIN_PARALLEL_ITEMS = 64

_work: tuple[Callable, Any] | None = None  # (function, context) in a worker


@dataclass(frozen=True, slots=True)
class Failed:
    """What an exception left: enough to name it in a warning."""

    kind: str
    message: str
    where: str  # "generator/text/dates.py:171"

    def __str__(self) -> str:
        return f"{self.kind}: {self.message} (at {self.where})"


def failed(exc: BaseException) -> Failed:
    frames = traceback.extract_tb(exc.__traceback__)
    where = (f"{Path(frames[-1].filename).parent.name}/{Path(frames[-1].filename).name}:{frames[-1].lineno}"
             if frames else "?")
    return Failed(type(exc).__name__, str(exc), where)


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def in_workers(items: int) -> bool:
    """Whether ``map_articles`` hands this many items to worker processes."""
    return min(workers(), items) >= 2 and items >= MIN_PARALLEL_ITEMS


def map_articles(fn: Callable[[Any, T], R], items: Sequence[T], context: Any = None,
                 jobs: int | None = None) -> list[R | Failed]:
    """``[fn(context, item) for item in items]``, in processes when there are enough items
    and cores; an item whose call raised gives ``Failed``."""
    jobs = min(jobs or workers(), len(items))
    if jobs < 2 or len(items) < MIN_PARALLEL_ITEMS:
        return [_guarded(fn, context, item) for item in items]
    method = "fork" if threading.active_count() == 1 else "forkserver"  # fork with threads can deadlock
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                 initializer=_install, initargs=(fn, context)) as pool:
            return list(pool.map(_run, items, chunksize=chunk))
    # The pool itself failed (a worker killed, a context that cannot be sent): one process does it.
    except Exception:  # noqa: BLE001
        return [_guarded(fn, context, item) for item in items]


def _guarded(fn: Callable, context: Any, item: Any) -> Any:
    try:
        return fn(context, item)
    except Exception as exc:  # noqa: BLE001 — reported per article by the caller
        return failed(exc)


def _install(fn: Callable, context: Any) -> None:
    global _work
    _work = (fn, context)


def _run(item: Any) -> Any:
    assert _work is not None
    return _guarded(_work[0], _work[1], item)
