"""Trust on a shared box from the command line (issue 10): roles are checked by OS account."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db import access
from models.db.store import Store
from models.db.tables.cards import PainPoint, Vote
from models.live import presence
from tests.helpers import as_account
from tui.cli.main import app

runner = CliRunner()


def run(db: Path, *args: str) -> Any:
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, int]:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        pain = store.add(PainPoint(workshop_id=wid, description="loop"))
        store.add(Vote(pain_point_id=pain.id or 0, participant="ana"))
        presence.grant(store, wid, "olga", "observer")
    return db, wid


def _olga(db: Path, wid: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The account ``olga`` takes the observer seat granted to her name."""
    as_account(monkeypatch, "olga")
    with Store(db, who="olga") as store:
        assert presence.join(store, wid, "olga").role == "observer"


def one_sentence(result: Any, needle: str) -> None:
    assert result.exit_code == 1, result.output
    assert needle in result.output and result.output.count("\n") == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ("delete", "{wid}", "--yes"),
    ("plan", "{wid}", "--regenerate"),
    ("role", "{wid}", "olga", "lead"),
    ("templates", "save", "{wid}", "{tmp}/copy.toml"),
])
def test_an_observer_account_is_refused_every_editing_command(
        team: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        args: tuple[str, ...]) -> None:
    db, wid = team
    _olga(db, wid, monkeypatch)
    before = db.read_bytes()
    result = run(db, *[a.format(wid=wid, tmp=tmp_path) for a in args])
    one_sentence(result, "the account olga is an observer")
    assert not (tmp_path / "copy.toml").exists()
    with Store(db, who="lea", read_only=True) as store:
        assert store.get_workshop(wid).title == "Shared" and store.audit() == []
    assert len(db.read_bytes()) == len(before)


def test_an_unknown_account_cannot_import_into_the_portfolio(
        team: tuple[Path, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    backup = tmp_path / "b.json"
    assert run(db, "export", str(wid), "--format", "json", "-o", str(backup)).exit_code == 0
    as_account(monkeypatch, "mallory")
    one_sentence(run(db, "import", str(backup)), "the account mallory is neither")
    one_sentence(run(db, "new", "--template", "blank", "--persona", "p", "--scenario", "s"),
                 "can add workshops to it; the account mallory is neither")


def test_an_observer_or_stranger_cannot_add_the_demo_to_a_shared_file(
        team: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    _olga(db, wid, monkeypatch)
    one_sentence(run(db, "demo", "--no-open"), "the account olga is neither")
    as_account(monkeypatch, "mallory")
    one_sentence(run(db, "demo", "--no-open"), "the account mallory is neither")
    with Store(db, who="lea", read_only=True) as store:
        assert [w.id for w in store.list_workshops()] == [wid]


def test_the_demo_once_made_opens_for_anyone(team: tuple[Path, int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db, _wid = team
    made = run(db, "demo", "--no-open")
    assert made.exit_code == 0, made.output
    as_account(monkeypatch, "mallory")
    again = run(db, "demo", "--no-open")
    assert again.exit_code == 0 and again.output == made.output


def test_the_lead_grants_roles_and_deletion_is_audited(team: tuple[Path, int]) -> None:
    db, wid = team
    result = run(db, "role", str(wid), "olga", "participant")
    assert result.exit_code == 0 and "olga is now participant" in result.output
    with Store(db, who="lea", read_only=True) as store:
        last = store.changes(wid)[-1]
    assert (last.field, last.old, last.new) == ("role", "observer", "participant")
    assert run(db, "delete", str(wid), "--yes").exit_code == 0
    deleted = run(db, "log", "--deleted")
    assert deleted.exit_code == 0
    assert "Shared" in deleted.output and access.current_account() in deleted.output


def test_log_shows_the_account_beside_the_name(team: tuple[Path, int]) -> None:
    db, wid = team
    out = run(db, "log", str(wid)).output
    assert "Account" in out and access.current_account() in out


def test_role_on_the_command_line_cannot_raise(team: tuple[Path, int],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    _olga(db, wid, monkeypatch)
    with Store(db, who="olga") as store:
        assert presence.join(store, wid, "olga", role="lead").role == "observer"
    with Store(db, who="lea") as store, pytest.raises(access.AccessError):
        presence.join(store, wid, "lea")  # the creator's name from olga's account


def test_json_export_hides_voters_until_revealed(team: tuple[Path, int]) -> None:
    db, wid = team
    out = run(db, "export", str(wid), "--format", "json").output
    assert '"ana"' not in out
    assert json.loads(out)["pain_points"][0]["dot_votes"] == [{}]


def test_export_file_respects_the_umask_and_refuses_the_database(
        team: tuple[Path, int], tmp_path: Path) -> None:
    db, wid = team
    old = os.umask(0o007)
    try:
        target = tmp_path / "plan.md"
        assert run(db, "export", str(wid), "-o", str(target)).exit_code == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o660
        before = db.read_bytes()
        for victim in (db, Path(f"{db}-wal")):
            one_sentence(run(db, "export", str(wid), "-o", str(victim)), "is the workshop database")
        assert db.read_bytes() == before
    finally:
        os.umask(old)


def test_read_only_commands_work_on_a_read_only_file(team: tuple[Path, int],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid = team
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        side.unlink(missing_ok=True)
    monkeypatch.setattr("models.db.dbfile.writable", lambda path: False)
    before = sorted(p.name for p in db.parent.iterdir())
    for args in (("list",), ("show", str(wid)), ("log", str(wid)), ("who", str(wid), "--all"),
                 ("report", str(wid)), ("tracker",)):
        result = run(db, *args)
        assert result.exit_code == 0, (args, result.output)
    assert "Shared" in run(db, "list").output
    assert sorted(p.name for p in db.parent.iterdir()) == before
