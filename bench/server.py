"""Server bench: concurrent writers on PostgreSQL, advisory lock vs SERIALIZABLE with retry.

Setup: a fresh database per variant (created and dropped through ``--admin``, a
URL of a role that may create databases; default ``JOURNEYMAP_TEST_PG``).  W
writer processes start together on a barrier; each alternates "add a pain
point" and "update the one just added" (the same pattern as the SQLite test
``tests/models/test_concurrency.py``), E edits each.  Afterwards every row and
every logged update is counted: lost = expected - found.

Variants:

- ``lock`` (what the store does, ``models/db/server.py``): READ COMMITTED and
  one transaction-scoped advisory lock per write; writers queue, no retries.
- ``serializable``: SERIALIZABLE isolation, no lock, the edit retried on a
  serialization failure or deadlock (counted).

Floor measured in the same run: one writer alone (edits/s), so the concurrent
figures read as a ratio of what one seat gets.

    python bench/server.py                       # 8 writers x 500 edits, both variants
    python bench/server.py --writers 4 --edits 100
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _serializable() -> None:
    """Swap the store's server engine for SERIALIZABLE without the advisory lock."""
    from sqlalchemy import create_engine

    import models.db.server as server

    def make_engine(target: str, *, read_only: bool) -> Any:
        return create_engine(server._url(target), isolation_level="SERIALIZABLE",
                             connect_args={"options": "-c timezone=UTC"})

    server.make_engine = make_engine  # type: ignore[assignment]


def _retrying(fn: Any, counter: list[int]) -> Any:
    from models.db.schema import StoreError

    while True:
        try:
            return fn()
        except StoreError as exc:
            text = str(exc)
            if "could not serialize" not in text and "deadlock" not in text:
                raise
            counter[0] += 1


def _writer(url: str, variant: str, wid: int, tag: str, edits: int, barrier: Any,
            out: Any) -> None:
    if variant == "serializable":
        _serializable()
    from models.db.store import Store
    from models.db.tables.cards import PainPoint

    retries = [0]
    errors: list[str] = []
    store = Store(url, who=tag)
    barrier.wait()
    t0 = time.perf_counter()
    last = 0
    for i in range(edits):
        try:
            if i % 2 == 0:
                pain = _retrying(lambda i=i: store.add(PainPoint(
                    workshop_id=wid, description=f"{tag}-{i}", ticket_volume=i)), retries)
                last = int(pain.id or 0)
            else:
                _retrying(lambda i=i, last=last: store.update(
                    PainPoint, last, votes=i, description=f"{tag}-{i - 1} edited"), retries)
        except Exception as exc:  # noqa: BLE001 - counted, reported
            errors.append(f"{type(exc).__name__}: {exc}")
    out.put({"tag": tag, "seconds": time.perf_counter() - t0, "retries": retries[0],
             "errors": errors})
    store.close()


def fresh_database(admin: str) -> tuple[str, Callable[[], None]]:
    """A new database and the call that drops it (and closes the admin connection)."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"jm_bench_{uuid.uuid4().hex[:10]}"
    conn = psycopg.connect(admin, autocommit=True)
    conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.close()

    return make_url(admin).set(database=name).render_as_string(hide_password=False), drop


def run_variant(admin: str, variant: str, writers: int, edits: int) -> dict[str, Any]:
    from sqlmodel import select

    from models.db.store import Store
    from models.db.tables.cards import PainPoint
    from models.db.tables.history import ChangeLog

    url, drop = fresh_database(admin)
    try:
        with Store(url, who="setup") as store:
            wid = int(store.create_workshop(title="race").id or 0)
        ctx = mp.get_context("spawn")
        barrier, out = ctx.Barrier(writers), ctx.Queue()
        tags = [f"w{n}" for n in range(writers)]
        procs = [ctx.Process(target=_writer, args=(url, variant, wid, t, edits, barrier, out))
                 for t in tags]
        t0 = time.perf_counter()
        for p in procs:
            p.start()
        results = [out.get(timeout=3600) for _ in procs]
        wall = time.perf_counter() - t0
        for p in procs:
            p.join()
        with Store(url) as store, store.read() as s:
            pains = list(s.exec(select(PainPoint).where(PainPoint.workshop_id == wid)))
            updates = sum(1 for c in s.exec(select(ChangeLog).where(
                ChangeLog.workshop_id == wid)) if c.action == "update")
        found_edited = sum(1 for p in pains if p.description.endswith(" edited")
                           and p.ticket_volume is not None and p.votes == p.ticket_volume + 1)
        expected = writers * edits // 2
        return {"variant": variant, "writers": writers, "edits": edits,
                "lost": (expected - len(pains)) + (expected - found_edited),
                "updates_logged": updates, "errors": sum(len(r["errors"]) for r in results),
                "first_error": next((r["errors"][0] for r in results if r["errors"]), ""),
                "retries": sum(r["retries"] for r in results),
                "edits_per_s": writers * edits / max(r["seconds"] for r in results),
                "wall": wall}
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin", default=os.environ.get("JOURNEYMAP_TEST_PG", ""))
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--variants", default="lock,serializable")
    args = parser.parse_args()
    if not args.admin:
        sys.exit("bench/server.py needs --admin URL (or JOURNEYMAP_TEST_PG).")
    floor = run_variant(args.admin, "lock", 1, min(args.edits, 200))
    print(f"floor: one writer alone {floor['edits_per_s']:.0f} edits/s")
    for variant in args.variants.split(","):
        r = run_variant(args.admin, variant, args.writers, args.edits)
        print(f"{variant}: {r['writers']} writers x {r['edits']} edits: lost {r['lost']}, "
              f"errors {r['errors']}, retries {r['retries']}, "
              f"{r['edits_per_s']:.0f} edits/s ({r['edits_per_s'] / floor['edits_per_s']:.2f}x "
              f"one writer), wall {r['wall']:.1f} s"
              + (f"; first error: {r['first_error'][:160]}" if r["first_error"] else ""))


if __name__ == "__main__":
    main()
