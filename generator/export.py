"""``python build.py export``: the built site as one zip to read offline.

Every link of the site is relative and the search has a ``file://`` mode, so the zip is the
output folder as it is, under one top folder (unzipping never scatters files). The zip is
written beside its final name and renamed into place: an interrupted export never leaves a
truncated file where a good one was.
"""
from __future__ import annotations

import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


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
    temp_name = dest.parent / f".{dest.name}.{os.getpid()}.part"  # created with the user's umask
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


def _zip_time(path: Path) -> tuple[int, int, int, int, int, int]:
    stamp = time.localtime(path.stat().st_mtime)[:6]
    return max(stamp, ZIP_EPOCH)
