"""Requester wait, agent wait and on-hold time (fivetran/dbt_zendesk's definitions, Zendesk's
ticket metrics): medians and nearest-rank p90s in hours over the resolved tickets, calendar
and within business hours, from the columns Zendesk's CSV export, its API's ``metric_set``
and dbt_zendesk's ``zendesk__ticket_metrics`` write. A file without them says so per metric,
never zero. Figures worked out by hand beside each file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from models.tickets import engine, metrics
from models.tickets.metrics import GroupMetrics

WAITS = ("requester_wait", "agent_wait", "on_hold")
# per resolved ticket: requester, agent, on hold (calendar minutes), then the business ones
SOLVED = [(60, 30, 0, 60, 30, 0), (120, 30, 0, 60, 30, 0), (600, 90, 240, 180, 60, 120)]
OPEN = (999, 999, 999, 999, 999, 999)  # not solved: its waits are not final, not counted


def _check(row: GroupMetrics) -> None:
    assert (row.requester_wait_median_hours, row.requester_wait_p90_hours) == (2.0, 10.0)
    assert (row.agent_wait_median_hours, row.agent_wait_p90_hours) == (0.5, 1.5)
    assert (row.on_hold_median_hours, row.on_hold_p90_hours) == (0.0, 4.0)
    assert (row.requester_wait_business_median_hours,
            row.requester_wait_business_p90_hours) == (1.0, 3.0)
    assert (row.agent_wait_business_median_hours,
            row.agent_wait_business_p90_hours) == (0.5, 1.0)
    assert (row.on_hold_business_median_hours, row.on_hold_business_p90_hours) == (0.0, 2.0)
    assert row.n["requester_wait_median_hours"] == 3


def _rows() -> list[tuple[int, str, str, str, tuple[int, ...]]]:
    out = [(i + 1, f"2024-03-0{i + 1} 09:00", f"2024-03-0{i + 1} 18:00", "Solved", w)
           for i, w in enumerate(SOLVED)]
    return [*out, (4, "2024-03-05 09:00", "", "Open", OPEN)]


def test_zendesk_csv_wait_columns(tmp_path: Path) -> None:
    path = tmp_path / "zendesk.csv"
    header = ["Id", "Created at", "Solved at", "Status", "Requester", "Replies", "Via",
              "Requester wait time in minutes", "Agent wait time in minutes",
              "On hold time in minutes",
              "Requester wait time in minutes within business hours",
              "Agent wait time in minutes within business hours",
              "On hold time in minutes within business hours"]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(header)
        for i, created, solved, status, w in _rows():
            out.writerow([i, created, solved, status, "Ann", 1, "Mail", *w])
    imp = engine.import_export(path)
    assert imp.product == "zendesk"
    _check(metrics.table(imp, by=None)[-1])


def test_dbt_zendesk_wait_columns(tmp_path: Path) -> None:
    path = tmp_path / "ticket_metrics.csv"
    header = ["ticket_id", "created_at", "last_solved_at", "status", "count_reopens",
              "total_agent_replies", "assignee_stations_count",
              "requester_wait_time_in_calendar_minutes", "agent_wait_time_in_calendar_minutes",
              "on_hold_time_in_calendar_minutes", "requester_wait_time_in_business_minutes",
              "agent_wait_time_in_business_minutes", "on_hold_time_in_business_minutes"]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(header)
        for i, created, solved, status, w in _rows():
            out.writerow([i, created, solved, status.lower(), 0, 1, 1, *w])
    imp = engine.import_export(path)
    assert imp.product == "dbt_zendesk"
    _check(metrics.table(imp, by=None)[-1])


def test_zendesk_api_metric_set_waits(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    lines = []
    for i, created, solved, status, w in _rows():
        lines.append({
            "id": i, "created_at": created.replace(" ", "T") + ":00Z", "status": status.lower(),
            "requester_id": 1, "submitter_id": 1, "assignee_id": 2,
            "via": {"channel": "email"},
            "metric_set": {
                "solved_at": solved.replace(" ", "T") + ":00Z" if solved else None,
                "replies": 1, "reopens": 0,
                "requester_wait_time_in_minutes": {"calendar": w[0], "business": w[3]},
                "agent_wait_time_in_minutes": {"calendar": w[1], "business": w[4]},
                "on_hold_time_in_minutes": {"calendar": w[2], "business": w[5]}}})
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    _check(metrics.table(engine.import_export(path), by=None)[-1])


@pytest.mark.parametrize("wait", WAITS)
def test_a_file_without_wait_columns_says_so(tmp_path: Path, wait: str) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("id,created_at,resolved_at,status\n1,2024-03-01 09:00,2024-03-01 10:00,"
                    "solved\n", encoding="utf-8")
    row = metrics.table(engine.import_export(path), by=None)[-1]
    words = wait.replace("_", " ").replace("on hold", "on-hold")
    for suffix, within in (("_median_hours", ""), ("_p90_hours", ""),
                           ("_business_median_hours", " within business hours"),
                           ("_business_p90_hours", " within business hours")):
        assert getattr(row, wait + suffix) is None
        assert row.unavailable[wait + suffix] == f"the export has no {words} time{within} column"


def test_wait_columns_with_no_resolved_ticket_say_so(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text("Id,Created at,Solved at,Status,Replies,Via,Requester,"
                    "Requester wait time in minutes\n"
                    "1,2024-03-01 09:00,,Open,0,Mail,Ann,30\n", encoding="utf-8")
    row = metrics.table(engine.import_export(path), by=None)[-1]
    assert row.requester_wait_median_hours is None
    assert row.unavailable["requester_wait_median_hours"] == (
        "no resolved ticket has a requester wait time")
    assert row.unavailable["requester_wait_business_median_hours"] == (
        "the export has no requester wait time within business hours column")
