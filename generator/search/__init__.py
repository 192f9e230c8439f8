"""Stage 7, search: the search documents, the offline index and the Pagefind bundle (``index``).
"""
