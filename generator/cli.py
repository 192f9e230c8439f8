"""The commands a user types: ``python build.py [build]``. ``build.py`` only calls ``main``.

Exit codes: 0 built; 1 nothing was built (configuration or fatal error; the previous site is
untouched); 3 built, but some input files were skipped (each named in the summary).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import TemplateError

from .config import ConfigError, load_config
from .pipeline import BuildError, BuildResult, build
from .writer import WriteRefused

EXIT_OK, EXIT_FAILED, EXIT_SKIPPED = 0, 1, 3


def main(argv: list[str] | None = None, default_root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.root or default_root or Path.cwd()).resolve()
    return run_build(root, quiet=args.quiet)


def run_build(root: Path, quiet: bool = False) -> int:
    try:
        config = load_config(root)
        result = build(config)
    except ConfigError as exc:
        _err(f"site.yaml has {len(exc.problems)} problem(s); nothing was built:")
        for problem in exc.problems:
            _err(f"  {problem}")
        return EXIT_FAILED
    except (BuildError, WriteRefused) as exc:
        _err(f"build failed; the previous site was left as it was:\n  {exc}")
        return EXIT_FAILED
    except TemplateError as exc:
        where = f"templates/{exc.name}:{exc.lineno}" if getattr(exc, "lineno", None) else "templates"
        _err(f"build failed in a template; the previous site was left as it was:\n  {where}: {exc.message}"
             if hasattr(exc, "message") else f"build failed in a template: {exc}")
        return EXIT_FAILED
    if not quiet:
        print(summary(result, root))
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def summary(result: BuildResult, root: Path) -> str:
    where = result.output_dir.relative_to(root) if result.output_dir.is_relative_to(root) else result.output_dir
    lines = [f"Built {result.pages} pages from {result.articles} articles into {where}/ "
             f"in {result.seconds:.2f} s ({result.files} files, {result.unchanged} unchanged)."]
    if result.skipped:
        lines.append(f"Skipped {result.skipped} input file(s): see the warnings below.")
    if result.overridden:
        lines.append(f"Editor overrides applied to {len(result.overridden)} article(s):")
        lines += [f"  {line}" for line in result.overridden]
    if result.problems:
        lines.append(f"{len(result.problems)} warning(s):")
        lines += [f"  {p}" for p in result.problems]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the Arabic briefing site.")
    parser.add_argument("command", nargs="?", default="build", choices=("build",),
                        help="build (default): build the site into output/")
    parser.add_argument("--root", type=Path, help="the project folder (default: the folder of build.py)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return parser


def _err(text: str) -> None:
    print(text, file=sys.stderr)
