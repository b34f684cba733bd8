"""A seat name with a control character is refused on the command line (QA session 17).

``role 1 $'\\x1b[31mkim' observer`` stored the escape sequence as a seat; a
``JOURNEYMAP_USER`` holding one was written into the change log of every edit.  Both
are now one sentence on stderr, exit 1, nothing written, no traceback; the sentence
shows the name with its control characters escaped, never raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from models.db.store import Store
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from tests.helpers import as_account, run_cli
from tui.cli import workshops


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    as_account(monkeypatch, "n21lea")
    monkeypatch.setenv("JOURNEYMAP_USER", "n21lea")
    with Store(db, who="n21lea") as store:
        wid, _ = workshops.ensure_demo(store)
    return db, wid


def _rows(db: Path) -> tuple[list[str], int]:
    with Store(db, who="n21lea") as store, store.read() as s:
        return ([p.name for p in s.exec(select(Participant))],
                len(list(s.exec(select(ChangeLog)))))


@pytest.mark.parametrize("name", ["\x1b[31mkim", "kim\x9b", "kim\x7f"])
def test_role_refuses_a_name_with_a_control_character(demo: tuple[Path, int],
                                                       name: str) -> None:
    db, wid = demo
    before = _rows(db)
    code, out, err = run_cli(db, "role", str(wid), name, "observer", "--account", "root")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "the seat name" in err and "control character (U+" in err
    assert "\x1b" not in err and "\x9b" not in err and "\x7f" not in err
    assert _rows(db) == before


def test_a_journeymap_user_with_a_control_character_is_refused_before_a_write(
        demo: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = demo
    before = _rows(db)
    monkeypatch.setenv("JOURNEYMAP_USER", "\x1b[31mn21lea")
    for args in (["invite", str(wid), "Sam"], ["role", str(wid), "kim", "observer"]):
        code, out, err = run_cli(db, *args)
        assert code == 1 and out == "", (args, out)
        assert err.count("\n") == 1 and "JOURNEYMAP_USER" in err, err
        assert "control character (U+001B)" in err and "\x1b" not in err
    assert _rows(db) == before
