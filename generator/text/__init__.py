"""Arabic text primitives every stage may use: normalization, matching keys, clitics and tokens
(``arabic``), and the one table of date formats (``dates``).
"""
