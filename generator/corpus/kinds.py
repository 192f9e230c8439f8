"""What kind of article each one is, as an editor sorts a file of clippings: a **report** of
the event after it happened, a **preview** written before it, **analysis** or opinion, or
**background** on an earlier event.

* Background: the article is about one of site.yaml's earlier events (``analysis.story_of``).
* Analysis: its section, kicker or headline says so («تحليل»، «رأي»، «مقالات»، «قراءة في»), or
  its publisher is a research institute («معهد»، «مركز … للدراسات»، "Institute").
* Preview or report: by its publication date against the event's, when both are known to the
  day; else by its wording: a preview speaks of the event ahead («المقبل»، «المرتقبة»، «من
  المقرر»، «سيلتقي»), a report of it done («أمس»، «استقبل»، «عقب اللقاء»), and the larger count
  wins, a tie going to a report (the common case in news).

Kinds weigh what an article adds to a fact's support (``WEIGHT``): what happened is best told by
those who reported it after it happened.
"""
from __future__ import annotations

import datetime as dt
import re

from ..model import Article

REPORT, PREVIEW, ANALYSIS, BACKGROUND = "report", "preview", "analysis", "background"
KINDS = (REPORT, PREVIEW, ANALYSIS, BACKGROUND)
WEIGHT = {REPORT: 1.0, ANALYSIS: 0.75, PREVIEW: 0.5, BACKGROUND: 0.5}  # the briefing draws on the event's only
WORDING_PARAGRAPHS = 4  # the lead paragraphs whose wording tells a preview from a report

ANALYSIS_MARK_RE = re.compile(r"(?<!\w)(?:تحليل|تحليلات|رأي|آراء|مقال|مقالات|وجهة نظر|وجهات نظر|قراءة في|تقدير موقف|"
                              r"افتتاحية|دراسة|دراسات|مدونات|كتاب وآراء)(?!\w)")
INSTITUTE_RE = re.compile(r"(?<!\w)(?:معهد|مركز\s+\S+\s+(?:لل)?(?:دراسات|أبحاث|بحوث)|"
                          r"مركز\s+(?:ال)?(?:دراسات|أبحاث|بحوث))"
                          r"|\b(?:Institute|Center for|Centre for|Council on|Foundation|Think Tank)\b", re.IGNORECASE)
# The event ahead: "next", "awaited", "scheduled", "is expected to", and a future verb of meeting.
AHEAD_RE = re.compile(r"(?<!\w)(?:ال)?(?:مقبل|مقبلة|قادم|قادمة|مرتقب|مرتقبة)(?!\w)|من المقرر|من المنتظر|من المتوقع|"
                      r"(?<!\w)(?:يعتزم|تعتزم|يبدأها|يستعد|تستعد)(?!\w)|"
                      r"(?<!\w)و?س(?:ي|ت|ن)(?:لتقي|ستقبل|بحث|ناقش|زور|عقد|جتمع|توجه|صل|وقع|ركز|تناول|طرح)\w*")
# The event done: "yesterday", "received", "met", "after the meeting", "during his visit".
DONE_RE = re.compile(r"(?<!\w)(?:أمس|امس|البارحة)(?!\w)|(?<!\w)و?(?:استقبل|التقى|التقيا|اجتمع|اجتمعا|ناقش|بحث|"
                     r"أعلن|اتفق|اتفقا|وقع|وقعا|أكد|ضرب|هز|أسفر|أسفرت|أودى)(?!\w)|"
                     r"(?:عقب|بعد|خلال)\s+(?:ال)?(?:لقاء|اجتماع|زيارة|مباحثات|محادثات)")


def article_kind(article: Article, story: str, event: dt.date | None) -> str:
    """The kind of ``article`` (see the module's docstring); ``story``: "" for the event, else the
    name of the earlier event it is about; ``event``: the event's date, when site.yaml gives it."""
    if story:
        return BACKGROUND
    if _marked_analysis(article):
        return ANALYSIS
    published = _published_day(article)
    if published is not None and event is not None:
        return PREVIEW if published < event else REPORT
    lead = " ".join(p.text for p in article.paragraphs if p.role.is_body)
    lead = " ".join(lead.split()[:WORDING_PARAGRAPHS * 60])
    return PREVIEW if len(AHEAD_RE.findall(lead)) > len(DONE_RE.findall(lead)) else REPORT


def _marked_analysis(article: Article) -> bool:
    marks = " ".join(filter(None, (article.section, article.kicker, (article.title or "").split(":")[0])))
    publisher = article.publisher
    names = " ".join(filter(None, (publisher.name, publisher.name_en))) if publisher else ""
    return bool(ANALYSIS_MARK_RE.search(marks) or (names and INSTITUTE_RE.search(names)))


def _published_day(article: Article) -> dt.date | None:
    d = article.date
    return dt.date(d.year, d.month, d.day) if d.precision == "day" else None
