"""The only code that writes the site: into a temporary folder, then one swap into place.

* A path that would leave the site, or a second write to the same path, is refused
  (``WriteRefused``): two pages never silently overwrite each other.
* Until ``commit()`` nothing in ``output/`` changes, so a failed or killed build leaves the last
  good site as it was. The temporary folder sits beside ``output/`` (same file system), and is
  removed on failure.
* A file whose bytes equal the current site's is hard-linked from it instead of written, so
  unchanged files keep their modification time (cheap re-uploads, honest ``If-Modified-Since``).
"""
from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from pathlib import Path


class WriteRefused(Exception):
    pass


class OutputWriter:
    def __init__(self, output_dir: Path):
        self.output_dir = output_dir
        output_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{output_dir.name}.building-", dir=output_dir.parent))
        self.written: set[str] = set()  # site paths staged so far
        self.unchanged = 0
        self.changed: list[str] = []  # site paths whose bytes are new (the preview reloads on them)

    def __enter__(self) -> "OutputWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging, ignore_errors=True)

    def write_text(self, path: str, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    def write_bytes(self, path: str, data: bytes) -> None:
        target = self.staging / self._checked(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        previous = self.output_dir / path
        if _same_bytes(previous, data):
            try:
                os.link(previous, target)
                self.unchanged += 1
                return
            except OSError:
                pass  # a file system without hard links: just write it
        else:
            self.changed.append(path)
        target.write_bytes(data)

    def commit(self) -> None:
        """Replace ``output/`` with the staged site in two renames."""
        retired = None
        if self.output_dir.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{self.output_dir.name}.old-", dir=self.output_dir.parent))
            os.rmdir(retired)
            os.rename(self.output_dir, retired)
        os.rename(self.staging, self.output_dir)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)

    def _checked(self, path: str) -> str:
        norm = posixpath.normpath(path)
        if (not path or "\\" in path or norm.startswith(("/", "../")) or norm in (".", "..")
                or norm != path):
            raise WriteRefused(f"refusing to write {path!r}: not a plain path inside the site")
        if norm in self.written:
            raise WriteRefused(f"refusing to write {path!r} twice: two pages claim the same file")
        self.written.add(norm)
        return norm


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
