"""Reliability bench: nothing committed is lost, no id is handed out twice.

Three experiments on one database file, each printing its figures:

* write storm: W writer processes x E edits each (add a pain point, edit it, delete
  every third one); afterwards every surviving row has its last value, no id was
  returned twice (ids of deleted rows included), ``integrity_check`` is ok.
* kill -9: R rounds, each starts a writer that prints every id right after its
  commit returns and is killed with SIGKILL at a random moment; every printed id
  must be in the file afterwards (``lost=0``).
* quick_check cost: the time ``PRAGMA quick_check`` takes on files of growing
  size, against the time to read the same file once (the floor), which is how the
  size limit for the check on open (``QUICK_CHECK_MAX_BYTES``) was chosen.

A tool, not a test: it asserts nothing and exits 0; read ``lost=`` and ``reused=``.

    python bench/reliability.py [--writers 4] [--edits 200] [--kills 20]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _writer(path: str, wid: int, tag: str, edits: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from models.db.store import Store
    from models.db.tables.cards import PainPoint

    store = Store(path, who=tag)
    ids: list[int] = []
    final: dict[int, str] = {}
    for i in range(edits):
        pain = store.add(PainPoint(workshop_id=wid, description=f"{tag}-{i}"))
        pid = int(pain.id or 0)
        ids.append(pid)
        store.update(PainPoint, pid, description=f"{tag}-{i} edited")
        final[pid] = f"{tag}-{i} edited"
        if i % 3 == 2:
            store.delete(PainPoint, pid)
            del final[pid]
    store.close()
    out.put((ids, final))


def storm(folder: Path, writers: int, edits: int) -> None:
    from models.db.store import Store

    path = folder / "storm.db"
    with Store(path, who="bench") as store:
        wid = int(store.create_workshop(title="storm").id or 0)
    out: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    start = time.perf_counter()
    procs = [mp.Process(target=_writer, args=(str(path), wid, f"w{n}", edits, out))
             for n in range(writers)]
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    seconds = time.perf_counter() - start
    all_ids = [i for ids, _ in results for i in ids]
    expected = {k: v for _, final in results for k, v in final.items()}
    conn = sqlite3.connect(path)
    stored = dict(conn.execute("SELECT id, description FROM painpoint"))
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    lost = sum(1 for k, v in expected.items() if stored.get(k) != v)
    extra = len(set(stored) - set(expected))
    reused = len(all_ids) - len(set(all_ids))
    print(f"storm: writers={writers} edits={edits} (add+edit, every 3rd deleted) "
          f"seconds={seconds:.1f} "
          f"rows={len(stored)} lost={lost} unexpected={extra} reused={reused} "
          f"integrity={check}")


KILL_WRITER = """
import sys
sys.path.insert(0, {root!r})
from models.db.store import Store
from models.db.tables.cards import PainPoint
store = Store({path!r}, who="k")
i = 0
while True:
    pain = store.add(PainPoint(workshop_id={wid}, description=f"k{{i}}"))
    print(pain.id, flush=True)
    i += 1
"""


def kills(folder: Path, rounds: int) -> None:
    from models.db.store import Store

    path = folder / "kill.db"
    with Store(path, who="bench") as store:
        wid = int(store.create_workshop(title="kill").id or 0)
    printed: list[int] = []
    rng = random.Random(11)
    for _ in range(rounds):
        proc = subprocess.Popen([sys.executable, "-c", KILL_WRITER.format(
            root=str(ROOT), path=str(path), wid=wid)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        first = proc.stdout.readline()  # writing has begun
        time.sleep(rng.uniform(0.05, 0.5))  # then a random moment mid-stream
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        printed += [int(line) for line in (first + out).split() if line.isdigit()]
    conn = sqlite3.connect(path)
    stored = {row[0] for row in conn.execute("SELECT id FROM painpoint")}
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    lost = len(set(printed) - stored)
    reused = len(printed) - len(set(printed))
    print(f"kill -9: rounds={rounds} committed={len(printed)} lost={lost} reused={reused} "
          f"integrity={check}")


def quick_check_cost(folder: Path) -> None:
    path = folder / "size.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT)")
    conn.execute("CREATE INDEX t_body ON t (body)")
    written = 0
    for target_mb in (1, 8, 32):
        while written < target_mb * 1024 * 1024:
            with conn:
                conn.executemany("INSERT INTO t (body) VALUES (?)",
                                 [(os.urandom(200).hex(),) for _ in range(500)])
            written = path.stat().st_size
        start = time.perf_counter()
        path.read_bytes()
        floor = time.perf_counter() - start
        start = time.perf_counter()
        reader = sqlite3.connect(path)
        reader.execute("PRAGMA quick_check").fetchall()
        reader.close()
        quick = time.perf_counter() - start
        print(f"quick_check: size={written / 2**20:.1f}MiB seconds={quick:.3f} "
              f"read_once={floor:.3f} ratio={quick / max(floor, 1e-6):.1f}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--kills", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        storm(Path(folder), args.writers, args.edits)
        kills(Path(folder), args.kills)
        quick_check_cost(Path(folder))


if __name__ == "__main__":
    main()
