"""``site.yaml`` → a validated, frozen ``Config``. No other module reads raw YAML.

Each key is declared once below (type, default, one-line doc): the declaration is both the
check and the reference (README "Configuration" is generated from the same words). Every
mistake in the file is collected and reported together, each naming file, line and key,
what was expected and what was found, with the nearest valid key for a typo.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from ..model import ENTITY_TYPES, DateValue, Entity, Problem, Source, entity_id_for
from ..output_folder import (
    CONTENT_HINT,
    PLACE_HINT,
    output_refusal,
    placement_refusal,
    protected_paths,
)
from .ui_text import DEFAULT_UI_TEXT, ui_text_problem
from .yamlfile import (
    MAX_YAML_BYTES,
    YamlDoc,
    YamlError,
    YamlTooLarge,
    YamlTooManyValues,
    load_yaml,
    suggest_key,
)

CONFIG_FILE = "site.yaml"
TOPIC_ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
# An entity page is entities/<id>.html: the letters entity_id_for keeps (Latin a-z, digits, the
# Arabic letters without tatweel), - and _; no dot, slash, space or capital (one page per id on
# every file system). Derived ids are held to the same rule.
ENTITY_ID_CHARS = "a-z0-9\u0621-\u063f\u0641-\u064a"
MAX_ENTITY_ID = 100  # characters; an Arabic letter is 2 bytes of a 255-byte file name
ENTITY_ID_RE = re.compile(f"[{ENTITY_ID_CHARS}][{ENTITY_ID_CHARS}_-]{{0,{MAX_ENTITY_ID - 1}}}")
ENTITY_ID_RULE = (f"lowercase Latin letters, Arabic letters, digits, - and _, starting with a letter or digit, "
                  f"at most {MAX_ENTITY_ID} characters, such as white-house")
# C0 and C1 control characters (tab and line break aside) and the Unicode line separators: never
# meant to be in a page, and invalid in the feed's XML.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
CLI_BASE_URL = "--base-url"


class ConfigError(Exception):
    """Raised with every problem found in the configuration, not just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    kind: type | tuple[type, ...]
    default: Any
    doc: str
    required: bool = False
    check: Callable[[Any], str | None] | None = None  # returns an error message or None
    items: type | None = None  # a list of these (text: str), each checked like a text value


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


def _check_locale(value: str) -> str | None:
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError, TypeError):
        return f"unknown locale {value!r}; use a Babel locale such as ar_IQ, ar_EG or ar"
    return None


def _check_language(value: str) -> str | None:
    # <html lang> wants a BCP 47 tag, and the plural rules are Babel's for that language: a
    # language subtag is both (the region goes in locale:). Babel is asked with its own separator,
    # as render.py does, so a tag it cannot read never reaches a page.
    if re.fullmatch(r"[a-z]{2,3}", value):
        try:
            Locale.parse(value)
            return None
        except (UnknownLocaleError, ValueError):
            pass
    return (f"expected a language code such as ar or en (lowercase; a region goes in 'locale:', e.g. ar_IQ), "
            f"got {value!r}")


_URL_CHARS_RE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_HOST_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?")


def check_base_url(value: str) -> str | None:
    """Why ``value`` cannot be the site's public address, or None: the one check for site.yaml's
    ``base_url`` and ``--base-url``. Every page's address is appended to it as is."""
    if not value:
        return None
    flaw = _base_url_flaw(value)
    return (f"expected an absolute http(s) URL such as https://user.github.io/repo, {flaw}; got {value!r}"
            if flaw else None)


def _base_url_flaw(value: str) -> str | None:
    if any(c.isspace() for c in value) or CONTROL_RE.search(value):
        return "without spaces or control characters"
    if not value.isascii():
        return "in ASCII: percent-encode other characters (%D8%A7…) and write the host in punycode (xn--…)"
    odd = _URL_CHARS_RE.sub("", value)
    if odd:
        return f"without {odd[0]!r}"
    if re.search(r"%(?![0-9A-Fa-f]{2})", value):
        return "with % only as %XX, two hexadecimal digits"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not value[len(parts.scheme):].startswith("://"):
        return "starting with https:// or http://"
    if "@" in parts.netloc:
        return "without a user name or password (user:pass@)"
    host = parts.hostname or ""
    if not (_HOST_RE.fullmatch(host) or (parts.netloc.startswith("[") and ":" in host)):
        return "with a host name after // (letters, digits, dots and dashes)"
    try:
        parts.port
    except ValueError:
        return "with a port from 0 to 65535 after the host's ':'"
    if "?" in value:
        return "without a query (?…): each page's address is added after it"
    if "#" in value:
        return "without a fragment (#…): each page's address is added after it"
    return None


def base_url_problem(value: str) -> Problem:
    """What the build says about a ``--base-url`` that ``check_base_url`` refuses."""
    return Problem(CLI_BASE_URL, check_base_url(value) or "",
                   hint=f"give the address the site is published at, or leave {CLI_BASE_URL} out to use site.yaml's base_url")


def _check_entity_id(value: str) -> str | None:
    if not value or ENTITY_ID_RE.fullmatch(value):
        return None
    return f"expected a page name of {ENTITY_ID_RULE}; got {value!r}"


def _text_problem(value: str) -> str | None:
    found = CONTROL_RE.search(value)
    if found:
        return (f"contains the control character U+{ord(found[0]):04X} at position {found.start() + 1}, "
                "which no page can show; remove it")
    return None


def _check_relative_dir(value: str) -> str | None:
    if not value.strip() or Path(value).is_absolute() or ".." in Path(value).parts:
        return f"expected a folder inside the project such as 'output', got {value!r}"
    return None


def _check_positive(value: int) -> str | None:
    return None if value > 0 else f"expected a positive number, got {value}"


SITE_OPTIONS: tuple[Option, ...] = (
    Option("title", str, None, "the site's name, shown in every page header", required=True),
    Option("description", str, "", "one sentence under the title and in search engines"),
    Option("language", str, "ar", "the content language, for <html lang>", check=_check_language),
    Option("locale", str, "ar", "Babel locale for dates: ar_IQ → تموز, ar_EG → يوليو", check=_check_locale),
    Option("base_url", str, "", "absolute URL where the site is published; canonical links and feeds only",
           check=check_base_url),
    Option("output", str, "output", "folder the site is built into (replaced on each build)",
           check=_check_relative_dir),
    Option("seeds", str, "seeds", "folder of raw article files", check=_check_relative_dir),
    Option("content", str, "content", "folder of hand-written Markdown pages", check=_check_relative_dir),
    Option("templates", str, "templates", "folder of Jinja2 templates and static/ assets",
           check=_check_relative_dir),
    Option("words_per_minute", int, 180, "reading speed used for 'reading time'", check=_check_positive),
    Option("markdown_html", bool, False, "allow raw HTML inside content/*.md (off: it is shown as text)"),
    Option("event", dict, {}, "the event the articles cover (see event options)"),
    Option("ui", dict, {}, "overrides of interface text; keys as in generator/config/ui_text.py"),
    Option("entities", list, [], "the gazetteer: people, organizations and places to recognise"),
    Option("sources", list, [], "outlets and agencies: names and aliases to recognise who published"),
    Option("topics", list, [], "the briefing's topics: id, Arabic label and the keywords that signal each"),
)

TOPIC_OPTIONS: tuple[Option, ...] = (
    Option("id", str, None, "stable, URL-safe id, e.g. military_presence", required=True,
           check=lambda v: None if TOPIC_ID_RE.fullmatch(v) else f"use lowercase Latin letters, digits, - and _, got {v!r}"),
    Option("label", str, None, "the topic's Arabic name", required=True),
    Option("keywords", list, [], "words and phrases that signal the topic", items=str),
)

CONTEXT_OPTIONS: tuple[Option, ...] = (
    Option("name", str, None, "an earlier event the corpus also covers", required=True),
    Option("date", (str, int, dt.date), None, "when: YYYY, YYYY-MM or YYYY-MM-DD", required=True),
)

SOURCE_OPTIONS: tuple[Option, ...] = (
    Option("name", str, None, "the outlet's Arabic name, as pages show it", required=True),
    Option("name_en", str, "", "its English name"),
    Option("aliases", list, [], "other names and abbreviations its texts use", items=str),
    Option("agency", bool, False, "a wire agency credited in datelines, not a publisher"),
)

ENTITY_OPTIONS: tuple[Option, ...] = (
    Option("name", str, None, "canonical Arabic name, as pages show it", required=True),
    Option("type", str, None, "person, organization or place", required=True,
           check=lambda v: None if v in ENTITY_TYPES else f"expected one of {', '.join(ENTITY_TYPES)}, got {v!r}"),
    Option("aliases", list, [], "other names in the texts (short forms, spellings, English)", items=str),
    Option("role", str, "", "who they are, e.g. 'رئيس الوزراء العراقي'"),
    Option("name_en", str, "", "English name; also gives the entity page its URL"),
    Option("id", str, "", "URL name of the entity page (default: from name_en or name)", check=_check_entity_id),
)

EVENT_OPTIONS: tuple[Option, ...] = (
    Option("name", str, "", "the event's name, as the home page headline"),
    Option("date", dt.date, None, "the event's date, YYYY-MM-DD"),
    Option("place", str, "", "where it happened"),
    Option("participants", list, [], "who took part, as written in Arabic", items=str),
    Option("summary", str, "", "one paragraph shown under the event name"),
    Option("context", list, [], "earlier events some articles are about: each {name, date}"),
)

_TYPE_NAMES = {str: "text", int: "a whole number", bool: "true or false", dict: "a mapping (key: value)",
               list: "a list", dt.date: "a date YYYY-MM-DD"}


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
        raise ConfigError([Problem(shown, f"not UTF-8 text (byte {exc.start})", hint="save the file as UTF-8")]) from None
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
    site = _validate_section(data, SITE_OPTIONS, (), doc, shown, problems)
    event = _validate_section(site["event"], EVENT_OPTIONS, ("event",), doc, shown, problems)
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


def _validate_section(data: Any, options: tuple[Option, ...], path: tuple, doc: YamlDoc, shown: str,
                      problems: list[Problem]) -> dict[str, Any]:
    known = {o.key: o for o in options}
    data = data if isinstance(data, dict) else {}
    for key in sorted(set(map(str, data)) - set(known)):
        problems.append(_unknown_key(key, known, path, doc, shown))
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
            problems.append(Problem(shown, f"'{dotted}' should be {_TYPE_NAMES.get(option.kind, option.kind)}, "
                                           f"got {type(value).__name__} {value!r:.60}", line))
            values[option.key] = option.default
            continue
        error = option.check(value) if option.check else None
        if error is None and isinstance(value, str):
            error = _text_problem(value) or (f"is empty; {option.doc}" if option.required and not value.strip() else None)
        if error:
            problems.append(Problem(shown, f"'{dotted}': {error}", line))
            value = option.default
        elif option.items is str:
            value = _text_items(value, path + (option.key,), dotted, doc, shown, problems)
        values[option.key] = value
    return values


def _text_items(items: list, path: tuple, dotted: str, doc: YamlDoc, shown: str, problems: list[Problem]) -> list[str]:
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
        error = _text_problem(text) or ("is empty: it would match nothing, or everything" if not text.strip() else None)
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


def _unknown_key(key: str, known: Mapping[str, Any], path: tuple, doc: YamlDoc, shown: str) -> Problem:
    dotted = ".".join(map(str, path + (key,)))
    return Problem(shown, f"unknown key '{dotted}'", doc.line_of(path + (key,)), suggest_key(key, known))


def _validate_ui(data: dict, doc: YamlDoc, shown: str, problems: list[Problem]) -> dict[str, str]:
    ui: dict[str, str] = {}
    for key, value in sorted(data.items(), key=lambda kv: str(kv[0])):
        if key not in DEFAULT_UI_TEXT:
            problems.append(_unknown_key(str(key), DEFAULT_UI_TEXT, ("ui",), doc, shown))
        elif not isinstance(value, str):
            problems.append(Problem(shown, f"'ui.{key}' should be text, got {value!r:.60}",
                                    doc.line_of(("ui", key))))
        elif error := _text_problem(value) or ui_text_problem(key, value):
            problems.append(Problem(shown, f"'ui.{key}': {error}", doc.line_of(("ui", key)),
                                    f"the default is {DEFAULT_UI_TEXT[key]!r}"))
        else:
            ui[key] = value
    return ui


def _validate_entities(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Entity, ...]:
    entities, ids = [], {}
    for number, values in _valid_items(items, ENTITY_OPTIONS, "entities", doc, shown, problems,
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
            problems.append(Problem(shown, f"entities[{number}] has the same id '{entity_id}' as entities[{ids[entity_id]}]",
                                    doc.line_of(("entities", number)), "give one of them an 'id:'"))
            continue
        ids[entity_id] = number
        entities.append(Entity(entity_id, values["name"], values["type"], aliases, values["role"], values["name_en"]))
    return tuple(entities)


def _validate_sources(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Source, ...]:
    return tuple(Source(values["name"], values["name_en"], tuple(map(str, values["aliases"])), values["agency"])
                 for _, values in _valid_items(items, SOURCE_OPTIONS, "sources", doc, shown, problems,
                                               "a mapping with a name"))


def _validate_topics(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[Topic, ...]:
    topics, seen = [], set()
    for number, values in _valid_items(items, TOPIC_OPTIONS, "topics", doc, shown, problems):
        if values["id"] in seen:
            problems.append(Problem(shown, f"topics[{number}]: id '{values['id']}' is used twice",
                                    doc.line_of(("topics", number))))
            continue
        seen.add(values["id"])
        topics.append(Topic(values["id"], values["label"], tuple(map(str, values["keywords"]))))
    return tuple(topics)


def _validate_context(items: list, doc: YamlDoc, shown: str, problems: list[Problem]) -> tuple[EarlierEvent, ...]:
    out = []
    for number, values in _valid_items(items, CONTEXT_OPTIONS, "event.context", doc, shown, problems):
        when = _partial_date(values["date"])
        if when is None:
            problems.append(Problem(shown, f"event.context[{number}].date: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                                           f"got {values['date']!r}", doc.line_of(("event", "context", number, "date"))))
            continue
        out.append(EarlierEvent(values["name"], when))
    return tuple(out)


def _valid_items(items: list, options: tuple[Option, ...], key: str, doc: YamlDoc, shown: str,
                 problems: list[Problem], expected: str = "a mapping"):
    """(index, validated values) for each mapping in a list option; problems for the rest."""
    path0 = tuple(key.split("."))
    for number, item in enumerate(items):
        path = path0 + (number,)
        if not isinstance(item, dict):
            problems.append(Problem(shown, f"{key}[{number}] should be {expected}", doc.line_of(path)))
            continue
        before = len(problems)
        values = _validate_section(item, options, path, doc, shown, problems)
        if len(problems) == before:
            yield number, values


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
