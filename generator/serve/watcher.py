"""Which saves rebuild the site: the project's inputs, watched with watchdog.

The inputs are ``site.yaml`` and the seeds, content and templates folders the configuration
names (``watched_inputs``); a file event under one of them, but for an editor's scratch file,
is passed on as the path the user knows ("seeds/a.txt", ``relevant_change``). Everything else
— ``output/``, the build's staging folders, the cache — is ignored, so a build never triggers
another.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..config.site import CONFIG_FILE, Config

# Editors' scratch files: saving "a.txt" in vim also touches "4913", "a.txt~", ".a.txt.swp".
SCRATCH_RE = re.compile(r"^(?:\.|#|4913$)|(?:~|\.sw[a-p]|\.tmp|\.part|\.crdownload)$")
CHANGES = ("created", "modified", "deleted", "moved", "closed")  # not "opened", "closed_no_write": reads


def watched_inputs(root: Path, config: Config | None) -> tuple[Path, ...]:
    if config is None:  # site.yaml is broken: watch the default places until it is fixed
        return (root / CONFIG_FILE, root / "seeds", root / "content", root / "templates")
    return (root / CONFIG_FILE, config.seeds_dir, config.content_dir, config.templates_dir)


def relevant_change(root: Path, inputs: tuple[Path, ...], path: Path) -> str | None:
    """The path as the user knows it, when a change there can change the site; else None."""
    if SCRATCH_RE.search(path.name):
        return None
    for folder in inputs:
        if path == folder or path.is_relative_to(folder):
            return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    return None


class InputWatcher(FileSystemEventHandler):
    """Turns file events under the project's inputs into ``poke(path)``; ignores everything else."""

    def __init__(self, root: Path, inputs: Callable[[], tuple[Path, ...]], poke: Callable[[str], None]):
        self.root, self.inputs, self.poke = root, inputs, poke

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES:
            return
        if event.is_directory and event.event_type == "modified":
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            shown = relevant_change(self.root, self.inputs(), Path(str(path))) if path else None
            if shown:
                self.poke(shown)
                return


class Watcher:
    """The watchdog observer over the project: its top folder (``site.yaml``, folders that
    appear) from the start, and each input folder of the configuration once it exists
    (``follow``, after each reading of ``site.yaml``, which may name other folders)."""

    def __init__(self, root: Path, poke: Callable[[str], None]):
        self.root = root
        self.config: Config | None = None  # the last configuration read; None while site.yaml is broken
        self.observer = Observer()
        self._handler = InputWatcher(root, self.inputs, poke)
        self._watched: set[Path] = set()
        self.observer.schedule(self._handler, str(root), recursive=False)

    def inputs(self) -> tuple[Path, ...]:
        return watched_inputs(self.root, self.config)

    def follow(self, config: Config) -> Config:
        """Watch the folders ``config`` names (created or renamed since); ``config`` itself."""
        self.config = config
        for folder in watched_inputs(self.root, config)[1:]:
            if folder.is_dir() and folder not in self._watched:
                self.observer.schedule(self._handler, str(folder), recursive=True)
                self._watched.add(folder)
        return config

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()

    def join(self, timeout: float) -> None:
        self.observer.join(timeout=timeout)
