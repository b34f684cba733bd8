"""A real journeymap file to age: made by the current store, then stamped with an older version.

Shared by the schema tests, the tests of a migration step (schema 13's unknown volume)
and the import of an old backup.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PainPoint


def make_journeymap_file(path: Path) -> int:
    """A real journeymap file with one workshop, closed and checkpointed (no side files)."""
    store = Store(path, who="maker")
    w = store.create_workshop(title="Lockout [bold]", persona="Admin")
    store.add(PainPoint(workshop_id=w.id, description="loop", kind="loop", ticket_volume=12))
    store.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return int(w.id or 0)


def set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = 'schema_version'",
                     (str(version),))
    conn.close()


def old_backup(store: Store, workshop_id: int) -> str:
    """The JSON backup a journeymap before session 11 wrote of this workshop: the same
    form, but each card's plan task keyed ``card-ID`` by the card's row id here."""
    from models.export.json_backup import export_workshop

    data = json.loads(export_workshop(store, workshop_id))
    keys = [task.key for task in store.load(workshop_id).plan_tasks]
    for row, key in zip(data.get("plan_tasks", []), keys, strict=True):
        if key:
            row["key"] = key
    return json.dumps(data, ensure_ascii=False, indent=2)
