"""Only the writer writes, and it refuses what would corrupt the site."""
from __future__ import annotations

import pytest

from generator.writer import OutputWriter, WriteRefused


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b.html", "", "a\\b.html", "./x.html"])
def test_paths_outside_the_site_are_refused(tmp_path, path):
    with OutputWriter(tmp_path / "output") as out, pytest.raises(WriteRefused):
        out.write_text(path, "x")
    assert not (tmp_path / "escape.html").exists()


def test_two_writes_to_one_path_are_refused(tmp_path):
    with OutputWriter(tmp_path / "output") as out:
        out.write_text("articles/a.html", "first")
        with pytest.raises(WriteRefused, match="twice"):
            out.write_text("articles/a.html", "second")


def test_nothing_changes_until_commit_and_an_abandoned_build_leaves_no_trace(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    with OutputWriter(site) as out:
        out.write_text("index.html", "new")
        assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert (site / "index.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.lock", "output"]
    with OutputWriter(site) as out:
        out.write_text("index.html", "new")
        out.commit()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.lock", "output"]
