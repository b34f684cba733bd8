"""A journeymap file with one broken page, for the tests of what a damaged file allows.

The change-log table's root page gets an invalid b-tree page type, so ``quick_check``
reports damage while the workshops stay readable: the store's and the CLI's tests
both need exactly that state (read works, every write is refused).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PainPoint


def damage(path: Path, *, schema_version: str | None = None) -> int:
    """A journeymap file whose change-log tree has a broken page (the rest readable);
    stamped with an older ``schema_version`` when given, so opening it would upgrade it."""
    with Store(path, who="maker") as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        for n in range(30):
            store.add(PainPoint(workshop_id=wid, description=f"pain {n} " * 20))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    if schema_version is not None:
        with conn:
            conn.execute("UPDATE journeymap_meta SET value = ? WHERE key = 'schema_version'",
                         (schema_version,))
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'changelog'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root[0] - 1) * size] = 0x00  # not a valid b-tree page type
    path.write_bytes(bytes(data))
    return wid
