"""Bad input, continued (issue 17): text that is all furniture, and names that talk to the terminal.

Same shape as the catalogue in ``test_bad_input.py``: each row is a file a newsroom will
meet, built in a real small project, with what the build says, its exit status, the titles
that must be built, and ``seeds/`` byte-for-byte as it was.

Exit status: 0 built, 3 built with input files skipped.
"""
from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import given

from generator.clean.cleaner import clean, leaves_letters
from generator.cli import _say
from generator.model import RawDoc
from generator.terminal import paint
from test_bad_input import (ARTICLE, GOOD_SEED, TITLE, InputCase, build_in_process, build_process, built_titles,
                            small_project, tree_digest)
from test_fuzz import ARABIC_TEXT, fuzz

P1, P2 = [p.strip() for p in ARTICLE.split("\n\n")[1:]]
HOLDS_NO_LETTERS = r"holds no letters \(only separator lines, punctuation, digits or invisible marks\) — paste"
# A letter or digit of any script, written out here so the tests do not lean on the code they test.
LETTER_OR_DIGIT = re.compile("[^\\W_\u0640]")


def article_with(separator: str) -> bytes:
    return f"{TITLE}\n\n{P1}\n\n{separator}\n\n{P2}".encode()


TEXT_INPUTS = {
    # case                                    files in seeds/                                              the build says                            exit  built
    "tatweel rule between paragraphs":   InputCase({"rule.txt": article_with("ـــــــــــــــ")},              r"",                                           0, (TITLE,)),
    "spaced tatweel rule":               InputCase({"spaced.txt": article_with("ـــ ـ ـ ـــ")},               r"",                                           0, (TITLE,)),
    "tatweel and a dash":                InputCase({"dash.txt": article_with("ـــ – ـــ")},                     r"",                                           0, (TITLE,)),
    "tatweel and box strokes":           InputCase({"box.txt": article_with("ـــ━━━ـــ")},                    r"",                                           0, (TITLE,)),
    "underscores":                       InputCase({"under.txt": article_with("__________")},                  r"",                                           0, (TITLE,)),
    "tatweel rule as the first line":    InputCase({"first.txt": f"ـــــــ\n{ARTICLE}".encode()},              r"",                                           0, (TITLE,)),
    "tatweel as a dash in the headline": InputCase({"head.txt": ARTICLE.replace(TITLE, f"عاجل ـــ {TITLE}", 1).encode()},
                                                   r"",                                                                                                     0, (f"عاجل {TITLE}",)),
    "only tatweel lines":                InputCase({"rules.txt": "ـــــــ\n\nـ ـ ـ ـ\nـــ\n".encode()},         rf"seeds/rules\.txt: {HOLDS_NO_LETTERS}",     3),
    "only punctuation":                  InputCase({"dots.txt": "...\n!!! ؟؟\n«» ، ؛\n* * *\n".encode()},     rf"seeds/dots\.txt: {HOLDS_NO_LETTERS}",      3),
    "only digits and separators":        InputCase({"digits.txt": "2021 - 07 - 26\n\n١٢٣٤٥٦\n----\n".encode()}, rf"seeds/digits\.txt: {HOLDS_NO_LETTERS}",   3),
    "only page numbers":                 InputCase({"pages.txt": "- 1 -\n\nصفحة 2\n\n3/12\n".encode()},        rf"seeds/pages\.txt: {HOLDS_NO_LETTERS}",     3),
    "only invisible marks and tatweel":  InputCase({"marks.txt": "\u200f\u200eـــ\u200b\n\u2067\u2069\u200c\n".encode()},
                                                   rf"seeds/marks\.txt: {HOLDS_NO_LETTERS}",                                                                  3),
    "no letters in Windows-1256":        InputCase({"cp.txt": "ـــــ\n؟؟ ، 12\n".encode("cp1256")},            rf"seeds/cp\.txt: {HOLDS_NO_LETTERS}",        3),
}


@pytest.mark.parametrize("case", list(TEXT_INPUTS.values()), ids=list(TEXT_INPUTS))
def test_furniture_is_never_text_and_a_file_of_furniture_is_named(tmp_path, capsys, case):
    root = small_project(tmp_path / "project")
    for name, content in case.files.items():
        (root / "seeds" / name).write_bytes(content)
    seeds_before = tree_digest(root / "seeds")

    code, said = build_in_process(root, capsys)

    assert code == case.exit, said
    assert re.search(case.says, said), said
    assert tree_digest(root / "seeds") == seeds_before
    titles = built_titles(root)
    assert len(titles) == 1 + len(case.titles)
    for title in case.titles:
        assert title in titles
    articles = json.loads((root / "output" / "data" / "articles.json").read_text(encoding="utf-8"))["articles"]
    for article in articles:
        shown = [article[k] for k in ("title", "kicker", "subtitle", "section", "author", "dateline") if article[k]]
        shown += [p["text"] for p in article["paragraphs"]]
        assert all(LETTER_OR_DIGIT.search(text) and "\u0640\u0640" not in text for text in shown), shown
        if article["source_file"] != GOOD_SEED and case.titles:
            assert [p["text"] for p in article["paragraphs"] if p["role"] == "body"][-2:] == [P1, P2]


SEPARATORS = ("ـــــــ", "ـــ ـ ـ", "ـ–ـ", "ـ━ـ━ـ", "ـــ\u200fـــ", " ـ ـ ـ ـ ", "____", "ـــ*ـــ")


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_line_of_strokes_is_taken_out_whole_like_dashes(separator):
    """The cleaner's record: one removal, the whole line, for the same reason as "----"."""
    for text in (article_with(separator).decode(), f"{separator}\n{ARTICLE}"):
        doc = clean(RawDoc("x.txt", text.encode(), text, "utf-8"))
        assert [b.text for b in doc.blocks if b.role in ("headline", "body")] == [TITLE, P1, P2]
        line = text.split("\n").index(separator) + 1
        on_line = [(r.text, r.reason) for r in doc.removed if r.line == line]
        dashes = clean(RawDoc("y.txt", b"", text.replace(separator, "----"), "utf-8"))
        assert on_line == [(separator, next(r.reason for r in dashes.removed if r.text == "----"))]


@fuzz(300)
@given(ARABIC_TEXT)
def test_a_file_is_refused_for_lack_of_letters_exactly_when_cleaning_would_leave_none(text):
    doc = clean(RawDoc("fuzz.txt", b"", text, "utf-8"))
    assert leaves_letters(text) == any(ch.isalpha() and ch != "\u0640" for b in doc.blocks for ch in b.text)


# --- the terminal is not an input channel ------------------------------------------------------

NAMES = {
    # case                         the seed's name                    the build shows it as (regex)
    "a title-setting sequence":   ("a\x1b]0;pwned\x07.txt",           r"seeds/a\\x1b\]0;pwned\\x07\.txt: is empty"),
    "a colour sequence":          ("\x1b[31mred.txt",                 r"seeds/\\x1b\[31mred\.txt: is empty"),
    "a cursor move and erase":    ("x\x1b[2K\x1b[1Aok.txt",           r"seeds/x\\x1b\[2K\\x1b\[1Aok\.txt: is empty"),
    "a carriage return":          ("fine.txt\rseeds-b.txt",          r"seeds/fine\.txt\\rseeds-b\.txt: is empty"),
    "a newline":                  ("two\nBuilt 9 pages.txt",          r"seeds/two\\nBuilt 9 pages\.txt: is empty"),
    "a bidi override, in Arabic": ("\u202bخبر\u202e عاجل\u202c.txt",  r"seeds/\\u202bخبر\\u202e عاجل\\u202c\.txt: is empty"),
    "an isolate":                 ("\u2067exe.txt\u2069.txt",         r"seeds/\\u2067exe\.txt\\u2069\.txt: is empty"),
}
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.mark.parametrize("colour", ["unset", "forced"])
@pytest.mark.parametrize("name, shown", list(NAMES.values()), ids=list(NAMES))
def test_a_file_name_cannot_command_the_terminal(tmp_path, name, shown, colour):
    root = small_project(tmp_path / "project")
    (root / "seeds" / name).write_bytes(b"")
    seeds_before = tree_digest(root / "seeds")
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    if colour == "forced":
        env["FORCE_COLOR"] = "1"

    run = build_process(root, env=env)
    said = run.stdout + run.stderr

    assert run.returncode == 3, said
    assert re.search(shown, said), said
    assert tree_digest(root / "seeds") == seeds_before
    own_colour = re.compile(r"\x1b\[(32|33|31;1|2|1|0)m")
    assert not CONTROLS.search(own_colour.sub("", said)), repr(said)  # no raw ESC, BEL, CR, bidi control
    assert bool(own_colour.search(said)) == (colour == "forced")  # our own colours still work


def test_the_preview_reports_escape_a_saved_name_but_keep_their_colours(capsys, monkeypatch):
    """serve's ``say``: "<name> changed → built …", the name raw, the rest painted."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    _say("seeds/a\x1b]0;pwned\x07.txt, seeds/\x1b[32mgreen.txt changed → " + paint("built in 0.10 s", "ok"))
    shown = capsys.readouterr().out
    assert shown == ("seeds/a\\x1b]0;pwned\\x07.txt, seeds/\\x1b[32mgreen.txt changed → "
                     "\x1b[32mbuilt in 0.10 s\x1b[0m\n")


def test_the_previews_changed_line_escapes_a_name_even_one_painted_like_ours():
    from generator.serve.rebuilder import _listed

    said = _listed(["seeds/\x1b[32mok\x1b[0m.txt", "seeds/b.txt"])
    assert "\x1b" not in said and "seeds/\\x1b[32mok\\x1b[0m.txt, seeds/b.txt" == said
