"""Stage 6, render: the site as text: the Jinja environment and page views (``base``), the
briefing and topic pages (``briefing``), page metadata, SVG charts, feeds and data files.
"""
