"""The database file and its side files get the permissions a team box needs.

Why: SQLite creates a new database file as 0644 minus the umask, whatever the umask allows,
so with the ``umask 007`` docs/security.md asks for, the first opener's file was 0640 and
every other member of the group was read-only until someone ran ``chmod``.  SQLite then
copies the main file's mode to ``NAME-wal`` and ``NAME-shm`` only when it creates them, and
their group is the creator's own outside a setgid folder.  So journeymap creates a new file
itself, like any file it writes (0666 minus the umask: 0660 under ``umask 007``), and each
editing connection makes the side files this account owns follow the main file's group and
mode, so a ``chmod 660 team.db`` made while the workshop is open reaches them too.
``check_writable`` tells a member who still cannot write which file to fix, and how.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from models.db import dbfile
from models.db.dbfile import StoreError

SIDES = ("-wal", "-shm")


def create_database_file(path: Path) -> None:
    """Create an empty ``path`` with the umask's mode if it is missing (an empty file is a
    new database to SQLite); an existing file is left as it is."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))


def follow_main_file(path: Path) -> None:
    """Give ``NAME-wal`` and ``NAME-shm`` the main file's group and mode where this account
    owns them and may set them (the owner may choose any of its own groups); anything
    else is left to the file's owner, whom the read-only sentence names."""
    if os.name != "posix":
        return
    try:
        main = path.stat()
    except OSError:
        return
    me = os.geteuid()
    for side in SIDES:
        side_path = Path(f"{path}{side}")
        try:
            info = side_path.stat()
            if info.st_uid != me and me != 0:
                continue
            if info.st_gid != main.st_gid:
                os.chown(side_path, -1, main.st_gid)
            if stat.S_IMODE(info.st_mode) != stat.S_IMODE(main.st_mode):
                os.chmod(side_path, stat.S_IMODE(main.st_mode))
        except OSError:  # gone meanwhile, or a group this account is not in
            continue


def check_writable(path: Path) -> None:
    """An editing seat needs the file, its side files and its folder writable: SQLite keeps
    NAME-wal and NAME-shm beside the file.  Without this check the first write failed as
    SQLite's "unable to open database file" (with SQLAlchemy's link on a second line).  The
    sentence says what to fix on a team box (docs/security.md), not how to give up editing."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not dbfile.writable(folder):
        raise StoreError(f"This account cannot write in {folder} (SQLite keeps {path.name}-wal "
                         f"and {path.name}-shm beside the database), so nothing can be saved; "
                         "ask an administrator to give the team's group write access to it "
                         f"(`chmod 2770 {folder}`, see docs/security.md).")
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    for locked in [p for p in files if not dbfile.writable(p)][:1]:
        chmod = f"`chmod 660 {' '.join(str(p) for p in files)}`"
        info = locked.stat()
        if info.st_uid == os.geteuid():
            raise StoreError(f"{locked} is read-only for this account, which owns it, so "
                             f"nothing can be saved; run {chmod} to edit it again.")
        owner, group = _owner_and_group(locked)
        join = "" if _in_group(info.st_gid) else f" and to add this account to the group {group}"
        raise StoreError(f"{locked} is read-only for this account (owner {owner}, group "
                         f"{group}), so nothing can be saved; ask {owner} or an administrator "
                         f"to run {chmod}{join}.")


def _in_group(gid: int) -> bool:
    """Whether this account is already a member of group ``gid`` (no one needs to add it)."""
    return gid == os.getegid() or gid in os.getgroups()


def _owner_and_group(path: Path) -> tuple[str, str]:
    """Who can change a file's mode, and the group that should be the team's."""
    info = path.stat()
    try:
        owner = path.owner()
    except (KeyError, NotImplementedError):
        owner = f"uid {info.st_uid}"
    try:
        group = path.group()
    except (KeyError, NotImplementedError):
        group = f"gid {info.st_gid}"
    return owner, group
