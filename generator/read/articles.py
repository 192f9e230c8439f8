"""Which seed files become articles, and under which page names: every file read (a bad one
costs its own warning), the same text saved twice built once, and each article's slug, an
editor's ``slug:`` included."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..config.site import Config
from ..config.yamlfile import read_text_file
from ..model import Problem, RawDoc
from .ingest import read_article
from .input_files import link_outside, link_problem
from .overrides import Override
from .pages import BRIEFING_INTRO, markdown_renderer
from .readers import ARTICLE_SUFFIXES

SLUG_UNSAFE_RE = re.compile(r"[^a-z0-9]+")


def slug_for(source_file: str, data: bytes) -> str:
    """A URL-safe, stable name from the file name: "000_d78c.txt" → "000-d78c".

    A name with no Latin letters or digits (an Arabic file name) gets a content-hash name.
    """
    stem = source_file.rsplit(".", 1)[0].lower()
    slug = SLUG_UNSAFE_RE.sub("-", stem).strip("-")[:80].strip("-")
    return slug or "article-" + hashlib.sha256(data).hexdigest()[:10]


def nothing_to_build(folder: str, problems: list[Problem]) -> str:
    if not problems:
        return (f"{folder}/ holds no articles — "
                f"put the article files ({', '.join(ARTICLE_SUFFIXES)}; one article each) in it")
    return (f"no article could be built from {folder}/:\n" + "\n".join(f"    {p}" for p in problems))


def read_all(files: list[Path], folder: str) -> tuple[list[RawDoc], list[Problem]]:
    raws, problems = [], []
    for path in files:
        result = read_article(path, f"{folder}/{path.name}")
        (raws if isinstance(result, RawDoc) else problems).append(result)
    return raws, problems


def drop_duplicate_files(raws: list[RawDoc], folder: str) -> tuple[list[RawDoc], list[Problem]]:
    """The same text saved twice is built once (the first name in sort order wins)."""
    seen: dict[str, str] = {}
    kept, problems = [], []
    for raw in raws:
        digest = hashlib.sha256(" ".join(raw.article_text.split()).encode("utf-8")).hexdigest()
        if digest in seen:
            problems.append(Problem(f"{folder}/{raw.source}", f"same text as {folder}/{seen[digest]}; built once",
                                    hint="delete one of the two copies"))
            continue
        seen[digest] = raw.source
        kept.append(raw)
    return kept, problems


def assign_slugs(raws: list[RawDoc], overrides: dict[str, Override] | None = None
                 ) -> tuple[list[tuple[RawDoc, str]], list[Problem]]:
    """Each article's page name, unique: a clash of names made from file names gets "-2",
    "-3"… in file-name order. An editor's ``slug:`` wins unless another article has that name
    (by its file name or by its own ``slug:``): moving that other article silently would break
    its links, so the override's slug is refused with a warning and its article keeps its own."""
    overrides = overrides or {}
    natural = {raw.source: slug_for(raw.source, raw.data) for raw in raws}
    holders = {slug: source for source, slug in reversed(natural.items())}  # the first file of a name
    wanted, problems = {}, []
    for raw in raws:
        # The editor's slug wins over the one the file's own front matter gives.
        override = next((o for o in (overrides.get(raw.source), raw.front_matter) if o and o.values.get("slug")), None)
        if override is None:
            continue
        slug = override.values["slug"]
        holder = holders.get(slug, raw.source)
        if holder == raw.source:
            wanted[raw.source], holders[slug] = slug, raw.source
        else:
            problems.append(Problem(override.source, f"slug '{slug}' is the page name of seeds/{holder}; "
                                    f"not applied (seeds/{raw.source} keeps '{natural[raw.source]}')",
                                    override.lines.get("slug", 0), f"choose another slug, such as '{slug}-2'"))
    taken: set[str] = set(wanted.values())
    out = []
    for raw in raws:
        if raw.source in wanted:
            out.append((raw, wanted[raw.source]))
            continue
        base = slug = natural[raw.source]
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out.append((raw, slug))
    return out, problems


def read_briefing_intro(config: Config, problems: list[Problem]) -> str | None:
    """``content/briefing.md``, the editor's introduction, as HTML; None when there is none."""
    path = config.content_dir / BRIEFING_INTRO
    shown = f"{config.content_dir.name}/{BRIEFING_INTRO}"
    if not path.is_file():
        return None
    if (real := link_outside(path, config.root)) is not None:
        problems.append(link_problem(shown, real))
        return None
    text = read_text_file(path, shown)
    if isinstance(text, Problem):
        problems.append(text)
        return None
    return markdown_renderer(config.markdown_html).render(text)
