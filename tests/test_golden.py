"""What the site says, byte for byte: the built seeds and the quake corpus against committed
expected output (``tests/golden/``), as Pelican's ``tests/output/`` does.

Every page's HTML and the two data files are compared, so any change to what the generator
produces shows in review as a diff of ``tests/golden/``. A deliberate change is recorded with

    python -m pytest tests/test_golden.py --update-golden

and its reason goes in the commit message. The search bundle, assets and raw files are left
out: they are copies (assets, raw) or Pagefind's own encoding of the documents the pages hold.
"""
from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
DATA_FILES = ("data/articles.json", "data/briefing.json")


def compared_files(site: Path) -> dict[str, bytes]:
    """Site path → bytes of what the golden test holds the site to."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) + list(DATA_FILES)
    return {path: (site / path).read_bytes() for path in paths}


def first_difference(path: str, expected: bytes, built: bytes, context: int = 3) -> str:
    """A unified diff of the first lines that differ (JSON indented first: it is one line)."""
    def lines(data: bytes) -> list[str]:
        text = data.decode("utf-8")
        return json.dumps(json.loads(text), ensure_ascii=False, indent=1).splitlines() if path.endswith(".json") \
            else text.splitlines()
    diff = difflib.unified_diff(lines(expected), lines(built), f"expected/{path}", f"built/{path}", n=context,
                                lineterm="")
    return "\n".join(list(diff)[:40])


@pytest.mark.parametrize("corpus", ["seeds", "quake"])
def test_the_built_site_says_exactly_what_the_committed_expected_output_says(request, corpus):
    site = request.getfixturevalue("output" if corpus == "seeds" else "quake_output")
    built = compared_files(site)
    expected_dir = GOLDEN / corpus
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        for path, data in built.items():
            (expected_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / path).write_bytes(data)
    expected = {p.relative_to(expected_dir).as_posix(): p.read_bytes()
                for p in sorted(expected_dir.rglob("*")) if p.is_file()}
    assert expected, f"no expected output in {expected_dir}: run the command in this file's docstring"
    assert sorted(built) == sorted(expected), (
        f"pages added: {sorted(set(built) - set(expected))}; pages gone: {sorted(set(expected) - set(built))}")
    changed = [path for path in built if built[path] != expected[path]]
    assert not changed, (f"{len(changed)} file(s) differ from tests/golden/{corpus}/ "
                         f"({', '.join(changed[:8])}{' …' if len(changed) > 8 else ''}):\n"
                         + first_difference(changed[0], expected[changed[0]], built[changed[0]]))
