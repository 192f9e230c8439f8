"""Stage 2, clean: ``RawDoc`` → ``CleanDoc``. ``cleaner`` holds the table of rules (``RULES``, in
order) and ``clean()``; each rule is a module of its own over the shared ``draft``, and records
every character it removes or repairs with its reason.
"""
