"""Stage 5, briefing: the event as data (``build``): takeaways, topic sections, figures, timeline,
people, coverage, quotes, every statement citing its paragraph.
"""
