"""``copy_portfolio`` and ``journeymap copy``: a portfolio moves losslessly, either way.

The destination runs on both engines (``db_path`` is a file or a fresh PostgreSQL
database); the round trip file -> destination -> file must give back, workshop by
workshop, the same JSON backup, as-is links renumbered to the new ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.db.access import current_account
from models.db.schema import StoreError
from models.db.store import Store
from models.db.tables.workshop import Touchpoint, Workshop
from models.export.future_copy import create_future_copy
from models.export.portfolio_copy import copy_portfolio
from models.export.serialize import journey_to_dict
from tests.models.full_rows import build_full
from tui.cli.main import app

pytestmark = pytest.mark.both_engines


def _portfolio(path: Path) -> list[int]:
    with Store(path, who="lea") as store:
        build_full(store, "a")
        as_is = int(store.create_workshop(title="Billing").id or 0)
        stage = store.load(as_is).stages[0]
        store.add(Touchpoint(stage_id=int(stage.id or 0), name="Invoice mail"))
        future = create_future_copy(store, as_is)
        for workshop in store.list_workshops():  # this login leads them all (may export)
            store.update(Workshop, int(workshop.id or 0), lead_account=current_account())
        return [as_is, future]


def _backups(store: Store) -> list[dict[str, Any]]:
    """Every workshop's backup without what a copy renumbers, adds or (as an import) resets."""
    out = []
    for w in sorted(store.list_workshops(), key=lambda w: (w.title, w.state)):
        data = journey_to_dict(store.load(int(w.id or 0)), full=True,
                               changelog=store.changes(int(w.id or 0)))
        data["workshop"].pop("as_is_workshop_id", None)
        # roles never travel with a backup (the copier leads, the others participate)
        for key in ("lead", "lead_account"):
            data["workshop"].pop(key, None)
        for person in data.get("participants", []):
            for key in ("role", "account", "key", "origin"):
                person.pop(key, None)
        data["changelog"] = [c for c in data["changelog"] if "copied from" not in
                             c.get("summary", "") and "imported from" not in c.get("summary", "")]
        for stage in data["stages"]:
            for tp in stage.get("touchpoints", []):
                tp.pop("as_is_touchpoint_id", None)
        out.append(data)
    return out


def test_a_portfolio_goes_there_and_back_unchanged(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "source.db"
    _portfolio(source)
    back = tmp_path / "back.db"
    with Store(source, who="x") as src, Store(db_path, who="x") as mid:
        assert [len(part) for part in copy_portfolio(src, mid)] == [3, 0]
        future = next(w for w in mid.list_workshops() if w.title.startswith("Billing ("))
        as_is = mid.get_workshop(int(future.as_is_workshop_id or 0))
        assert as_is.state == "current" and as_is.title == "Billing"
        linked = [tp.as_is_touchpoint_id for tp in mid.load(int(future.id or 0))
                  .ordered_touchpoints() if tp.as_is_touchpoint_id]
        as_is_tps = {tp.id for tp in mid.load(int(as_is.id or 0)).ordered_touchpoints()}
        assert linked and set(linked) <= as_is_tps
        with Store(back, who="x") as again:
            copy_portfolio(mid, again)
            assert _backups(again) == _backups(src)
        assert _backups(mid) == _backups(src)


def test_copy_refuses_a_destination_with_workshops(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "source.db"
    _portfolio(source)
    with Store(source, who="x") as src, Store(db_path, who="x") as dst:
        copy_portfolio(src, dst)
        with pytest.raises(StoreError, match="already holds 3 workshops;"):
            copy_portfolio(src, dst)
        assert len(dst.list_workshops()) == 3


def test_copy_names_a_single_workshop_in_the_singular(tmp_path: Path, db_path: Path) -> None:
    with Store(tmp_path / "source.db", who="x") as src, Store(db_path, who="x") as dst:
        dst.create_workshop(title="Already here")
        with pytest.raises(StoreError, match="already holds 1 workshop;"):
            copy_portfolio(src, dst)


def test_the_copy_command(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "source.db"
    _portfolio(source)
    result = CliRunner().invoke(app, ["copy", "--from", str(source), "--to", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Copied 3 workshops" in result.stdout
    missing = CliRunner().invoke(app, ["copy", "--from", str(tmp_path / "none.db"),
                                       "--to", str(tmp_path / "x.db")])
    assert missing.exit_code == 1 and "no journeymap database" in missing.stderr
