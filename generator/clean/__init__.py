"""Stage 2, clean: ``RawDoc`` → ``CleanDoc``, a named table of rules over one draft, every removal
and repair recorded with its reason.
"""
