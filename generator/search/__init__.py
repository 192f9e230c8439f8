"""Stage 7, search: the search documents and the offline index (``index``), and how the Pagefind
bundle is had (``plan``).
"""
