"""Every key ``site.yaml`` may hold, declared once: its type, default, one-line doc and check.

    Option("words_per_minute", int, 180, "reading speed used for 'reading time'", check=check_positive)

A declaration is both the check (``sections`` validates each section against its table, and
names the nearest declared key for a typo) and the reference (README's "Configuration" table
gives the same docs). A new configuration key is one ``Option`` here, in the table of its
section of the file: the top level, ``event``, ``event.context``, ``topics``, ``sources`` or
``entities``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from .checks import (
    check_base_url,
    check_entity_id,
    check_entity_type,
    check_language,
    check_locale,
    check_positive,
    check_relative_dir,
    check_topic_id,
)


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    kind: type | tuple[type, ...]
    default: Any
    doc: str
    required: bool = False
    check: Callable[[Any], str | None] | None = None  # returns an error message or None
    items: type | None = None  # a list of these (text: str), each checked like a text value


SITE_OPTIONS: tuple[Option, ...] = (
    Option("title", str, None, "the site's name, shown in every page header", required=True),
    Option("description", str, "", "one sentence under the title and in search engines"),
    Option("language", str, "ar", "the content language, for <html lang>", check=check_language),
    Option("locale", str, "ar", "Babel locale for dates: ar_IQ → تموز, ar_EG → يوليو", check=check_locale),
    Option("base_url", str, "", "absolute URL where the site is published; canonical links and feeds only",
           check=check_base_url),
    Option("output", str, "output", "folder the site is built into (replaced on each build)",
           check=check_relative_dir),
    Option("seeds", str, "seeds", "folder of raw article files", check=check_relative_dir),
    Option("content", str, "content", "folder of hand-written Markdown pages", check=check_relative_dir),
    Option("templates", str, "templates", "folder of Jinja2 templates and static/ assets",
           check=check_relative_dir),
    Option("words_per_minute", int, 180, "reading speed used for 'reading time'", check=check_positive),
    Option("markdown_html", bool, False, "allow raw HTML inside content/*.md (off: it is shown as text)"),
    Option("event", dict, {}, "the event the articles cover (see event options)"),
    Option("ui", dict, {}, "overrides of interface text; keys as in generator/config/ui_text.py"),
    Option("entities", list, [], "the gazetteer: people, organizations and places to recognise"),
    Option("sources", list, [], "outlets and agencies: names and aliases to recognise who published"),
    Option("topics", list, [], "the briefing's topics: id, Arabic label and the keywords that signal each"),
)

TOPIC_OPTIONS: tuple[Option, ...] = (
    Option("id", str, None, "stable, URL-safe id, e.g. military_presence", required=True, check=check_topic_id),
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
    Option("plain", bool, False, "its name is also an ordinary phrase: found only with a cue (masthead word, quotes)"),
    Option("site", list, [], "an agency's website names: a dateline crediting it so is on its own page", items=str),
)

ENTITY_OPTIONS: tuple[Option, ...] = (
    Option("name", str, None, "canonical Arabic name, as pages show it", required=True),
    Option("type", str, None, "person, organization or place", required=True, check=check_entity_type),
    Option("aliases", list, [], "other names in the texts (short forms, spellings, English)", items=str),
    Option("role", str, "", "who they are, e.g. 'رئيس الوزراء العراقي'"),
    Option("name_en", str, "", "English name; also gives the entity page its URL"),
    Option("id", str, "", "URL name of the entity page (default: from name_en or name)", check=check_entity_id),
)

EVENT_OPTIONS: tuple[Option, ...] = (
    Option("name", str, "", "the event's name, as the home page headline"),
    Option("date", dt.date, None, "the event's date, YYYY-MM-DD"),
    Option("place", str, "", "where it happened"),
    Option("participants", list, [], "who took part, as written in Arabic", items=str),
    Option("summary", str, "", "one paragraph shown under the event name"),
    Option("context", list, [], "earlier events some articles are about: each {name, date}"),
)
