"""``python build.py export`` after a killed one (issue 17): the temporary zip it left is removed,
nothing else is.

The export writes ``.NAME.zip.PID.part`` beside ``NAME.zip`` and renames it into place; a
killed export leaves that file. The next export removes such files when their process is gone
(or the file is a day old: PIDs are reused), and only those.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile

from conftest import PROJECT
from generator.cli import main
from test_bad_input import small_project

DEAD_PID = 99999999  # above any kernel's pid_max: never a running process


def dead_pid() -> int:
    """The PID of a process that has just ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(done.stdout)


def test_an_export_removes_what_a_killed_export_left_and_nothing_else(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    dist = tmp_path / "dist"
    dist.mkdir()
    left = [dist / f".briefing.zip.{DEAD_PID}.part", dist / f".briefing.zip.{dead_pid()}.part"]
    for path in left:
        path.write_bytes(b"PK\x03\x04 half a zip")
    users = {  # the user's files, some named much like ours
        "notes.txt": b"my notes", ".briefing.zip.part": b"mine", f".briefing.zip.{DEAD_PID}.part.bak": b"mine",
        f".briefing.zip.{DEAD_PID}.partial": b"mine", f"briefing.zip.{DEAD_PID}.part": b"mine",
        f".briefing.zip.{DEAD_PID}x.part": b"mine", "old.zip": b"PK\x05\x06" + bytes(18),
    }
    for name, data in users.items():
        (dist / name).write_bytes(data)
    (dist / "folder").mkdir()
    (dist / "folder" / f".briefing.zip.{DEAD_PID}.part").write_bytes(b"another folder: not beside the zip")
    os.symlink(dist / "notes.txt", dist / f".briefing.zip.{DEAD_PID + 1}.part")  # a link: never followed, never removed

    assert main(["export", "--root", str(root), "--to", str(dist / "briefing.zip")]) == 0

    capsys.readouterr()
    assert zipfile.is_zipfile(dist / "briefing.zip")
    assert [p.name for p in left if p.exists()] == []
    assert {name: (dist / name).read_bytes() for name in users} == users
    assert (dist / "folder" / f".briefing.zip.{DEAD_PID}.part").exists()
    assert (dist / f".briefing.zip.{DEAD_PID + 1}.part").is_symlink() and (dist / "notes.txt").exists()


def test_an_export_still_running_keeps_its_file_unless_it_is_a_day_old(tmp_path, capsys):
    root = small_project(tmp_path / "project")
    dist = tmp_path / "dist"
    dist.mkdir()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        writing = dist / f".briefing.zip.{running.pid}.part"  # another export, at work right now
        writing.write_bytes(b"being written")
        reused = dist / f".briefing.zip.{os.getppid()}.part"  # a running PID, but the file is two days old
        reused.write_bytes(b"left long ago")
        two_days_ago = time.time() - 2 * 86400
        os.utime(reused, (two_days_ago, two_days_ago))

        assert main(["export", "--root", str(root), "--to", str(dist / "briefing.zip")]) == 0

        capsys.readouterr()
        assert writing.read_bytes() == b"being written"
        assert not reused.exists()
    finally:
        running.kill()
        running.wait()


def test_an_export_killed_while_writing_leaves_a_file_the_next_one_removes(tmp_path, capsys):
    """A real process, stopped for good inside the zip writer as a kill -9 would stop it."""
    root = small_project(tmp_path / "project")
    assert main(["--root", str(root), "-q"]) == 0
    dist = tmp_path / "dist"
    script = ("import os, sys, zipfile\n"
              "from pathlib import Path\n"
              "from generator.commands.export import export_site\n"
              "zipfile.ZipFile.writestr = lambda *args, **kwargs: os._exit(137)\n"
              "export_site(Path(sys.argv[1]), Path(sys.argv[2]))\n")
    killed = subprocess.run([sys.executable, "-c", script, str(root / "output"), str(dist / "site.zip")], cwd=PROJECT)
    assert killed.returncode == 137
    assert len(list(dist.iterdir())) == 1  # the temporary zip, and only it
    assert not _running(_pid_of(dist))

    assert main(["export", "--root", str(root), "--to", str(dist / "site.zip")]) == 0

    capsys.readouterr()
    assert sorted(p.name for p in dist.iterdir()) == ["site.zip"]


def _pid_of(dist) -> int:
    [part] = [p.name for p in dist.iterdir() if re.fullmatch(r"\.site\.zip\.\d+\.part", p.name)]
    return int(part.split(".")[-2])


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
