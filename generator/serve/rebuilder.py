"""The rebuilder: one build at a time, once saves have settled, told to the terminal and the hub.

Saves come in as ``Rebuilder.poke``; a thread waits until they stop for ``QUIET`` seconds (at
most ``MAX_WAIT`` after the first), shows the edited articles' own pages at once (quick.py),
then calls the builder it was given — in ``serve``, the pipeline's ``build`` with a ``Warm``
state (unchanged articles are not re-extracted, templates stay compiled, unchanged files are
not rewritten). A failed build leaves the server up: the hub shows the error over the last
good site. The search index a build deferred is made after the reload, in the background.
"""
from __future__ import annotations

import gc
import threading
import time
import traceback
from pathlib import Path
from typing import Callable, Sequence

from ..commands.failure import Failure, describe_failure
from ..config.site import Config
from ..pipeline import BuildResult, Progress, Warm, no_progress
from ..search import index as search
from ..search.plan import pagefind_bundle
from ..terminal import paint, printable, progress_bar
from ..write.writer import WriteFailed, replace_subfolder
from .hub import Hub
from .quick import show_edited_articles

QUIET = 0.1  # seconds without a save before rebuilding: editors write a file in several steps
MAX_WAIT = 1.0  # …but never wait longer than this after the first save of a burst

Builder = Callable[[Config, Warm, Progress], BuildResult]  # pipeline.build, or a stub in a test
SearchBundler = Callable[..., dict[str, bytes]]  # pipeline.pagefind_bundle: (docs, background=) → files


class Rebuilder:
    """Runs builds one at a time, after saves have settled. An article saved while a build
    runs gets its quick pages at once from a second thread (``_run_quick``), and again when
    that build has swapped its output in (it started from the text before the save).

    ``load``: the configuration, read again for each build; ``build``: makes the site from it
    (``pipeline.build``); ``search_bundle``: the Pagefind bundle of a build that deferred it."""

    def __init__(self, root: Path, load: Callable[[], Config], hub: Hub, say: Callable[[str], None], *,
                 build: Builder, search_bundle: SearchBundler = pagefind_bundle):
        self.root, self.load, self.hub, self.say = root, load, hub, say
        self.build, self.search_bundle = build, search_bundle
        self.warm = Warm()
        self._cond = threading.Condition()
        self._pending: list[str] = []
        self._during: list[str] = []  # saves while a build runs, for the quick-pages thread
        self._building = False
        self._first = self._last = self._during_first = 0.0
        self._stopping = False
        self._warned: set[str] = set()  # the warnings already printed
        self._latest_search = ""  # fingerprint of the search documents awaiting their Pagefind bundle
        self._search_lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, name="rebuilder", daemon=True)
        self.quick_thread = threading.Thread(target=self._run_quick, name="quick-pages", daemon=True)

    def start(self) -> None:
        self.thread.start()
        self.quick_thread.start()

    def poke(self, shown_path: str) -> None:
        """``shown_path`` was saved (as the user knows it: "seeds/a.txt")."""
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._last = now
            if shown_path not in self._pending:
                self._pending.append(shown_path)
            if self._building:
                if not self._during:
                    self._during_first = now
                if shown_path not in self._during:
                    self._during.append(shown_path)
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self.thread.is_alive():
            self.thread.join()  # a build in progress finishes (or fails) cleanly: no half-written site
        if self.quick_thread.is_alive():
            self.quick_thread.join()

    # --- one build -------------------------------------------------------------------------

    def build_now(self, reason: str = "") -> BuildResult | None:
        """One build, reported to the terminal and the hub; None when it failed."""
        self.hub.idle.clear()
        started = time.perf_counter()
        gc.unfreeze()
        with self._cond:
            self._building = True
        try:
            config = self.load()
            result = self.build(config, self.warm, progress_bar if not reason else no_progress)
        except Exception as exc:  # any failure must leave the server up, showing it
            self._failed(describe_failure(exc, self.root), reason, time.perf_counter() - started)
            return None
        # What the build keeps (the corpus: millions of objects on a large one) is left out of
        # the collector's full passes until the next build, so none pauses the next quick pages.
        gc.freeze()
        self._succeeded(config, result, reason)
        return result

    def _failed(self, failures: tuple[Failure, ...], reason: str, seconds: float) -> None:
        with self._cond:
            self._building, self._during = False, []  # the saves wait in _pending for the next build
        if any(f.bug for f in failures):
            traceback.print_exc()
        self.hub.idle.set()
        self.hub.finished((), failures)
        self.say(paint(f"{_stamp()}{reason}build failed after {seconds:.2f} s; still serving the last good site:",
                       "error"))
        for failure in failures:
            self.say(f"  {failure}")

    def _succeeded(self, config: Config, result: BuildResult, reason: str) -> None:
        with self._cond:
            self._building, self._during = False, []
            saved_meanwhile = list(self._pending)  # the next build's; this one has their old text
        again = self.quick_pages(saved_meanwhile) if saved_meanwhile else ()
        self.hub.idle.set()
        self.hub.finished(tuple(dict.fromkeys((*result.changed, *again))), ())
        self.say(f"{_stamp()}{reason}" + paint(rebuild_summary(result), "ok"))
        self.warm.defer_search = True  # from now on the reload never waits for Pagefind
        with self._search_lock:  # any index still being made for an older build is now stale
            self._latest_search = result.search_fingerprint if result.search_pending else ""
        if result.search_pending:
            threading.Thread(target=self._refresh_search, name="search-index", daemon=True,
                             args=(config, result.search_pending, result.search_fingerprint)).start()
        warnings = [str(p) for p in result.problems]
        for warning in warnings:
            if warning not in self._warned:  # each warning once, not again on every save
                self.say(paint(f"  {warning}", "warn"))
        self._warned = set(warnings)

    # --- before it, and after it -----------------------------------------------------------

    def show_edited_articles(self, changed: list[str], reason: str, then: str = "building the rest") -> None:
        """When only articles changed: their own pages (quick.py), so the tab showing one
        reloads at once; then, once the reloading tabs are served, the full build may start."""
        started = time.perf_counter()
        written = self.quick_pages(changed)
        if written:
            self.hub.finished(written, ())
            self.say(f"{_stamp()}{reason}its page shown in {time.perf_counter() - started:.2f} s; {then}")
            self.hub.wait_for_quiet()

    def quick_pages(self, changed: list[str]) -> tuple[str, ...]:
        """The site paths ``quick.show_edited_articles`` wrote for these saves; () when it does not apply."""
        if self.hub.failures or self.warm.site is None:
            return ()  # after a failed build, only a full one says whether it is fixed
        try:
            paths = [self.root / c for c in changed]  # an absolute path stays as it is
            return show_edited_articles(self.warm.site, paths, self.warm.page_digests)
        except WriteFailed:
            return ()  # the full build that follows says what to do
        except Exception:  # noqa: BLE001 — a bug here must not cost the full build that follows
            traceback.print_exc()
            return ()

    def _refresh_search(self, config: Config, docs: Sequence, fingerprint: str) -> None:
        """Make the Pagefind bundle the last build deferred and swap it in, unless a newer build
        has superseded it by then."""
        started = time.perf_counter()
        try:
            bundle = self.search_bundle(docs, background=True)  # the next edit's reload comes first
            with self._search_lock:
                if fingerprint != self._latest_search:
                    return
                self.warm.search_bundles = {fingerprint: bundle}
                if not replace_subfolder(config.output_dir, search.PAGEFIND_DIR, bundle):
                    return  # a newer build replaced output/ meanwhile; its own index follows
                self._latest_search = ""
        except Exception as exc:  # the site is still served, with the previous search index
            self.say(paint(f"{_stamp()}search index not updated: {exc}", "error"))
            return
        self.say(f"{_stamp()}search index updated in {time.perf_counter() - started:.2f} s")

    # --- the two threads -------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                if not self._settled(lambda: self._pending, lambda: self._first):
                    return
                changed, self._pending = self._pending, []
                self._building = True  # from here: a save gets quick pages from _run_quick
            self.show_edited_articles(changed, f"{_listed(changed)} changed → ")
            self.build_now(f"{_listed(changed)} changed → ")

    def _run_quick(self) -> None:
        """Quick pages for the articles saved while a build runs (``_run`` is busy with it)."""
        while True:
            with self._cond:
                if not self._settled(lambda: self._during, lambda: self._during_first):
                    return
                changed, self._during = self._during, []
            self.show_edited_articles(changed, f"{_listed(changed)} changed → ", "built after the current build")

    def _settled(self, saves: Callable[[], list[str]], first: Callable[[], float]) -> bool:
        """With the condition held: wait for saves, then for QUIET after the last (at most
        MAX_WAIT after the first); False when the server is stopping."""
        while not saves() and not self._stopping:
            self._cond.wait()
        while not self._stopping:
            wait = min(self._last + QUIET, first() + MAX_WAIT) - time.monotonic()
            if wait <= 0:
                break
            self._cond.wait(wait)
        return not self._stopping


def _listed(changed: list[str]) -> str:
    """The saved files, as the terminal may show them (a name's control characters escaped)."""
    return printable(", ".join(changed[:3])) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")


def rebuild_summary(result: BuildResult) -> str:
    reused = result.articles - result.extracted
    return (f"built in {result.seconds:.2f} s: {len(result.changed)} file(s) changed, "
            f"{result.extracted} article(s) extracted, {reused} reused")


def _stamp() -> str:
    return time.strftime("[%H:%M:%S] ")
