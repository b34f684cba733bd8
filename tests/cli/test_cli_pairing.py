"""``journeymap log`` and ``journeymap who`` through Typer's CliRunner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Touchpoint, Workshop
from models.live import presence
from tui.cli.main import app
from tui.cli.pairing import parse_since

pytestmark = pytest.mark.both_engines
runner = CliRunner()


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Password reset").id or 0)


def _run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_log_shows_who_what_old_new(db_path: Path, store: Store, wid: int) -> None:
    other = Store(db_path, who="bob")
    stage = store.load(wid).stages[0]
    tp = other.add(Touchpoint(stage_id=stage.id or 0, name="Reset link"))
    other.update(Touchpoint, tp.id or 0, owner_team="Tier 1")
    other.close()
    code, out, _ = _run(db_path, "log", str(wid))
    assert code == 0
    assert "created workshop Password reset" in out
    assert "added touchpoint Reset link" in out
    assert "touchpoint Reset link: owner team" in out
    assert "(empty) → Tier 1" in out
    assert "bob" in out and "tester" in out
    # oldest first
    assert out.index("created workshop") < out.index("added touchpoint") < out.index("(empty)")


def test_log_filters_by_person_and_date(db_path: Path, store: Store, wid: int) -> None:
    other = Store(db_path, who="bob")
    other.update(Workshop, wid, persona="Admin")
    other.close()
    with store.write() as s:  # backdate the creation to last quarter
        for row in s.exec(select(ChangeLog)):
            if row.action == "create":
                row.at = row.at - dt.timedelta(days=90)
    code, out, _ = _run(db_path, "log", str(wid), "--who", "BOB")
    assert code == 0 and "Admin" in out and "created workshop" not in out
    code, out, _ = _run(db_path, "log", str(wid), "--since", "30d")
    assert code == 0 and "Admin" in out and "created workshop" not in out
    last_month = (dt.date.today() - dt.timedelta(days=60)).isoformat()
    code, out, _ = _run(db_path, "log", str(wid), "--since", last_month)
    assert "created workshop" not in out and "Admin" in out
    code, out, _ = _run(db_path, "log", str(wid), "--since", "2000-01-01")
    assert "created workshop" in out
    code, out, _ = _run(db_path, "log", str(wid), "--who", "zed")
    assert code == 0 and "No changes by zed" in out


def test_log_errors_are_one_sentence(db_path: Path, store: Store, wid: int) -> None:
    code, out, err = _run(db_path, "log", str(wid), "--since", "last tuesday")
    assert code == 1 and "--since must be a date" in err and "Traceback" not in err + out
    code, _, err = _run(db_path, "log", "999")
    assert code == 1 and "There is no workshop 999" in err
    assert err.count("\n") == 1


def test_log_prints_user_text_literally(db_path: Path, store: Store, wid: int) -> None:
    store.update(Workshop, wid, persona="[bold red]Boss[/] \x1b[2J\x07 名前 🙂")
    code, out, _ = _run(db_path, "log", str(wid))
    assert code == 0
    assert "[bold red]Boss[/]" in out  # markup shown, not interpreted
    assert "\x1b" not in out and "\x07" not in out  # control codes never reach the terminal
    assert "␛[2J␇" in out and "名前" in out and "🙂" in out


def test_presence_is_not_in_the_log(db_path: Path, store: Store, wid: int) -> None:
    seat = presence.join(store, wid, "tester")
    for step in ("scope", "stages"):
        presence.heartbeat(store, seat.id or 0, step)
    code, out, _ = _run(db_path, "log", str(wid))
    assert code == 0 and "participant" not in out and "last seen" not in out


def test_who_lists_active_seats(db_path: Path, store: Store, wid: int) -> None:
    lead = presence.join(store, wid, "tester")
    presence.heartbeat(store, lead.id or 0, "pains")
    ana = presence.join(store, wid, "ana [i]x[/i]")
    presence.set_following(store, ana.id or 0, True)
    gone = presence.join(store, wid, "cy", role="observer")
    presence.leave(store, gone.id or 0)
    code, out, _ = _run(db_path, "who", str(wid))
    assert code == 0
    assert "tester" in out and "lead" in out and "pains" in out
    assert "ana [i]x[/i]" in out and "yes" in out
    assert "cy" not in out and "1 other was here earlier" in out
    code, out, _ = _run(db_path, "who", str(wid), "--all")
    assert "cy" in out and "observer" in out and "not here" in out


def test_who_nobody_here(db_path: Path, store: Store, wid: int) -> None:
    code, out, _ = _run(db_path, "who", str(wid))
    assert code == 0 and "Nobody is in" in out


def test_parse_since_forms() -> None:
    now = dt.datetime(2026, 3, 31, 12, 0, tzinfo=dt.UTC)
    assert parse_since("2w", now) == now - dt.timedelta(weeks=2)
    assert parse_since("12h", now) == now - dt.timedelta(hours=12)
    assert parse_since("2026-03-01T10:00+02:00") == dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
    local_midnight = dt.datetime(2026, 3, 1).astimezone()
    assert parse_since("2026-03-01") == local_midnight.astimezone(dt.UTC)
    with pytest.raises(ValueError):
        parse_since("soon")


def test_who_shows_which_account_key_and_origin_hold_each_seat(
        db_path: Path, store: Store, wid: int) -> None:
    """Roles are granted to accounts: the lead checks who really sits in a seat."""
    presence.join(store, wid, "guest", key="SHA256:q9Zk3hT7ekey", origin="10.1.2.3")
    code, out, _ = _run(db_path, "who", str(wid))
    assert code == 0
    assert store.account in out and "SHA256:q9Zk3hT7ekey" in " ".join(out.split())
    assert "10.1.2.3" in out
