"""``python build.py serve``: the preview server (``server``) and the quick pages of an edited
article (``quick``).
"""
