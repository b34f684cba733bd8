"""Fixtures shared by the command-line tests."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.templates import create_from_template
from models.rules.demo import complete_demo

DEMO_DAY = dt.date(2024, 3, 20)


@pytest.fixture
def workshop(tmp_path: Path) -> tuple[Path, int]:
    """The login-lockout demo, completed on 20 March 2024: every section of an export has rows."""
    db = tmp_path / "j.db"
    with Store(db, who="tester") as store:
        wid = create_from_template(store, "login-lockout", start_date=dt.date(2024, 2, 29))
        complete_demo(store, wid, DEMO_DAY)
    return db, wid


@pytest.fixture
def wid(store: Store) -> int:
    """An empty workshop in the test's database, for the ticket commands."""
    return int(store.create_workshop(title="T").id or 0)


@pytest.fixture
def seated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The roles ``open``/``seat`` gave: each takes the seat the app would, without a UI
    (a CliRunner has no terminal), and leaves it at once."""
    from models.live import presence

    roles: list[str] = []

    def launch(path: Any, wid: int, _step: Any, who: str, role: str | None,
               link: Any = None, **seat: str) -> None:
        if link is not None:  # the check's server connection, for a first screen not drawn
            link.close()
        taken = presence.open_seat(path, wid, who, role, **seat)
        roles.append(taken.role)
        taken.close()

    monkeypatch.setattr("tui.cli.workshops._launch", launch)
    return roles


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """A fake ``tui.app.launch`` that records how the TUI would have been started."""
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    fake = types.ModuleType("tui.app.launch")
    fake.run_app = lambda *a, **k: calls.append((a, k))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "tui.app.launch", fake)
    return calls
