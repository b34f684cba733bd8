"""Fresh-eyes QA (session 13): a ticket import of a named pipe waited for ever.

Found on the team box: qa15bob ran ``mkfifo /srv/qa15s/april.csv``; the lead's
``journeymap tickets import /srv/qa15s/april.csv -w 1`` (and ``--dry-run``, and the
Data screen's import, which reads through the same function) hung at the open until
killed: a pipe has no end until someone writes to it.  A JSON backup import already
refused it.  A ticket export that is not a regular file is now one sentence.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("dry_run", [[], ["--dry-run"]], ids=["import", "dry run"])
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path, dry_run: list[str]) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = str(store.create_workshop(title="T").id)
    fifo = tmp_path / "april.csv"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db), "tickets",
                           "import", str(fifo), "-w", wid, *dry_run], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "not a regular file" in done.stderr, done.stderr
    assert "april.csv" in done.stderr and "Traceback" not in done.stderr
