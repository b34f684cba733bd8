"""QA session 10, through ``journeymap tickets``: a JSON export imported and shown, wait
times stored and shown (or not available with the reason), and a Zoho Desk export named as
Zoho's."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_cli


def _zendesk_lines(path: Path) -> Path:
    tickets = [
        {"id": 1, "created_at": "2024-03-01T09:00:00Z", "status": "solved",
         "type": "question", "via": {"channel": "email"}, "requester_id": 1,
         "submitter_id": 1, "assignee_id": 2, "satisfaction_rating": {"score": "good"},
         "metric_set": {"solved_at": "2024-03-01T13:00:00Z", "replies": 1, "reopens": 0,
                        "requester_wait_time_in_minutes": {"calendar": 120, "business": 60},
                        "agent_wait_time_in_minutes": {"calendar": 30, "business": 30},
                        "on_hold_time_in_minutes": {"calendar": 0, "business": 0}}},
        {"id": 2, "created_at": "2024-03-02T09:00:00Z", "status": "open",
         "type": "incident", "via": {"channel": "web"}, "requester_id": 1,
         "submitter_id": 1, "assignee_id": 2, "satisfaction_rating": {"score": "offered"},
         "metric_set": {"solved_at": None, "replies": 0, "reopens": 0,
                        "requester_wait_time_in_minutes": {"calendar": 50, "business": 50},
                        "agent_wait_time_in_minutes": {"calendar": 0, "business": 0},
                        "on_hold_time_in_minutes": {"calendar": 0, "business": 0}}},
    ]
    path.write_text("".join(json.dumps(t) + "\n" for t in tickets), encoding="utf-8")
    return path


def test_a_zendesk_json_export_is_imported_with_its_waits(db_path: Path, wid: int,
                                                          tmp_path: Path) -> None:
    path = _zendesk_lines(tmp_path / "tickets.json")
    code, out, err = run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))
    assert code == 0, err
    assert out.startswith("Imported tickets.json: zendesk, 2 rows, 2 tickets, 2024-03")
    assert "requester_wait_minutes   <- metric_set.requester_wait_time_in_minutes.calendar" \
        in out
    code, out, _ = run_cli(db_path, "tickets", "show", str(wid), "--format", "json")
    total = json.loads(out)[-1]
    assert total["group"] == "all"
    assert (total["requester_wait_median_hours"], total["agent_wait_median_hours"],
            total["on_hold_p90_hours"]) == (2.0, 0.5, 0.0)
    assert total["requester_wait_business_median_hours"] == 1.0
    assert total["n"]["requester_wait_median_hours"] == 1


def test_a_csv_without_waits_shows_them_not_available(db_path: Path, wid: int,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("id,created_at,resolved_at,status,category\n"
                    "1,2024-03-01 09:00,2024-03-01 10:00,solved,Billing\n", encoding="utf-8")
    assert run_cli(db_path, "tickets", "import", str(path), "-w", str(wid))[0] == 0
    code, out, _ = run_cli(db_path, "tickets", "show", str(wid), "--format", "json")
    total = json.loads(out)[-1]
    assert total["on_hold_median_hours"] is None
    assert total["unavailable"]["on_hold_median_hours"] == "the export has no on-hold time column"
