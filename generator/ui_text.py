"""Every piece of interface text the theme shows, in one table.

``site.yaml`` may override any key under ``ui:``; an unknown key there is an error, so a typo
never silently leaves the default in place. Templates get the merged table as ``ui``.
"""
from __future__ import annotations

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
    "title_derived": "عنوان مستخلص من النص؛ لا يحمل المقال عنوانًا",
    "raw_text": "النص الأصلي كما ورد",
    "raw_text_download": "تنزيل الملف الأصلي",
    "raw_text_intro": "هذا هو نص الملف كما ورد دون أي تنظيف، للتحقق من عمل المُولِّد.",
    "back_to_article": "العودة إلى المقال",
    "publisher_note": "ملاحظة الناشر",
    "caption": "تعليق الصورة",
    "paragraph_link": "رابط الفقرة",
    "metadata": "بيانات المقال",
    "cleaning_report": "ما أزاله التنظيف وما أصلحه",
    "removed_count": "مقاطع أُزيلت",
    "repairs_count": "إصلاحات",
    "not_found_title": "الصفحة غير موجودة",
    "not_found_text": "لم نجد الصفحة المطلوبة. ربما نُقلت أو حُذفت.",
    "not_found_home": "العودة إلى الصفحة الرئيسية",
    "footer": "موقع ثابت مولَّد من نصوص المقالات الأصلية.",
    "data_link": "البيانات (JSON)",
}
