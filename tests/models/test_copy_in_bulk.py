"""A copy writes each table's rows in bulk, not one statement per row.

Why count statements: on a 10,000-touchpoint map the copy took 108 s because every
row was its own INSERT through the ORM (4,262 statements for a 2,000-touchpoint map).
The number of INSERTs must stay bounded by the number of tables, whatever the map's size.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bench.export import build
from models.db.store import Store
from models.export.portfolio_copy import copy_portfolio


@pytest.fixture
def inserts() -> Iterator[list[str]]:
    """Every INSERT any engine sends to its database while the test runs."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    yield seen
    event.remove(Engine, "before_cursor_execute", count)


def test_copying_a_2000_touchpoint_map_sends_a_few_inserts(
        tmp_path: Path, inserts: list[str]) -> None:
    source = tmp_path / "big.db"
    build(source, 2000, 500)
    with Store(source, who="x") as src, Store(tmp_path / "copy.db", who="x") as dst:
        inserts.clear()
        copied, left_out = copy_portfolio(src, dst)
        assert left_out == []
        assert len(copied) == 1
        assert len(inserts) <= 40, f"{len(inserts)} INSERT statements"
        assert len(dst.load(copied[0].new_id).ordered_touchpoints()) == 2000
