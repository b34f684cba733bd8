"""A role counts on the command line only when a lead gave it (session 17, trust21).

Session 16 made a reopen in the app count a seat's stored role only up to what a lead
gave it (``access.vouched``: the creator rule or the seat's last logged grant).  The
commands still read the stored role as it was, so a ``lead`` written into a seat's row
by anything but a grant (``sqlite3``, an older build, a presence connection before
session 16) gave that account ``delete`` and ``role`` on the command line.  These tests
plant such rows the way a hostile or older writer would: with raw SQL.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.cli.logins import as_login, lea_grants_bob, refused
from tests.helpers import run_cli

UNBACKED = "not backed by a grant"


def _sql(db: Path, statement: str, *params: object) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(statement, params)
    conn.close()


def _number(db: Path, query: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(query).fetchone()[0])
    finally:
        conn.close()


def _changes(db: Path) -> int:
    return _number(db, "SELECT count(*) FROM changelog")


def _planted(db: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> int:
    """lea's workshop where bob's row says lead though no lead made him one."""
    if how == "inserted":  # a row nobody granted, as an older build or sqlite3 writes it
        wid = lea_grants_bob(db, monkeypatch, role="observer")
        _sql(db, "DELETE FROM changelog WHERE field = 'role'")
        _sql(db, "UPDATE participant SET role = 'lead' WHERE name = 'bob'")
    else:  # granted a lower role, the row raised by hand afterwards
        wid = lea_grants_bob(db, monkeypatch, role=how)
        _sql(db, "UPDATE participant SET role = 'lead' WHERE name = 'bob'")
    as_login(monkeypatch, "bob")
    return wid


def _refused_unchanged(db: Path, *args: str) -> str:
    before, logged = db.read_bytes(), _changes(db)
    err = refused(run_cli(db, *args))
    assert db.read_bytes() == before and _changes(db) == logged
    return err


@pytest.mark.parametrize("how", ["inserted", "observer", "participant"])
@pytest.mark.parametrize("args", [("delete", "{w}", "--yes"), ("role", "{w}", "kim", "lead")],
                         ids=["delete", "role"])
def test_a_planted_lead_row_gives_no_lead_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str,
        args: tuple[str, ...]) -> None:
    db = tmp_path / "team.db"
    wid = _planted(db, monkeypatch, how)
    err = _refused_unchanged(db, *[a.format(w=wid) for a in args])
    assert UNBACKED in err and "ask lea" in err, err
    assert f"journeymap role {wid} bob lead" in err, err


def test_a_planted_lead_over_an_observer_grant_still_cannot_edit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    wid = _planted(db, monkeypatch, "observer")
    err = _refused_unchanged(db, "plan", str(wid), "--regenerate")
    assert UNBACKED in err, err


def test_an_observer_still_cannot_write(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch, role="observer")
    as_login(monkeypatch, "bob")
    err = _refused_unchanged(db, "plan", str(wid), "--regenerate")
    assert "the account bob is an observer" in err, err


def test_a_granted_lead_still_leads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch, role="lead")
    as_login(monkeypatch, "bob")
    assert run_cli(db, "role", str(wid), "kim", "participant")[0] == 0
    assert run_cli(db, "delete", str(wid), "--yes")[0] == 0


@pytest.mark.parametrize("who,new", [("bob", "lead"), ("lea", "owner")],
                         ids=["written-by-the-seat", "no-role"])
def test_a_forged_grant_line_raises_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            who: str, new: str) -> None:
    """The seat's own grant line (what ``presence.logged_role`` never counts), and a line
    that names no role, give nothing and end in the sentence, never a traceback."""
    db = tmp_path / "team.db"
    wid = _planted(db, monkeypatch, "observer")
    _sql(db, "INSERT INTO changelog (workshop_id, at, who, entity, entity_id, action, field, "
         "old, new, summary, account, imported) VALUES (?, '2026-12-01 10:00:00', ?, "
         "'participant', ?, 'update', 'role', 'observer', ?, '', ?, 0)",
         wid, who, _number(db, "SELECT id FROM participant WHERE name = 'bob'"), new, who)
    err = _refused_unchanged(db, "delete", str(wid), "--yes")
    assert UNBACKED in err, err


def test_the_creator_grants_an_unbacked_lead_again(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A map from a build that logged no grants: bob's row says lead and nothing backs it.
    The sentence's command, run by the creator, logs the grant, and bob leads again."""
    db = tmp_path / "team.db"
    wid = lea_grants_bob(db, monkeypatch, role="lead")
    _sql(db, "DELETE FROM changelog WHERE field = 'role'")
    as_login(monkeypatch, "bob")
    _refused_unchanged(db, "role", str(wid), "kim", "participant")
    as_login(monkeypatch, "lea")
    assert run_cli(db, "role", str(wid), "bob", "lead")[0] == 0
    as_login(monkeypatch, "bob")
    code, _out, err = run_cli(db, "role", str(wid), "kim", "participant")
    assert code == 0, err


def test_a_planted_role_over_an_observer_grant_writes_no_export_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``export -o`` decides on the light read's own cells, by the same rule."""
    db, out = tmp_path / "team.db", tmp_path / "plan.md"
    wid = _planted(db, monkeypatch, "observer")
    err = _refused_unchanged(db, "export", str(wid), "--format", "md", "-o", str(out))
    assert UNBACKED in err and not out.exists(), err
    as_login(monkeypatch, "lea")
    assert run_cli(db, "export", str(wid), "--format", "md", "-o", str(out))[0] == 0
