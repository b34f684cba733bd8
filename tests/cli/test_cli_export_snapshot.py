"""`export --format md` reads the journey and its portfolio in one snapshot (issue 18).

The review section compares the exported journey with every other workshop of
the file.  The workshop numbers and their rows come from one read-only
connection and one read transaction: a second connection only to list the
numbers cost an open and a schema read more, and a workshop added or deleted
between the two reads could make the list and the rows disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from models.db import dbfile
from models.db.store import Store
from models.export.templates import create_from_template
from tui.cli.export_core import light_read


@pytest.fixture
def three(tmp_path: Path) -> tuple[Path, list[int]]:
    db = tmp_path / "p.db"
    with Store(db, who="tester") as store:
        ids = [create_from_template(store, name, start_date=dt.date(2024, 2, 29))
               for name in ("login-lockout", "billing-dispute", "login-lockout")]
    return db, ids


def test_the_portfolio_is_read_through_one_connection(three: tuple[Path, list[int]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db, ids = three
    opened: list[Any] = []
    connect = dbfile._connect_ro

    def counted(path: Path) -> Any:
        opened.append(path)
        return connect(path)

    monkeypatch.setattr(dbfile, "_connect_ro", counted)  # the checks and the read
    found = light_read(db, ids[1], portfolio=True)
    assert found is not None
    journey, portfolio = found
    assert len(opened) == 1
    with Store(db, who="tester", read_only=True) as store:
        listed = [w.id for w in store.list_workshops()]
    # the exported journey first, then the others as `journeymap list` orders them
    assert [j.workshop.id for j in portfolio] == [ids[1], *(i for i in listed if i != ids[1])]
    assert portfolio[0] is journey


def test_a_missing_workshop_still_answers_none(three: tuple[Path, list[int]]) -> None:
    db, ids = three
    assert light_read(db, max(ids) + 1, portfolio=True) is None
    assert light_read(db, max(ids) + 1, portfolio=False) is None
