"""``journeymap undo ID``: the running account's last edit in that workshop comes back,
role checked like every editing command, refusals one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import access
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from tests.helpers import as_account, run_cli


def _setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, int, int]:
    monkeypatch.setenv("JOURNEYMAP_USER", "lea")
    as_account(monkeypatch, "lea")
    db = tmp_path / "w.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        pid = int(store.add(PainPoint(workshop_id=wid, description="[bold]kept[/]")).id or 0)
        store.update(PainPoint, pid, description="overwritten")
    return db, wid, pid


def _description(db: Path, wid: int) -> str:
    with Store(db, read_only=True) as store:
        return store.load(wid).pain_points[0].description


def test_undo_puts_back_the_accounts_last_edit(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid, _pid = _setup(tmp_path, monkeypatch)
    code, out, err = run_cli(db, "undo", str(wid))
    assert (code, err) == (0, "")
    assert "“[bold]kept[/]”" in out
    assert _description(db, wid) == "[bold]kept[/]"
    code, out, err = run_cli(db, "undo", str(wid))  # the add of that pain point
    assert (code, err) == (0, "")
    assert out.strip() == "Undid your add: pain point [bold]kept[/] is removed."
    code, out, err = run_cli(db, "undo", str(wid))
    assert code == 1
    assert err.strip() == ("journeymap: You have no change of your own left to undo in "
                           "this workshop.")


def test_undo_brings_back_a_deleted_pain_point_with_its_card(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid, pid = _setup(tmp_path, monkeypatch)
    with Store(db, who="lea") as store:
        store.add(HypothesisCard(pain_point_id=pid, experiment="Unlock link"))
        store.delete(PainPoint, pid)
    code, out, err = run_cli(db, "undo", str(wid))
    assert (code, err) == (0, "")
    assert out.strip() == ("Undid your delete: pain point overwritten is back with "
                           "1 hypothesis card.")
    with Store(db, read_only=True) as store:
        journey = store.load(wid)
        assert [p.id for p in journey.pain_points] == [pid]
        assert [c.experiment for c in journey.cards] == ["Unlock link"]


def test_an_observer_account_is_refused(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid, _pid = _setup(tmp_path, monkeypatch)
    monkeypatch.setattr(access, "login_exists", lambda name: True)
    assert run_cli(db, "role", str(wid), "bob", "observer")[0] == 0
    monkeypatch.setenv("JOURNEYMAP_USER", "bob")
    as_account(monkeypatch, "bob")
    code, _out, err = run_cli(db, "undo", str(wid))
    assert code == 1
    assert "bob is an observer" in err
    assert _description(db, wid) == "overwritten"


def test_an_observer_account_cannot_bring_back_a_delete(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, wid, pid = _setup(tmp_path, monkeypatch)
    monkeypatch.setattr(access, "login_exists", lambda name: True)
    assert run_cli(db, "role", str(wid), "bob", "observer")[0] == 0
    with Store(db, who="bob") as store:  # bob deleted it before his role was lowered
        store.delete(PainPoint, pid)
    monkeypatch.setenv("JOURNEYMAP_USER", "bob")
    as_account(monkeypatch, "bob")
    code, _out, err = run_cli(db, "undo", str(wid))
    assert code == 1
    assert "bob is an observer" in err
    with Store(db, read_only=True) as store:
        assert store.load(wid).pain_points == []
