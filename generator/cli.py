"""The commands a user types: ``python build.py [build|check|serve|export]``. ``build.py`` only
calls ``main``.

Exit codes: 0 built; 1 nothing was built (configuration or fatal error; the previous site is
untouched); 3 built, but some input files were skipped (each named in the summary).
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from .commands.check import check_site, review_notes
from .commands.export import ExportRefused, export_path, export_site
from .commands.failure import describe_failure
from .config.site import Config, load_config
from .pipeline import BuildResult, build, no_progress
from .terminal import for_terminal, paint, printable, progress_bar

EXIT_OK, EXIT_FAILED, EXIT_SKIPPED = 0, 1, 3
DEFAULT_PORT = 8000


def main(argv: list[str] | None = None, default_root: Path | None = None) -> int:
    args = _parser().parse_args(argv)
    root = (args.root or default_root or Path.cwd()).resolve()
    if args.command == "check":
        return run_check(root, args.base_url)
    if args.command == "serve":
        from .serve.server import (
            serve,  # watchdog and the server load only for this command
        )

        try:
            return serve(root, args.port, args.bind, args.base_url, say=_say)
        except OSError as exc:
            _err(paint(f"cannot serve on {args.bind}:{args.port}: {exc.strerror or exc}", "error", sys.stderr))
            return EXIT_FAILED
    if args.command == "export":
        return run_export(root, args.to, args.base_url, quiet=args.quiet)
    return run_build(root, args.base_url, quiet=args.quiet)


def run_check(root: Path, base_url: str | None = None) -> int:
    """Build, then list what needs an editor's eye and anything broken in the built site."""
    result = _build_or_report(root, base_url, force=True)  # the review needs every article read
    if isinstance(result, int):
        return result
    _out(summary(result, root))
    redated = result.corpus.redated if result.corpus else {}
    reviews = [(a, review_notes(a) + [r.note() for r in redated.get(a.slug, ())]) for a in result.built]
    reviews = [(a, notes) for a, notes in reviews if notes]
    if reviews:
        _out(f"\n{len(reviews)} article(s) to review (correct them in content/articles/<name>.md):")
        for article, notes in reviews:
            _out("  " + printable(f"seeds/{article.source_file}: " + "; ".join(notes)))
    broken = check_site(result.output_dir, load_config(root).language)
    if broken:
        _out(f"\n{len(broken)} problem(s) in the built site:")
        _out("\n".join(f"  {printable(line)}" for line in broken))
    else:
        _out("\nThe built site checks out: every link, fragment and lang/dir attribute is right.")
    return EXIT_FAILED if broken or result.problems else EXIT_OK


def run_build(root: Path, base_url: str | None = None, quiet: bool = False) -> int:
    result = _build_or_report(root, base_url, quiet)
    if isinstance(result, int):
        return result
    if not quiet:
        _out(summary(result, root))
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def run_export(root: Path, to: Path | None, base_url: str | None = None, quiet: bool = False) -> int:
    """Build, then zip the site for reading offline."""
    result = _build_or_report(root, base_url, quiet)
    if isinstance(result, int):
        return result
    config = load_config(root)
    try:
        export = export_site(result.output_dir, export_path(root, to),
                             protected=(config.seeds_dir, config.content_dir, config.templates_dir))
    except (ExportRefused, OSError) as exc:
        _err(paint(f"export failed; nothing was written:\n  {exc}", "error", sys.stderr))
        return EXIT_FAILED
    if not quiet:
        _out(summary(result, root))
        shown = export.path.relative_to(Path.cwd()) if export.path.is_relative_to(Path.cwd()) else export.path
        _out(paint(f"Exported {export.files} files ({export.size / 1_000_000:.1f} MB) to {printable(str(shown))}",
                   "bold"))
        _out(f"To read it offline: unzip it and open {printable(export.folder)}/index.html in a browser "
             "(search works without a server).")
    return EXIT_SKIPPED if result.skipped else EXIT_OK


def _build_or_report(root: Path, base_url: str | None = None, quiet: bool = False,
                     force: bool = False) -> BuildResult | int:
    """The build's result, or the exit code after printing why there is none."""
    try:
        return build(_config(root, base_url), progress=progress_bar if not quiet else no_progress, force=force)
    except Exception as exc:  # every failure is reported; only a bug also gets its traceback
        failures = describe_failure(exc, root)
        if any(f.bug for f in failures):
            traceback.print_exc()
        _err(paint(f"build failed; nothing was built and the previous site was left as it was "
                   f"({len(failures)} problem(s)):", "error", sys.stderr))
        for failure in failures:
            _err(f"  {failure}")
        return EXIT_FAILED


def _config(root: Path, base_url: str | None) -> Config:
    """site.yaml, with ``--base-url`` (checked as site.yaml's base_url is) in place of its base_url."""
    return load_config(root, base_url=base_url)


def summary(result: BuildResult, root: Path) -> str:
    """The build's report. Names and messages from the user's files come escaped (``printable``)."""
    where = result.output_dir.relative_to(root) if result.output_dir.is_relative_to(root) else result.output_dir
    where = printable(str(where))
    if result.up_to_date:
        lines = [paint(f"Up to date: {where}/ holds the {result.pages} pages built from these "
                       f"{result.articles} articles; checked in {result.seconds:.2f} s", "ok") +
                 " (nothing changed since the last build)."]
    else:
        lines = [paint(f"Built {result.pages} pages from {result.articles} articles into {where}/ "
                       f"in {result.seconds:.2f} s", "ok") +
                 f" ({result.files} files, {result.unchanged} unchanged)."]
    if result.skipped:
        lines.append(paint(f"Skipped {result.skipped} input file(s): see the warnings below.", "warn"))
    if result.overridden:
        lines.append(f"Editor overrides applied to {len(result.overridden)} article(s):")
        lines += [f"  {printable(line)}" for line in result.overridden]
    if result.problems:
        lines.append(paint(f"{len(result.problems)} warning(s):", "warn"))
        lines += [f"  {p}" for p in result.problems]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Build the Arabic briefing site.")
    parser.add_argument("command", nargs="?", default="build", choices=("build", "check", "serve", "export"),
                        help="build (default): build the site into output/; "
                             "check: build, list articles to review, verify the built site; "
                             "serve: preview on http://127.0.0.1:8000/, rebuilding and reloading on save; "
                             "export: build, then zip the site for reading offline (dist/)")
    parser.add_argument("--root", type=Path, help="the project folder (default: the folder of build.py)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument("--base-url", metavar="URL", default=None,
                        help="the site's public address, overriding site.yaml's base_url "
                             "(canonical links, feed, sitemap); empty keeps site.yaml's")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT,
                        help=f"serve: the port (default {DEFAULT_PORT}; the next free one if busy; 0: any)")
    parser.add_argument("--bind", metavar="ADDRESS", default="127.0.0.1",
                        help="serve: the address to listen on (default 127.0.0.1, this machine only; "
                             "0.0.0.0 shows the preview to your network)")
    parser.add_argument("--to", type=Path, metavar="PATH",
                        help="export: the zip file or folder to write (default dist/<project>-offline.zip)")
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port between 0 and 65535, got {value}")
    return value


# Everything the commands print goes through these three: the terminal sees our own colour
# codes and nothing else that could command it (``terminal.for_terminal``).

def _out(text: str) -> None:
    print(for_terminal(text, sys.stdout))


def _say(text: str) -> None:
    """The preview server's reports (``serve(say=…)``)."""
    print(for_terminal(text, sys.stdout), flush=True)


def _err(text: str) -> None:
    print(for_terminal(text, sys.stderr), file=sys.stderr)
