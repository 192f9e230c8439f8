"""``site.yaml`` → a validated, frozen ``Config``. No other module reads raw YAML.

``load_config`` reads the file (size, encoding and YAML syntax checked first) and
``config_from_yaml`` turns its sections into the values a build is given: ``Config`` with its
``Event``, ``Topic`` and ``EarlierEvent`` values, the gazetteer's ``Entity`` and the outlets'
``Source``. Each key is declared once in ``options``; its value is checked by ``sections``
and ``checks``. Every mistake in the file is collected and reported together, each naming
file, line and key, what was expected and what was found, with the nearest valid key for a typo.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from ..model import DateValue, Entity, Problem, Source, entity_id_for
from ..output_folder import (
    CONTENT_HINT,
    PLACE_HINT,
    output_refusal,
    placement_refusal,
    protected_paths,
)
from .checks import ENTITY_ID_RE, ENTITY_ID_RULE, MAX_ENTITY_ID, base_url_problem, check_base_url, text_problem
from .options import CONTEXT_OPTIONS, ENTITY_OPTIONS, EVENT_OPTIONS, SITE_OPTIONS, SOURCE_OPTIONS, TOPIC_OPTIONS
from .sections import unknown_key, valid_items, validate_section
from .ui_text import DEFAULT_UI_TEXT, ui_text_problem
from .yamlfile import (
    MAX_YAML_BYTES,
    YamlDoc,
    YamlError,
    YamlTooLarge,
    YamlTooManyValues,
    load_yaml,
)

__all__ = ["CONFIG_FILE", "ENTITY_ID_RE", "Config", "ConfigError", "EarlierEvent", "Event", "Topic",
           "config_from_yaml", "load_config"]

CONFIG_FILE = "site.yaml"


class ConfigError(Exception):
    """Raised with every problem found in the configuration, not just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EarlierEvent:
    name: str
    date: DateValue


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    date: dt.date | None
    place: str
    participants: tuple[str, ...]
    summary: str
    context: tuple[EarlierEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class Config:
    root: Path
    title: str
    description: str
    language: str
    locale: str
    base_url: str
    output_dir: Path
    seeds_dir: Path
    content_dir: Path
    templates_dir: Path
    words_per_minute: int
    markdown_html: bool
    event: Event
    ui: Mapping[str, str]
    entities: tuple[Entity, ...]
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    source_hash: str  # of site.yaml's bytes, for caches

    def __post_init__(self) -> None:
        # site.yaml's base_url is checked where it is read and --base-url by load_config; this
        # catches any other way in (dataclasses.replace), so no page can carry an unchecked one.
        if check_base_url(self.base_url):
            raise ConfigError([base_url_problem(self.base_url)])


def load_config(root: Path, path: Path | None = None, base_url: str | None = None) -> Config:
    """Read and validate ``site.yaml`` under ``root``; raise ``ConfigError`` listing every problem.

    ``base_url`` is the command line's ``--base-url``: checked as site.yaml's is, and reported
    with site.yaml's mistakes; when given (not empty) it replaces site.yaml's."""
    cli = [base_url_problem(base_url)] if base_url and check_base_url(base_url) else []
    try:
        config = _load_site_yaml(root, path or root / CONFIG_FILE)
    except ConfigError as exc:
        raise ConfigError(cli + list(exc.problems)) from None
    if cli:
        raise ConfigError(cli)
    return replace(config, base_url=base_url.rstrip("/")) if base_url else config


def _load_site_yaml(root: Path, path: Path) -> Config:
    shown = path.name if path.parent == root else str(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_YAML_BYTES + 1)
            size = os.fstat(file.fileno()).st_size if len(raw) > MAX_YAML_BYTES else len(raw)
    except OSError as exc:
        raise ConfigError([Problem(shown, f"cannot read the configuration: {exc.strerror}",
                                   hint=f"create {CONFIG_FILE} at the project root (see README)")]) from None
    try:
        if len(raw) > MAX_YAML_BYTES:
            raise YamlTooLarge(max(size, len(raw)))
        doc = load_yaml(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError([Problem(shown, f"not UTF-8 text (byte {exc.start})",
                                   hint="save the file as UTF-8")]) from None
    except YamlTooLarge as exc:
        raise ConfigError([Problem(shown, f"is {_size(exc.size)} ({exc.size:,} bytes), over the {_size(exc.limit)} "
                                          f"({exc.limit:,} bytes) a configuration file may be",
                                   hint=f"a {CONFIG_FILE} is a few kilobytes: check that no article, export or "
                                        "other file was pasted or saved into it")]) from None
    except YamlTooManyValues as exc:
        raise ConfigError([Problem(shown, f"holds {exc}", exc.line,
                                   "a configuration holds a few hundred values: remove the repeated aliases "
                                   "(&name / *name) or the data pasted into it")]) from None
    except YamlError as exc:
        raise ConfigError([Problem(shown, f"YAML syntax error: {exc}", exc.line,
                                   "fix the indentation or quoting on that line")]) from None
    return config_from_yaml(doc, root, shown, hashlib.sha256(raw).hexdigest())


def _size(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB".replace(".0 MB", " MB") if count >= 100_000 else f"{count / 1000:.0f} kB"


def config_from_yaml(doc: YamlDoc, root: Path, shown: str, source_hash: str = "") -> Config:
    problems: list[Problem] = []
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError([Problem(shown, "expected a mapping of keys (title: …) at the top", 1)])
    site = validate_section(data, SITE_OPTIONS, (), doc, shown, problems)
    event = validate_section(site["event"], EVENT_OPTIONS, ("event",), doc, shown, problems)
    ui = _validate_ui(site["ui"], doc, shown, problems)
    entities = _validate_entities(site["entities"], doc, shown, problems)
    sources = _validate_sources(site["sources"], doc, shown, problems)
    topics = _validate_topics(site["topics"], doc, shown, problems)
    context = _validate_context(event["context"], doc, shown, problems)
    dirs = {key: root / site[key] for key in ("output", "seeds", "content", "templates")}
    problems += _check_output_dir(dirs, root, doc, shown)
    if problems:
        raise ConfigError(problems)
    return Config(
        root=root, title=site["title"], description=site["description"], language=site["language"],
        locale=site["locale"], base_url=site["base_url"].rstrip("/"), output_dir=dirs["output"],
        seeds_dir=dirs["seeds"], content_dir=dirs["content"], templates_dir=dirs["templates"],
        words_per_minute=site["words_per_minute"], markdown_html=site["markdown_html"],
        event=Event(name=event["name"], date=event["date"], place=event["place"],
                    participants=tuple(str(p) for p in event["participants"]), summary=event["summary"],
                    context=context),
        ui=MappingProxyType({**DEFAULT_UI_TEXT, **ui}), entities=entities, sources=sources, topics=topics,
        source_hash=source_hash,
    )


def _validate_ui(data: dict, doc: YamlDoc, shown: str, problems: list[Problem]) -> dict[str, str]:
    ui: dict[str, str] = {}
    for key, value in sorted(data.items(), key=lambda kv: str(kv[0])):
        if key not in DEFAULT_UI_TEXT:
            problems.append(unknown_key(str(key), DEFAULT_UI_TEXT, ("ui",), doc, shown))
        elif not isinstance(value, str):
            problems.append(Problem(shown, f"'ui.{key}' should be text, got {value!r:.60}",
                                    doc.line_of(("ui", key))))
        elif error := text_problem(value) or ui_text_problem(key, value):
            problems.append(Problem(shown, f"'ui.{key}': {error}", doc.line_of(("ui", key)),
                                    f"the default is {DEFAULT_UI_TEXT[key]!r}"))
        else:
            ui[key] = value
    return ui


def _validate_entities(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Entity, ...]:
    entities, ids = [], {}
    for number, values in valid_items(items, ENTITY_OPTIONS, "entities", doc, shown, problems,
                                      "a mapping with name and type"):
        aliases = tuple(str(a) for a in values["aliases"])
        entity_id = values["id"] or entity_id_for(values["name"], values["name_en"])
        if not ENTITY_ID_RE.fullmatch(entity_id):  # only a very long name or name_en
            made_from = "name_en" if values["name_en"] else "name"
            why = (f"is {len(entity_id)} characters, over the {MAX_ENTITY_ID} a page name may be"
                   if len(entity_id) > MAX_ENTITY_ID else f"is not {ENTITY_ID_RULE}")
            problems.append(Problem(shown, f"entities[{number}]: the page name made from its {made_from} "
                                           f"({entity_id[:30]}…) {why}", doc.line_of(("entities", number)),
                                    f"give it a short 'id:' of {ENTITY_ID_RULE}"))
            continue
        if entity_id in ids:
            problems.append(Problem(shown, f"entities[{number}] has the same id '{entity_id}' as "
                                           f"entities[{ids[entity_id]}]",
                                    doc.line_of(("entities", number)), "give one of them an 'id:'"))
            continue
        ids[entity_id] = number
        entities.append(Entity(entity_id, values["name"], values["type"], aliases, values["role"], values["name_en"]))
    return tuple(entities)


def _validate_sources(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Source, ...]:
    return tuple(Source(values["name"], values["name_en"], tuple(map(str, values["aliases"])), values["agency"],
                        values["plain"], tuple(map(str, values["site"])))
                 for _, values in valid_items(items, SOURCE_OPTIONS, "sources", doc, shown, problems,
                                              "a mapping with a name"))


def _validate_topics(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Topic, ...]:
    topics, seen = [], set()
    for number, values in valid_items(items, TOPIC_OPTIONS, "topics", doc, shown, problems):
        if values["id"] in seen:
            problems.append(Problem(shown, f"topics[{number}]: id '{values['id']}' is used twice",
                                    doc.line_of(("topics", number))))
            continue
        seen.add(values["id"])
        topics.append(Topic(values["id"], values["label"], tuple(map(str, values["keywords"]))))
    return tuple(topics)


def _validate_context(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[EarlierEvent, ...]:
    out = []
    for number, values in valid_items(items, CONTEXT_OPTIONS, "event.context", doc, shown, problems):
        when = _partial_date(values["date"])
        if when is None:
            problems.append(Problem(shown, f"event.context[{number}].date: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                                           f"got {values['date']!r}",
                                    doc.line_of(("event", "context", number, "date"))))
            continue
        out.append(EarlierEvent(values["name"], when))
    return tuple(out)


def _partial_date(value) -> DateValue | None:
    if isinstance(value, dt.date):
        return DateValue(value.year, value.month, value.day)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value))
    return DateValue(*(int(g) if g else None for g in match.groups())) if match else None


def _check_output_dir(dirs: dict[str, Path], root: Path, doc: YamlDoc, shown: str) -> list[Problem]:
    """The output folder is replaced on every build: where it may be (``output_folder``)."""
    inputs = {key: dirs[key] for key in ("seeds", "content", "templates")}
    line = doc.line_of(("output",))
    reason = placement_refusal(dirs["output"], root, protected_paths(root, inputs, root / CONFIG_FILE))
    if reason:
        return [Problem(shown, reason, line, f"nothing was touched; {PLACE_HINT}")]
    reason = output_refusal(dirs["output"])
    return [Problem(shown, reason, line, f"nothing was touched; {CONTENT_HINT}")] if reason else []
