"""Stage 1, read: which input files are read (``input_files``: one link policy), their bytes
decoded (``ingest``), the reader chosen by suffix (``readers``), content pages (``pages``) and
editors' overrides (``overrides``).
"""
