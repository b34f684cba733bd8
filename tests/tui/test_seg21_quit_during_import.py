"""Quitting while a ticket import's thread still writes: the import is saved whole, the
store is closed only after it, and nothing runs on a closed connection.

Left by session 16: once, the tests/tui layer's worker died of a segfault inside SQLite
while an import's thread was in ``baselines.apply_to_map`` and the app was closing.  The
app's unmount closed the store (``engine.dispose()`` closes every thread's connection of
the pool) without waiting for the thread.  Here the import is held inside
``apply_to_map`` until the close has begun, deterministically.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from models.db.store import Store
from models.tickets import storage
from tests.helpers import import_dialog, settle, until

ZENDESK = Path(__file__).resolve().parents[1] / "models" / "tickets" / "fixtures" / \
    "zendesk_tickets.csv"


class Hold:
    """``apply_to_map`` held until the store's close began (or ended), then let go."""

    def __init__(self) -> None:
        self.inside = threading.Event()
        self.closed = threading.Event()
        self.done = threading.Event()
        self.outcome: list[object] = []
        self.store: Store | None = None
        self.ended_before_close: bool | None = None  # the import, once the close returned

    def close_began(self) -> bool:
        """The close returned, or it is waiting for this import (``Store.work``)."""
        work = getattr(self.store, "work", None)
        return self.closed.is_set() or bool(getattr(work, "closing", False))

    def wait_for_close(self) -> None:
        for _ in range(2000):  # a bound, not a timing: a hang is a failure, not a pass
            if self.close_began():
                return
            time.sleep(0.005)


@pytest.fixture
def hold(monkeypatch: pytest.MonkeyPatch) -> Hold:
    held = Hold()
    apply, run, close = storage.apply_to_map, storage.import_file, Store.close

    def held_apply(store: Store, workshop_id: int, **kw: Any) -> list[str]:
        held.store = store
        held.inside.set()
        held.wait_for_close()
        return apply(store, workshop_id, **kw)

    def recorded(*args: Any, **kw: Any) -> Any:
        try:
            result = run(*args, **kw)
        except BaseException as exc:
            held.outcome.append(exc)
            raise
        else:
            held.outcome.append(result)
            return result
        finally:
            held.done.set()

    def closing(store: Store) -> None:
        close(store)
        if store is held.store:
            held.ended_before_close = held.done.is_set()
            held.closed.set()

    monkeypatch.setattr(storage, "apply_to_map", held_apply)
    monkeypatch.setattr(storage, "import_file", recorded)
    monkeypatch.setattr(Store, "close", closing)
    return held


async def test_quitting_mid_import_waits_for_it_and_saves_it_whole(
        tmp_path: Path, hold: Hold) -> None:
    db = tmp_path / "d.db"
    async with import_dialog(db) as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(ZENDESK)
        await dialog.inspect()
        await settle(pilot)
        dialog.finish()
        assert await until([pilot], hold.inside.is_set, rounds=500)
        app.exit()
    assert hold.done.wait(60), "the import never ended"
    assert hold.closed.is_set(), "the store was not closed"
    assert hold.ended_before_close, "the store was closed under the import's thread"
    assert len(hold.outcome) == 1 and not isinstance(hold.outcome[0], BaseException), \
        hold.outcome
    left = [side for side in ("-wal", "-shm") if Path(f"{db}{side}").exists()]
    assert not left, f"a connection opened after the close is still open: {left}"
    with Store(db, read_only=True) as store:
        journey = store.load(wid)
    assert journey.readings, "the readings were not saved"
    assert journey.workshop.evidence_ticket_volume is not None, "the import was saved by halves"


def test_every_thread_worker_of_the_tui_is_held_against_the_close() -> None:
    """A thread worker started elsewhere would be closed under again: the only ones are
    ``tui.store_thread``'s and the app's two that open the store (there is none yet)."""
    root = Path(__file__).resolve().parents[2] / "tui"
    found = sorted(f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py")
                   for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                   if "thread=True" in line)
    files = [f.split(":")[0] for f in found]
    assert set(files) == {"app/app.py", "store_thread.py"} and files.count("app/app.py") == 2, \
        found
