"""``python build.py check``: what an editor should look at, and whether the built site holds.

* Articles whose extraction is missing or uncertain (derived title, no date, a year that was
  inferred or lost, no outlet, an outlet read only from the text naming it, a credit the
  registry does not know, a page's "today" set aside) — listed for review, each with the
  override file to write.
* The built site: every page has ``lang``/``dir``, every relative link and #fragment resolves
  inside the site, and no id is used twice on a page.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..model import Article


def review_notes(article: Article) -> list[str]:
    """What extraction could not settle for this article, in the editor's terms."""
    notes = []
    if article.title_derived:
        notes.append("no headline in the text: the title was derived from the first sentence")
    if article.date.precision == "none":
        notes.append("no publication date" + (" (the month is known, the year was lost)" if article.date.month else ""))
    elif article.date.inferred:
        notes.append("the publication date was inferred")
    if article.outlet is None and article.agency is None:
        notes.append("no outlet or agency found")
    if not article.mentions:
        notes.append("no person, organization or place recognised")
    return notes + [note for _field, note in article.unsure]


class _PageLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.refs: list[str] = []
        self.html: dict = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and not self.html:
            self.html = a
        if a.get("id"):
            self.ids.append(a["id"])
        ref = a.get("href") if tag in ("a", "link") else a.get("src")
        if ref and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
            self.refs.append(ref)


def check_site(output: Path, lang: str) -> list[str]:
    """Broken links, missing fragments, wrong lang/dir and duplicate ids in a built site."""
    output = output.resolve()
    pages = {p.resolve(): _parse(p) for p in sorted(output.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        rel = page.relative_to(output).as_posix()
        if parsed.html.get("lang") != lang or parsed.html.get("dir") != "rtl":
            problems.append(f"{rel}: <html> should have lang=\"{lang}\" dir=\"rtl\"")
        for dup in sorted({i for i in parsed.ids if parsed.ids.count(i) > 1}):
            problems.append(f"{rel}: id \"{dup}\" is used twice")
        for ref in parsed.refs:
            problem = _broken(page, ref, output, pages)
            if problem:
                problems.append(f"{rel}: {problem}")
    return problems


def _parse(page: Path) -> _PageLinks:
    parser = _PageLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _broken(page: Path, ref: str, output: Path, pages: dict[Path, _PageLinks]) -> str | None:
    parts = urlsplit(ref)
    if parts.scheme or ref.startswith(("//", "mailto:", "tel:", "data:")):
        return None
    if parts.path.startswith("/"):
        return f"{ref} is root-relative: it breaks from file:// and under /<repo>/"
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if output not in target.parents:
        return f"{ref} leaves the site"
    if not target.is_file():
        return f"{ref} → no such file"
    fragment = unquote(parts.fragment)
    if fragment and target in pages and fragment not in pages[target].ids:
        return f"{ref} → no element with id \"{fragment}\""
    return None
