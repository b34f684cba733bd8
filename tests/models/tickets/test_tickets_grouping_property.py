"""Whatever the data, every group of every period range has the figures a person would compute
from that group's own tickets: counts, reopen rate, median and p90 time to resolution, backlog.

The cube answers these from per-month accumulators merged on demand (so that an import's
readings, one table per month and grouping, cost one pass over the tickets per grouping); this
is the brute-force reference that the merging must always agree with, including a span's
median, which cannot be combined from monthly medians.
"""

from __future__ import annotations

import csv
import math
import statistics
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from models.tickets import engine, metrics
from models.tickets import readings as ticket_readings

MONTHS = ("2024-01", "2024-02", "2024-03", "2024-04")
ticket = st.tuples(
    st.sampled_from(MONTHS), st.integers(1, 28), st.integers(0, 23),
    st.sampled_from(["Open", "Solved"]), st.integers(0, 30_000),
    st.sampled_from(["Billing", "Login", ""]), st.sampled_from(["Email", "Chat"]),
    st.integers(0, 2),
)
Row = tuple[str, int, int, str, int, str, str, int]
HEADER = ["ticket_id", "created_at", "resolved_at", "status", "category", "channel", "reopens"]


def _write(path: Path, tickets: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i, (month, day, hour, status, minutes, cat, chan, reopens) in enumerate(tickets):
            created = datetime.fromisoformat(f"{month}-{day:02d}") + timedelta(hours=hour)
            solved = created + timedelta(minutes=minutes)
            writer.writerow([f"T{i}", created.isoformat(sep=" "),
                             solved.isoformat(sep=" ") if status == "Solved" else "",
                             status, cat, chan, reopens])


def _expected(rows: list[Row]) -> tuple[int, float | None, float | None, float | None, int]:
    ttr = sorted(r[4] / 60 for r in rows if r[3] == "Solved")
    median = statistics.median(ttr) if ttr else None
    p90 = ttr[max(0, math.ceil(0.9 * len(ttr)) - 1)] if ttr else None
    reopen = sum(r[7] > 0 for r in rows) / len(rows)
    return len(rows), median, p90, reopen, sum(r[3] == "Open" for r in rows)


def _spans(months: list[str]) -> list[tuple[str, str]]:
    spans = [(m, m) for m in months]
    spans.append((months[0], months[-1]))
    if len(months) > 2:
        spans.append((months[0], months[1]))
    return spans


@settings(deadline=None, max_examples=40)
@given(st.lists(ticket, min_size=1, max_size=40))
def test_every_group_of_every_span_matches_its_own_tickets(tickets: list[Row]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        _write(path, tickets)
        imported = engine.import_export(path)
    months = sorted({t[0] for t in tickets})
    assert imported.cube.periods() == months
    for first, last in _spans(months):
        span = first if first == last else f"{first}..{last}"
        inside = [t for t in tickets if first <= t[0] <= last]
        for by, at in (("category", 5), ("channel", 6), (None, None)):
            got = {(r.group, r.period): r for r in metrics.table(imported, by=by, period=span)}
            groups: dict[str, list[Row]] = {"all": inside}
            if at is not None:
                for t in inside:
                    groups.setdefault(str(t[at]) or "(none)", []).append(t)
            assert set(got) == {(g, span) for g in groups}
            for name, rows in groups.items():
                row = got[(name, span)]
                figures = (row.tickets, row.ttr_median_hours, row.ttr_p90_hours,
                           row.reopen_rate, row.backlog_open)
                assert figures == _expected(rows), (span, by, name)


@settings(deadline=None, max_examples=15)
@given(st.lists(ticket, min_size=1, max_size=40))
def test_readings_are_the_tables_of_each_month_and_the_span(tickets: list[Row]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        _write(path, tickets)
        imported = engine.import_export(path)
    readings = ticket_readings.build_readings(imported)
    months = sorted({t[0] for t in tickets})
    spans = [m for m in months] + ([f"{months[0]}..{months[-1]}"] if len(months) > 1 else [])
    want = []
    for span in spans:
        for by in (None, "category", "channel"):
            for row in metrics.table(imported, by=by, period=span):
                if (row.group == "all") == (by is None):
                    want.append((span, by or "all", "" if by is None else row.group,
                                 row.tickets, row.ttr_median_hours, row.ttr_p90_hours,
                                 row.reopen_rate))
    got = [(r.period, r.group_kind, r.group_value, r.tickets, r.ttr_median_hours,
            r.ttr_p90_hours, r.reopen_rate) for r in readings]
    assert got == want
    for r in readings:
        first, _, last = r.period.partition("..")
        at = {"all": None, "category": 5, "channel": 6}[r.group_kind]
        mine = [t for t in tickets if first <= t[0] <= (last or first)
                and (at is None or (str(t[at]) or "(none)") == r.group_value)]
        assert r.reopened == sum(t[7] > 0 for t in mine)
