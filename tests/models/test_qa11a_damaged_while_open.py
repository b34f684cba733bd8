"""A file damaged while a seat has it open (truncated by a full disk or a bad copy, pages
overwritten) refuses the seat's next read or write with the damaged-file sentence, as a file
found damaged on open does, instead of SQLAlchemy's error (found by fresh-eyes QA: the
workshop screen showed a traceback on the next Enter)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.dbfile import StoreError
from models.db.store import Store
from models.db.tables.workshop import Stage
from tests.file_damage import cut_in_half
from tests.helpers import build_workshop


def test_a_file_cut_under_an_open_store_refuses_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    store = Store(path, who="lea")
    wid = build_workshop(store)
    stage_id = int(store.load(wid).stages[-1].id or 0)
    cut_in_half(path)
    for call in (lambda: store.update(Stage, stage_id, name="after the cut"),
                 lambda: store.load(wid)):
        with pytest.raises(StoreError) as info:
            call()
        message = str(info.value)
        assert "is damaged" in message and "import BACKUP.json" in message
    assert store.damage  # later writes are refused before they touch the file
    store.close()
