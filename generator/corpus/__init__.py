"""Stage 4, corpus: what the articles say together: reprints, stories, related articles
(``analysis``).
"""
