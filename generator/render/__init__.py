"""Stage 6, render: the site as text. ``environment`` (Jinja, the chrome of every page), one module
per page kind (``article_page``, ``entity_page``, ``site_pages``, ``briefing``), the table of page
kinds the pipeline writes (``kinds``), page metadata, SVG charts, feeds and data files.
"""
