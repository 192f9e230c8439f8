"""Is the site in ``output/`` already what a build would write? Then there is nothing to do.

As make and ninja decide: every input's size and modification time (seeds/, content/,
templates/), the parsed configuration and the generator's version make the inputs' signature;
every output file's size, modification time and inode make the output's. A build that
finds both as the last successful build left them skips straight to its summary, showing the
same warnings. Any doubt (an input touched, an output file edited or deleted, another
generator version) means a full build, which the article cache still makes quick.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..config.site import Config
from ..model import Problem
from .store import generator_version


@dataclass(frozen=True, slots=True)
class LastBuild:
    inputs: str  # inputs_signature() when it was built
    output: dict[str, tuple[int, int, int]]  # site path → (size, mtime_ns, inode) after the swap
    articles: int
    pages: int
    skipped: int
    problems: tuple[Problem, ...]
    overridden: tuple[str, ...]


def record_key(config: Config) -> str:
    return f"last-build|{config.output_dir.resolve()}"


def inputs_signature(config: Config) -> str:
    digest = hashlib.sha256(f"{generator_version()}\0{config!r}".encode("utf-8"))
    for folder in (config.seeds_dir, config.content_dir, config.templates_dir):
        for entry in _tree_stats(folder):
            digest.update(repr(entry).encode("utf-8"))
    return digest.hexdigest()


def output_state(folder: Path) -> dict[str, tuple[int, int, int]]:
    return {path: (st.st_size, st.st_mtime_ns, st.st_ino) for path, st, _link in _walk(folder)}


def is_up_to_date(last: LastBuild | None, config: Config, signature: str) -> bool:
    return (last is not None and last.inputs == signature and config.output_dir.is_dir()
            and output_state(config.output_dir) == last.output)


def _tree_stats(folder: Path) -> list[tuple]:
    return [(path, st.st_size, st.st_mtime_ns, st.st_mode, link) for path, st, link in _walk(folder)]


def _walk(folder: Path, prefix: str = ""):
    """(relative path, lstat, link target) of every entry, in name order; links are not followed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        path = prefix + entry.name
        st = entry.stat(follow_symlinks=False)
        if entry.is_symlink():
            yield path, st, os.readlink(entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), path + "/")
        else:
            yield path, st, ""
