"""A long export's dates are read by polars' own parsers, not cell by cell in Python.

``cells`` promises that the common shapes of a whole column (ISO with or without seconds,
fractions, a ``T``; day- and month-first with any of the three separators, with or without a
time) are read in native code, and that only the cells none of those shapes reads reach the
Python parser of their kind, each distinct cell once. That is what keeps a 100,000-row
import at C speed; the Python parsers stay the one definition of what such a cell means.
The figures are the same either way (the specifications of ``cells`` check them); here the
Python parser counts the cells it is handed.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from models.tickets import dates, engine

ROWS = 40


def _python_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, head: str,
                  rows: list[str]) -> Counter[str]:
    read: Counter[str] = Counter()
    parse = dates.PARSERS[kind]

    def counting(text: str) -> datetime | None:
        read[text] += 1
        return parse(text)

    monkeypatch.setitem(dates.PARSERS, kind, counting)
    path = tmp_path / "tickets.csv"
    path.write_text(head + "".join(rows), encoding="utf-8")
    imported = engine.import_export(path)
    assert imported.tickets == len(rows) and imported.bad_cells == {}
    read.pop("", None)  # a blank resolution is missing whoever reads it
    return read


ISO = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S.%f",
       "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d"]


@pytest.mark.parametrize("shape", ISO)
def test_a_column_of_iso_dates_never_reaches_the_python_parser(
        shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [f"{i},{datetime(2024, 3, 1 + i % 28, i % 24, i % 60, i % 60):{shape}},Open\n"
            for i in range(ROWS)]
    read = _python_reads(tmp_path, monkeypatch, "iso", "ticket_id,created_at,status\n", rows)
    assert read == Counter()


NUMERIC = [(order, sep, time) for order in ("day-first", "month-first") for sep in "-/."
           for time in (" %H:%M:%S", " %H:%M", "")]


@pytest.mark.parametrize(("order", "sep", "time"), NUMERIC)
def test_a_column_of_numeric_dates_never_reaches_the_python_parser(
        order: str, sep: str, time: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # days past the 12th say the order, so the file needs no guess
    form = ("%d{0}%m{0}%Y" if order == "day-first" else "%m{0}%d{0}%Y").format(sep) + time
    rows = [f"{i},{datetime(2024, 1 + i % 12, 13 + i % 15, i % 24, i % 60, i % 60):{form}},"
            "Open\n" for i in range(ROWS)]
    read = _python_reads(tmp_path, monkeypatch, order, "ticket_id,created_at,status\n", rows)
    assert read == Counter()


def test_only_the_odd_cells_reach_the_python_parser_each_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # zones and AM/PM are no native shape: each distinct such cell is read once in Python
    rows = [f"{i},2024-03-{1 + i % 28:02d} 10:00:00,Open\n" for i in range(ROWS)]
    rows += [f"{ROWS + i},2024-03-05 10:00:00+01:00,Open\n" for i in range(3)]
    rows += [f"{ROWS + 3},2024-03-06 10:00:00Z,Open\n"]
    read = _python_reads(tmp_path, monkeypatch, "iso", "ticket_id,created_at,status\n", rows)
    assert read == Counter({"2024-03-05 10:00:00+01:00": 1, "2024-03-06 10:00:00Z": 1})
