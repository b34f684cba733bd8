"""Whatever the data, the per-group ticket counts add up to the "all" row, for every grouping."""

from __future__ import annotations

import csv
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from models.tickets import engine, metrics
from models.tickets.fields import GROUPINGS

label = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=8
)
ticket = st.tuples(
    st.datetimes(min_value=datetime(2020, 1, 1),
                 max_value=datetime(2025, 12, 31)),
    st.sampled_from(["Open", "Solved", "Pending", "Closed", ""]),
    label, label, st.sampled_from(["low", "high", ""]), label,
)


Row = tuple[datetime, str, str, str, str, str]


@settings(deadline=None, max_examples=40)
@given(st.lists(ticket, min_size=1, max_size=30), st.sampled_from([",", ";", "\t"]))
def test_group_counts_add_up(tickets: list[Row], delimiter: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter=delimiter)
            writer.writerow(["ticket_id", "created_at", "status", "category", "channel",
                             "priority", "team"])
            for i, (created, status, cat, chan, prio, team) in enumerate(tickets):
                writer.writerow([f"T{i}", created.isoformat(sep=" "), status, cat, chan, prio,
                                 team])
        imported = engine.import_export(path)
        assert imported.tickets == len(tickets)
        for by in GROUPINGS:
            rows = metrics.table(imported, by=by)
            assert rows[-1].group == "all"
            assert rows[-1].tickets == len(tickets)
            assert sum(r.tickets for r in rows[:-1]) == rows[-1].tickets
