"""Only the writer writes, and it refuses what would corrupt the site."""
from __future__ import annotations

import pytest

from generator.output_folder import MARKER
from generator.write.writer import OutputRefused, OutputWriter, WriteRefused


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
    (site / MARKER).write_text("a previous build", encoding="utf-8")
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


def test_a_folder_no_build_made_is_refused_before_the_lock_file_is_made(tmp_path):
    site = tmp_path / "output"
    site.mkdir()
    (site / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputRefused, match=r"holds 1 file\(s\) that no build of this generator made \(notes\.txt\)"):
        OutputWriter(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert (site / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_linked_output_is_built_in_its_target_and_stays_a_link(tmp_path):
    target = tmp_path / "www" / "html"
    target.mkdir(parents=True)
    link = tmp_path / "project" / "output"
    link.parent.mkdir()
    link.symlink_to(target)
    for text in ("first", "second"):
        with OutputWriter(link) as out:
            out.write_text("index.html", text)
            out.commit()
        assert link.is_symlink() and (target / "index.html").read_text(encoding="utf-8") == text
    assert sorted(p.name for p in (tmp_path / "www").iterdir()) == [".html.lock", "html"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["output"]
