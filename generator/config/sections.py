"""One section of ``site.yaml`` checked against its table of ``Option``: values out, every problem collected.

    title: 42            →  site.yaml:1: 'title' should be text, got int 42
    wrods_per_minute: 9  →  site.yaml:2: unknown key 'wrods_per_minute' — did you mean 'words_per_minute'?
    aliases: [yes]       →  site.yaml:6: 'entities.0.aliases[0]' should be text, got bool True — put it in quotes

A section is a mapping (the top level, ``event``, one entry of ``entities``…); every key is
checked for its type, its own check (``checks``) and, for text, control characters; a value
that fails is reported with file, line and dotted key and replaced by its default, so the
whole file is read and every mistake told at once. ``valid_items`` does the same for each
mapping of a list, yielding only the entries without a problem. What the values become
(``Config``, ``Entity``, ``Topic``…) is ``site``'s business.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from ..model import Problem
from .checks import text_problem
from .options import Option
from .yamlfile import YamlDoc, suggest_key

TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", dict: "a mapping (key: value)",
              list: "a list", dt.date: "a date YYYY-MM-DD"}


def validate_section(data: Any, options: tuple[Option, ...], path: tuple, doc: YamlDoc, shown: str,
                     problems: list[Problem]) -> dict[str, Any]:
    """The value of each option in ``data`` (its default when missing or wrong); a problem added
    to ``problems`` for each unknown key, missing required key and refused value."""
    known = {o.key: o for o in options}
    data = data if isinstance(data, dict) else {}
    for key in sorted(set(map(str, data)) - set(known)):
        problems.append(unknown_key(key, known, path, doc, shown))
    values: dict[str, Any] = {}
    for option in options:
        dotted = ".".join(map(str, path + (option.key,)))
        if option.key not in data or data[option.key] is None:
            if option.required:
                problems.append(Problem(shown, f"missing required key '{dotted}': {option.doc}",
                                        doc.line_of(path), f"add '{option.key}: …'"))
            values[option.key] = option.default
            continue
        value = data[option.key]
        line = doc.line_of(path + (option.key,))
        if not _has_kind(value, option.kind):
            problems.append(Problem(shown, f"'{dotted}' should be {TYPE_NAMES.get(option.kind, option.kind)}, "
                                           f"got {type(value).__name__} {value!r:.60}", line))
            values[option.key] = option.default
            continue
        error = option.check(value) if option.check else None
        if error is None and isinstance(value, str):
            error = text_problem(value) or (f"is empty; {option.doc}"
                                            if option.required and not value.strip() else None)
        if error:
            problems.append(Problem(shown, f"'{dotted}': {error}", line))
            value = option.default
        elif option.items is str:
            value = _text_items(value, path + (option.key,), dotted, doc, shown, problems)
        values[option.key] = value
    return values


def valid_items(items: list, options: tuple[Option, ...], key: str, doc: YamlDoc, shown: str,
                problems: list[Problem], expected: str = "a mapping"):
    """(index, validated values) for each mapping in a list option; problems for the rest."""
    path0 = tuple(key.split("."))
    for number, item in enumerate(items):
        path = path0 + (number,)
        if not isinstance(item, dict):
            problems.append(Problem(shown, f"{key}[{number}] should be {expected}", doc.line_of(path)))
            continue
        before = len(problems)
        values = validate_section(item, options, path, doc, shown, problems)
        if len(problems) == before:
            yield number, values


def unknown_key(key: str, known: Mapping[str, Any], path: tuple, doc: YamlDoc, shown: str) -> Problem:
    """The problem for a key no option declares, with the nearest declared one as hint."""
    dotted = ".".join(map(str, path + (key,)))
    return Problem(shown, f"unknown key '{dotted}'", doc.line_of(path + (key,)), suggest_key(key, known))


def _text_items(items: list, path: tuple, dotted: str, doc: YamlDoc, shown: str,
                problems: list[Problem]) -> list[str]:
    """The entries of a list of text (aliases, keywords, participants), each as text; a problem for
    each that is not text (yes/no and lists are refused, numbers are taken as written), is empty or
    holds a control character."""
    out = []
    for number, item in enumerate(items):
        where = f"'{dotted}[{number}]'"
        line = doc.line_of(path + (number,))
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            problems.append(Problem(shown, f"{where} should be text, got {type(item).__name__} {item!r:.60}", line,
                                    "put it in quotes" if isinstance(item, bool) or item is None else ""))
            continue
        text = str(item)
        error = text_problem(text) or ("is empty: it would match nothing, or everything" if not text.strip() else None)
        if error:
            problems.append(Problem(shown, f"{where}: {error}", line))
            continue
        out.append(text)
    return out


def _has_kind(value: Any, kind: type | tuple[type, ...]) -> bool:
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is dt.date:
        return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
    return isinstance(value, kind)
