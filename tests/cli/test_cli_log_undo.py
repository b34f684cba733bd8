"""``journeymap log`` names what an undo took back, as the undo command said it."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from tests.helpers import as_account, run_cli


def test_the_log_says_what_an_undo_took_back(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_USER", "lea")
    as_account(monkeypatch, "lea")
    db = tmp_path / "w.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        store.add(PainPoint(workshop_id=wid, description="Slow"))
    assert run_cli(db, "undo", str(wid))[0] == 0
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = run_cli(db, "log", str(wid))
    assert (code, err) == (0, "")
    assert "Undid their add: pain point Slow is removed." in out
    assert "undid change" not in out
