"""A file journeymap refuses is named with the way out, like every other refusal.

Found from outside in session 10: a truncated copy of a team's file (3,000 bytes) was
refused with "team.db cannot be read as a journeymap database (database disk image is
malformed); it was left untouched." and nothing on what to do, while a text file or
another application's database said "Choose another file with --db."
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from models.db import dbfile
from models.db.dbfile import StoreError
from models.db.store import Store


def made(path: Path) -> None:
    with Store(path, who="lea") as store:
        store.create_workshop(title="Lockout")


def truncated(path: Path) -> None:
    made(path)
    path.write_bytes(path.read_bytes()[:3000])


def header_only(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00")


def meta(key: str, value: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        made(path)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = ?", (value, key))
        conn.close()
    return damage


@pytest.mark.parametrize("damage", [truncated, header_only, meta("app", "other"),
                                    meta("schema_version", "x")],
                         ids=["truncated", "header only", "another app", "unreadable version"])
def test_a_refused_file_is_named_with_the_way_out(tmp_path: Path,
                                                  damage: Callable[[Path], None]) -> None:
    path = tmp_path / "team.db"
    damage(path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as exc:
        dbfile.check_openable(path, 1)
    said = str(exc.value)
    assert said.startswith(str(path)) and "it was left untouched" in said
    assert said.endswith("it was left untouched; import your latest JSON backup into a new "
                         "file (`journeymap --db NEW.db import BACKUP.json`) or choose another "
                         "file with --db."), said
    assert path.read_bytes() == before
