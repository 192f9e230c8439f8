"""Configuration values checked where they enter (issue 17): the catalogue, one row per case.

Each row edits a copy of the small project (site.yaml, or the command line) and runs a real
build: the build must say what the row says (file or flag, line, key, what is expected, what
was found), end with the row's exit status, leave every input file byte-for-byte as it was and,
when nothing is built, leave the previous output/ as it was. The rows that build (exit 0) guard
the other side: a value that is fine is not refused. The helpers are test_bad_input's.

Exit status: 0 built, 1 nothing built (previous site kept).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import pytest

from conftest import PROJECT
from generator.config.site import ENTITY_ID_RE, ConfigError, load_config
from generator.model import entity_id_for
from generator.config.ui_text import DEFAULT_UI_TEXT, FILLED_IN_THE_BROWSER, UI_PLACEHOLDERS, ui_text_problem
from generator.config.yamlfile import MAX_YAML_BYTES
from test_bad_input import build_in_process, build_process, site_yaml_with, small_project, tree_digest

INPUTS = ("seeds", "content", "templates", "site.yaml")
SITE_YAML = (PROJECT / "site.yaml").read_text(encoding="utf-8")
BIDEN = next(line for line in SITE_YAML.splitlines() if "name: جو بايدن" in line)  # the first entity
BIDEN_LINE = SITE_YAML.splitlines().index(BIDEN) + 1
LANGUAGE_LINE = SITE_YAML.splitlines().index("language: ar") + 1
UI_LINE = LANGUAGE_LINE + 2  # where with_ui writes the one ui: entry


def with_ui(key: str, yaml_value: str) -> Callable[[Path], None]:
    """site.yaml with ``ui: {key: yaml_value}`` right under ``language: ar``."""
    assert "\nui:" not in SITE_YAML
    return site_yaml_with("language: ar\n", f"language: ar\nui:\n  {key}: {yaml_value}\n")


def biden(edit: str) -> Callable[[Path], None]:
    """The first entity (Joe Biden, named in the small project's article) with ``edit`` applied."""
    old, new = edit.split(" → ")
    assert old in BIDEN
    return site_yaml_with(BIDEN, BIDEN.replace(old, new))


def then_canonical(url: str) -> Callable[[Path], None]:
    def check(output: Path) -> None:
        page = (output / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{url}">' in page
        assert f'content="{url}"' in page  # og:url
        assert url.rsplit("/", 1)[0] + "/feed.xml" in (output / "feed.xml").read_text(encoding="utf-8")
    return check


def then_file(relative: str) -> Callable[[Path], None]:
    return lambda output: (output / relative).is_file() or pytest.fail(f"{relative} was not written")


@dataclass(frozen=True)
class Case:
    edit: Callable[[Path], None] | None  # what is changed in the project copy before the build
    args: tuple[str, ...]  # the command line's options
    says: str  # regex the build's output must match ("" for a build that must just work)
    exit: int
    then: Callable[[Path], None] | None = None  # what the built site must show (exit 0)


URL = r"expected an absolute http\(s\) URL such as https://user\.github\.io/repo, "
CLI = r"--base-url: " + URL
YAML_URL = r"site\.yaml:\d+: 'base_url': " + URL
HUGE = "# " + "x" * (MAX_YAML_BYTES + 100_000) + "\n"

CASES = {
    # case                                    edit                                                              command line                    the build says                                                                       exit
    # 1-2. the base URL, from the command line and from site.yaml: one check
    "--base-url javascript:":                 Case(None,                                                         ("--base-url", "javascript:alert(1)//"),   CLI + r"starting with https:// or http://; got 'javascript:alert\(1\)//' — give the address", 1),
    "--base-url with a query":                Case(None,                                                         ("--base-url", "https://example.org/site?x=1"), CLI + r"without a query \(\?…\).*; got 'https://example\.org/site\?x=1'", 1),
    "--base-url with a fragment":             Case(None,                                                         ("--base-url", "https://example.org/site#top"), CLI + r"without a fragment \(#…\).*; got 'https://example\.org/site#top'", 1),
    "--base-url with user:pass@":             Case(None,                                                         ("--base-url", "https://me:secret@example.org/"), CLI + r"without a user name or password \(user:pass@\)", 1),
    "--base-url with a space":                Case(None,                                                         ("--base-url", "https://example.org/my site"), CLI + r"without spaces or control characters; got 'https://example\.org/my site'", 1),
    "--base-url with a newline":              Case(None,                                                         ("--base-url", "https://example.org/\n<x>"),  CLI + r"without spaces or control characters", 1),
    "--base-url ftp:":                        Case(None,                                                         ("--base-url", "ftp://example.org/"),        CLI + r"starting with https:// or http://; got 'ftp://example\.org/'", 1),
    "--base-url without a host":              Case(None,                                                         ("--base-url", "https:///repo"),             CLI + r"with a host name after //", 1),
    "--base-url with a backslash":            Case(None,                                                         ("--base-url", "https://example.org\\@evil.test/"), CLI + r"without '\\\\'", 1),
    "--base-url and site.yaml mistakes":      Case(site_yaml_with("language: ar", "language: [ar]"),            ("--base-url", "javascript:x"),              CLI + r"starting with https://.*\n.*site\.yaml:\d+: 'language' should be text", 1),
    "--base-url that is fine":                Case(None,                                                         ("--base-url", "https://example.org/some-repo/"), r"",                                                                         0, then_canonical("https://example.org/some-repo/index.html")),
    "--base-url '' keeps site.yaml's":        Case(site_yaml_with('base_url: ""', 'base_url: "https://example.org/from-yaml"'), ("--base-url", ""), r"",                                                                                      0, then_canonical("https://example.org/from-yaml/index.html")),
    "base_url javascript:":                   Case(site_yaml_with('base_url: ""', 'base_url: "javascript:alert(1)//"'), (),                              YAML_URL + r"starting with https:// or http://; got 'javascript:alert\(1\)//'", 1),
    "base_url with a query":                  Case(site_yaml_with('base_url: ""', 'base_url: "https://example.org/?utm=1"'), (),                         YAML_URL + r"without a query \(\?…\)", 1),
    "base_url with a fragment":               Case(site_yaml_with('base_url: ""', 'base_url: "https://example.org/#x"'), (),                             YAML_URL + r"without a fragment \(#…\)", 1),
    "base_url with user:pass@":               Case(site_yaml_with('base_url: ""', 'base_url: "https://u:p@example.org/"'), (),                           YAML_URL + r"without a user name or password", 1),
    "base_url with a tab":                    Case(site_yaml_with('base_url: ""', 'base_url: "https://example.org/\\tx"'), (),                           YAML_URL + r"without spaces or control characters", 1),
    # 3. interface text: placeholders checked against those the text accepts
    "ui unknown placeholder":                 Case(with_ui("by_year_end", '"بحلول نهاية {yr}"'),               (),                              rf"site\.yaml:{UI_LINE}: 'ui\.by_year_end': unknown placeholder {{yr}}; this text accepts {{year}} — the default is", 1),
    "ui unknown placeholder, plural form":    Case(with_ui("minutes_few", '"{count} دقائق"'),                  (),                              rf"site\.yaml:{UI_LINE}: 'ui\.minutes_few': unknown placeholder {{count}}; this text accepts {{n}}", 1),
    "ui malformed braces":                    Case(with_ui("more_paragraphs", '"و{n فقرة أخرى"'),              (),                              rf"site\.yaml:{UI_LINE}: 'ui\.more_paragraphs': malformed placeholder .*; this text accepts {{n}}; write {{{{ and }}}}", 1),
    "ui a lone closing brace":                Case(with_ui("context_note", '"خلفية} {event}"'),                 (),                              rf"site\.yaml:{UI_LINE}: 'ui\.context_note': malformed placeholder \(a single '}}'", 1),
    "ui positional placeholder":              Case(with_ui("reprint_of", '"منشور لدى {}"'),                     (),                              rf"site\.yaml:{UI_LINE}: 'ui\.reprint_of': unknown placeholder {{}}; this text accepts {{source}}", 1),
    "ui placeholder with a format":           Case(with_ui("by_year_end", '"بحلول {year!r}"'),                  (),                              rf"site\.yaml:{UI_LINE}: 'ui\.by_year_end': placeholder {{year!r}}: write it as {{year}}", 1),
    "ui placeholder in a plain text":         Case(with_ui("footer", '"موقع {title}"'),                         (),                              rf"site\.yaml:{UI_LINE}: 'ui\.footer': unknown placeholder {{title}}; this text takes no placeholders", 1),
    "ui search placeholder":                  Case(with_ui("search_count", '"{query}: {n}"'),                   (),                              rf"site\.yaml:{UI_LINE}: 'ui\.search_count': unknown placeholder {{query}}; this text accepts {{q}}, {{n}}", 1),
    "ui control character":                   Case(with_ui("nav_home", '"الرئيسية\\a"'),                        (),                              rf"site\.yaml:{UI_LINE}: 'ui\.nav_home': contains the control character U\+0007", 1),
    "ui {n} in a plural form without it":     Case(with_ui("minutes_one", '"{n} دقيقة"'),                       (),                              r"",                                                                                  0),
    "ui a lone brace in a plain text":        Case(with_ui("footer", '"موقع { ثابت"'),                          (),                              r"",                                                                                  0),
    # 4. entity ids: safe page names, explicit or derived
    "entity id ../../x":                      Case(biden("aliases: → id: ../../x, aliases:"),                   (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.id': expected a page name of lowercase Latin letters, Arabic letters, digits, - and _.*; got '\.\./\.\./x'", 1),
    "entity id ' '":                          Case(biden('aliases: → id: " ", aliases:'),                        (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.id': expected a page name .*; got ' '", 1),
    "entity id with capitals and a dot":      Case(biden("aliases: → id: Joe.Biden, aliases:"),                 (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.id': expected a page name .*; got 'Joe\.Biden'", 1),
    "entity id starting with a dash":         Case(biden("aliases: → id: -rf, aliases:"),                       (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.id': expected a page name", 1),
    "entity id too long (derived)":           Case(biden("name_en: Joe Biden → name_en: " + "Joe Biden " * 15), (),                              rf"site\.yaml:{BIDEN_LINE}: entities\[0\]: the page name made from its name_en \(joe-biden-joe-biden-.*…\) is 149 characters, over the 100 a page name may be — give it a short 'id:'", 1),
    "entity id that is fine":                 Case(biden("aliases: → id: joe_biden-46, aliases:"),              (),                              r"",                                                                                  0, then_file("entities/joe_biden-46.html")),
    "Arabic-only entity, no id":              Case(biden("name_en: Joe Biden, → "),                            (),                              r"",                                                                                  0, then_file("entities/جو-بايدن.html")),
    "Arabic entity id":                       Case(biden("aliases: → id: بايدن, aliases:"),                     (),                              r"",                                                                                  0, then_file("entities/بايدن.html")),
    # 5. the size limit of site.yaml
    "site.yaml over the size limit":          Case(lambda root: (root / "site.yaml").write_text(SITE_YAML + HUGE, encoding="utf-8"), (),
                                                   r"site\.yaml: is 1\.1 MB \(1,1\d\d,\d\d\d bytes\), over the 1 MB \(1,000,000 bytes\) a configuration file may be — a site\.yaml is a few kilobytes", 1),
    # other values that reach a page
    "language ar-IQ":                         Case(site_yaml_with("language: ar", "language: ar-IQ"),          (),                              rf"site\.yaml:{LANGUAGE_LINE}: 'language': expected a language code such as ar or en .*a region goes in 'locale:'.*got 'ar-IQ'", 1),
    "language that breaks <html lang>":       Case(site_yaml_with("language: ar", "language: 'ar\" onload=\"x'"), (),                            rf"site\.yaml:{LANGUAGE_LINE}: 'language': expected a language code", 1),
    "language that is fine":                  Case(site_yaml_with("language: ar", "language: en"),             (),                              r"",                                                                                  0),
    "title with a control character":         Case(site_yaml_with('title: "موجز', 'title: "\\x01موجز'),         (),                              r"site\.yaml:3: 'title': contains the control character U\+0001 at position 1", 1),
    "title that is blank":                    Case(site_yaml_with('title: "موجز: لقاء بايدن والكاظمي"', 'title: "  "'), (),                      r"site\.yaml:3: 'title': is empty; the site's name", 1),
    "alias yes, unquoted":                    Case(biden("aliases: [بايدن] → aliases: [بايدن, yes]"),          (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.aliases\[1\]' should be text, got bool True — put it in quotes", 1),
    "empty alias":                            Case(biden('aliases: [بايدن] → aliases: [بايدن, ""]'),           (),                              rf"site\.yaml:{BIDEN_LINE}: 'entities\.0\.aliases\[1\]': is empty", 1),
    "participant with a control character":   Case(site_yaml_with('participants: ["جو بايدن"', 'participants: ["جو\\u0085بايدن"'), (),          r"site\.yaml:\d+: 'event\.participants\[0\]': contains the control character U\+0085", 1),
}


def inputs_of(root: Path) -> dict[str, dict[str, bytes] | bytes]:
    return {part: tree_digest(root / part) if (root / part).is_dir() else (root / part).read_bytes() for part in INPUTS}


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_a_configuration_value_is_checked_where_it_enters(tmp_path, capsys, case):
    root = small_project(tmp_path / "project")
    assert build_in_process(root, capsys)[0] == 0
    site_before = tree_digest(root / "output")
    if case.edit:
        case.edit(root)
    inputs_before = inputs_of(root)

    if case.args:  # the real command line, as a user types it
        run = build_process(root, *case.args)
        code, said = run.returncode, run.stdout + run.stderr
    else:
        code, said = build_in_process(root, capsys)

    assert code == case.exit, said
    assert re.search(case.says, said), said
    assert "a bug in the generator" not in said and "Traceback" not in said, said
    assert inputs_of(root) == inputs_before  # seeds/, content/, templates/ and site.yaml untouched
    if case.exit == 1:
        assert "nothing was built and the previous site was left as it was" in said, said
        assert tree_digest(root / "output") == site_before
    if case.then:
        case.then(root / "output")


# --- the rules behind the rows ----------------------------------------------------------------

def test_every_default_interface_text_passes_its_own_check():
    assert set(UI_PLACEHOLDERS) <= set(DEFAULT_UI_TEXT) and FILLED_IN_THE_BROWSER <= set(UI_PLACEHOLDERS)
    assert {key: ui_text_problem(key, text) for key, text in DEFAULT_UI_TEXT.items() if ui_text_problem(key, text)} == {}
    for key, names in UI_PLACEHOLDERS.items():  # what the table accepts is what str.format is given
        if key not in FILLED_IN_THE_BROWSER:
            DEFAULT_UI_TEXT[key].format(**{name: 3 for name in names})
    used = {key for key, text in DEFAULT_UI_TEXT.items() if re.search(r"\{\w+\}", text)}
    assert used <= set(UI_PLACEHOLDERS), "a default with a placeholder must declare it in UI_PLACEHOLDERS"


@pytest.mark.parametrize("name, name_en", [
    ("جو بايدن", ""), ("مُصْطَفَى الكاظمي", ""), ("الأمم المتحدة", ""), ("وزارة الخارجية", "US Department of State"),
    ("منظمة", "Médecins Sans Frontières"), ("شركة", "AT&T / O'Reilly"), ("؟؟؟", ""), ("پژوهش", ""),
    ("بلد", "İstanbul"), ("1701", ""),
])
def test_a_derived_entity_id_is_a_safe_page_name(name, name_en):
    derived = entity_id_for(name, name_en)
    assert ENTITY_ID_RE.fullmatch(derived), derived


def test_a_base_url_given_any_other_way_is_checked_too(tmp_path):
    """``serve`` sets --base-url with dataclasses.replace: the Config refuses a bad one itself."""
    root = small_project(tmp_path / "project")
    config = load_config(root)
    assert replace(config, base_url="https://example.org/repo").base_url == "https://example.org/repo"
    with pytest.raises(ConfigError) as caught:
        replace(config, base_url="javascript:alert(1)//")
    (problem,) = caught.value.problems
    assert re.fullmatch(CLI + r"starting with https:// or http://; got 'javascript:alert\(1\)//' — .*", str(problem))
