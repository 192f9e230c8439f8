"""The only code that writes the site: into a temporary folder, then one swap into place.

* A path that would leave the site, or a second write to the same path, is refused
  (``WriteRefused``): two pages never silently overwrite each other.
* Until ``commit()`` nothing in ``output/`` changes, so a failed or killed build leaves the last
  good site as it was. The temporary folder sits beside ``output/`` (same file system), and is
  removed on failure; one a killed build left behind is removed by the next build.
* ``commit()`` exchanges the two folders in one atomic step where the system can (Linux
  ``renameat2``), so there is no instant without an ``output/``; elsewhere two renames, and the
  next build puts the old site back if a build died between them.
* It replaces only a folder that is absent, empty, or marked as a previous build (``MARKER``,
  written into every build); anything else is refused before anything is touched
  (``OutputRefused``, see ``output_refusal``).
* ``output/`` may be a symbolic link (publishing into a web server's folder): the site lands
  in the link's target, swapped atomically beside it, and the link stays a link.
* Folders and files get the permissions the umask gives (0755/0644 under umask 022), as ``cp``
  would: a web server's account can read them.
* One writer at a time per output folder (a lock file beside it): a second build waits.
* A file whose bytes equal the current site's is hard-linked from it instead of written, so
  unchanged files keep their modification time (cheap re-uploads, honest ``If-Modified-Since``).
* A disk that is full, read-only or not ours fails with ``WriteFailed``, saying which and
  what to do; the previous site stays.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import posixpath
import secrets
import shutil
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from ..output_folder import (
    CONTENT_HINT,
    MARKER,
    MARKER_TEXT,
    output_refusal,
    real_folder,
)

LOCK_WAIT_SECONDS = 300  # a build writes for seconds; five minutes means the other one is stuck
STAGING, RETIRED = "building", "old"
class WriteRefused(Exception):
    pass


class OutputRefused(WriteRefused):
    """The output folder holds something a build must not replace; nothing was touched."""


class WriteFailed(Exception):
    """The system refused a write (disk full, read-only, permissions); the old site is intact."""


class OutputWriter:
    def __init__(self, output_dir: Path, lock_wait: float = LOCK_WAIT_SECONDS, memo: dict[str, str] | None = None):
        """``memo``: site path → digest of the inputs the current ``output/`` file was
        rendered from (``write_page``); the digests of this build are collected in ``digests``."""
        self.output_dir = output_dir  # as the user named it (a link stays a link)
        self.target = real_folder(output_dir)  # where the site lands: the link's target, if a link
        self.memo = memo or {}
        self.digests: dict[str, str] = {}
        self.written: set[str] = set()  # site paths staged so far
        self.unchanged = 0
        self.changed: list[str] = []  # site paths whose bytes are new (the preview reloads on them)
        refuse_output(output_dir)  # before the lock file: a refused build creates nothing
        target = self.target
        with _explained(output_dir):
            target.parent.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(lock_path(output_dir))
        try:
            with _explained(output_dir):
                self._lock.acquire(timeout=lock_wait)
        except Timeout:
            raise WriteFailed(f"another build has been writing {output_dir.name}/ for {lock_wait:.0f} s "
                              f"(lock file {lock_path(output_dir)}) — stop it, then build again") from None
        try:
            with _explained(output_dir):
                recover_interrupted(target)
                refuse_output(output_dir)  # again under the lock: what another build left is settled
                self.staging = _new_folder(target.parent, _sibling(target, STAGING).name + "-")
            self.write_text(MARKER, MARKER_TEXT)  # what lets the next build replace this one
        except BaseException:
            self._lock.release()
            raise

    def __enter__(self) -> "OutputWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self.staging.exists():
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._lock.release()

    def write_text(self, path: str, text: str) -> None:
        self.write_bytes(path, text.encode("utf-8"))

    def write_page(self, path: str, digest: str, render: Callable[[], str]) -> None:
        """Render the page only when its inputs changed since the file in ``output/`` was made."""
        self.digests[path] = digest
        previous = self.target / path
        if self.memo.get(path) == digest and previous.is_file():
            target = self.staging / self._checked(path)
            with _explained(self.output_dir):
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(previous, target)
                except OSError:
                    shutil.copy2(previous, target)
            self.unchanged += 1
            return
        self.write_text(path, render())

    def write_bytes(self, path: str, data: bytes) -> None:
        target = self.staging / self._checked(path)
        previous = self.target / path
        with _explained(self.output_dir):
            target.parent.mkdir(parents=True, exist_ok=True)
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
        """Put the staged site in place of ``output/`` (of its target, when it is a link)."""
        target = self.target
        with _explained(self.output_dir):
            if not target.exists():
                os.rename(self.staging, target)
            elif _exchange(self.staging, target):
                shutil.rmtree(self.staging, ignore_errors=True)  # now holds the previous site
            else:
                retired = _sibling(target, RETIRED)
                shutil.rmtree(retired, ignore_errors=True)
                os.rename(target, retired)
                os.rename(self.staging, target)
                shutil.rmtree(retired, ignore_errors=True)

    def _checked(self, path: str) -> str:
        norm = plain_site_path(path)
        if norm in self.written:
            raise WriteRefused(f"refusing to write {path!r} twice: two pages claim the same file")
        self.written.add(norm)
        return norm


def plain_site_path(path: str) -> str:
    """``path`` when it names a file inside the site plainly; else ``WriteRefused``."""
    norm = posixpath.normpath(path)
    if not path or "\\" in path or norm.startswith(("/", "../")) or norm in (".", "..") or norm != path:
        raise WriteRefused(f"refusing to write {path!r}: not a plain path inside the site")
    return norm


def refuse_output(output_dir: Path) -> None:
    reason = output_refusal(output_dir)
    if reason:
        raise OutputRefused(f"{reason}; nothing was touched — {CONTENT_HINT}")


def _new_folder(parent: Path, prefix: str) -> Path:
    """A new, uniquely named folder with the umask's permissions (``mkdtemp`` makes it 0700,
    which a web server's account cannot read once the folder is the site)."""
    while True:
        folder = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue


def _new_file(parent: Path, prefix: str) -> tuple[int, Path]:
    """A new, uniquely named file open for writing, with the umask's permissions."""
    while True:
        path = parent / f"{prefix}{secrets.token_hex(4)}"
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), path
        except FileExistsError:
            continue


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def replace_subfolder(output_dir: Path, folder: str, files: dict[str, bytes]) -> bool:
    """Swap a new ``output/<folder>/`` in, whole: how the preview puts a search index made
    after the reload in place. ``files`` by site path ("<folder>/…"). The files are written
    before taking the build lock, which is held only for the swap, so an edit's quick pages
    never wait for them. False when a build replaced ``output/`` meanwhile (it carries its
    own index)."""
    with _explained(output_dir):
        staging = _new_folder(output_dir, f".{folder}.{STAGING}-")
        try:
            for path, data in files.items():
                dest = staging / posixpath.relpath(path, folder)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_bytes(data)
            with FileLock(lock_path(output_dir)):
                if not staging.is_dir():
                    return False  # output/ was swapped for a newer build, our folder with the old one
                target = output_dir / folder
                if not target.exists():
                    os.rename(staging, target)
                elif not _exchange(staging, target):
                    shutil.rmtree(target)
                    os.rename(staging, target)
            return True
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # now the previous folder, or a stale one


def replace_files(output_dir: Path, files: dict[str, bytes]) -> list[str]:
    """Put single files in place in ``output/``, under the build lock, each in one rename (a
    reader sees the old file or the new one): how the preview shows an edited article before
    its full build. Each file gets a new inode, so no hard-linked copy changes with it.
    Returns the paths written: a file already holding those bytes is left alone."""
    written = []
    with _explained(output_dir), FileLock(lock_path(output_dir)):
        for path, data in files.items():
            target = output_dir / plain_site_path(path)
            if _same_bytes(target, data):
                continue
            written.append(path)
            fd, temp = _new_file(target.parent, f".{target.name}.")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                if target.exists():
                    os.chmod(temp, target.stat().st_mode & 0o777)
                os.replace(temp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
    return written


def recover_interrupted(output_dir: Path) -> None:
    """Undo what a build killed midway left: put a retired site back if ``output/`` is gone,
    and remove half-written staging folders. Called with the lock held, so none is in use."""
    retired = _sibling(output_dir, RETIRED)
    if retired.is_dir() and not output_dir.exists():
        os.rename(retired, output_dir)
    for leftover in output_dir.parent.glob(_sibling(output_dir, "*").name):
        if leftover.is_dir() and leftover.name.split(".")[-1].startswith((STAGING, RETIRED)):
            shutil.rmtree(leftover, ignore_errors=True)


def lock_path(output_dir: Path) -> Path:
    """One lock per folder the site lands in, however it is named (a link or its target)."""
    return _sibling(real_folder(output_dir), "lock")


def _sibling(output_dir: Path, role: str) -> Path:
    """``.output.lock``, ``.output.building-…``, ``.output.old`` beside ``output/``."""
    return output_dir.parent / f".{output_dir.name}.{role}"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``, glibc ≥ 2.28);
    False where the system cannot, so the caller falls back to two renames."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


WRITE_HINTS = {
    errno.ENOSPC: "free some disk space",
    errno.EDQUOT: "free some space (your disk quota is used up)",
    errno.EROFS: "the disk is read-only; set 'output:' in site.yaml to a writable folder",
    errno.EACCES: "check the folder's permissions, or set 'output:' in site.yaml to a folder you may write",
    errno.EPERM: "check the folder's permissions, or set 'output:' in site.yaml to a folder you may write",
}


@contextlib.contextmanager
def _explained(output_dir: Path):
    try:
        yield
    except OSError as exc:
        if exc.errno not in WRITE_HINTS:
            raise
        raise WriteFailed(f"cannot write {output_dir.name}/: {exc.strerror} ({exc.filename or output_dir}) — "
                          f"{WRITE_HINTS[exc.errno]}; the previous {output_dir.name}/ was left as it was") from exc
