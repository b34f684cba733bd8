"""Writing an export file: whole or not at all, with the umask's mode, never over the database.

Why a module: the CLI (``export -o``) and the app's export dialog both write files
a colleague should be able to read in a shared folder.  ``tempfile.mkstemp``
creates 0600 files, so the rename used to leave plans only their writer could
open; here the temporary file gets the mode a plain ``open()`` would give
(0666 minus the umask).  And a typed path that is the database itself (or its
``-wal``/``-shm`` side files) is refused: exporting over it destroyed the team's
workshops once.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class ProtectedPath(ValueError):
    """The chosen path is the database (or a side file of it); nothing was written."""


def umask_mode() -> int:
    """The mode ``open(path, "w")`` gives a new file under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_target(target: Path, database: Path | None) -> Path:
    """The export path, expanded; ProtectedPath when it is the database or its side files."""
    target = Path(target).expanduser()
    if database is not None:
        db = Path(database).expanduser()
        for protected in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
            if same_file(target, protected):
                raise ProtectedPath(f"{target} is the workshop database (or a file beside it); "
                                    "choose another file name")
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; add a file name such as plan.md")
    return target


def write_file(target: Path, data: bytes, *, database: Path | None = None) -> Path:
    """Write ``data`` next to ``target`` and rename it into place; returns the absolute path."""
    target = check_target(target, database)
    handle, tmp = tempfile.mkstemp(prefix=".journeymap-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(data)
        os.chmod(tmp, umask_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target.resolve()
