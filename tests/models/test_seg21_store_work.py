"""``Store.close`` waits for store work under way on other threads (``Store.work``).

Session 16's segfault: the app closed the store (``engine.dispose()`` closes every
thread's pooled connection) while an import's thread was inside a statement.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from models.db.store import _OPEN, Store
from models.db.store_work import StoreWork


def _until(check: threading.Event | None = None, work: StoreWork | None = None) -> None:
    for _ in range(2000):  # a bound against a hang, not a timing
        if (check is not None and check.is_set()) or (work is not None and work.closing):
            return
        time.sleep(0.005)


def test_close_waits_for_another_threads_work_and_refuses_new_work(tmp_path: Path) -> None:
    store = Store(tmp_path / "w.db", who="lead")
    wid = int(store.create_workshop(title="Refunds").id or 0)
    inside, go, closed = threading.Event(), threading.Event(), threading.Event()
    read: list[str] = []

    def work() -> None:
        with store.work.running() as begun:
            assert begun
            inside.set()
            go.wait(10)
            read.append(store.load(wid).workshop.title)  # after the close began

    def close() -> None:
        store.close()
        closed.set()

    worker = threading.Thread(target=work)
    worker.start()
    _until(inside)
    closer = threading.Thread(target=close)
    closer.start()
    _until(work=store.work)
    assert store.work.closing and not closed.is_set()  # waiting for the work under way
    with store.work.running() as begun:
        assert not begun  # nothing new starts on a closing store
    go.set()
    worker.join(30)
    closer.join(30)
    assert read == ["Refunds"] and closed.is_set()
    assert store not in _OPEN


def test_a_close_that_waited_in_vain_leaves_the_store_open() -> None:
    work, go = StoreWork(), threading.Event()
    inside = threading.Event()

    def hold() -> None:
        with work.running():
            inside.set()
            go.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    _until(inside)
    assert not work.finish(bound=0.01)
    go.set()
    holder.join(30)
    assert work.finish(bound=0.01)


def test_the_closing_threads_own_work_does_not_hold_the_close() -> None:
    work = StoreWork()
    with work.running() as outer, work.running() as inner:
        assert outer and inner
        assert work.finish(bound=0.01)
