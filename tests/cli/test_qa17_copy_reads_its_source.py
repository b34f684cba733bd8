"""`copy` only reads its source: a file it cannot write is copied and left as found (qa17).

Found from outside in session 14: `copy` opened its source for writing (a `Store`, not a
reader).  From a file the account could not write (chattr +i, or a folder of another
account) it left `src.db-wal` and `src.db-shm` beside it; qa17ana, lead of her own
map in a folder she had made read-only, was refused outright ("This account cannot write
in ro …").  The source is now opened as every read-only command opens its file.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    source = tmp_path / "box" / "src.db"
    source.parent.mkdir()
    with Store(source, who="lea", create=True) as store:
        store.create_workshop(title="Lockout")
    if subprocess.run(["chattr", "+i", str(source)], capture_output=True,
                      check=False).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        yield source
    finally:
        subprocess.run(["chattr", "-i", str(source)], check=True)


def test_a_copy_from_a_file_it_cannot_write_leaves_its_folder_as_found(
        locked: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in locked.parent.iterdir())
    code, out, err = run_cli(tmp_path / "copy.db", "copy", "--from", str(locked),
                             "--to", str(tmp_path / "copy.db"))
    assert code == 0, err
    assert "Copied 1 workshop" in out
    assert sorted(p.name for p in locked.parent.iterdir()) == before
    with Store(tmp_path / "copy.db", who="lea", read_only=True) as copied:
        assert [w.title for w in copied.list_workshops()] == ["Lockout"]


def test_a_refused_copy_creates_no_destination(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """qa17ana (observer) ran `copy --from team.db --to mine.db`: refused in one sentence,
    but an empty mine.db was left behind, made before the roles were checked."""
    from models.live import presence
    from tests.helpers import as_account

    source = tmp_path / "team.db"
    with Store(source, who="lea", create=True) as store:
        wid = int(store.create_workshop(title="Lockout").id or 0)
        presence.grant(store, wid, "olga", "observer")
    as_account(monkeypatch, "olga")
    with Store(source, who="olga") as store:
        assert presence.join(store, wid, "olga").role == "observer"
    target = tmp_path / "mine.db"
    code, _out, err = run_cli(source, "copy", "--from", str(source), "--to", str(target))
    assert code == 1 and "olga is an observer" in err
    assert not target.exists()
    assert not Path(f"{target}-wal").exists()
