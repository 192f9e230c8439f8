"""Safe, bounded YAML that remembers where each key was written.

Used for ``site.yaml`` and Markdown front matter, so that every error can name the line.
Only ``yaml.SafeLoader`` is used: ``!!python/…`` tags are refused, never executed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..model import Problem

MAX_YAML_BYTES = 1_000_000  # a configuration file larger than this is a mistake, not a config
MAX_YAML_NODES = 100_000  # bounds alias expansion ("billion laughs")


class YamlError(ValueError):
    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line

    def explained(self) -> str:
        """As a message names it: a syntax error, unless a subclass says what else it is."""
        return f"YAML syntax error: {self}"


class YamlTooLarge(YamlError):
    """Refused unread: ``size`` bytes, over ``MAX_YAML_BYTES``."""

    def __init__(self, size: int, limit: int = MAX_YAML_BYTES):
        super().__init__(f"is {size:,} bytes, over the {limit:,} bytes a YAML document may be")
        self.size, self.limit = size, limit

    def explained(self) -> str:
        return str(self)


class YamlTooManyValues(YamlError):
    """More values than ``MAX_YAML_NODES``: an alias bomb, or data that is not configuration."""

    def explained(self) -> str:
        return str(self)


@dataclass(frozen=True, slots=True)
class YamlDoc:
    data: Any
    lines: dict[tuple, int]  # key path → 1-based line where it is written

    def line_of(self, path: tuple) -> int:
        """The line of ``path``, or of its nearest written parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 0


def load_yaml(text: str) -> YamlDoc:
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_YAML_BYTES:
        raise YamlTooLarge(size)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        lines: dict[tuple, int] = {}
        _record_lines(node, (), lines, set())
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise YamlError(f"{exc.problem or exc.context}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc)) from None
    finally:
        loader.dispose()
    return YamlDoc(data, lines)


def _record_lines(node: Any, path: tuple, lines: dict[tuple, int], seen: set[int]) -> None:
    # Aliased nodes are visited once: a YAML bomb is a small graph, walked as a graph.
    if node is None or id(node) in seen:
        return
    seen.add(id(node))
    if len(seen) > MAX_YAML_NODES:
        raise YamlTooManyValues(f"more than {MAX_YAML_NODES:,} values (an alias bomb?)")
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = path + (key_node.value,)
            lines.setdefault(key, key_node.start_mark.line + 1)
            _record_lines(value_node, key, lines, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.setdefault(path + (index,), item.start_mark.line + 1)
            _record_lines(item, path + (index,), lines, seen)


def read_text_file(path: Path, shown: str) -> str | Problem:
    """An editor's UTF-8 file (a BOM is fine), or the Problem saying why it cannot be read."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return Problem(shown, f"cannot be read: {exc.strerror}", hint="check the file's permissions")
    except UnicodeDecodeError as exc:
        return Problem(shown, f"is not UTF-8 text (first bad byte at offset {exc.start})",
                       hint="save the file as UTF-8")


def suggest_key(key: object, valid: Iterable[str]) -> str:
    """The hint for an unknown key: the nearest valid one, else the list."""
    valid = sorted(valid)
    close = difflib.get_close_matches(str(key), valid, n=1)
    return f"did you mean '{close[0]}'?" if close else "valid keys: " + ", ".join(valid)
