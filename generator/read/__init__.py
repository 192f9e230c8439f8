"""Stage 1, read: which input files are read (``input_files``: one link policy), their bytes
decoded (``ingest``), the reader chosen by suffix (``readers``), which files become articles and
their page names (``articles``), content pages (``pages``) and editors' overrides (``overrides``).
"""
