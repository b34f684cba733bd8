"""Fresh-eyes QA (session 12): an edit on a full disk said only "database or disk is full".

Found on a real full tmpfs (``mount -t tmpfs -o size=600k tmpfs /tmp/full``): ``demo`` and
every edit in the app answered "The database refused the change: database or disk is
full." — SQLite's words, not where nor what to do.  The sentence now names the file's
disk, says the change was not saved and what to do; the store keeps working once there
is room (checked by hand on the tmpfs: ``mount -o remount,size=3m``, the next edit saved).

SQLite answers ``SQLITE_FULL`` the same way when a file reaches ``max_page_count``, which
is how the test fills "the disk" without a mount.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from models.db.schema import StoreError
from models.db.store import Store


def test_an_edit_on_a_full_disk_is_one_sentence_naming_the_disk(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        store.create_workshop(title="Lockout")
        store.engine.dispose()

        @event.listens_for(store.engine, "connect")
        def no_room(dbapi_connection: Any, _record: Any) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        with pytest.raises(StoreError) as info:
            for n in range(50):
                store.create_workshop(title=f"Second {n}", persona="x" * 4000)
        event.remove(store.engine, "connect", no_room)
        store.engine.dispose()
        message = str(info.value)
        assert message == (f"The disk that holds {db} is full, so this change was not "
                           "saved; free some space there and make the change again.")
        assert [w.title for w in store.list_workshops()][:1] == ["Lockout"]
