"""How many tickets a figure stands on, and why a business-hours figure is missing.

A first-contact-resolution rate read from the export's own FCR column counts the tickets
that column answers (not every ticket); a business first-response time under a schedule
is missing for the same reason as the calendar one (the export has no first-response
column), and the backlog's age for the same reason as the backlog.
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.hours import Schedule


def _imported(tmp_path: Path, text: str, schedule: Schedule | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    return engine.import_export(path, schedule=schedule)


def test_an_fcr_column_counts_the_tickets_it_answers(tmp_path: Path) -> None:
    text = ("Ticket ID,Created at,FCR,Replies\n"
            "T1,2024-03-01 10:00,yes,1\nT2,2024-03-02 10:00,no,3\nT3,2024-03-03 10:00,,2\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert total.n["fcr_rate"] == 2
    assert total.fcr_rate == 0.5


def test_business_first_response_is_missing_for_the_calendar_reason(tmp_path: Path) -> None:
    text = "Ticket ID,Created at,Resolved at\nT1,2024-03-01 10:00,2024-03-01 12:00\n"
    nine_to_five = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
    [total] = metrics.table(_imported(tmp_path, text, nine_to_five), by=None)
    why = dict(total.unavailable)
    assert why["frt_business_median_hours"] == why["first_response_median_hours"] == (
        "the export has no first-response column")
    assert total.ttr_business_median_hours == 2.0


def test_a_backlog_age_without_states_says_why_like_the_backlog(tmp_path: Path) -> None:
    text = "Ticket ID,Created at\nT1,2024-03-01 10:00\n"
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    why = dict(total.unavailable)
    assert why["backlog_median_age_hours"] == why["backlog_open"] == (
        "the export has neither a status nor a resolution timestamp, so open tickets "
        "cannot be told apart")
