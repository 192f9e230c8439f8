"""Stage 5, briefing: the event as data. ``build`` (``build_briefing``, topic sections, backlinks)
over ``model`` (the values), ``sentences`` (cut, features, weights), ``statements`` (echoes,
ranking), ``clauses``, ``timeline`` and ``tables`` (figures, people, coverage, quotes).
"""
