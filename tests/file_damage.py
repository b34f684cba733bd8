"""Damage done to a database file from outside while a seat has it open (shared by the
models and TUI tests of that case)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def cut_in_half(path: Path) -> None:
    """Another process truncates the file under the open store (its WAL checkpointed first,
    so the pages the store needs are in the part cut off)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
