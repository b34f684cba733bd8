"""A damaged file is read but never written; a removed WAL stops the seat's writes.

Decisions (docs/reliability.md): ``PRAGMA quick_check`` on open for files up to
``QUICK_CHECK_MAX_BYTES``, the full ``integrity_check`` before an upgrade and before
an import; reading a damaged file still works (to rescue what is left, e.g. with a
JSON export), every write is refused with a sentence naming the JSON backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

import pytest

from models.db.dbfile import StoreError
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Workshop
from models.export.json_backup import export_workshop, import_json
from tests.models.damaged_file import damage


def test_a_damaged_file_can_be_read_but_every_write_is_refused(db_path: Path) -> None:
    wid = damage(db_path)
    store = Store(db_path, who="x")
    assert store.damage
    assert [w.id for w in store.list_workshops()] == [wid]  # reading still works
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    for write in (lambda: store.update(Workshop, wid, title="new"),
                  lambda: store.add(PainPoint(workshop_id=wid, description="d")),
                  lambda: store.create_workshop(title="t")):
        with pytest.raises(StoreError) as info:
            write()
        message = str(info.value)
        assert "is damaged" in message and "import BACKUP.json" in message
        assert "\n" not in message
    store.close()
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_importing_into_a_damaged_file_is_refused(db_path: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "good.db", who="x") as good:
        wid = int(good.create_workshop(title="Keep").id or 0)
        backup = export_workshop(good, wid)
    damage(db_path)
    with Store(db_path, who="x") as store, pytest.raises(StoreError, match="is damaged"):
        import_json(store, backup, "backup.json")
    assert json.loads(backup)["workshop"]["title"] == "Keep"


def test_a_damaged_older_file_is_not_upgraded(db_path: Path) -> None:
    damage(db_path)
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE journeymap_meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(StoreError, match="is damaged"):
        Store(db_path, who="x")
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize("sides", [("-wal",), ("-shm",), ("-wal", "-shm")])
def test_deleting_the_wal_while_a_seat_is_open_stops_its_writes(db_path: Path,
                                                                sides: tuple[str, ...]) -> None:
    store = Store(db_path, who="a")
    wid = int(store.create_workshop(title="Lockout").id or 0)
    for side in sides:
        os.remove(f"{db_path}{side}")
    with pytest.raises(StoreError) as info:
        store.update(Workshop, wid, title="lost?")
    assert "write-ahead log" in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(StoreError, match="write-ahead log"):
        store.add(PainPoint(workshop_id=wid, description="also refused"))
    store.close()


def test_a_sound_file_keeps_writing_across_reopen(db_path: Path) -> None:
    for n in range(3):
        with Store(db_path, who="a") as store:
            wid = store.create_workshop(title=f"w{n}").id
            store.update(Workshop, int(wid or 0), title="again")
            assert store.damage is None
