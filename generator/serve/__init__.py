"""``python build.py serve``: the preview server, one idea a module — ``server`` (``serve()``,
which wires the rest together), ``http`` (the request handler, Host checks, the files served),
``hub`` (build ids, the reload events sent to open tabs), ``rebuilder`` (builds after saves
settle, with the builder it is given), ``watcher`` (which saves are inputs), and ``quick`` (the
quick pages of an edited article).
"""
