"""Scratch folders for a load's temporary files (pieces of a large file, a re-encoded copy), swept when orphaned.

A folder is named ``saydo-<pid>-<random>`` in the system's temporary directory. A load that ends, well or badly,
removes its own folder; one killed outright (``kill -9``, a power cut) can't, so every load first removes the folders
whose process is gone. A killed GDELT load left 134 MB behind before this.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "saydo-"


def folder() -> tempfile.TemporaryDirectory:
    """A fresh scratch folder of this process (a context manager that removes it)."""
    return tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")


def sweep() -> list[Path]:
    """Remove the scratch folders of processes that no longer run; return what was removed."""
    removed = []
    for path in Path(tempfile.gettempdir()).glob(f"{PREFIX}*-*"):
        pid = path.name[len(PREFIX):].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
