"""A `-wal`, `-shm` or `-journal` that is a symbolic link is named, not taken for damage (qa17).

Found from outside in session 14: qa17bob (a participant with a shell in the shared,
group-writable folder) planted `team.db-wal -> ~qa17lea/victim.txt` and `team.db-shm
-> ~qa17lea/victim2.txt` while no seat was open.  SQLite refused to open them (the
victims stayed untouched), but every command of the lead said "/srv/qa17/team.db cannot
be read as a journeymap database (unable to open database file); it was left untouched;
import your latest JSON backup into a new file …": a lead told to restore a sound
database from a backup.  Now the sentence names the link and how to remove it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A workshop file with no seat open: SQLite removed its -wal and -shm at the close."""
    db = tmp_path / "team.db"
    with Store(db, who="lea", create=True) as store:
        store.create_workshop(title="Lockout")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.db"]
    return db


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
@pytest.mark.parametrize("command", [("show", "1"), ("export", "1"), ("reviewed", "1"),
                                     ("list",)])
def test_a_planted_side_link_is_named_and_nothing_is_written_through_it(
        team: Path, tmp_path: Path, side: str, command: tuple[str, ...]) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("# the lead's profile\n")
    link = Path(f"{team}{side}")
    os.symlink(victim, link)
    code, out, err = run_cli(team, *command)
    assert code == 1, (out, err)
    assert f"{link} is a symbolic link" in err and err.count("\n") == 1
    assert "JSON backup" not in err and "Traceback" not in out + err
    assert victim.read_text() == "# the lead's profile\n"
    assert link.is_symlink()


def test_without_a_link_the_file_opens(team: Path) -> None:
    code, out, err = run_cli(team, "show", "1")
    assert code == 0, err
    assert "Lockout" in out
