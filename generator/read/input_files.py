"""Which files of the input folders are read: one policy for ``seeds/``, ``content/`` and
``templates/`` (its static assets included).

A symbolic link is followed only when it leads inside the project, and not into a
version-control folder or the build cache: a link to a file elsewhere (``~/.ssh/id_rsa``,
``/etc/passwd``, a colleague's folder) would publish that file. Such a link is skipped with a
warning naming it and where it leads.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader, TemplateNotFound

from ..model import Problem
from ..output_folder import CACHE_DIR, VCS_DIRS

LINK_HINT = "copy the file itself into the project, or remove the link"


class LinkRefused(TemplateNotFound):
    """A template that is a link leading out of the project (the build cannot go on without it)."""

    def __init__(self, name: str, problem: Problem):
        super().__init__(name, str(problem))
        self.problem = problem


def link_outside(path: Path, root: Path) -> Path | None:
    """Where ``path`` really is, when a link (of its own or of a folder above it) takes it out of
    the project or into a folder no build reads; None when it may be read."""
    real, root = path.resolve(), root.resolve()
    if not real.is_relative_to(root):
        return real
    if any(part in VCS_DIRS or part == CACHE_DIR for part in real.relative_to(root).parts):
        return real
    return None


def link_problem(shown: str, real: Path) -> Problem:
    return Problem(shown, f"is a link to {real}, outside the project's own files; not followed", hint=LINK_HINT)


def folder_files(folder: Path, root: Path, shown: str, suffix: str = "",
                 recursive: bool = False) -> tuple[list[Path], list[Problem]]:
    """The files of ``folder`` (ending in ``suffix``; in every subfolder with ``recursive``), in
    name order, with a warning for each link that leads out of the project. ``shown``: the
    folder as the user knows it ("content")."""
    if not folder.is_dir():
        return [], []
    real = link_outside(folder, root)
    if real is not None:
        return [], [link_problem(f"{shown}/", real)]
    found: list[Path] = []
    problems: list[Problem] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        entry_shown = f"{shown}/{entry.name}"
        if entry.is_symlink() and (real := link_outside(entry, root)) is not None:
            problems.append(link_problem(entry_shown, real))
        elif entry.is_dir() and recursive and not entry.is_symlink():  # a linked folder could loop
            more, more_problems = folder_files(entry, root, entry_shown, suffix, recursive)
            found += more
            problems += more_problems
        elif entry.is_file() and entry.name.endswith(suffix):
            found.append(entry)
    return found, problems


class ProjectLoader(FileSystemLoader):
    """Jinja's loader, under the same policy: a template that is a link out of the project is
    refused by name instead of being rendered into every page."""

    def __init__(self, folder: Path, root: Path):
        super().__init__(str(folder))
        self.folder, self.root = folder, root

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = link_outside(Path(filename), self.root)
        if real is not None:
            raise LinkRefused(template, link_problem(f"{self.folder.name}/{template}", real))
        return source, filename, uptodate
