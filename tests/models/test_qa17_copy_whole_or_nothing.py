"""A portfolio copy reaches the destination whole or not at all (qa17).

Found from outside in session 14: `journeymap copy --from big.db --to copy.db` killed
(kill -9) after its first workshop left copy.db holding 1 of 4 workshops.  Nothing
said it was partial: `list` showed a portfolio, and the copy run again was refused
("copy.db already holds 1 workshop; copy into an empty database so nothing is
doubled").  The copy is now one transaction on the destination, on both engines, so
a copy stopped half-way (killed, a full disk, a refused value) leaves it empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.access import current_account
from models.db.store import Store
from models.db.tables.workshop import Touchpoint, Workshop
from models.export import portfolio_copy
from models.export.future_copy import create_future_copy
from models.export.portfolio_copy import copy_portfolio

pytestmark = pytest.mark.both_engines


class Stopped(Exception):
    """The copy's process ended here (a kill, a full disk)."""


def _three_workshops(path: Path) -> None:
    with Store(path, who="lea") as store:
        for title in ("Lockout", "Billing"):
            wid = int(store.create_workshop(title=title).id or 0)
            stage = store.load(wid).stages[0]
            store.add(Touchpoint(stage_id=int(stage.id or 0), name=f"{title} mail"))
        create_future_copy(store, wid)
        for workshop in store.list_workshops():
            store.update(Workshop, int(workshop.id or 0), lead_account=current_account())


def _stop_at(monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    real = portfolio_copy.dict_to_store
    calls = []

    def stopping(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        if len(calls) == call:
            raise Stopped
        return real(*args, **kwargs)

    monkeypatch.setattr(portfolio_copy, "dict_to_store", stopping)


@pytest.mark.parametrize("call", [2, 3])
def test_a_copy_stopped_half_way_leaves_the_destination_empty(
        tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, call: int) -> None:
    source = tmp_path / "source.db"
    _three_workshops(source)
    _stop_at(monkeypatch, call)
    with Store(source, who="lea") as old, Store(db_path, who="lea", create=True) as new:
        with pytest.raises(Stopped):
            copy_portfolio(old, new)
        assert new.list_workshops() == []
    monkeypatch.undo()
    with Store(source, who="lea") as old, Store(db_path, who="lea") as new:
        copied, left_out = copy_portfolio(old, new)
        assert left_out == []
        assert len(copied) == 3
        states = sorted(w.state for w in new.list_workshops())
    assert states == ["current", "current", "future"]


def test_a_whole_copy_keeps_the_as_is_links(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "source.db"
    _three_workshops(source)
    with Store(source, who="lea") as old, Store(db_path, who="lea", create=True) as new:
        copied, left_out = copy_portfolio(old, new)
        assert left_out == []
        made = new.list_workshops()
        future = new.load(int(next(w.id for w in made if w.state == "future") or 0))
        as_is = next(w for w in made if w.state == "current" and w.title == "Billing")
        assert future.workshop.as_is_workshop_id == as_is.id
        linked = [tp.as_is_touchpoint_id for tp in future.ordered_touchpoints()]
        assert linked == [tp.id for tp in new.load(int(as_is.id or 0)).ordered_touchpoints()]
    assert len(copied) == 3
