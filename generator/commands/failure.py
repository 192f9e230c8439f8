"""Why a build produced no site, as the user can act on it: which file, which line, what to do.

The terminal and the preview's error page both show these, so the words are written once.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError

from ..config.site import ConfigError
from ..errors import BuildError
from ..output_folder import GENERATOR_DIR
from ..read.input_files import LinkRefused
from ..terminal import printable
from ..write.writer import WriteFailed, WriteRefused


@dataclass(frozen=True, slots=True)
class Failure:
    file: str  # as the user knows it: "templates/base.html", "site.yaml"; "" when no one file
    line: int  # 0 when unknown
    message: str
    bug: bool = False  # an error in the generator itself, not in the user's files

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file and self.line else self.file

    def __str__(self) -> str:
        """As a terminal may show it: control characters of a file name escaped, and those of
        the message but its own line breaks (a build error lists one problem a line)."""
        message = printable(self.message, lines=True)
        return f"{printable(self.where)}: {message}" if self.where else message


def describe_failure(exc: BaseException, root: Path) -> tuple[Failure, ...]:
    """One ``Failure`` per problem ``exc`` stands for (site.yaml reports them all at once)."""
    if isinstance(exc, ConfigError):
        return tuple(Failure(p.path, p.line, p.message + (f" — {p.hint}" if p.hint else "")) for p in exc.problems)
    if isinstance(exc, (BuildError, WriteRefused, WriteFailed)):
        return (Failure("", 0, str(exc)),)
    if isinstance(exc, TemplateSyntaxError):
        return (Failure(_shown(exc.filename or exc.name or "templates", root), exc.lineno or 0,
                        exc.message or str(exc)),)
    if isinstance(exc, LinkRefused):
        return (Failure(exc.problem.path, 0, f"{exc.problem.message} — {exc.problem.hint}"),)
    if isinstance(exc, TemplateNotFound):
        return (Failure("templates", 0, f"template not found: {exc.name} — restore it, or fix the name "
                                        "in the template that includes or extends it"),)
    frame = _last_template_frame(exc)
    if frame is not None:  # an error while a template ran
        return (Failure(_shown(frame.filename, root), frame.lineno or 0, f"{type(exc).__name__}: {exc}"),)
    if isinstance(exc, OSError):
        target = f"{printable(_shown(exc.filename, root))}: " if exc.filename else ""  # a name is one line
        return (Failure("", 0, f"{target}{exc.strerror or exc}"),)
    frame = _last_frame_in(exc, GENERATOR_DIR)
    where = (_shown(frame.filename, GENERATOR_DIR.parent), frame.lineno or 0) if frame else ("", 0)
    return (Failure(*where, f"{type(exc).__name__}: {exc} — a bug in the generator; please report it "
                            "with the traceback above", bug=True),)


def _last_template_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """Jinja rewrites the traceback of a running template so that its frames name the template
    file and line: the only frames whose file is not Python."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.endswith(".py")
              and Path(f.filename).is_file()]
    return frames[-1] if frames else None


def _last_frame_in(exc: BaseException, folder: Path) -> traceback.FrameSummary | None:
    folder = folder.resolve()
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _inside(f.filename, folder)]
    return frames[-1] if frames else None


def _inside(filename: str, folder: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def _shown(filename: str | Path, root: Path) -> str:
    path = Path(filename)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(filename)
