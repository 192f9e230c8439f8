"""Stage 8, write: the only code that writes the site (``writer``): a staging folder, refused
paths, one atomic swap.
"""
