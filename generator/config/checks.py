"""The checks of single values in ``site.yaml``: each says why a value cannot be used, or None.

    check_base_url("https://user.github.io/repo")  →  None
    check_base_url("https://example.com/?page=1")   →  "expected an absolute http(s) URL …, without a query (?…)…"
    check_entity_id("White House")                  →  "expected a page name of lowercase Latin letters, …"
    text_problem("عنوان" + chr(7))                  →  "contains the control character U+0007 at position 6, …"

A check knows one value and what it is for (a locale, a language tag, a folder, a page name,
the site's public address); it never reads the file, knows no line numbers and raises
nothing. ``options`` attaches the checks to the keys they guard and ``sections`` turns their
messages into problems with file, line and key. ``check_base_url`` is also the one check of
the command line's ``--base-url``.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError

from ..model import ENTITY_TYPES, Problem

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

_URL_CHARS_RE = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*")
_HOST_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?")


def check_locale(value: str) -> str | None:
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError, TypeError):
        return f"unknown locale {value!r}; use a Babel locale such as ar_IQ, ar_EG or ar"
    return None


def check_language(value: str) -> str | None:
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
                   hint=f"give the address the site is published at, or leave {CLI_BASE_URL} out "
                        "to use site.yaml's base_url")


def check_entity_id(value: str) -> str | None:
    if not value or ENTITY_ID_RE.fullmatch(value):
        return None
    return f"expected a page name of {ENTITY_ID_RULE}; got {value!r}"


def check_topic_id(value: str) -> str | None:
    return None if TOPIC_ID_RE.fullmatch(value) else f"use lowercase Latin letters, digits, - and _, got {value!r}"


def check_entity_type(value: str) -> str | None:
    return None if value in ENTITY_TYPES else f"expected one of {', '.join(ENTITY_TYPES)}, got {value!r}"


def text_problem(value: str) -> str | None:
    """Why a text value cannot be shown on a page (a control character), or None."""
    found = CONTROL_RE.search(value)
    if found:
        return (f"contains the control character U+{ord(found[0]):04X} at position {found.start() + 1}, "
                "which no page can show; remove it")
    return None


def check_relative_dir(value: str) -> str | None:
    if not value.strip() or Path(value).is_absolute() or ".." in Path(value).parts:
        return f"expected a folder inside the project such as 'output', got {value!r}"
    return None


def check_positive(value: int) -> str | None:
    return None if value > 0 else f"expected a positive number, got {value}"
