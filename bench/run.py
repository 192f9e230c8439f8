"""The benchmark runner: build synthetic corpora of several sizes and report what a build costs.

    python bench/run.py [--sizes 1000 10000] [--runs 3] [--json out.json] [--compare old.json]
                        [--seed 0] [--keep DIR]

For each size it writes one corpus (``bench/corpus.py``), then, ``--runs`` times:

1. cold full build — output and persistent cache removed, a fresh ``python`` process;
2. warm rebuild, nothing changed — a fresh process, output and cache left by (1);
3. rebuild after editing one article in one long-lived process (as ``build.py serve``):
   build with a ``Warm``, append a sentence to one seed file, write that article's own pages as
   the preview does first (``generator/serve/quick.py``), then build again with the same ``Warm``;
4. rebuild after editing that article again, in a fresh process (what the disk leaves);

and the peak RSS of each process (``os.wait4``), the cold build's stages (``BuildResult.stages``)
and the size of the site. It prints medians (min–max) as a table on stdout, progress on stderr,
and with ``--json`` writes everything for ``--compare`` on another commit. Standard library only;
it is not part of the test suite.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

try:  # the persistent build cache, under the project built; removed before a cold build
    from generator.incremental.store import CACHE_DIR
except ImportError:  # a commit from before the cache
    CACHE_DIR = ".cache"
OUTPUT_DIR = "output"  # the corpora's site.yaml keeps the default
STAMP = ".bench-corpus.json"  # in a --keep corpus: what it was generated from
EDITS = ("وأضاف المصدر أن المحادثات ستستأنف الأسبوع المقبل في العاصمة.",
         "وأكد مسؤول آخر أن اللجان المشتركة ستعقد اجتماعها الأول خلال أيام.")
DEFAULT_SIZES = (1000, 10000)


# --- the child: one process, one or two builds, a JSON file of what happened ------------------

def child(argv: list[str]) -> int:
    """``build ROOT OUT`` or ``edit ROOT SEED_FILE OUT`` (see the module docstring)."""
    from generator.config.site import load_config
    from generator.pipeline import Warm, build

    mode, root, *rest, out = argv
    config = load_config(Path(root))
    if mode == "build":
        report = build_report(build(config))
    else:
        warm = Warm()
        first = build(config, warm)
        if hasattr(warm, "defer_search"):  # as the preview does: the reload does not wait for Pagefind
            warm.defer_search = True
        append_sentence(Path(rest[0]), EDITS[0])
        started = time.perf_counter()
        quick = show_edited_articles(warm, Path(rest[0]))
        quick_seconds = time.perf_counter() - started
        report = build_report(build(config, warm))
        report["first"] = build_report(first)
        if quick:
            report["quick"] = quick_seconds
    Path(out).write_text(json.dumps(report), encoding="utf-8")
    return 0


def show_edited_articles(warm, path: Path) -> bool:
    """What the preview does before its full build (``generator/serve/quick.py``); False on a
    commit from before it."""
    try:
        from generator.serve.quick import show_edited_articles as show
    except ImportError:
        return False
    return bool(show(warm.site, [path], warm.page_digests))


def build_report(result) -> dict:
    return {"seconds": result.seconds, "stages": list(result.stages), "extracted": result.extracted,
            "articles": result.articles, "pages": result.pages, "files": result.files,
            "unchanged": result.unchanged, "skipped": result.skipped, "output_dir": str(result.output_dir)}


def append_sentence(path: Path, sentence: str) -> None:
    with path.open("ab") as f:
        f.write(f"\n{sentence}\n".encode("utf-8"))


# --- measuring ----------------------------------------------------------------------------------

def run_child(*args: str) -> tuple[dict, float, int]:
    """Run ``child(args)`` in a fresh interpreter: (its report, wall seconds, peak RSS in KiB)."""
    with tempfile.TemporaryDirectory(prefix="bench-child-") as tmp:
        out, err_path = Path(tmp) / "report.json", Path(tmp) / "stderr"
        with err_path.open("w+b") as err:
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", *args, str(out)],
                                    cwd=PROJECT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
            _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not all children's
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            tail = err_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"build child {args[0]} failed (exit {proc.returncode}):\n{tail}")
        return json.loads(out.read_text(encoding="utf-8")), wall, usage.ru_maxrss  # KiB on Linux


def folder_stats(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path``."""
    sizes = [p.stat().st_size for p in path.rglob("*") if p.is_file()]
    return sum(sizes), len(sizes)


def editable_seed(seeds: Path) -> Path:
    """A seed file that a UTF-8 sentence can be appended to (not UTF-16 or Windows-1256),
    from the middle of the corpus, the same one every time."""
    files = sorted(seeds.glob("*.txt"))
    for path in files[len(files) // 2:] + files[:len(files) // 2]:
        data = path.read_bytes()
        if b"\x00" not in data:
            try:
                data.decode("utf-8")
                return path
            except UnicodeDecodeError:
                pass
    raise RuntimeError(f"no UTF-8 seed file in {seeds}")


def one_run(root: Path, edited: Path, say) -> dict[str, float]:
    """One pass of the four builds; the seed file is restored afterwards whatever happens."""
    original = edited.read_bytes()
    try:
        for stale in (root / OUTPUT_DIR, root / CACHE_DIR):
            shutil.rmtree(stale, ignore_errors=True)
        cold, cold_wall, cold_rss = run_child("build", str(root))
        say(f"cold build {cold_wall:.1f} s")
        size, files = folder_stats(Path(cold["output_dir"]))
        warm, warm_wall, warm_rss = run_child("build", str(root))
        say(f"warm rebuild {warm_wall:.1f} s")
        edit, _edit_wall, edit_rss = run_child("edit", str(root), str(edited))
        say(f"edit, same process {edit['seconds']:.2f} s")
        append_sentence(edited, EDITS[1])
        fresh, fresh_wall, _fresh_rss = run_child("build", str(root))
        say(f"edit, fresh process {fresh_wall:.1f} s")
    finally:
        edited.write_bytes(original)
    metrics = {"cold build (s)": cold_wall}
    metrics |= {f"cold: {stage} (s)": seconds for stage, seconds in cold["stages"]}
    metrics |= {
        "warm rebuild, nothing changed (s)": warm_wall,
        "warm: articles extracted": warm["extracted"],
        **({"edit 1 article: its page shown (s)": edit["quick"]} if "quick" in edit else {}),
        "edit 1 article, same process (s)": edit["seconds"],
        "same process: articles extracted": edit["extracted"],
        **{f"same process: {stage} (s)": seconds for stage, seconds in edit["stages"]},
        "edit 1 article, fresh process (s)": fresh_wall,
        "fresh process: articles extracted": fresh["extracted"],
        "peak RSS, cold build (MiB)": cold_rss / 1024,
        "peak RSS, warm rebuild (MiB)": warm_rss / 1024,
        "peak RSS, build + edit (MiB)": edit_rss / 1024,
        "articles built": cold["articles"],
        "HTML pages": cold["pages"],
        "output files": files,
        "output size (MB)": size / 1e6,
    }
    return metrics


def summarise(runs: list[dict[str, float]]) -> dict[str, dict]:
    """metric → {median, min, max, runs}, in the order the first run met them."""
    names = list(dict.fromkeys(name for run in runs for name in run))
    out = {}
    for name in names:
        values = [run[name] for run in runs if name in run]
        out[name] = {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": values}
    return out


# --- corpora ------------------------------------------------------------------------------------

def generator_digest() -> str:
    """The corpus generator's source: a kept corpus made by other code is made again."""
    digest = hashlib.sha256()
    for path in sorted((PROJECT / "bench").glob("corpus*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus(n: int, seed: int, folder: Path, say) -> Path:
    """``folder/<n>``, written unless its stamp says it holds this very corpus."""
    from bench.corpus import write_corpus

    root = folder / str(n)
    stamp = {"n": n, "seed": seed, "generator": generator_digest()}
    try:
        if json.loads((root / STAMP).read_text(encoding="utf-8")) == stamp:
            say(f"reusing the corpus in {root}")
            return root
    except (OSError, ValueError):
        pass
    say(f"writing {n:,} articles to {root}")
    (root / STAMP).unlink(missing_ok=True)
    write_corpus(n, root, seed)
    (root / STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    return root


# --- reporting ----------------------------------------------------------------------------------

def fmt(value: float, name: str) -> str:
    if "(s)" not in name and "(M" not in name:
        return f"{round(value):,}"
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def cell(summary: dict, name: str) -> str:
    if summary["min"] == summary["max"]:
        return fmt(summary["median"], name)
    return f"{fmt(summary['median'], name)} ({fmt(summary['min'], name)}–{fmt(summary['max'], name)})"


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(row: list[str]) -> str:  # names left, numbers right
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(row) for row in rows]).rstrip()


def shown(name: str) -> str:
    """A stage or a count under the build it belongs to ("cold: render (s)") is indented."""
    return f"  {name}" if ": " in name else name


def metric_names(sizes: dict) -> list[str]:
    return list(dict.fromkeys(name for metrics in sizes.values() for name in metrics))


def results_table(report: dict) -> str:
    sizes = report["sizes"]
    header = ["median (min–max)"] + [f"{int(n):,} articles" for n in sizes]
    rows = [[shown(name)] + [cell(sizes[n][name], name) if name in sizes[n] else "—" for n in sizes]
            for name in metric_names(sizes)]
    return table(header, rows)


def compare_table(report: dict, old: dict) -> str:
    """Each median's change from ``old`` in %, for the sizes both measured."""
    common = [n for n in report["sizes"] if n in old["sizes"]]
    header = [f"change vs {old.get('commit', '?')[:10]}"] + [f"{int(n):,} articles" for n in common]
    rows = []
    for name in metric_names({n: report["sizes"][n] for n in common}):
        row = [shown(name)]
        for n in common:
            new, was = report["sizes"][n].get(name), old["sizes"][n].get(name)
            if new is None or was is None:
                row.append("—")
            elif new["median"] == was["median"]:
                row.append("=")
            elif was["median"] == 0:
                row.append("0 → " + fmt(new["median"], name))
            else:
                row.append(f"{(new['median'] - was['median']) / was['median'] * 100:+.1f} %")
        rows.append(row)
    return table(header, rows)


def machine() -> dict:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "system": platform.platform()}


def git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=PROJECT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def progress(prefix: str):
    """A ``say(text)`` that prints a progress line to stderr, so stdout is only the table."""
    return lambda text: print(f"{prefix} {text}", file=sys.stderr, flush=True)


# --- main ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), metavar="N")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, metavar="OUT.json", help="write the results here")
    parser.add_argument("--compare", type=Path, metavar="OLD.json", help="print the changes from an earlier --json")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the corpora in DIR/<n> and reuse them")
    args = parser.parse_args(argv)
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None

    report = {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
              "machine": machine(), "python": platform.python_version(), "runs": args.runs, "seed": args.seed,
              "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        folder = args.keep.resolve() if args.keep else Path(tmp)
        for n in args.sizes:
            root = corpus(n, args.seed, folder, progress(f"[{n:,}]"))
            edited = editable_seed(root / "seeds")
            runs = [one_run(root, edited, progress(f"[{n:,}] run {k + 1}/{args.runs}:")) for k in range(args.runs)]
            report["sizes"][str(n)] = summarise(runs)
    print(results_table(report))
    if old:
        print()
        print(compare_table(report, old))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
