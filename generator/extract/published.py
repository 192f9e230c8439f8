"""When an article was published: the date its header prints, chosen among the lines that print one.

Where a page prints dates, in the order they are believed:

1. a date line or byline ("الخميس 8 يونيه 2023 - 11:20 ص", "كتب: … | 12 مارس 2022");
2. another line of the header that opens with a date ("آخر تحديث: السبت 4 أكتوبر 2025 - 5:58 م
   بتوقيت القاهرة د ب أ", a PDF front page's "الثلاثاء 28 رجب 1438هـ | 25 إبريل 2017م | العدد …");
3. a line of its own that is only a date, further down (a PDF's "الموافق ١٤نوفمبر 2019");
4. the date inside the lead's dateline ("الدوحة في 16 نوفمبر /قنا/ …").

A page's masthead often prints the day it was viewed ("الجمعة - 19 نيسان 2024" above a brief of
2 آذار 2021). A date at the top of the page that lies a year or more after every other full
date in the text is that "today", not the publication date: the latest of the others is.
"""
from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..model import Block, DateValue, Role
from ..text.dates import (
    STANDALONE_FORMATS,
    find_all_dates,
    is_date_line,
    publication_date_in,
)
from .datelines import dateline_date_text

# A header line "opens with" a date when it starts within this many characters (a PDF's site
# address and handle may come first).
DATE_OPENS_WITHIN = 60
# Blocks searched for a date line of its own below the header.
LOOKAHEAD_BLOCKS = 15
MASTHEAD_TODAY_GAP_DAYS = 365
HEADER_ROLES = frozenset((Role.DATE, Role.BYLINE))


class Published(NamedTuple):
    date: DateValue
    note: str | None = None  # what an editor should confirm, when the choice was not plain


def publication_date(blocks: tuple[Block, ...]) -> Published:
    """The article's own date (see the module's docstring)."""
    found = _printed_date(blocks)
    if found is None:
        return Published(_lead_dateline_date(blocks) or DateValue())
    number, value = found
    if _at_the_top(blocks, number) and (earlier := _when_masthead_today(blocks, number, value)):
        return Published(earlier, f"the date at the top of the page ({value.text}) was taken for the page's "
                                  f"'today', a year or more after the text's own dates; the date is {earlier.text}")
    return Published(value)


def _printed_date(blocks: tuple[Block, ...]) -> tuple[int, DateValue] | None:
    """(block number, date) of the line the date is believed from, by the order above."""
    first_body = next((i for i, b in enumerate(blocks) if b.role.is_body), len(blocks))
    for i, block in enumerate(blocks):
        if block.role in HEADER_ROLES and (value := publication_date_in(block.text)):
            return i, value
    for i, block in enumerate(blocks[:first_body]):
        if block.role is not Role.HEADLINE and (value := publication_date_in(block.text)) \
                and 0 <= block.text.find(value.text) <= DATE_OPENS_WITHIN:
            return i, value
    for i, block in enumerate(blocks[:first_body + LOOKAHEAD_BLOCKS]):
        if block.role.is_text and is_date_line(block.text) and (value := publication_date_in(block.text)):
            return i, value
    return None


def _lead_dateline_date(blocks: tuple[Block, ...]) -> DateValue | None:
    lead = next((b for b in blocks if b.role.is_body), None)
    if lead is None:
        return None
    found = find_all_dates(dateline_date_text(lead.text), formats=STANDALONE_FORMATS)
    return next((m.value for m in found if m.kind == "date" and m.value.month), None)


def _at_the_top(blocks: tuple[Block, ...], number: int) -> bool:
    """Above the headline, or in the masthead: where a page prints its "today"."""
    headline = next((i for i, b in enumerate(blocks) if b.role is Role.HEADLINE), None)
    return number < (headline if headline is not None else 1) or blocks[number].role is Role.MASTHEAD


def _when_masthead_today(blocks: tuple[Block, ...], number: int, value: DateValue) -> DateValue | None:
    """The latest other full date of the text, when ``value`` lies a year or more after all of them."""
    if value.precision != "day":
        return None
    day = dt.date(value.year, value.month, value.day)
    others = [m.value for i, b in enumerate(blocks) if i != number and not b.role.is_furniture
              for m in find_all_dates(b.text, formats=STANDALONE_FORMATS)
              if m.kind == "date" and m.value.precision == "day"]
    if not others or any((day - dt.date(o.year, o.month, o.day)).days < MASTHEAD_TODAY_GAP_DAYS for o in others):
        return None
    return max(others, key=lambda o: (o.year, o.month, o.day))
