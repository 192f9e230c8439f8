"""How an article is named and dated wherever a reader meets it: decided here, once, for every
page, the search index, the feed and the data files.

    >>> shown_title(article_without_title)        # the file name stands in
    '000_x.txt'
    >>> source_label(article_from_reuters)         # who published it
    'رويترز'
    >>> source_label(article_of_unknown_outlet)     # else its title's first words
    'الحكومة تقر خطة لدعم المزارعين في…'
"""
from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date

from .config.site import Config
from .model import Article, DateValue

# The search page's filters, in the order shown; each has its label in ui_text ("search_facet_…").
SEARCH_FACETS = ("outlet", "topic", "person", "organization", "place")
SHORT_TITLE_WORDS = 5  # an article without a known publisher is cited by its title's first words


def shown_title(article: Article) -> str:
    """The headline, or for a text with none and no derived one, its file name."""
    return article.title or article.source_file


def publisher_name(article: Article) -> str | None:
    """Who published it (the outlet, or for wire copy of unknown outlet, the agency)."""
    return article.publisher.name if article.publisher else None


def source_label(article: Article, words: int = SHORT_TITLE_WORDS) -> str:
    """How a citation names the article: its publisher, else the first words of its title."""
    name = publisher_name(article)
    if name:
        return name
    title = shown_title(article)
    parts = title.split()
    return title if len(parts) <= words else " ".join(parts[:words]) + "…"


def format_date_value(value: DateValue, locale: str, year_unknown: str = "") -> str | None:
    """"26 تموز 2021" (ar_IQ), "تموز 2021", "2021", "آب (السنة غير مذكورة)"; None when there is
    no date."""
    if value.precision == "day":
        return format_date(dt.date(value.year, value.month, value.day), "d MMMM y", locale=locale)
    if value.precision == "month":
        return format_date(dt.date(value.year, value.month, 1), "MMMM y", locale=locale)
    if value.precision == "year":
        return str(value.year)
    if value.month:  # a month with its year lost: say so, invent nothing
        month = format_date(dt.date(2000, value.month, 1), "MMMM", locale=locale)
        return f"{month} ({year_unknown})" if year_unknown else month
    return None


def shown_date(value: DateValue, config: Config) -> str | None:
    """A date as the site shows it, in the configured locale; a lost year said in words."""
    return format_date_value(value, config.locale, config.ui["year_unknown"])


def reading_time(word_count: int, config: Config) -> str:
    minutes = round(word_count / config.words_per_minute)
    category = Locale.parse(config.language).plural_form(minutes)
    return config.ui[f"minutes_{category}"].format(n=minutes)
