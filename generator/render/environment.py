"""The render stage's frame: the Jinja environment, the ``Renderer`` every page kind is given,
and the chrome every page shares (navigation, assets, metadata), all relative to the page.

Templates receive ready view data and compute nothing: every URL a template prints is made by
``urls.relative_url`` from the page being rendered, dates are formatted with Babel, fallbacks
are resolved in Python. Autoescaping is on for every template, so article text can never
become markup.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, StrictUndefined, select_autoescape

from .. import urls
from ..config.site import Config
from ..read.input_files import ProjectLoader
from . import page_meta
from .page_meta import PageMeta

HTML_TEMPLATES = ("html", "xml", "j2")


@dataclass(frozen=True, slots=True)
class Link:
    label: str
    url: str
    current: bool = False


@dataclass(frozen=True, slots=True)
class MetaRow:
    label: str
    value: str
    lang: str = ""  # "" inherits the page's language; values of unknown direction use <bdi>


@dataclass(frozen=True, slots=True)
class Chrome:
    """What every page's frame needs: site name, navigation, assets, all relative to the page."""

    site_title: str
    site_description: str
    lang: str
    page_title: str
    nav: tuple[Link, ...]
    home_url: str
    stylesheet_url: str
    favicon_url: str
    canonical_url: str
    data_url: str
    search_url: str
    feed_url: str  # "" when no feed is written (no base_url)
    meta: PageMeta  # description, OpenGraph, JSON-LD


@dataclass(frozen=True, slots=True)
class Renderer:
    """What every render call needs: the template environment, the config and the site's
    navigation as (label, site path) pairs, listing only pages that exist."""

    env: Environment
    config: Config
    nav: tuple[tuple[str, str], ...]


def make_renderer(config: Config, page_slugs: list[str], environments: dict | None = None) -> Renderer:
    """``environments``: compiled templates to reuse across builds (Jinja recompiles a template
    whose file changed), keyed by the templates folder."""
    ui = config.ui
    nav = [(ui["nav_home"], urls.INDEX), (ui["nav_briefing"], urls.BRIEFING), (ui["search_title"], urls.SEARCH)]
    if "about" in page_slugs:
        nav.append((ui["nav_about"], urls.page_path("about")))
    env = (environments or {}).get(config.templates_dir)
    if env is None:
        env = make_environment(config.templates_dir, config.root)
        if environments is not None:
            environments[config.templates_dir] = env
    return Renderer(env, config, tuple(nav))


def make_environment(templates_dir: Path, root: Path) -> Environment:
    env = Environment(
        loader=ProjectLoader(templates_dir, root),
        autoescape=select_autoescape(HTML_TEMPLATES, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # |tojson (JSON-LD): Arabic stays readable, keys in a fixed order; Jinja still escapes
    # < > & ' so no value can close the <script> element it is printed in.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def chrome(r: Renderer, page_path: str, page_title: str, served_anywhere: bool = False,
           meta: PageMeta | None = None) -> Chrome:
    """``served_anywhere``: the host may show this page at any URL (404.html). Relative links
    would then break below the top folder, so with a ``base_url`` they are made absolute.
    ``meta``: the page kind's metadata (``page_meta``); a plain WebPage when not given."""
    config = r.config

    def link(target: str) -> str:
        if served_anywhere and config.base_url:
            return urls.absolute_url(config.base_url, target)
        return urls.relative_url(page_path, target)

    return Chrome(
        site_title=config.title,
        site_description=config.description,
        lang=config.language,
        page_title=page_title,
        nav=tuple(Link(label, link(target), target == page_path) for label, target in r.nav),
        home_url=link(urls.INDEX),
        stylesheet_url=link(urls.STYLESHEET),
        favicon_url=link(urls.FAVICON),
        canonical_url=urls.absolute_url(config.base_url, page_path),
        data_url=link(urls.ARTICLES_JSON),
        search_url=link(urls.SEARCH),
        feed_url=link(urls.FEED) if config.base_url else "",  # the feed is written only then
        meta=meta or page_meta.web_page_meta(config, page_path, page_title),
    )


def json_document(data: object) -> str:
    """Stable JSON: fixed key order from the data, UTF-8 text, ``</`` escaped for embedding.
    Compact: with ``indent`` Python's pure-Python encoder runs, ten times slower on a large corpus."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + "\n"
