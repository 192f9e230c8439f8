"""Bad input, faults and hostile content: the catalogue (issue 9), one row per case.

Each table row is a case a newsroom will meet; the test under the table builds a real project
with it and asserts what the user sees (the message, the exit status) and that nothing was
lost: the other articles are built, ``seeds/`` is byte-for-byte as it was, a previous site is
kept when the build cannot finish. Fuzzing of decoding, cleaning and extraction over arbitrary
bytes and text is in ``test_fuzz.py``.

Exit status: 0 built, 1 nothing built (previous site kept), 3 built with input files skipped.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from filelock import FileLock

from conftest import PROJECT, fail_extraction_of, html_pages, parse_html
from generator.cli import main
from generator.read.articles import slug_for

BUILD = [sys.executable, str(PROJECT / "build.py")]
GOOD_SEED = sorted((PROJECT / "seeds").iterdir())[0].name  # one real article, always built
TITLE = "وزير الخارجية يزور بغداد لبحث الانسحاب"
ARTICLE = (f"{TITLE}\n\nبغداد (وكالات) - قال وزير الخارجية اليوم إن المحادثات مع الحكومة العراقية تناولت "
           "جدول انسحاب القوات الأجنبية والتعاون الاقتصادي بين البلدين.\n\n"
           "وأضاف أن الجانبين اتفقا على مواصلة الحوار الاستراتيجي في الأشهر المقبلة.\n")
OTHER = ARTICLE.replace("وزير الخارجية يزور", "وزيرة التجارة تزور").replace("قال وزير", "قالت وزيرة")
CUT = len(f"{TITLE}\n\n".encode())  # where a bad byte goes: the start of line 3
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


# --- helpers ---------------------------------------------------------------------------------

def tree_digest(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def small_project(root: Path) -> Path:
    """templates, content and site.yaml of the real project, and one real seed."""
    for part in ("content", "templates"):
        shutil.copytree(PROJECT / part, root / part)
    shutil.copy2(PROJECT / "site.yaml", root / "site.yaml")
    (root / "seeds").mkdir()
    shutil.copy2(PROJECT / "seeds" / GOOD_SEED, root / "seeds" / GOOD_SEED)
    return root


def build_in_process(root: Path, capsys) -> tuple[int, str]:
    code = main(["--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def build_process(root: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(BUILD + ["--root", str(root), *args], capture_output=True, text=True, timeout=300, **kwargs)


def without_root_powers() -> list[str]:
    """A command prefix under which file permissions apply even to root (CI may run as root)."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}"]


def built_titles(root: Path) -> list[str]:
    data = json.loads((root / "output" / "data" / "articles.json").read_text(encoding="utf-8"))
    return [a["title"] for a in data["articles"]]


# --- inputs: one bad file costs a warning, never the site ----------------------------------

@dataclass(frozen=True)
class InputCase:
    files: dict[str, bytes | Callable[[Path], None]]  # written into seeds/ (a callable makes the entry)
    says: str  # regex the build's output must match ("" when the build is silent about it)
    exit: int
    titles: tuple[str, ...] = ()  # article titles that must be built from these files


def symlink_outside(name: str) -> Callable[[Path], None]:
    def make(seeds: Path) -> None:
        secret = seeds.parent.parent / "private-notes.txt"  # beside the project, not in it
        secret.write_text("سر لا يجوز نشره " * 20, encoding="utf-8")
        (seeds / name).symlink_to(secret)
    return make


INPUTS = {
    # case                                 files in seeds/                                       the build says                                                         exit  built
    "empty file":                 InputCase({"empty.txt": b""},                                    r"seeds/empty\.txt: is empty — paste",                                   3),
    "whitespace only":            InputCase({"blank.txt": b"  \n\t\r\n \xc2\xa0\n"},               r"seeds/blank\.txt: (is empty|holds no visible text)",                   3),
    "binary with NUL bytes":      InputCase({"blob.txt": bytes(range(256)) * 64},                  r"seeds/blob\.txt: is binary data \(it contains NUL bytes\), not text",  3),
    "image renamed .txt":         InputCase({"photo.txt": PNG + bytes(300)},                       r"seeds/photo\.txt: is a PNG image, not text — save the article as plain text", 3),
    "NUL byte deep in text":      InputCase({"nul.txt": (ARTICLE + "x" * 5000 + "\x00").encode()}, r"",                                                                     0, (TITLE,)),
    "invalid UTF-8":              InputCase({"bad.txt": ARTICLE.encode()[:CUT] + b"\xff" + ARTICLE.encode()[CUT:]},
                                            rf"seeds/bad\.txt:3: is not valid UTF-8 \(first bad byte at offset {CUT}\)",                                                   0, (TITLE,)),
    "Windows-1256":               InputCase({"cp.txt": ARTICLE.encode("cp1256")},                  r"",                                                                     0, (TITLE,)),
    "UTF-16 with BOM":            InputCase({"u16.txt": ARTICLE.encode("utf-16")},                 r"",                                                                     0, (TITLE,)),
    "UTF-16 LE without BOM":      InputCase({"le.txt": ARTICLE.encode("utf-16-le")},               r"",                                                                     0, (TITLE,)),
    "UTF-16 BE without BOM":      InputCase({"be.txt": ARTICLE.encode("utf-16-be")},               r"",                                                                     0, (TITLE,)),
    "a 20 MB article":            InputCase({"huge.txt": ARTICLE.encode() * 60_000},               r"seeds/huge\.txt: is 2\d\.\d MB, over the 2 MB an article may be — split it", 3),
    "one 1 MB line":              InputCase({"line.txt": (TITLE + "\n\n" + "قال الوزير إن المحادثات مثمرة، " * 20_000).encode()},
                                            r"",                                                                                                                    0, (TITLE,)),
    "10,000 short lines":         InputCase({"lines.txt": (TITLE + "\n\n" + "\n".join(f"سطر رقم {i} من البيان" for i in range(10_000))).encode()},
                                            r"",                                                                                                                    0, (TITLE,)),
    "the same article twice":     InputCase({"a.txt": ARTICLE.encode(), "b.txt": ARTICLE.replace(" ", "  ").encode()},
                                            r"seeds/b\.txt: same text as seeds/a\.txt; built once — delete one of the two copies",                                3, (TITLE,)),
    "two names, one slug":        InputCase({"a b.txt": ARTICLE.encode(), "a-b.txt": OTHER.encode()},
                                            r"",                                                                                                                    0, (TITLE, OTHER.split("\n")[0])),
    "name with spaces":           InputCase({"my article (final).txt": ARTICLE.encode()},          r"",                                                                     0, (TITLE,)),
    "Arabic file name":           InputCase({"خبر عاجل.txt": ARTICLE.encode()},                    r"",                                                                     0, (TITLE,)),
    "leading dash":               InputCase({"-rf.txt": ARTICLE.encode()},                         r"",                                                                     0, (TITLE,)),
    "dots in the name":           InputCase({"2021..07..26.txt": ARTICLE.encode()},                r"",                                                                     0, (TITLE,)),
    "symlink out of seeds/":      InputCase({"link.txt": symlink_outside("link.txt")},             r"seeds/link\.txt: is a link to .*private-notes\.txt, outside the project's own files; not followed — copy the file", 0),
    "a folder named .txt":        InputCase({"folder.txt": lambda seeds: (seeds / "folder.txt").mkdir()},
                                            r"seeds/folder\.txt: is a folder; seeds/ is read one level deep",                                                      0),
}


@pytest.mark.parametrize("case", list(INPUTS.values()), ids=list(INPUTS))
def test_a_bad_input_file_is_named_and_the_rest_of_the_site_builds(tmp_path, capsys, case):
    root = small_project(tmp_path / "project")
    for name, content in case.files.items():
        content(root / "seeds") if callable(content) else (root / "seeds" / name).write_bytes(content)
    seeds_before = tree_digest(root / "seeds")

    code, said = build_in_process(root, capsys)

    assert code == case.exit, said
    assert re.search(case.says, said), said
    assert tree_digest(root / "seeds") == seeds_before  # nothing of the user's changed
    titles = built_titles(root)
    assert len(titles) == 1 + len(case.titles)  # the good seed, and every file that could be read
    for title in case.titles:
        assert title in titles
    pages = html_pages(root / "output")
    odd = [p.name for p in pages if not re.fullmatch(r"\w[\w-]*(\.\w[\w-]*)*\.html", p.name)]
    assert odd == [], "page names: letters, digits, dashes; no space, leading dash or '..'"
    assert "سر لا يجوز نشره" not in "".join(p.read_text(encoding="utf-8") for p in pages)


def test_an_unreadable_file_is_named_and_skipped(tmp_path):
    root = small_project(tmp_path / "project")
    locked = root / "seeds" / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        run = subprocess.run(without_root_powers() + BUILD + ["--root", str(root)],
                             capture_output=True, text=True, timeout=300)
    finally:
        locked.chmod(0o644)
    assert run.returncode == 3, run.stderr
    assert "seeds/locked.txt: cannot be read: Permission denied — check the file's permissions" in run.stdout
    assert built_titles(root) != [] and locked.read_text(encoding="utf-8") == ARTICLE


def test_a_generator_bug_in_one_article_costs_that_article_only(tmp_path, capsys, monkeypatch):
    fail_extraction_of(monkeypatch, "trigger.txt", KeyError("جمادى"))
    root = small_project(tmp_path / "project")
    (root / "seeds" / "trigger.txt").write_text(ARTICLE, encoding="utf-8")
    code, said = build_in_process(root, capsys)
    assert code == 3
    assert re.search(r"seeds/trigger\.txt: skipped: extraction failed with KeyError: 'جمادى' \(at tests/conftest\.py:\d+\)"
                     r" — a bug in the generator; please report it", said), said
    assert len(built_titles(root)) == 1


# --- configuration: every mistake named with its file and line --------------------------------

def site_yaml_with(old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / "site.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def write(relative: str, text: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return make


BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
    f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8))

CONFIG = {
    # case                               the edit                                                          the build says                                                   exit
    "site.yaml syntax error":            (site_yaml_with("language: ar", "language: [ar"),                 r"site\.yaml:\d+: YAML syntax error",                              1),
    "site.yaml wrong type":              (site_yaml_with("language: ar", "language: [ar]"),                r"site\.yaml:\d+: 'language' should be text",                      1),
    "site.yaml unknown key":             (site_yaml_with("language: ar", "language: ar\nlangauge: ar"),    r"site\.yaml:\d+: unknown key 'langauge' — did you mean 'language'\?", 1),
    "site.yaml YAML bomb":               (write("site.yaml", BOMB),                                        r"site\.yaml:1: unknown key 'a'",  1),  # aliases shared, never expanded
    "site.yaml python tag":              (site_yaml_with("language: ar", "language: !!python/object/apply:os.system ['touch PWNED']"),
                                          r"site\.yaml:\d+: YAML syntax error: .*python/object/apply",                                                                   1),
    "site.yaml not UTF-8":               (lambda root: (root / "site.yaml").write_bytes("عنوان: x".encode("cp1256")),
                                          r"site\.yaml: not UTF-8 text \(byte 0\)",                                                                                       1),
    "no seeds/ folder":                  (lambda root: shutil.rmtree(root / "seeds"),                       r"seeds/: folder not found — create it",                          1),
    "no articles at all":                (lambda root: [p.unlink() for p in (root / "seeds").iterdir()],    r"seeds/ holds no articles — put the article files",              1),
    "only unusable files":               (lambda root: [p.write_bytes(b"") for p in (root / "seeds").iterdir()],
                                          r"no article could be built from seeds/:\n +seeds/.+: is empty",                                                              1),
    "page front matter syntax error":    (write("content/notes.md", "---\ntitle: [oops\n---\nنص\n"),       r"content/notes\.md:\d: front matter: YAML syntax error",         0),
    "page front matter unknown key":     (write("content/notes.md", "---\ntitle: ملاحظات\ntitel: x\n---\n"), r"content/notes\.md:3: front matter: unknown key 'titel' — did you mean 'title'\?", 0),
    "page front matter wrong type":      (write("content/notes.md", "---\ntitle: [1, 2]\n---\n"),           r"content/notes\.md:2: front matter: 'title' should be text",    0),
    "override unknown key":              (write(f"content/articles/{Path(GOOD_SEED).stem}.md", "---\nauthr: فلان\n---\n"),
                                          r"content/articles/.+\.md:2: unknown key 'authr' — did you mean 'author'\?",                                                 0),
    "override not UTF-8":                (lambda root: write(f"content/articles/{Path(GOOD_SEED).stem}.md", "")(root) or
                                          (root / f"content/articles/{Path(GOOD_SEED).stem}.md").write_bytes("---\ntitle: عنوان\n---\n".encode("cp1256")),
                                          r"content/articles/.+\.md: is not UTF-8 text \(first bad byte at offset \d+\) — save the file as UTF-8",                        0),
}


@pytest.mark.parametrize("edit, says, exit", list(CONFIG.values()), ids=list(CONFIG))
def test_a_configuration_mistake_is_named_with_file_and_line(tmp_path, capsys, edit, says, exit):
    root = small_project(tmp_path / "project")
    assert build_in_process(root, capsys)[0] == 0
    site_before = tree_digest(root / "output")
    edit(root)

    code, said = build_in_process(root, capsys)

    assert code == exit, said
    assert re.search(says, said), said
    assert not (root / "PWNED").exists() and not Path("PWNED").exists()
    if exit == 1:
        assert "the previous site was left as it was" in said
        assert tree_digest(root / "output") == site_before


# --- hostile content: rendered inert everywhere it can land -------------------------------------

PAYLOAD = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
HOSTILE = {
    # where the attacker writes                 what they write
    "article headline":     f"عاجل {PAYLOAD} <b>غامق</b>",
    "article paragraph":    f"قال المتحدث {PAYLOAD} و[رابط](javascript:window.pwned=3) و<a href=\"javascript:window.pwned=4\">هنا</a> "
                            "و**غامق** و{{ 7*7 }} و{% raw %} و<!-- تعليق --> عن المحادثات في بغداد.",
    "override title":       f"عنوان مصحح {PAYLOAD}",
    "Markdown page":        f"[انقر](javascript:window.pwned=5)\n\n<script>window.pwned=6</script>\n\n{PAYLOAD}\n",
    "site.yaml title":      f"موجز {PAYLOAD}",
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = small_project(tmp_path_factory.mktemp("hostile"))
    (root / "seeds" / "hostile.txt").write_text(
        f"{HOSTILE['article headline']}\n\n{HOSTILE['article paragraph']}\n\nوأضاف أن الجانبين اتفقا على مواصلة الحوار.\n",
        encoding="utf-8")
    (root / "content" / "articles").mkdir(exist_ok=True)
    (root / "content" / "articles" / f"{Path(GOOD_SEED).stem}.md").write_text(
        f"---\ntitle: {json.dumps(HOSTILE['override title'], ensure_ascii=False)}\n---\n", encoding="utf-8")
    (root / "content" / "hostile-page.md").write_text(f"---\ntitle: صفحة\n---\n{HOSTILE['Markdown page']}", encoding="utf-8")
    site_before_edit = (root / "site.yaml").read_text(encoding="utf-8")
    title = re.search(r"^title: .*$", site_before_edit, re.M)[0]
    (root / "site.yaml").write_text(site_before_edit.replace(title, f"title: {json.dumps(HOSTILE['site.yaml title'], ensure_ascii=False)}", 1),
                                    encoding="utf-8")
    assert main(["--root", str(root), "--quiet"]) == 0
    return root / "output"


OWN_SCRIPT = re.compile(r"^(\.\./)*(assets|search|pagefind)/[\w./-]+\.js$")
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'")


def test_hostile_text_is_inert_on_every_page(hostile_site):
    problems = []
    for path in html_pages(hostile_site):
        soup = parse_html(path)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # data, and still valid JSON: nothing closed it early
            elif not OWN_SCRIPT.match(script.get("src", "")):
                problems.append(f"{path.name}: foreign script {str(script)[:80]}")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.startswith("on") or name == "style":
                    problems.append(f"{path.name}: <{tag.name} {name}>")
                if name in ("href", "src", "action") and value.strip().lower().startswith(("javascript:", "data:text")):
                    problems.append(f"{path.name}: <{tag.name} {name}={value[:40]}>")
        if soup.find("img", src="x"):
            problems.append(f"{path.name}: injected <img>")
    assert problems == []


def test_hostile_text_is_still_shown_as_text_and_carried_as_data(hostile_site):
    article = next(p for p in (hostile_site / "articles").glob("*.html") if "غامق" in p.read_text(encoding="utf-8"))
    soup = parse_html(article)
    assert PAYLOAD in soup.h1.get_text()  # the reader sees what the source said, as text
    assert "{{ 7*7 }}" in soup.get_text() and "49" not in soup.get_text()  # no template ran
    assert soup.find("strong") is None  # article text is not Markdown
    ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert PAYLOAD in ld["headline"]
    data = json.loads((hostile_site / "data" / "articles.json").read_text(encoding="utf-8"))
    assert any(PAYLOAD in a["title"] for a in data["articles"])
    assert any(HOSTILE["override title"] == a["title"] for a in data["articles"])
    assert PAYLOAD in parse_html(hostile_site / "index.html").title.get_text()  # site.yaml's title, as text


def test_every_page_carries_the_content_security_policy_before_any_script_or_style(hostile_site):
    for path in html_pages(hostile_site):
        head = parse_html(path).head
        first = head.find(["script", "link", "style", "meta"], attrs={"http-equiv": "Content-Security-Policy"})
        assert first is not None and first["content"] == CSP, path.name
        earlier = first.find_all_previous(["script", "link", "style"])
        assert earlier == [], path.name


def test_hostile_pages_run_nothing_in_a_real_browser(hostile_site, browser):
    page = browser.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for path in html_pages(hostile_site):
            if "search" in path.parts or path.name == "search.html":
                continue
            page.goto(path.as_uri())
            assert page.evaluate("() => window.pwned") is None, path.name
            errors += [f"{path.name}: {e}" for e in page.evaluate("() => []")]
        # a script that still slipped into a page would be stopped by the policy itself
        page.goto((hostile_site / "index.html").as_uri())
        page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 9';
                                 document.head.append(s); }""")
        assert page.evaluate("() => window.pwned") is None
    finally:
        page.close()
    assert dialogs == [] and errors == []


# --- output safety: nothing deleted, nothing half-written ---------------------------------------

@dataclass(frozen=True)
class OutputCase:
    """``output:`` in site.yaml, and what the project holds before the build."""
    output: str
    says: str  # regex of the build's message ("" when it builds without a word)
    exit: int
    make: Callable[[Path], None] = lambda root: None  # prepares the project (and the world outside it)
    watched: str = ""  # a path (relative to the project) that must be byte-identical after a refusal


def files(named: dict[str, str]) -> Callable[[Path], None]:
    """Files to create, by path relative to the project."""
    def make(root: Path) -> None:
        for name, text in named.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text, encoding="utf-8")
    return make


def link_to_outside(name: str, holding: dict[str, str] | None) -> Callable[[Path], None]:
    """``name`` in the project: a link to a folder outside it (None: to one not yet made)."""
    def make(root: Path) -> None:
        target = root.parent / "www" / "site"
        target.parent.mkdir(parents=True, exist_ok=True)
        if holding is not None:
            target.mkdir()
            for file, text in holding.items():
                (target / file).write_text(text, encoding="utf-8")
        (root / name).symlink_to(target, target_is_directory=True)
    return make


def with_generator(root: Path) -> None:
    """The project carries its own build.py and generator/, as a real checkout does."""
    shutil.copy2(PROJECT / "build.py", root / "build.py")
    shutil.copytree(PROJECT / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__"))


def previous_build_of_an_older_version(root: Path) -> None:
    files({"output/index.html": "<p>old", "output/.nojekyll": "", "output/data/articles.json": "{}",
           "output/data/briefing.json": "{}"})(root)


REFUSED = r"site\.yaml:\d+: "
OUTPUTS = {
    # case                                       output:        the build says                                                               exit  the project before         must stay as it was
    "the repository's history":        OutputCase(".git",       REFUSED + r"'output' points at a version-control folder \(\.git\)",            1, files({".git/HEAD": "ref: refs/heads/main\n"}), ".git"),
    "inside the repository's history": OutputCase(".git/site",  REFUSED + r"'output' is inside a version-control folder \(\.git\)", 1, files({".git/HEAD": "ref\n"}), ".git"),
    "the seeds folder":                OutputCase("seeds",      REFUSED + r"'output' points at the seeds folder",                               1, watched="seeds"),
    "the content folder":              OutputCase("content",    REFUSED + r"'output' points at the content folder",                             1, watched="content"),
    "the templates folder":            OutputCase("templates",  REFUSED + r"'output' points at the templates folder",                           1, watched="templates"),
    "inside the seeds folder":         OutputCase("seeds/site", REFUSED + r"'output' is inside the seeds folder",                               1, watched="seeds"),
    "the project folder":              OutputCase(".",          REFUSED + r"'output'(: expected a folder inside| points at the project folder)", 1),
    "above the project":               OutputCase("..",         REFUSED + r"'output': expected a folder inside the project",                    1),
    "the file system's root":          OutputCase("/",          REFUSED + r"'output': expected a folder inside the project",                    1),
    "the configuration file":          OutputCase("site.yaml",  REFUSED + r"'output' points at the configuration file",                         1, watched="site.yaml"),
    "the command":                     OutputCase("build.py",   REFUSED + r"'output' points at build\.py",                                      1, files({"build.py": "print('build')\n"}), "build.py"),
    "the generator's code":            OutputCase("generator",  REFUSED + r"'output' points at the generator's code",                           1, with_generator, "generator"),
    "the build cache":                 OutputCase(".cache",     REFUSED + r"'output' points at the build cache",                                1, files({".cache/note": "x"}), ".cache"),
    "a project file":                  OutputCase("README.md",  REFUSED + r"'output' names README\.md, a file, not a folder",                    1, files({"README.md": "# مشروعي\n"}), "README.md"),
    "a folder of the user's":          OutputCase("notes",      REFUSED + r"notes/ holds 2 file\(s\) that no build of this generator made \(a\.txt, b\.md\)",
                                                                                                                                                 1, files({"notes/a.txt": "مسودة", "notes/b.md": "# ملاحظات"}), "notes"),
    "a build holding a repository":    OutputCase("output",     REFUSED + r"output/ holds a version-control folder \(\.git\)",                 1,
                                                  files({"output/.git/HEAD": "ref\n", "output/.briefing-site": "x"}), "output"),
    "a link to a stranger's folder":   OutputCase("output",     REFUSED + r"output/ \(.*www/site\) holds 1 file\(s\) that no build of this generator made \(index\.php\)",
                                                                                                                                                 1, link_to_outside("output", {"index.php": "<?php"}), "../www/site"),
    "a link to the seeds":             OutputCase("output",     REFUSED + r"'output' points at the seeds folder",                               1, lambda root: (root / "output").symlink_to(root / "seeds"), "seeds"),
    "absent":                          OutputCase("site",       r"Built \d+ pages",                                                             0),
    "an empty folder":                 OutputCase("site",       r"Built \d+ pages",                                                             0, lambda root: (root / "site").mkdir()),
    "an older version's build":        OutputCase("output",     r"Built \d+ pages",                                                             0, previous_build_of_an_older_version),
    "a link to an empty folder":       OutputCase("output",     r"Built \d+ pages",                                                             0, link_to_outside("output", {})),
    "a link to a folder to be made":   OutputCase("output",     r"Built \d+ pages",                                                             0, link_to_outside("output", None)),
}


@pytest.mark.parametrize("case", list(OUTPUTS.values()), ids=list(OUTPUTS))
def test_the_output_folder_replaces_only_a_previous_build(tmp_path, case):
    root = small_project(tmp_path / "project")
    (root / "site.yaml").write_text((root / "site.yaml").read_text(encoding="utf-8") + f"\noutput: {json.dumps(case.output)}\n",
                                    encoding="utf-8")
    case.make(root)
    watched = (root / case.watched).resolve() if case.watched else None
    before = {"project": _snapshot(root, skip=case.output if case.exit == 0 else None),
              "watched": _snapshot(watched) if watched else None}

    run = subprocess.run([sys.executable, str(root / "build.py") if (root / "generator").is_dir() else BUILD[1],
                          "--root", str(root)], capture_output=True, text=True, timeout=300)
    said = run.stdout + run.stderr

    assert run.returncode == case.exit, said
    assert re.search(case.says, said), said
    assert _snapshot(root, skip=case.output if case.exit == 0 else None) == before["project"]
    if watched:
        assert _snapshot(watched) == before["watched"]
    if case.exit == 0:
        site = root / case.output
        assert (site / "index.html").is_file() and (site / ".briefing-site").is_file()
        assert site.is_symlink() == (case.make.__qualname__.startswith("link_to_outside"))
        assert not [p for p in root.parent.rglob(".*building-*")], "no staging folder is left behind"


def _snapshot(path: Path, skip: str | None = None) -> dict[str, object]:
    """Every entry under ``path`` (links as their targets, not followed), bytes of files;
    ``skip``: a top-level entry left out (the output folder of a build that may write it)."""
    if path.is_file():
        return {"": path.read_bytes()}
    shot: dict[str, object] = {}
    for entry in sorted(path.rglob("*")):
        name = entry.relative_to(path).as_posix()
        if skip and (name == skip or name.startswith(skip + "/")) or name.split("/")[0] in (".cache", "__pycache__") \
                or name.startswith((".output.", ".site.")):
            continue
        shot[name] = (f"-> {os.readlink(entry)}" if entry.is_symlink() else
                      entry.read_bytes() if entry.is_file() else "dir")
    return shot


def test_a_built_site_has_the_permissions_the_umask_gives(tmp_path):
    root = small_project(tmp_path / "project")
    run = subprocess.run(["sh", "-c", 'umask 022 && exec "$@"', "sh", *BUILD, "--root", str(root)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    site = root / "output"
    modes = {oct(p.stat().st_mode & 0o777) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {"0o755"}, "a web server's account must be able to list every folder"
    assert {oct(p.stat().st_mode & 0o777) for p in site.rglob("*") if p.is_file()} == {"0o644"}


# --- links in input folders: one policy, nothing outside the project is published --------------

SECRET = "سر لا يجوز نشره"


def link(relative: str, to: str, text: str = f"---\ntitle: {SECRET}\n---\n{SECRET}\n") -> Callable[[Path], None]:
    """``relative`` in the project: a link to ``to`` (relative to the project; "../x" is outside),
    a file made with ``text`` unless it exists."""
    def make(root: Path) -> None:
        target = (root / to).resolve()
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).symlink_to(target)
    return make


def template_moved_outside(root: Path) -> None:
    """templates/base.html kept elsewhere (with a secret in it), linked from the project."""
    text = (root / "templates/base.html").read_text(encoding="utf-8") + f"<!-- {SECRET} -->"
    (root / "templates/base.html").unlink()
    link("templates/base.html", "../elsewhere/base.html", text)(root)


def _outside_folder(root: Path) -> Path:
    folder = root.parent / "elsewhere" / "folder"
    folder.mkdir(parents=True)
    (folder / "leak.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    (folder / "leak.css").write_text(f"/* {SECRET} */", encoding="utf-8")
    return folder


LINKS = {
    # case                                   the link                                                                      the build says                                                                           exit
    "a seed linked from outside":            (link("seeds/leak.txt", "../elsewhere/notes.txt", SECRET * 30),               r"seeds/leak\.txt: is a link to .*elsewhere/notes\.txt, outside the project's own files; not followed", 0),
    "a page linked from outside":            (link("content/leak.md", "../elsewhere/leak.md"),                             r"content/leak\.md: is a link to .*elsewhere/leak\.md, outside the project's own files; not followed", 0),
    "an override linked from outside":       (link(f"content/articles/{Path(GOOD_SEED).stem}.md", "../elsewhere/o.md"),    r"content/articles/.+\.md: is a link to .*elsewhere/o\.md, outside the project's own files",              0),
    "a static asset linked from outside":    (link("templates/static/key.txt", "../elsewhere/id_rsa", SECRET),             r"templates/static/key\.txt: is a link to .*elsewhere/id_rsa, outside the project's own files",           0),
    "a static folder linked from outside":   (lambda root: (root / "templates/static/more").symlink_to(_outside_folder(root), target_is_directory=True),
                                              r"templates/static/more: is a link to .*elsewhere/folder, outside the project's own files",                                              0),
    "the content folder linked from outside": (lambda root: (shutil.rmtree(root / "content"), (root / "content").symlink_to(_outside_folder(root))),
                                              r"content/: is a link to .*elsewhere/folder, outside the project's own files",                                                           0),
    "a page linked into the repository":     (link("content/config.md", ".git/config", f"[remote]\nurl = https://{SECRET}@example.org\n"),
                                              r"content/config\.md: is a link to .*\.git/config, outside the project's own files",                                                    0),
    "a template linked from outside":        (template_moved_outside,
                                              r"templates/base\.html: is a link to .*elsewhere/base\.html, outside the project's own files; not followed — copy the file", 1),
}


@pytest.mark.parametrize("make, says, exit", list(LINKS.values()), ids=list(LINKS))
def test_a_link_out_of_the_project_is_named_and_nothing_it_leads_to_is_published(tmp_path, capsys, make, says, exit):
    root = small_project(tmp_path / "project")
    make(root)
    before = _snapshot(root)

    code, said = build_in_process(root, capsys)

    assert code == exit, said
    assert re.search(says, said), said
    assert _snapshot(root, skip="output") == before
    published = [p for p in (root / "output").rglob("*") if p.is_file()] if exit == 0 else []
    assert not [p for p in published if SECRET.encode() in p.read_bytes()], "a file from outside was published"
    if exit == 0:
        assert built_titles(root), "the rest of the site is built"


def test_a_link_that_stays_inside_the_project_is_followed(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    link("seeds/shared.txt", "drafts/article.txt", ARTICLE)(root)
    code, said = build_in_process(root, capsys)
    assert code == 0, said
    assert TITLE in built_titles(root)


# --- editors' files that collide: a warning with file and line, nothing moved or overwritten ----

OTHER_STEM = "other"
EDITORS = {
    # case                              the edit                                                                                 the build says                                                                                                       exit
    "a page named like the home page":  (write("content/index.md", "# صفحتي\n"),                                                 r"content/index\.md: would be written as index\.html, which is the home page; skipped — rename the file, or set 'slug:' in its front matter, to another name, such as 'index-2'", 0),
    "a page whose slug is search":      (write("content/help.md", "---\ntitle: مساعدة\nslug: search\n---\nنص\n"),                 r"content/help\.md:3: would be written as search\.html, which is the search page; skipped — set 'slug:' to another name, such as 'search-2'", 0),
    "a page named 404":                 (write("content/404.md", "# غير موجود\n"),                                                  r"content/404\.md: would be written as 404\.html, which is the page for missing addresses; skipped",                  0),
    "a page whose slug is the briefing": (write("content/b.md", "---\nslug: briefing\n---\nنص\n"),                                r"content/b\.md:2: would be written as briefing\.html, which is the briefing; skipped",                             0),
    "two pages, one name":              (write("content/zz.md", "---\nslug: about\n---\nنص\n"),                                   r"content/zz\.md:2: would be written as about\.html, which is the page of content/about\.md; skipped",            0),
    "an override taking another article's page": (lambda root: (write(f"seeds/{OTHER_STEM}.txt", ARTICLE)(root),
                                                  write(f"content/articles/{OTHER_STEM}.md", f"---\ntitle: عنوان\nslug: {slug_for(GOOD_SEED, b'')}\n---\n")(root)),
                                         rf"content/articles/{OTHER_STEM}\.md:3: slug '{slug_for(GOOD_SEED, b'')}' is the page name of seeds/{re.escape(GOOD_SEED)}; "
                                         rf"not applied \(seeds/{OTHER_STEM}\.txt keeps '{OTHER_STEM}'\) — choose another slug",                                                                                     0),
    "an override naming no article":    (write(f"content/articles/{Path(GOOD_SEED).stem[:-1]}.md", "---\nauthor: فلان\n---\n"),
                                         rf"content/articles/{Path(GOOD_SEED).stem[:-1]}\.md: corrects no article: seeds/ has no file named {Path(GOOD_SEED).stem[:-1]}\.\* "
                                         rf"— did you mean articles/{Path(GOOD_SEED).stem}\.md \(for seeds/{re.escape(GOOD_SEED)}\)\? rename the file",               0),
}


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("edit, says, exit", list(EDITORS.values()), ids=list(EDITORS))
def test_an_editors_file_that_collides_is_named_and_refused_and_the_rest_is_built(tmp_path, capsys, edit, says, exit, command):
    root = small_project(tmp_path / "project")
    edit(root)
    before = _snapshot(root)

    code = main([command, "--root", str(root)] if command == "check" else ["--root", str(root)])
    captured = capsys.readouterr()
    said = captured.out + captured.err

    assert code == (exit if command == "build" else 1), said  # check fails on any warning
    assert re.search(says, said), said
    assert _snapshot(root, skip="output") == before
    site = root / "output"
    assert "articles" in (site / "index.html").read_text(encoding="utf-8"), "the home page is the generator's"
    data = json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    assert {a["source_file"]: a["slug"] for a in data}[GOOD_SEED] == slug_for(GOOD_SEED, b""), "no article is moved"


def test_a_build_killed_midway_leaves_the_previous_site_and_the_next_build_cleans_up(tmp_path):
    from bench.corpus import write_corpus

    root = tmp_path / "corpus"
    write_corpus(40, root)
    assert build_process(root, "-q").returncode == 0
    before = tree_digest(root / "output")
    seed = sorted((root / "seeds").iterdir())[0]
    seed.write_bytes(seed.read_bytes() + "\nفقرة جديدة أضيفت بعد البناء الأول عن المحادثات.\n".encode())

    build = subprocess.Popen(BUILD + ["--root", str(root), "-q"])
    deadline = time.monotonic() + 120
    while not any(p.is_dir() and any(p.iterdir()) for p in root.glob(".output.building-*")):
        assert build.poll() is None and time.monotonic() < deadline, "the build ended before it began writing"
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    build.wait()

    assert tree_digest(root / "output") == before
    assert list(root.glob(".output.building-*")) != []  # what the killed build left…
    assert build_process(root, "-q").returncode == 0
    assert [p.name for p in root.glob(".output.*") if p.is_dir()] == []  # …the next build removed
    assert "فقرة جديدة أضيفت" in "".join(p.read_text(encoding="utf-8") for p in (root / "output" / "articles").glob("*.html"))


def test_a_second_build_waits_for_the_first_to_finish_writing(project, output):
    assert build_process(project, "-q").returncode == 0
    before = tree_digest(project / "output")
    (project / "seeds" / GOOD_SEED).write_text(
        (project / "seeds" / GOOD_SEED).read_text(encoding="utf-8") + "\nفقرة أضيفت للاختبار.\n", encoding="utf-8")
    with FileLock(project / ".output.lock"):  # another build is writing output/
        waiting = subprocess.Popen(BUILD + ["--root", str(project), "-q"])
        time.sleep(3)
        assert waiting.poll() is None, "the build did not wait for the lock"
        assert tree_digest(project / "output") == before
    assert waiting.wait(timeout=120) == 0
    assert "فقرة أضيفت للاختبار" in (project / "output" / "raw").joinpath(
        next(p.name for p in (project / "output" / "raw").glob("*.txt") if "فقرة أضيفت" in p.read_text(encoding="utf-8"))
    ).read_text(encoding="utf-8")


def test_two_builds_at_once_give_the_same_site_as_one(project, output):
    runs = [subprocess.Popen(BUILD + ["--root", str(project), "-q"]) for _ in range(2)]
    assert [r.wait(timeout=300) for r in runs] == [0, 0]
    assert tree_digest(project / "output") == tree_digest(output)
    assert [p.name for p in project.glob(".output.*") if p.is_dir()] == []


def test_a_read_only_folder_gives_a_clear_error_and_keeps_the_old_site(project):
    assert build_process(project, "-q").returncode == 0
    before = tree_digest(project / "output")
    (project / "seeds" / GOOD_SEED).write_text(
        (project / "seeds" / GOOD_SEED).read_text(encoding="utf-8") + "\nفقرة أخرى.\n", encoding="utf-8")
    project.chmod(0o555)
    try:
        run = subprocess.run(without_root_powers() + BUILD + ["--root", str(project)],
                             capture_output=True, text=True, timeout=300)
    finally:
        project.chmod(0o755)
    assert run.returncode == 1
    assert re.search(r"cannot write output/: Permission denied \(.+\) — check the folder's permissions, or set "
                     r"'output:' in site\.yaml .*; the previous output/ was left as it was", run.stderr), run.stderr
    assert tree_digest(project / "output") == before


def _can_mount_a_small_disk() -> bool:
    return shutil.which("unshare") is not None and subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True).returncode == 0


def test_a_full_disk_gives_a_clear_error_and_keeps_the_old_site(project, monkeypatch, capsys):
    """A real full disk where the machine lets us mount a small one (user namespace + tmpfs);
    elsewhere the same error injected at the writer's file write."""
    (project / "site.yaml").write_text((project / "site.yaml").read_text(encoding="utf-8") + "\noutput: disk/site\n",
                                       encoding="utf-8")
    (project / "disk").mkdir()
    edit = f"printf '\\nفقرة أخرى.\\n' >> '{project / 'seeds' / GOOD_SEED}'"
    if _can_mount_a_small_disk():
        build = " ".join(f"'{a}'" for a in BUILD + ["--root", str(project)])
        script = (f"mount -t tmpfs -o size=8m tmpfs '{project}/disk' && {build} -q && "
                  f"(cd '{project}/disk/site' && find . -type f | sort | xargs sha256sum) > '{project}/before' && "
                  f"{edit} && (cat /dev/zero > '{project}/disk/filler' 2>/dev/null; true) && "
                  f"{build}; echo \"exit=$?\"; "
                  f"(cd '{project}/disk/site' && find . -type f | sort | xargs sha256sum) > '{project}/after'")
        run = subprocess.run(["unshare", "-Urm", "sh", "-c", script], capture_output=True, text=True, timeout=300)
        said, code = run.stderr, re.search(r"exit=(\d+)", run.stdout)[1]
        assert (project / "before").read_text() == (project / "after").read_text() != ""
    else:
        import errno
        import generator.write.writer as writer

        assert build_in_process(project, capsys)[0] == 0
        before = tree_digest(project / "disk" / "site")
        subprocess.run(["sh", "-c", edit], check=True)

        def no_space(self, data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

        monkeypatch.setattr(writer.Path, "write_bytes", no_space)
        code, said = build_in_process(project, capsys)
        code = str(code)
        monkeypatch.undo()
        assert tree_digest(project / "disk" / "site") == before
    assert code == "1", said
    assert re.search(r"cannot write site/: No space left on device \(.+\) — free some disk space; "
                     r"the previous site/ was left as it was", said), said
