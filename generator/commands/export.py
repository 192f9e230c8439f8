"""``python build.py export``: the built site as one zip to read offline.

Every link of the site is relative and the search has a ``file://`` mode, so the zip is the
output folder as it is, under one top folder (unzipping never scatters files). The zip is
written beside its final name and renamed into place: an interrupted export never leaves a
truncated file where a good one was, and the next export removes the temporary file a killed
one left (``.NAME.zip.PID.part``, when process PID is gone or the file is a day old).
"""
from __future__ import annotations

import os
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
# A temporary zip older than this is stale even if its PID is running again (a PID is reused
# after a reboot or a wrap-around); no export takes a day.
STALE_AFTER = 24 * 3600  # seconds


class ExportRefused(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Export:
    path: Path
    files: int
    size: int  # bytes of the zip
    folder: str  # the top folder inside the zip


def default_export_path(root: Path) -> Path:
    return root / "dist" / f"{root.name}-offline.zip"


def export_path(root: Path, requested: Path | None) -> Path:
    """Where the zip goes: ``--to`` as a file, or into ``--to`` when that is a folder."""
    if requested is None:
        return default_export_path(root)
    path = requested if requested.is_absolute() else Path.cwd() / requested
    return path / default_export_path(root).name if path.is_dir() else path


def export_site(site: Path, dest: Path, protected: tuple[Path, ...] = ()) -> Export:
    """Zip ``site`` into ``dest``. ``protected``: folders the zip must not be written into
    (the site itself, the user's inputs)."""
    dest = dest.resolve()
    if dest.suffix.lower() != ".zip":
        raise ExportRefused(f"{dest}: the export is a .zip file; give a name ending in .zip or a folder")
    for folder in (site, *protected):
        if dest.is_relative_to(folder.resolve()):
            raise ExportRefused(f"{dest}: inside {folder.name}/, which the export must not write into; "
                                "choose a place outside it (the default is dist/)")
    if dest.exists() and not zipfile.is_zipfile(dest):
        raise ExportRefused(f"{dest} exists and is not a zip; it was left alone — choose another name")
    files = sorted(p for p in site.rglob("*") if p.is_file())
    folder = dest.stem
    dest.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_parts(dest)
    temp_name = temp_path(dest, os.getpid())  # created with the user's umask
    try:
        with zipfile.ZipFile(temp_name, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in files:
                entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", _zip_time(path))
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                zf.writestr(entry, path.read_bytes())
        os.replace(temp_name, dest)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return Export(dest, len(files), dest.stat().st_size, folder)


def temp_path(dest: Path, pid: int) -> Path:
    """Where process ``pid`` writes the zip before renaming it to ``dest``."""
    return dest.parent / f".{dest.name}.{pid}.part"


def remove_stale_parts(dest: Path) -> list[Path]:
    """Delete what killed exports to ``dest`` left: only files named exactly as ``temp_path``
    names them, whose process is gone or that are older than ``STALE_AFTER``. An export to
    the same place still running keeps its file; any other file is never touched."""
    pattern = re.compile(re.escape(f".{dest.name}.") + r"([0-9]{1,10})\.part")
    removed = []
    try:
        entries = list(os.scandir(dest.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or int(match[1]) == os.getpid():
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if (_process_running(int(match[1]))
                    and time.time() - entry.stat(follow_symlinks=False).st_mtime < STALE_AFTER):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or not ours to delete: the export goes on
            continue
    return removed


def _process_running(pid: int) -> bool:
    if pid <= 0 or os.name != "posix":
        return pid > 0  # elsewhere: kept until it is STALE_AFTER old (os.kill would end the process)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except (OSError, OverflowError):
        return False
    return True


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    stamp = time.localtime(path.stat().st_mtime)[:6]
    return max(stamp, ZIP_EPOCH)
