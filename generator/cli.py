"""The commands a user types: ``python build.py [build]``. ``build.py`` only calls ``main``.

Exit codes: 0 built; 1 nothing was built (configuration or fatal error; the previous site is
untouched); 3 built, but some input files were skipped (each named in the summary).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jinja2 import TemplateError

from .check import check_site, review_notes
from .config import ConfigError, load_config
from .pipeline import BuildError, BuildResult, build
from .writer import WriteRefused

EXIT_OK, EXIT_FAILED, EXIT_SKIPPED = 0, 1, 3


def main(argv: list[str] | None = None, default_root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.root or default_root or Path.cwd()).resolve()
    if args.command == "check":
        return run_check(root)
    return run_build(root, quiet=args.quiet)


def run_check(root: Path) -> int:
    """Build, then list what needs an editor's eye and anything broken in the built site."""
    result = _build_or_report(root)
    if isinstance(result, int):
        return result
    print(summary(result, root))
    reviews = [(a, review_notes(a)) for a in result.built]
    reviews = [(a, notes) for a, notes in reviews if notes]
    if reviews:
        print(f"\n{len(reviews)} article(s) to review (correct them in content/articles/<name>.md):")
        for article, notes in reviews:
            print(f"  seeds/{article.source_file}: " + "; ".join(notes))
    broken = check_site(result.output_dir, load_config(root).language)
    if broken:
        print(f"\n{len(broken)} problem(s) in the built site:")
        print("\n".join(f"  {line}" for line in broken))
    else:
        print("\nThe built site checks out: every link, fragment and lang/dir attribute is right.")
    return EXIT_FAILED if broken or result.problems else EXIT_OK


def run_build(root: Path, quiet: bool = False) -> int:
    result = _build_or_report(root)
    if isinstance(result, int):
        return result
    if not quiet:
        print(summary(result, root))
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def _build_or_report(root: Path) -> BuildResult | int:
    """The build's result, or the exit code after printing why there is none."""
    try:
        config = load_config(root)
        return build(config)
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
    parser.add_argument("command", nargs="?", default="build", choices=("build", "check"),
                        help="build (default): build the site into output/; "
                             "check: build, list articles to review, verify the built site")
    parser.add_argument("--root", type=Path, help="the project folder (default: the folder of build.py)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return parser


def _err(text: str) -> None:
    print(text, file=sys.stderr)
