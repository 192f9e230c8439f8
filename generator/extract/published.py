"""When an article was published: the date its header prints, chosen among the date lines.

A page often prints two dates above the article: the site's "today" in its masthead and the
article's own date. The choice lives here, in one place, so the rule can grow without the rest
of extraction changing.
"""
from __future__ import annotations

from ..model import Block, DateValue, Role
from ..text.dates import publication_date_in


def publication_date(blocks: tuple[Block, ...]) -> DateValue:
    """The first date printed in a date line or byline."""
    for block in blocks:
        if block.role in (Role.DATE, Role.BYLINE) and (found := publication_date_in(block.text)):
            return found
    return DateValue()
