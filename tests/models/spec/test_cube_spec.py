"""An import's figures are worked out once (models/tickets/cube.py's promise).

A big export is shown many times: every month and the whole span of each grouping when its
readings are stored, then again in `tickets show` and the review. The cube keeps what it
computed: asking for the same figures again, or for another month of a grouping it has
already split by month, runs no new polars aggregation, and gives the same rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.tickets import cube, engine, metrics

TEXT = ("ticket_id,created_at,resolved_at,status,category\n"
        "1,2024-03-01 09:00,2024-03-01 11:00,Solved,billing\n"
        "2,2024-03-02 09:00,,Open,access\n"
        "3,2024-04-01 09:00,2024-04-02 09:00,Solved,billing\n"
        "4,2024-05-01 09:00,2024-05-01 10:00,Solved,access\n")


@pytest.fixture
def imported(tmp_path: Path) -> engine.TicketImport:
    path = tmp_path / "tickets.csv"
    path.write_text(TEXT, encoding="utf-8")
    return engine.import_export(path)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    real = cube._grouped

    def grouped(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(cube, "_grouped", grouped)
    return calls


@pytest.mark.parametrize("by", [None, "category", "period"])
@pytest.mark.parametrize("period", [None, "2024-03", "2024-03..2024-04"])
def test_the_same_figures_asked_again_are_not_worked_out_again(
        imported: engine.TicketImport, monkeypatch: pytest.MonkeyPatch,
        by: str | None, period: str | None) -> None:
    first = metrics.table(imported, by=by, period=period)
    calls = _counting(monkeypatch)
    assert metrics.table(imported, by=by, period=period) == first
    assert calls == []


@pytest.mark.parametrize("by", [None, "category", "period"])
def test_each_month_of_a_grouping_comes_from_one_split_by_month(
        imported: engine.TicketImport, monkeypatch: pytest.MonkeyPatch, by: str | None) -> None:
    metrics.table(imported, by=by, period="2024-03")
    calls = _counting(monkeypatch)
    april = metrics.table(imported, by=by, period="2024-04")
    may = metrics.table(imported, by=by, period="2024-05")
    assert calls == []
    assert [(row.group, row.period, row.tickets) for row in april + may] == (
        {None: [("all", "2024-04", 1), ("all", "2024-05", 1)],
         "category": [("billing", "2024-04", 1), ("all", "2024-04", 1),
                      ("access", "2024-05", 1), ("all", "2024-05", 1)],
         "period": [("2024-04", "2024-04", 1), ("all", "2024-04", 1),
                    ("2024-05", "2024-05", 1), ("all", "2024-05", 1)]}[by])
