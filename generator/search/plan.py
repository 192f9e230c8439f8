"""How the build gets its Pagefind bundle: from an earlier build with the same documents, from a
Pagefind run started before the pages render (it indexes on its own core meanwhile), or, in the
preview, later (``pending``)."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Sequence

from ..config.site import Config
from ..corpus.analysis import Corpus
from ..display import shown_date
from ..errors import BuildError
from . import index as search


@dataclass


class SearchPlan:
    """The search documents and how their Pagefind bundle will be had: from ``Warm``, from a
    Pagefind run started before the pages render, or later (``pending``, the preview)."""

    docs: list
    fingerprint: str
    bundle: dict | None = None
    run: search.PagefindRun | None = None
    pending: tuple = ()

    def __enter__(self) -> "SearchPlan":
        return self

    def __exit__(self, *exc) -> None:
        if self.run is not None:
            self.run.cancel()  # a failed build does not leave Pagefind running

    def collect(self) -> dict[str, bytes]:
        """The bundle, waiting for the Pagefind run if one was started."""
        if self.bundle is None and self.run is not None:
            try:
                self.bundle = self.run.bundle()
            except (OSError, subprocess.SubprocessError, search.SearchIndexError) as exc:
                raise pagefind_failed(exc) from exc
        return self.bundle or {}


def plan_search(corpus: Corpus, config: Config, bundles: dict[str, dict[str, bytes]], defer: bool) -> SearchPlan:
    """``bundles``: Pagefind bundles of earlier builds by their documents' fingerprint;
    ``defer``: the preview's wish to reuse the previous bundle and make the new one later."""
    docs = search.search_docs(
        corpus, {t.id: t.label for t in config.topics},
        lambda a: shown_date(a.date, config))
    plan = SearchPlan(docs, search.docs_fingerprint(docs))
    plan.bundle = bundles.get(plan.fingerprint)
    if plan.bundle is None and defer and bundles:
        plan.bundle, plan.pending = next(iter(bundles.values())), tuple(docs)  # the previous index, for now
    if plan.bundle is None:
        try:
            plan.run = search.PagefindRun(docs)
        except (OSError, subprocess.SubprocessError) as exc:
            raise pagefind_failed(exc) from exc
    return plan


def pagefind_failed(exc: Exception) -> BuildError:
    return BuildError(f"search index: Pagefind failed: {exc} — check that 'pagefind[bin]' is installed "
                      f"(pip install -r requirements.txt)")


def pagefind_bundle(docs: Sequence[search.SearchDoc], background: bool = False) -> dict[str, bytes]:
    try:
        return search.pagefind_files(list(docs), background)
    except (OSError, subprocess.SubprocessError, search.SearchIndexError) as exc:
        raise pagefind_failed(exc) from exc
