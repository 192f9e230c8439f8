"""Editor overrides: ``content/articles/<seed name>.md`` corrects what extraction got wrong.

The file's YAML front matter sets any of ``OVERRIDE_KEYS``; its values win over extraction
and every use is reported (build summary, ``overrides`` in articles.json). Example, for
``seeds/003_x.txt``, in ``content/articles/003_x.md``::

    ---
    date: 2020-08           # YYYY-MM-DD, YYYY-MM or YYYY
    author: اسم الكاتب
    outlet: مركز الدراسات
    ---
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..config.yamlfile import YamlError, load_yaml, read_text_file, suggest_key
from ..model import Article, DateValue, Outlet, Problem, RawDoc
from .input_files import folder_files
from .pages import FRONT_MATTER_RE

OVERRIDES_DIR = "articles"
OVERRIDE_KEYS = ("title", "kicker", "subtitle", "section", "author", "dateline", "outlet", "agency", "date",
                 "slug")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


@dataclass(frozen=True, slots=True)
class Override:
    source: str  # the override file, as shown to the user
    values: dict  # validated: key → value ready for Article
    lines: dict = field(default_factory=dict)  # key → its line in the file, for messages


def read_overrides(content_dir: Path, root: Path) -> tuple[dict[str, Override], list[Problem]]:
    """Override files by their name without ``.md`` (``overrides_by_seed`` matches them to seeds)."""
    found = {}
    paths, problems = folder_files(content_dir / OVERRIDES_DIR, root, f"{content_dir.name}/{OVERRIDES_DIR}", ".md")
    for path in paths:
        shown = f"{content_dir.name}/{OVERRIDES_DIR}/{path.name}"
        text = read_text_file(path, shown)
        result = [text] if isinstance(text, Problem) else parse_override(text, shown)
        if isinstance(result, Override):
            found[path.stem] = result
        else:
            problems += result
    return found, problems


def parse_override(text: str, shown: str) -> Override | list[Problem]:
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return [Problem(shown, "has no front matter", 1, "start the file with --- and the fields to set")]
    try:
        doc = load_yaml(match["yaml"] or "")
    except YamlError as exc:
        return [Problem(shown, f"front matter: {exc.explained()}", exc.line + 1)]
    data = doc.data or {}
    if not isinstance(data, dict):
        return [Problem(shown, "front matter must be a mapping (title: …)", 2)]
    problems, values, lines = [], {}, {}
    for key, value in data.items():
        line = lines[key] = doc.line_of((key,)) + 1
        if key not in OVERRIDE_KEYS:
            problems.append(Problem(shown, f"unknown key '{key}'", line, suggest_key(key, OVERRIDE_KEYS)))
            continue
        parsed = _parse_value(key, value)
        if isinstance(parsed, str) and parsed.startswith("!"):
            problems.append(Problem(shown, f"'{key}': {parsed[1:]}", line))
        else:
            values[key] = parsed
    return problems or Override(shown, values, lines)


def overrides_by_seed(found: dict[str, Override], seed_files: list[str], seeds: str
                      ) -> tuple[dict[str, Override], list[Problem]]:
    """Override files by the seed file they correct: ``content/articles/<seed file name>.md``
    ("003_x.txt.md"), or ``<its name without the suffix>.md`` ("003_x.md") when only one seed
    has that name. Each file that names no seed, or two, gets a warning: a typo in its name
    would otherwise leave the correction unapplied without a word."""
    names = set(seed_files)
    by_stem: dict[str, list[str]] = {}
    for name in seed_files:
        by_stem.setdefault(Path(name).stem, []).append(name)
    matched, problems = {}, []
    for key, override in sorted(found.items()):
        if key in names:
            matched[key] = override
        elif len(by_stem.get(key, ())) == 1:
            matched.setdefault(by_stem[key][0], override)  # the full name wins over the short one
        elif key in by_stem:
            problems.append(Problem(override.source,
                                    f"could correct {' or '.join(f'{seeds}/{n}' for n in by_stem[key])}",
                                    hint=f"name it after the one it corrects: {OVERRIDES_DIR}/{by_stem[key][0]}.md"))
        else:
            problems.append(_names_no_seed(key, override, by_stem, seed_files, seeds))
    return matched, problems


def _names_no_seed(key: str, override: Override, by_stem: dict[str, list[str]], seed_files: list[str],
                   seeds: str) -> Problem:
    candidates = {**{stem: files[0] for stem, files in by_stem.items()}, **{name: name for name in seed_files}}
    close = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.6)
    hint = (f"did you mean {OVERRIDES_DIR}/{close[0]}.md (for {seeds}/{candidates[close[0]]})? rename the file"
            if close else f"name it after the article file it corrects: {OVERRIDES_DIR}/<file name in {seeds}/>.md")
    return Problem(override.source, f"corrects no article: {seeds}/ has no file named {key}.*", hint=hint)


def with_override(article: Article, raw: RawDoc, overrides: dict[str, Override]) -> Article:
    """The article as its own front matter and its override file (if any) correct it; only the
    editor's fields are reported as overridden."""
    if raw.front_matter is not None:
        article = apply_override(article, raw.front_matter, reported=False)
    editor = overrides.get(raw.source)
    return apply_override(article, editor) if editor else article


def apply_override(article: Article, override: Override, reported: bool = True) -> Article:
    """The article with the override's values; a title set by hand is no longer derived."""
    values = {k: v for k, v in override.values.items() if k != "slug"}  # slugs are set before extraction
    if "title" in values:
        values["title_derived"] = False
    values["unsure"] = tuple((f, note) for f, note in article.unsure if f not in values)  # settled by hand
    if not reported:
        return replace(article, **values)
    return replace(article, **values, overridden=tuple(sorted(override.values)), override_source=override.source)


def _parse_value(key: str, value):
    """The Article value for ``key``, or "!message" when it cannot be one."""
    if key == "date":
        if isinstance(value, dt.date):
            return DateValue(value.year, value.month, value.day, text=str(value))
        match = DATE_RE.match(str(value))
        if not match:
            return f"!expected YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}"
        year, month, day = (int(g) if g else None for g in match.groups())
        return DateValue(year, month, day, text=str(value))
    if value is None:
        return None
    if not isinstance(value, (str, int)):
        return f"!expected text, got {value!r:.40}"
    value = str(value)
    if key in ("outlet", "agency"):
        return Outlet(value)
    if key == "slug" and not SLUG_RE.fullmatch(value):
        return f"!'{value}' is not a plain page name (lowercase Latin letters, digits, dashes)"
    return value
