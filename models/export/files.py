"""Writing an export file: whole or not at all, with the umask's mode, never over the database.

Why a module: the CLI (``export -o``) and the app's export dialog both write files
a colleague should be able to read in a shared folder, so the temporary file is
created with the mode a plain ``open()`` gives (0666 minus the umask; a
``tempfile.mkstemp`` file is 0600 and the rename used to leave plans only their
writer could open).  It is created with ``O_EXCL`` under an unpredictable name,
as ``mkstemp`` does, without importing ``tempfile`` and the ``random`` and
``hashlib`` modules it brings (about 4 ms of an export's CPU).  And a typed path
that is the database itself (or its ``-wal``/``-shm`` side files) is refused:
exporting over it destroyed the team's workshops once.
"""

from __future__ import annotations

import os
from pathlib import Path


class ProtectedPath(ValueError):
    """The chosen path is the database (or a side file of it); nothing was written."""


# How many taken names to step over before giving up (``tempfile.TMP_MAX`` is 10,000;
# a name is 48 random bits, so only names placed there on purpose are ever taken).
_TRIES = 100


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


def new_beside(target: Path) -> tuple[int, Path]:
    """(descriptor, path) of a new empty file in ``target``'s folder, created by this call.

    ``O_EXCL`` refuses a name that exists, a symbolic link included, so nothing is
    ever written through a link someone placed there; mode 0666 is narrowed by
    the umask as ``open()`` narrows it.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(_TRIES):
        path = target.parent / f".journeymap-{os.urandom(6).hex()}"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def write_file(target: Path, data: bytes | list[bytes], *, database: Path | None = None) -> Path:
    """Write ``data`` next to ``target`` and rename it into place; returns the absolute path.

    ``data`` may come in pieces (the Markdown export's sections), written one
    after another, so a large file is never joined into one copy first.
    """
    target = check_target(target, database)
    handle, tmp = new_beside(target)
    try:
        with open(handle, "wb") as f:
            f.writelines([data] if isinstance(data, bytes) else data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target.resolve()
