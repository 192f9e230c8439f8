"""Every piece of interface text the theme shows, in one table.

``site.yaml`` may override any key under ``ui:``; an unknown key there is an error, so a typo
never silently leaves the default in place. Templates get the merged table as ``ui``.

A few texts are filled in with values (``"{n} دقائق"``): ``UI_PLACEHOLDERS`` declares which
placeholders each of those accepts, and ``ui_text_problem`` checks an override against it when
``site.yaml`` is read, so a mistyped ``{placeholder}`` is a configuration error with its line,
never a failure while pages are rendered. Every other text is shown exactly as written.
"""
from __future__ import annotations

import re
from string import Formatter

DEFAULT_UI_TEXT: dict[str, str] = {
    "skip_to_content": "انتقل إلى المحتوى",
    "nav_label": "التنقل الرئيسي",
    "nav_home": "الرئيسية",
    "nav_about": "عن الموقع",
    "home_heading": "المقالات",
    "home_event_heading": "الحدث",
    "event_date": "التاريخ",
    "event_place": "المكان",
    "event_participants": "المشاركون",
    "articles_count": "عدد المقالات",
    "no_articles": "لا توجد مقالات بعد. ضع ملفات نصية في مجلد seeds/ ثم أعد البناء.",
    "outlet": "المصدر",
    "agency": "الوكالة",
    "author": "الكاتب",
    "date": "التاريخ",
    "dateline": "مكان الخبر",
    "section": "القسم",
    "reading_time": "مدة القراءة",
    # Arabic counts by CLDR plural category (Babel picks it): 1 دقيقة, 2 دقيقتان, 3 دقائق, 11 دقيقة.
    "minutes_zero": "أقل من دقيقة",
    "minutes_one": "دقيقة واحدة",
    "minutes_two": "دقيقتان",
    "minutes_few": "{n} دقائق",
    "minutes_many": "{n} دقيقة",
    "minutes_other": "{n} دقيقة",
    "word_count": "عدد الكلمات",
    "words": "كلمة",
    "date_unknown": "التاريخ غير مذكور",
    "year_unknown": "السنة غير مذكورة",
    "title_derived": "عنوان مستخلص من النص؛ لا يحمل المقال عنوانًا",
    "raw_text": "النص الأصلي كما ورد",
    "raw_text_download": "تنزيل الملف الأصلي",
    "raw_text_intro": "هذا هو نص الملف كما ورد دون أي تنظيف، للتحقق من عمل المُولِّد.",
    "back_to_article": "العودة إلى المقال",
    "publisher_note": "ملاحظة الناشر",
    "caption": "تعليق الصورة",
    "paragraph_link": "رابط الفقرة",
    "paragraph": "الفقرة",
    "metadata": "بيانات المقال",
    "cleaning_report": "ما أزاله التنظيف وما أصلحه",
    "removed_count": "مقاطع أُزيلت",
    "repairs_count": "إصلاحات",
    "entities_heading": "من وما ورد في المقال",
    "type_person_plural": "الأشخاص",
    "type_organization_plural": "المنظمات",
    "type_place_plural": "الأماكن",
    "type_person": "شخص",
    "type_organization": "منظمة",
    "type_place": "مكان",
    "entity_role": "الصفة",
    "entity_aliases": "يرد أيضًا باسم",
    "entity_name_en": "بالإنجليزية",
    "entity_mentions": "الإشارات في المقالات",
    "entity_articles": "عدد المقالات",
    "mention_count": "عدد الإشارات",
    "figures_heading": "أرقام وردت في المقال",
    "quotes_heading": "اقتباسات",
    "dates_heading": "تواريخ وردت في المقال",
    "speaker_unknown": "قائل غير محدد",
    "inferred": "مستنتج",
    "go_to_paragraph": "إلى الفقرة",
    "same_event": "الحدث نفسه",
    # kinds of article (corpus/kinds.py): on the home page, in citations and the coverage matrix
    "kind_report": "تقرير",
    "kind_preview": "قبل الحدث",
    "kind_analysis": "تحليل ورأي",
    "kind_background": "خلفية",
    "kind_label": "النوع",
    "not_found_title": "الصفحة غير موجودة",
    "not_found_text": "لم نجد الصفحة المطلوبة. ربما نُقلت أو حُذفت.",
    "not_found_home": "العودة إلى الصفحة الرئيسية",
    "footer": "موقع ثابت مولَّد من نصوص المقالات الأصلية.",
    "data_link": "البيانات (JSON)",
    # Briefing, topics and cross-links
    "nav_briefing": "الموجز",
    "read_briefing": "اقرأ الموجز عن الحدث",
    "briefing_title": "الموجز",
    "briefing_method": ("كل ما في هذا الموجز جُمع آليًا من نصوص المقالات: "
                        "كل جملة منقولة حرفيًا من الفقرة التي يُحيل إليها رابطها."),
    "editor_intro": "مقدمة المحرر",
    "contents": "المحتويات",
    "takeaways_heading": "أبرز ما ورد",
    "also_reported": "ورد أيضًا في",
    "outlet_unknown": "الناشر غير مذكور",
    "covered_by": "تناولته مصادر",
    "topic_page_link": "كل ما ورد في هذا الموضوع",
    "figures_in_topic": "أرقام في هذا الموضوع",
    "figures_table_heading": "أرقام رئيسية",
    "figures_table_caption": "الأرقام التي أوردتها المقالات، الأكثر تكرارًا أولًا",
    "figure_value": "القيمة",
    "figure_what": "ما يعدّه",
    "figure_as_written": "كما ورد",
    "figure_who": "من أورده",
    "corroborated": "أكّده أكثر من مصدر",
    "single_source": "مصدر واحد",
    "timeline_heading": "التسلسل الزمني",
    "context_articles": "مقالات عن أحداث سابقة",
    "people_heading": "من هم",
    "person": "الاسم",
    "coverage_heading": "من غطّى ماذا",
    "coverage_legend": ("كل عمود مقال (وتُجمع إعادات النشر في عمود واحد)، "
                        "وكل صف موضوع: ● ذُكر، ●● تناوله، ●●● موضوعه الرئيسي."),
    "coverage_level_0": "لم يتناوله",
    "coverage_level_1": "ذكره",
    "coverage_level_2": "تناوله",
    "coverage_level_3": "موضوعه الرئيسي",
    "network_heading": "شبكة الأسماء",
    "network_legend": "الخط بين اسمين يعني أنهما ذُكرا في فقرة واحدة؛ كلما غلُظ زاد عدد الفقرات.",
    "phase_context": "خلفية",
    "phase_lead_up": "قبيل الحدث",
    "phase_event": "الحدث",
    "phase_after": "بعد الحدث",
    "by_year_end": "بحلول نهاية {year}",
    "context_note": "خلفية: عن {event}",
    "also_published_by": "نُشر أيضًا لدى",
    "reprint_of": "النص نفسه تقريبًا منشور لدى {source}",
    "unit_USD": "دولار أمريكي",
    "unit_EUR": "يورو",
    "unit_troops": "عسكريون",
    "unit_killed": "قتلى",
    "unit_wounded": "جرحى",
    "unit_attacks": "هجمات",
    "unit_bases": "قواعد",
    "unit_rockets": "صواريخ",
    "unit_people": "أشخاص",
    "unit_refugees": "لاجئون",
    "unit_displaced": "نازحون",
    "unit_barrels": "براميل",
    "unit_percent": "نسبة مئوية",
    "topic": "موضوع",
    "topic_keywords": "الكلمات الدالة",
    "topic_in_briefing": "هذا الموضوع في الموجز",
    "topic_hits": "الكلمات الدالة",
    "topic_paragraphs": "فقرات",
    "topic_paragraphs_heading": "الفقرات، الأكثر صلة أولًا",
    "more_paragraphs": "و{n} فقرة أخرى في المقالات أعلاه.",
    "cited_in_briefing": "يستشهد به الموجز في",
    "article_topics": "الموضوعات",
    "related_heading": "مقالات ذات صلة",
    "shares": "يشترك في",
    "companions_heading": "يُذكر معه غالبًا",
    "companion_count": "عدد الفقرات المشتركة",
    "section_takeaways": "أبرز ما ورد",
    "section_figures": "أرقام رئيسية",
    "section_timeline": "التسلسل الزمني",
    "section_quotes": "اقتباسات",
    # Search
    "search_title": "البحث",
    "search_label": "ابحث في المقالات",
    "search_placeholder": "ابحث في المقالات…",
    "search_button": "بحث",
    "search_filters": "تضييق النتائج",
    "search_any": "الكل",
    "search_sort": "الترتيب",
    "search_sort_relevance": "الأكثر صلة",
    "search_sort_newest": "الأحدث أولًا",
    "search_sort_oldest": "الأقدم أولًا",
    "search_facet_outlet": "المصدر",
    "search_facet_topic": "الموضوع",
    "search_facet_person": "شخص",
    "search_facet_organization": "منظمة",
    "search_facet_place": "مكان",
    "search_loading": "جارٍ تحميل البحث…",
    "search_prompt": "اكتب كلمة أو أكثر؛ ضع العبارة بين علامتي تنصيص للبحث عنها كما هي.",
    "search_searching": "جارٍ البحث…",
    "search_none": "لا نتائج للبحث عن «{q}». جرّب كلمة أخرى أو أزل بعض المرشحات.",
    "search_count": "نتائج البحث عن «{q}»: {n}",
    "search_failed": "تعذّر تحميل البحث.",
    "search_noscript": "يحتاج البحث إلى تفعيل JavaScript في المتصفح.",
}


# The texts filled in with values, and the placeholders each accepts. Python fills them with
# str.format (render.py, render_briefing.py, templates/topic.html); search.js fills the
# search_* ones in the browser by replacing each placeholder once. A key missing here is shown
# as written. The plural forms all receive {n}, even those whose default does not show it.
UI_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    **{f"minutes_{category}": ("n",) for category in ("zero", "one", "two", "few", "many", "other")},
    "by_year_end": ("year",),
    "context_note": ("event",),
    "reprint_of": ("source",),
    "more_paragraphs": ("n",),
    "search_none": ("q",),
    "search_count": ("q", "n"),
}
FILLED_IN_THE_BROWSER = frozenset({"search_none", "search_count"})  # literal replace, no {{ }} escapes

_LOOKS_LIKE_A_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")


def _accepts(key: str) -> str:
    names = UI_PLACEHOLDERS.get(key, ())
    return ("this text accepts " + ", ".join(f"{{{n}}}" for n in names) if names
            else "this text takes no placeholders: it is shown as written")


def ui_text_problem(key: str, text: str) -> str | None:
    """Why ``text`` cannot stand for the interface text ``key``, or None when it can."""
    allowed = UI_PLACEHOLDERS.get(key)
    if allowed is None:
        found = _LOOKS_LIKE_A_PLACEHOLDER_RE.search(text)
        return f"unknown placeholder {found[0]}; {_accepts(key)}" if found else None
    if key in FILLED_IN_THE_BROWSER:
        for found in _LOOKS_LIKE_A_PLACEHOLDER_RE.finditer(text):
            if found[0][1:-1] not in allowed:
                return f"unknown placeholder {found[0]}; {_accepts(key)}"
        for name in allowed:
            if text.count(f"{{{name}}}") > 1:
                return f"placeholder {{{name}}} is used twice (only the first would be filled in); {_accepts(key)}"
        stray = re.sub(_LOOKS_LIKE_A_PLACEHOLDER_RE, "", text)
        if "{" in stray or "}" in stray:
            return (f"a brace that is not part of a placeholder; {_accepts(key)} "
                    "(a literal brace cannot be written here)")
        return None
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text) if name is not None]
    except ValueError as exc:  # "Single '}' encountered in format string"
        why = str(exc).replace(" in format string", "").replace("Single", "a single").replace("expected", "a missing")
        return f"malformed placeholder ({why}); {_accepts(key)}; write {{{{ and }}}} for a literal brace"
    for name, spec, conversion in fields:
        written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if name not in allowed:
            return f"unknown placeholder {written}; {_accepts(key)}"
        if spec or conversion:
            return f"placeholder {written}: write it as {{{name}}}, without ! or :"
    return None
