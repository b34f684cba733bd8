"""Read-only commands and seats leave a database's folder exactly as they found it.

SQLite creates ``NAME-wal`` and ``NAME-shm`` to read a WAL-mode file, even through
a read-only connection, and only a connection that may write removes them: the
last one to close checkpoints and deletes both.  So ``journeymap list`` on a file
no editor had open left both behind, though an observer "writes nowhere"
(QA session 8), and made after ``chmod 660`` they took the reader's umask.

The first read-only look at a file notes whether they were there.  At exit, if
they were not and are now, one connection that may write opens the file, reads
its schema and closes: SQLite then decides by its own locks.  It removes them
only when no other connection (of any process) has the file open, after copying
into the file whatever an editor committed meanwhile, which is what the editor's
own close would have done.  Nothing of the workshop is written by it, and a file
this account may not write keeps its side files (it could not make them either:
those reads are ``immutable``, see ``dbfile.read_only_uri``).
"""

from __future__ import annotations

import atexit
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

SIDES = ("-wal", "-shm")
_FOUND: dict[str, bool] = {}  # path -> its side files existed at the first read-only look


def _sides_exist(key: str) -> bool:
    return any(os.path.lexists(f"{key}{side}") for side in SIDES)


def note_sides(path: Path) -> None:
    """Remember, once per file and process, whether its side files were there."""
    key = str(path)
    if key not in _FOUND:
        _FOUND[key] = _sides_exist(key)


def tidy(path: Path) -> None:
    """Let SQLite remove the side files of ``path`` if nobody has the file open."""
    key = str(path)
    if not _sides_exist(key) or not path.is_file():
        return
    if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return
    try:
        conn = sqlite3.connect(f"file:{quote(key)}?mode=rw", uri=True, timeout=1)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # busy, damaged or gone: the files stay, as SQLite left them


@atexit.register
def leave_as_found() -> None:
    """At exit: tidy every file whose side files a read-only look brought."""
    for key, had in list(_FOUND.items()):
        if not had:
            tidy(Path(key))
    _FOUND.clear()
