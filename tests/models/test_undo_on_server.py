"""Undo on PostgreSQL under READ COMMITTED: another seat's change is never overwritten.

On a file, ``BEGIN IMMEDIATE`` makes undo's clash check and its restore one step for
every other writer.  On a server each statement of READ COMMITTED sees what was
committed before it, so a seat's re-link or edit committed between the check and the
restore would be overwritten, unless the two writes queue.  They do: every write
transaction takes the server's write lock first (``models.db.server.WRITE_LOCK``).
Two connections interleave here step by step (a hook between check and restore, a
seat holding its transaction open); the waits are on the server's own lock table,
never on time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from sqlmodel import Session

from models.db import snapshot
from models.db.server import libpq
from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Handoff, Touchpoint
from models.db.undo import UndoRefused
from tests.helpers import build_workshop


def _blocked(url: str) -> bool:
    """Whether a seat's connection to this database is waiting for a lock right now."""
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                           "current_database() AND backend_type = 'client backend' "
                           "AND wait_event_type = 'Lock'").fetchone()
    return bool(row and row[0])


def _until(done: Callable[[], bool]) -> None:
    """Wait for ``done``, with no time limit: every caller's condition becomes true by
    itself (the other seat's thread either waits on the write lock, which the server
    shows, or finishes), so a loaded machine only makes this slower, never wrong."""
    while not done():
        time.sleep(0.02)


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """``work`` started in a thread; the dict gets its "result" or "error"."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = work()
        except Exception as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def _deleted_touchpoint(url: str) -> tuple[int, int, int, int]:
    """Ana deletes a touchpoint with a pain point and a handoff on it.

    Returns (workshop, touchpoint, pain point, another touchpoint)."""
    with Store(url, who="Lea") as lea:
        wid = build_workshop(lea)
    with Store(url, who="Ana") as ana:
        journey = ana.load(wid)
        pain = journey.pain_points[0]
        tp = next(t for t in journey.ordered_touchpoints() if t.id == pain.touchpoint_id)
        other = next(t for t in journey.ordered_touchpoints() if t.id != tp.id)
        ana.add(Handoff(workshop_id=wid, from_touchpoint_id=tp.id, to_touchpoint_id=other.id,
                        from_team="Support", to_team="IT"))
        ana.delete(Touchpoint, int(tp.id or 0))
    return wid, int(tp.id or 0), int(pain.id or 0), int(other.id or 0)


def _link_and_touchpoints(url: str, wid: int, pain_id: int) -> tuple[int | None, list[int]]:
    with Store(url) as store:
        journey = store.load(wid)
    pain = next(p for p in journey.pain_points if p.id == pain_id)
    return pain.touchpoint_id, sorted(int(t.id or 0) for t in journey.ordered_touchpoints())


def test_a_relink_sent_between_the_undo_check_and_the_restore_waits_and_survives(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    wid, tp_id, pain_id, other_id = _deleted_touchpoint(pg_url)
    checked = snapshot._standing_links
    bo_store = Store(pg_url, who="Bo")
    seen: dict[str, Any] = {}

    def check_then_bo_relinks(s: Session, snap: snapshot.Snapshot) -> Any:
        standing = checked(s, snap)  # the undo's clash check has passed
        thread, out = _in_thread(lambda: bo_store.update(PainPoint, pain_id,
                                                         touchpoint_id=other_id))
        _until(lambda: "result" in out or "error" in out or _blocked(pg_url))
        seen.update(thread=thread, out=out, finished_first=not thread.is_alive())
        return standing

    monkeypatch.setattr(snapshot, "_standing_links", check_then_bo_relinks)
    try:
        with Store(pg_url, who="Ana") as ana:
            ana.undo_last(wid, seat="Ana")
        seen["thread"].join()
    finally:
        bo_store.close()
    assert not seen["finished_first"], "Bo's relink was committed inside Ana's undo"
    assert "error" not in seen["out"]
    link, touchpoints = _link_and_touchpoints(pg_url, wid, pain_id)
    assert tp_id in touchpoints  # the undo is whole: the touchpoint is back
    assert link == other_id  # and Bo's relink, made after it, stands


@contextmanager
def _held_open(store: Store, holding: threading.Event,
               release: threading.Event) -> Iterator[Any]:
    """``store.write`` that, its change made, keeps the transaction open until released."""
    with Store.write(store) as s:
        yield s
        s.flush()
        holding.set()
        release.wait()


@pytest.mark.parametrize("bo_changes", ["relink", "rename"])
def test_an_undo_waiting_on_another_seats_open_change_is_refused_whole(
        pg_url: str, bo_changes: str) -> None:
    wid, tp_id, pain_id, other_id = _deleted_touchpoint(pg_url)
    target = (PainPoint, pain_id, {"touchpoint_id": other_id})
    if bo_changes == "rename":  # Ana's last change is a rename, which Bo renames again
        with Store(pg_url, who="Ana") as ana:
            ana.update(Touchpoint, other_id, name="Ana's name")
        target = (Touchpoint, other_id, {"name": "Bo's name"})
    before = _link_and_touchpoints(pg_url, wid, pain_id)
    holding, release = threading.Event(), threading.Event()
    with Store(pg_url, who="Bo") as bo, Store(pg_url, who="Ana") as ana:
        bo.write = lambda: _held_open(bo, holding, release)  # type: ignore[method-assign]
        model, row_id, change = target
        bo_thread, bo_out = _in_thread(lambda: bo.update(model, row_id, **change))
        try:
            _until(lambda: holding.is_set() or not bo_thread.is_alive())
            ana_thread, ana_out = _in_thread(lambda: ana.undo_last(wid, seat="Ana"))
            _until(lambda: _blocked(pg_url) or not ana_thread.is_alive())
            waited = ana_thread.is_alive()  # Ana's undo waits on Bo's open change
        finally:
            release.set()
        bo_thread.join()
        ana_thread.join()
    assert waited and "error" not in bo_out
    assert isinstance(ana_out.get("error"), UndoRefused), ana_out
    assert str(ana_out["error"]).endswith("nothing was undone.")
    after = _link_and_touchpoints(pg_url, wid, pain_id)
    if bo_changes == "relink":
        assert after == (other_id, before[1])  # Bo's link; the touchpoint not half back
        assert tp_id not in after[1]
    else:
        assert after == before
        with Store(pg_url) as store:
            assert store.load(wid).touchpoint(other_id).name == "Bo's name"
