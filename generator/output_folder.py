"""Which folder a build may replace with the site: decided here, for the configuration (which
reports it with its line) and for the writer (which checks again before it touches anything).

A build replaces ``output/`` whole, so the folder must hold nothing a user would miss. The
rule is a positive one, not a list of bad names: it may be replaced only when it is absent,
empty, or marked as a previous build (``MARKER``, written into every build), and it is never
a path that is, holds or lies inside an input, the project's configuration, the generator, the
cache or a version-control folder, whatever it holds.
"""
from __future__ import annotations

from pathlib import Path

MARKER = ".briefing-site"
MARKER_TEXT = ("This folder was built by build.py (the Arabic briefing-site generator).\n"
               "Every build replaces it whole: keep nothing else in it.\n")
# What every build of the versions before MARKER wrote: such a folder is a previous build too.
LEGACY_BUILD = (".nojekyll", "data/articles.json", "data/briefing.json")
VCS_DIRS = (".git", ".hg", ".svn", ".bzr", "_darcs", "CVS")
CACHE_DIR = ".cache"  # the build cache, beside the inputs
GENERATOR_DIR = Path(__file__).resolve().parent
PLACE_HINT = "set 'output:' in site.yaml to a folder of its own, such as 'output'"
CONTENT_HINT = "move those files elsewhere, or set 'output:' in site.yaml to a new folder"


def protected_paths(root: Path, inputs: dict[str, Path], config_file: Path) -> dict[str, Path]:
    """What the output folder may never be, hold, or lie inside: description → resolved path."""
    root = root.resolve()
    named = {f"the {key} folder": folder.resolve() for key, folder in inputs.items()}
    named |= {"the configuration file": config_file.resolve(), "build.py": root / "build.py",
              "the generator's code": GENERATOR_DIR, "the build cache (.cache)": root / CACHE_DIR}
    named |= {f"a version-control folder ({name})": root / name for name in VCS_DIRS if (root / name).exists()}
    return named


def placement_refusal(output_dir: Path, root: Path, protected: dict[str, Path]) -> str | None:
    """Why ``output_dir`` sits where no build may write, or None. A link is judged by its target."""
    out = output_dir.resolve()
    root = root.resolve()
    if out == root or out in root.parents:
        return f"'output' points at the project folder ({root}) or above it; building would replace it"
    for what, path in protected.items():
        if out == path:
            return f"'output' points at {what} ({path}); building would replace it"
        if out in path.parents:
            return f"'output' ({out}) holds {what} ({path}); building would replace it"
        if path in out.parents:
            return f"'output' is inside {what} ({path}); the built site would land among your files"
    vcs = next((part for part in out.parts if part in VCS_DIRS), None)
    if vcs:
        return f"'output' is inside a version-control folder ({vcs}) at {out}; building would replace it"
    return None


def output_refusal(output_dir: Path) -> str | None:
    """Why a build may not replace ``output_dir`` as it now is, or None when it may: absent,
    empty, or a previous build holding no version-control folder."""
    shown = f"{output_dir.name}/"
    target = real_folder(output_dir)
    where = f" ({target})" if target != output_dir.absolute() else ""
    if output_dir.is_symlink() and not target.exists():
        return None if target.parent.is_dir() else (
            f"{shown} is a link to {target}, whose folder {target.parent} does not exist")
    if not target.exists():
        return None
    if not target.is_dir():
        return (f"'output' names {output_dir.name}{where}, a file, not a folder: "
                "a build replaces its output folder whole")
    entries = sorted(entry.name for entry in target.iterdir())
    vcs = [name for name in entries if name in VCS_DIRS]
    if vcs:
        return f"{shown}{where} holds a version-control folder ({vcs[0]}): a build would delete it"
    if entries and not is_previous_build(target):
        shown_entries = ", ".join(entries[:3]) + (", …" if len(entries) > 3 else "")
        return (f"{shown}{where} holds {len(entries)} file(s) that no build of this generator made "
                f"({shown_entries}): a build replaces its output folder whole")
    return None


def is_previous_build(folder: Path) -> bool:
    return (folder / MARKER).is_file() or all((folder / path).is_file() for path in LEGACY_BUILD)


def real_folder(output_dir: Path) -> Path:
    """Where the site is written: the target of a link (followed to its end), else the path."""
    return output_dir.resolve() if output_dir.is_symlink() else output_dir.absolute()
