"""An observer writes no file, from the command line as from the app (qa17).

Found from outside in session 14: qa17ana, granted observer, was refused
`templates save` ("Only a participant or lead ...") and had no export key in the app,
but `journeymap export 1 -o mine.md` (and `-f json -o`) wrote the file.  One rule now:
every file journeymap writes from a workshop (`export -o`, `templates save`, `copy`)
is the `export` action of `models.db.access`; printing to stdout stays open to anyone
who can read the database, as docs/security.md says.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.live import presence
from tests.helpers import as_account, observed_by_olga, run_cli

FORMATS = ("md", "json", "csv", "ics")


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    """A workshop of lea's in which the account olga took the observer seat granted her."""
    db = tmp_path / "team.db"
    return db, observed_by_olga(db, monkeypatch)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_observer_cannot_export_into_a_file(watched: tuple[Path, int], tmp_path: Path,
                                               fmt: str) -> None:
    db, wid = watched
    target = tmp_path / f"mine.{fmt}"
    code, out, err = run_cli(db, "export", str(wid), "-f", fmt, "-o", str(target))
    assert code == 1, (out, err)
    assert "the account olga is an observer" in err and err.count("\n") == 1
    assert "Traceback" not in out + err
    assert not target.exists()
    assert {p.name for p in tmp_path.iterdir()} <= {"team.db", "team.db-wal", "team.db-shm"}


def test_an_observer_replaces_nobodys_file(watched: tuple[Path, int], tmp_path: Path) -> None:
    db, wid = watched
    theirs = tmp_path / "plan.md"
    theirs.write_text("the lead's notes\n")
    code, _out, err = run_cli(db, "export", str(wid), "-o", str(theirs))
    assert code == 1 and "observer" in err
    assert theirs.read_text() == "the lead's notes\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_observer_still_reads_the_export_on_stdout(watched: tuple[Path, int],
                                                      fmt: str) -> None:
    db, wid = watched
    code, out, err = run_cli(db, "export", str(wid), "-f", fmt)
    assert code == 0, err
    assert out


def test_the_refusal_says_printing_is_still_open(watched: tuple[Path, int],
                                                 tmp_path: Path) -> None:
    db, wid = watched
    _code, _out, err = run_cli(db, "export", str(wid), "-o", str(tmp_path / "x.md"))
    assert "write a file from workshop" in err


def test_a_participant_still_exports_into_a_file(watched: tuple[Path, int], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = watched
    monkeypatch.undo()  # the account that created the workshop: its lead
    with Store(db, who="lea") as store:
        presence.grant(store, wid, "olga", "participant")
    as_account(monkeypatch, "olga")
    target = tmp_path / "mine.md"
    code, _out, err = run_cli(db, "export", str(wid), "-o", str(target))
    assert code == 0, err
    assert "Shared" in target.read_text()
