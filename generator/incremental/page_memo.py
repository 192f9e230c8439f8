"""Pages a rebuild need not render: those whose inputs are the same as last time.

A page's digest covers everything its template reads: the site's fingerprint (configuration,
navigation, every template file's bytes, the generator version) and the page's own data
(an article and its corpus context, an entity and its appearances). When the digest equals
the one the previous build recorded for that path and the file is still in ``output/``, the
writer keeps the file as it is. The memo lives in ``Warm``, so it serves the preview server
(one edited article re-renders its own pages and those that show it); a one-off build starts
with none and renders everything.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from ..config.site import Config
from ..read.input_files import folder_files
from .store import generator_version


def site_fingerprint(config: Config, nav: tuple, templates_dir: Path) -> str:
    digest = hashlib.sha256(f"{generator_version()}\0{config!r}\0{nav!r}".encode("utf-8"))
    for path in folder_files(templates_dir, config.root, templates_dir.name, recursive=True)[0]:
        digest.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_digest(site: str, *inputs: object) -> str:
    """Of frozen data: equal pickles mean equal inputs (different pickles at worst cost a render)."""
    return hashlib.sha256(site.encode() + pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest()
