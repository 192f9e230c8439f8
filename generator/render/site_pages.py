"""The site's own pages: the home page (the event and every article), content pages from
``content/``, the search page and the page for missing addresses."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .. import urls
from ..config.site import Config
from ..display import (
    SEARCH_FACETS,
    format_date_value,
    publisher_name,
    reading_time,
    shown_date,
    shown_title,
)
from ..model import Article, DateValue, Page
from . import page_meta
from .environment import MetaRow, Renderer, chrome


@dataclass(frozen=True, slots=True)
class ArticleCard:
    title: str
    title_lang: str
    title_derived: bool
    url: str
    kicker: str | None
    outlet: str | None
    date_text: str | None
    date_iso: str | None
    reading_time: str
    kind: str = ""  # its kind (corpus/kinds.py), as the interface names it


def article_card(article: Article, config: Config, from_path: str, kind: str = "") -> ArticleCard:
    return ArticleCard(
        title=shown_title(article),
        title_lang=article.title_lang,
        title_derived=article.title_derived,
        url=urls.relative_url(from_path, urls.article_path(article.slug)),
        kicker=article.kicker,
        outlet=publisher_name(article),
        date_text=shown_date(article.date, config),
        date_iso=article.date.iso,
        reading_time=reading_time(article.word_count, config),
        kind=config.ui[f"kind_{kind}"] if kind else "",
    )


def render_index(r: Renderer, articles: list[Article], kinds: dict[str, str] | None = None) -> str:
    path, config = urls.INDEX, r.config
    event = config.event
    return r.env.get_template("index.html").render(
        chrome=chrome(r, path, config.title, meta=page_meta.home_meta(config)),
        ui=config.ui,
        event_name=event.name,
        event_summary=event.summary,
        event_facts=event_facts(config),
        briefing_url=urls.relative_url(path, urls.BRIEFING),
        articles=tuple(article_card(a, config, path, (kinds or {}).get(a.slug, "")) for a in articles),
    )


def event_facts(config: Config) -> tuple[MetaRow, ...]:
    event, ui = config.event, config.ui
    return tuple(row for row in (
        MetaRow(ui["event_date"], format_date_value(_date_value(event.date), config.locale) or ""),
        MetaRow(ui["event_place"], event.place),
        MetaRow(ui["event_participants"], "، ".join(event.participants)),
    ) if row.value)


def _date_value(date: dt.date | None) -> DateValue:
    return DateValue(date.year, date.month, date.day) if date else DateValue()


def render_page(r: Renderer, page: Page) -> str:
    path, config = urls.page_path(page.slug), r.config
    return r.env.get_template("page.html").render(
        chrome=chrome(r, path, page.title, meta=page_meta.content_page_meta(config, page)),
        ui=config.ui, title=page.title, html=page.html,
    )


def render_not_found(r: Renderer) -> str:
    config = r.config
    return r.env.get_template("404.html").render(
        chrome=chrome(r, urls.NOT_FOUND, config.ui["not_found_title"], served_anywhere=True), ui=config.ui,
    )


SEARCH_MESSAGES = ("prompt", "searching", "none", "count", "failed")


def render_search(r: Renderer) -> str:
    path, ui = urls.SEARCH, r.config.ui
    messages = {key: ui[f"search_{key}"] for key in SEARCH_MESSAGES}
    return r.env.get_template("search.html").render(
        chrome=chrome(r, path, ui["search_title"], meta=page_meta.search_meta(r.config, ui["search_title"])),
        ui=ui,
        base=urls.relative_url(path, urls.INDEX)[: -len(urls.INDEX)],
        search_script=urls.relative_url(path, urls.SEARCH_SCRIPT),
        self_url=urls.relative_url(path, path),
        search_ui=json.dumps(messages, ensure_ascii=False),
        facets=tuple((facet, ui[f"search_facet_{facet}"]) for facet in SEARCH_FACETS),
    )
