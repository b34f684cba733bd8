"""A seat on a file this account cannot write writes nowhere (session 12's note).

Found again this session: ``journeymap open`` on a team file the account may read but not
write (another lead's file, a copy made read-only) opened the store for writing; SQLite
then made ``team.db-wal`` and ``team.db-shm`` beside it in the shared folder, and left
them there.  Such a seat is now a reader (``dbfile.cannot_write``): it opens the file as
CLI reads do (``read_only_uri``: ``immutable`` while no editor has it open, ``mode=ro``
beside an editor's ``-shm``) and its edits are refused in one sentence.

The file is made unwritable with ``chattr +i``, the one way to refuse root a write; the
test is skipped where the file system or the account cannot set it.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import settle
from tui.app.launch import build_app


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[tuple[Path, int]]:
    db = tmp_path / "box" / "team.db"
    db.parent.mkdir()
    with Store(db, who="lea", create=True) as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True, check=False).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        yield db, wid
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


async def test_a_seat_on_a_file_it_cannot_write_leaves_no_side_files(
        locked: tuple[Path, int]) -> None:
    db, wid = locked
    app = build_app(db, wid, step="stages", who="bob")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.journey is not None and app.journey.workshop.title == "Lockout"
        await pilot.press("a")  # an edit: refused, not attempted
        await settle(pilot)
        assert app.session.read_only
        assert sorted(p.name for p in db.parent.iterdir()) == ["team.db"]
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.db"]

