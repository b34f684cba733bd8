"""A seat the workshop refuses leaves the map read-only, never editable under that name (qa9).

Why: ``journeymap open 2 --as bob`` run by another OS account was refused its seat ("the
name belongs to another account"), the app said "Working alone" and stayed editable: a
title typed there was stored and logged as bob's change (with the other account beside
it).  Found over SSH on a team box; the name check was real, its result was not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db import access
from models.db.store import Store
from models.db.tables.seats import Participant
from tests.helpers import outputs_workshop, settle
from tui.app.launch import build_app


@pytest.fixture
def wid(db_path: Path) -> int:
    with Store(db_path, who="lea") as store:
        wid = outputs_workshop(store)
        store.add(Participant(workshop_id=wid, name="bob", role="lead", account="bob"))
        return wid


async def test_a_refused_name_opens_the_map_read_only(db_path: Path, wid: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(access, "current_account", lambda: "mallory")
    monkeypatch.setattr("models.db.store.current_account", lambda: "mallory")
    with Store(db_path, who="lea", read_only=True) as store:
        before = (store.get_workshop(wid).title, len(store.changes(wid)))
    app = build_app(db_path, wid, step="scope", who="bob")
    said: list[str] = []
    notify = app.notify
    # Recorded as sent: a toast can time out before a loaded machine gets to look at it.
    app.notify = lambda message, **kw: (said.append(str(message)), notify(message, **kw))[1]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.store is not None and app.store.read_only
        assert app.role == "observer" and app.sub_title == "not seated (read-only)"
        assert any("belongs to another account" in w and "Read-only" in w for w in said), said
        await pilot.press("tab", "end", *"STOLEN", "enter")
        await settle(pilot)
    with Store(db_path, who="lea", read_only=True) as store:
        assert (store.get_workshop(wid).title, len(store.changes(wid))) == before
