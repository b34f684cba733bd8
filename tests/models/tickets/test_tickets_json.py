"""JSON ticket exports read with the CSV path's column mapping and metric definitions.

Each file is built in the product's documented field names: Zendesk's Incremental Ticket
Export (``tickets`` with ``metric_sets`` sideloaded) and its full JSON export (one ticket
per line, ``metric_set`` nested), Freshdesk's ``/api/v2/tickets?include=stats`` (a list;
status, source and priority as numbers), ServiceNow's Table API (``{"result": [...]}``,
reference fields as ``{"link", "value"}`` objects, ``display_value`` when asked) and its
JSONv2 export (``{"records": [...]}``). Every figure is worked out by hand beside it."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from models.tickets import engine, metrics
from models.tickets.errors import TicketImportError
from models.tickets.metrics import GroupMetrics


def _all(path: Path, **kwargs: Any) -> GroupMetrics:
    return metrics.table(engine.import_export(path, **kwargs), by=None)[-1]


def _metric_set(ticket_id: int, solved: str | None, reopens: int, replies: int,
                reply_minutes: int | None, stations: int = 1) -> dict[str, Any]:
    return {"ticket_id": ticket_id, "solved_at": solved, "reopens": reopens,
            "replies": replies, "assignee_stations": stations, "group_stations": 1,
            "reply_time_in_minutes": {"calendar": reply_minutes, "business": reply_minutes},
            "full_resolution_time_in_minutes": {"calendar": None, "business": None}}


def _zendesk_ticket(ticket_id: int, created: str, status: str, kind: str, channel: str,
                    score: str) -> dict[str, Any]:
    return {"id": ticket_id, "url": f"https://x.zendesk.com/api/v2/tickets/{ticket_id}.json",
            "created_at": created, "updated_at": created, "type": kind,
            "subject": "Line one\nline two", "priority": "normal", "status": status,
            "requester_id": 11, "submitter_id": 11, "assignee_id": 22, "group_id": 360001,
            "tags": ["billing", "vip"], "via": {"channel": channel, "source": {"from": {}}},
            "satisfaction_rating": {"score": score},
            "custom_fields": [{"id": 5, "value": None}]}


ZENDESK_TICKETS = [
    _zendesk_ticket(1, "2024-03-01T09:00:00Z", "solved", "question", "email", "good"),
    _zendesk_ticket(2, "2024-03-02T09:00:00Z", "closed", "incident", "web", "bad"),
    _zendesk_ticket(3, "2024-03-03T09:00:00Z", "open", "question", "email", "offered"),
    _zendesk_ticket(4, "2024-03-04T09:00:00Z", "hold", "problem", "chat", "unoffered"),
]
ZENDESK_METRICS = [
    # solved in 2 h, one reply, first reply 30 min
    _metric_set(1, "2024-03-01T11:00:00Z", 0, 1, 30),
    # solved in 10 h, reopened once, three replies, first reply 90 min, two assignees
    _metric_set(2, "2024-03-02T19:00:00Z", 1, 3, 90, stations=2),
    _metric_set(3, None, 0, 0, None),
    # on hold with an old solve (reopened): not resolved, counted in the backlog
    _metric_set(4, "2024-03-04T10:00:00Z", 1, 1, 60),
]


def _check_zendesk(row: GroupMetrics) -> None:
    assert row.tickets == 4
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (6.0, 10.0)
    assert row.fcr_is_proxy and row.fcr_rate == 0.5  # one-touch: 1 of the 2 resolved
    assert row.reopen_rate == 0.5
    assert row.reassigned_rate == 0.25
    assert row.first_response_median_hours == 1.0  # 30, 60, 90 min
    assert (row.csat_responses, row.csat_satisfied_share) == (2, 0.5)
    assert row.csat_mean is None and "words" in row.unavailable["csat_mean"]
    assert row.backlog_open == 2


def test_zendesk_incremental_export_with_metric_sets(tmp_path: Path) -> None:
    path = tmp_path / "incremental.json"
    path.write_text(json.dumps({"tickets": ZENDESK_TICKETS, "metric_sets": ZENDESK_METRICS,
                                "after_cursor": None, "end_of_stream": True, "count": 4}),
                    encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.product == "zendesk"
    assert imp.columns["resolved"] == "metric_set.solved_at"
    assert imp.columns["csat"] == "satisfaction_rating.score"
    assert imp.columns["channel"] == "via.channel"
    _check_zendesk(metrics.table(imp, by=None)[-1])
    by_channel = {r.group: r.tickets for r in metrics.table(imp, by="channel")}
    assert by_channel == {"email": 2, "web": 1, "chat": 1, "all": 4}


def test_zendesk_json_lines_export_with_nested_metric_set(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    sets = {m["ticket_id"]: m for m in ZENDESK_METRICS}
    path.write_text("".join(json.dumps({**t, "metric_set": sets[t["id"]]}) + "\n"
                            for t in ZENDESK_TICKETS), encoding="utf-8")
    _check_zendesk(_all(path))


def test_the_same_tickets_as_csv_give_the_same_figures(tmp_path: Path) -> None:
    json_path = tmp_path / "tickets.json"
    sets = {m["ticket_id"]: m for m in ZENDESK_METRICS}
    json_path.write_text("\n".join(json.dumps({**t, "metric_set": sets[t["id"]]})
                                   for t in ZENDESK_TICKETS), encoding="utf-8")
    csv_path = tmp_path / "tickets.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Id", "Created at", "Solved at", "Status", "Ticket type", "Via",
                      "Reopens", "Replies", "Assignee stations", "Satisfaction Score",
                      "First reply time in minutes"])
        for t in ZENDESK_TICKETS:
            m = sets[t["id"]]
            out.writerow([t["id"], t["created_at"], m["solved_at"] or "", t["status"],
                          t["type"], t["via"]["channel"], m["reopens"], m["replies"],
                          m["assignee_stations"], t["satisfaction_rating"]["score"],
                          m["reply_time_in_minutes"]["calendar"] or ""])
    from_json, from_csv = _all(json_path), _all(csv_path)
    assert from_json == from_csv


def test_zendesk_tickets_without_metric_sets_say_what_is_not_available(tmp_path: Path
                                                                       ) -> None:
    path = tmp_path / "incremental.json"
    path.write_text(json.dumps({"tickets": ZENDESK_TICKETS}), encoding="utf-8")
    row = _all(path)
    assert row.tickets == 4 and row.backlog_open == 2
    assert row.ttr_median_hours is None
    assert row.unavailable["ttr_median_hours"] == "the export has no resolution timestamp"
    assert row.reopen_rate is None and "reopen" in row.unavailable["reopen_rate"]


FRESHDESK = [
    {"id": 101, "subject": "Refund", "status": 4, "priority": 2, "source": 1,
     "type": "Billing", "group_id": 7, "requester_id": 1, "responder_id": 2,
     "fr_escalated": False, "is_escalated": False, "due_by": "2024-03-04T09:00:00Z",
     "fr_due_by": "2024-03-02T09:00:00Z", "created_at": "2024-03-01T09:00:00Z",
     "updated_at": "2024-03-01T13:00:00Z",
     "stats": {"first_responded_at": "2024-03-01T10:00:00Z",
               "resolved_at": "2024-03-01T13:00:00Z", "closed_at": None,
               "reopened_at": None}},
    {"id": 102, "subject": "Login", "status": 5, "priority": 1, "source": 7,
     "type": "Access", "group_id": 7, "requester_id": 1, "responder_id": 2,
     "fr_escalated": True, "is_escalated": False, "due_by": "2024-03-05T09:00:00Z",
     "fr_due_by": "2024-03-03T09:00:00Z", "created_at": "2024-03-02T09:00:00Z",
     "updated_at": "2024-03-03T09:00:00Z",
     "stats": {"first_responded_at": "2024-03-02T12:00:00Z", "resolved_at": None,
               "closed_at": "2024-03-03T09:00:00Z", "reopened_at": None}},
    {"id": 103, "subject": "Still broken", "status": 2, "priority": 3, "source": 1,
     "type": "Access", "group_id": 8, "requester_id": 1, "responder_id": None,
     "fr_escalated": False, "is_escalated": False, "due_by": "2024-03-06T09:00:00Z",
     "fr_due_by": "2024-03-04T09:00:00Z", "created_at": "2024-03-03T09:00:00Z",
     "updated_at": "2024-03-03T09:00:00Z",
     "stats": {"first_responded_at": None, "resolved_at": None, "closed_at": None,
               "reopened_at": None}},
]


def test_freshdesk_api_tickets_with_stats(tmp_path: Path) -> None:
    path = tmp_path / "freshdesk.json"
    path.write_text(json.dumps(FRESHDESK, indent=2), encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.product == "freshdesk"
    row = metrics.table(imp, by=None)[-1]
    assert row.tickets == 3
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (14.0, 24.0)  # 4 h and 24 h
    assert row.first_response_median_hours == 2.0  # 1 h and 3 h
    assert row.backlog_open == 1
    assert row.csat_mean is None
    assert row.unavailable["csat_mean"] == "the export has no satisfaction column"
    by_channel = {r.group for r in metrics.table(imp, by="channel")}
    assert by_channel == {"Email", "Chat", "all"}
    by_priority = {r.group for r in metrics.table(imp, by="priority")}
    assert by_priority == {"Low", "Medium", "High", "all"}


def _reference(value: str, name: str | None = None) -> dict[str, str]:
    out = {"link": f"https://x.service-now.com/api/now/table/sys_user_group/{value}",
           "value": value}
    if name is not None:
        out["display_value"] = name
    return out


def test_servicenow_table_api_result(tmp_path: Path) -> None:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps({"result": [
        {"number": "INC0010001", "opened_at": "2024-03-04 09:00:00",
         "resolved_at": "2024-03-04 15:00:00", "closed_at": "", "state": "6",
         "reopen_count": "0", "reassignment_count": "1", "made_sla": "true",
         "category": "network", "contact_type": "phone", "priority": "2",
         "assignment_group": _reference("a1b2", "Service Desk"),
         "caller_id": _reference("c3d4")},
        {"number": "INC0010002", "opened_at": "2024-03-05 09:00:00", "resolved_at": "",
         "closed_at": "", "state": "2", "reopen_count": "0", "reassignment_count": "0",
         "made_sla": "false", "category": "software", "contact_type": "email",
         "priority": "3", "assignment_group": _reference("e5f6", "Network"),
         "caller_id": _reference("c3d4")},
    ]}), encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.product == "servicenow"
    row = metrics.table(imp, by=None)[-1]
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (2, 6.0, 1)
    assert (row.sla_met_rate, row.reassigned_rate) == (0.5, 0.5)
    groups = {r.group for r in metrics.table(imp, by="group")}
    assert groups == {"Service Desk", "Network", "all"}


def test_servicenow_jsonv2_records(tmp_path: Path) -> None:
    path = tmp_path / "incident.json"
    path.write_text(json.dumps({"records": [
        {"number": "INC1", "opened_at": "2024-03-04 09:00:00",
         "resolved_at": "2024-03-04 11:00:00", "incident_state": "7", "reopen_count": "1",
         "reassignment_count": "0", "made_sla": "true", "assignment_group": "a1b2"},
    ]}), encoding="utf-8")
    row = _all(path)
    assert (row.tickets, row.ttr_median_hours, row.reopen_rate) == (1, 2.0, 1.0)


@pytest.mark.parametrize(("text", "problem"), [
    ('{"count": 0, "next_page": null}', "no list of tickets"),
    ('{"tickets": []}', "no tickets"),
    ("[]", "no tickets"),
    ('[{"id": 1, "created_at": "2024-03-01T09:00:00Z"}, 7]', "record 2 is not an object"),
    ('{"tickets": [{"id": 1, "created_at": "2024-03-01T09:00:00Z"}', "not valid JSON"),
])
def test_json_that_holds_no_tickets_is_one_sentence(tmp_path: Path, text: str, problem: str
                                                    ) -> None:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    message = str(info.value)
    assert message.startswith("export.json") and problem in message
    assert "\n" not in message and message.endswith(".")


def test_a_cut_off_json_lines_file_names_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    whole = json.dumps({"id": 1, "created_at": "2024-03-01T09:00:00Z", "status": "open"})
    path.write_text(f"{whole}\n{whole.replace('1', '2', 1)}\n{whole[:25]}", encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    assert "line 3" in str(info.value) and "cut off" in str(info.value)


def test_a_repeated_id_in_json_lines_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    lines = [{"id": 1, "created_at": "2024-03-01T09:00:00Z", "status": "open",
              "subject": "two\nlines"},
             {"id": 2, "created_at": "2024-03-02T09:00:00Z", "status": "open",
              "subject": "a\nb\nc"},
             {"id": 1, "created_at": "2024-03-03T09:00:00Z", "status": "open"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path, source="generic")
    message = str(info.value)
    assert message.startswith("tickets.json, line 3, column 'id': ticket '1' appears"), message


def test_a_repeated_id_in_a_json_list_names_its_record(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps([
        {"id": 1, "created_at": "2024-03-01T09:00:00Z", "subject": "x\ny"},
        {"id": 1, "created_at": "2024-03-02T09:00:00Z"}], indent=2), encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path, source="generic")
    assert str(info.value).startswith("tickets.json, record 2, column 'id'"), str(info.value)


def test_unreadable_cells_in_json_are_noted_by_record(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps([
        {"id": 1, "created_at": "2024-03-01T09:00:00Z", "reopens": 0},
        {"id": 2, "created_at": "2024-03-02T09:00:00Z", "reopens": "many"},
        {"id": 3, "created_at": "2024-03-03T09:00:00Z", "reopens": 1}]), encoding="utf-8")
    imp = engine.import_export(path)
    assert "1 unreadable value in 'reopens', first in record 2" in imp.notes


def test_json_saved_by_windows_powershell_as_utf16_is_read(tmp_path: Path) -> None:
    """``Invoke-RestMethod ... | ConvertTo-Json > tickets.json`` in Windows PowerShell 5
    writes UTF-16 with a byte-order mark; refused before as "no usable columns: {"."""
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps({"tickets": ZENDESK_TICKETS, "metric_sets": ZENDESK_METRICS},
                               indent=4), encoding="utf-16")
    _check_zendesk(_all(path))


def test_hostile_labels_in_json_are_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    labels = ['=HYPERLINK("x")\nsecond line', "\x1b[31mred", "Crème, \"quoted\""]
    path.write_text(json.dumps([{"id": i, "created_at": "2024-03-04T09:00:00Z",
                                 "category": label} for i, label in enumerate(labels)]),
                    encoding="utf-8")
    groups = {r.group for r in metrics.table(engine.import_export(path), by="category")}
    assert groups == {*labels, "all"}


def test_json_lines_with_a_byte_that_is_not_utf8_is_one_sentence(tmp_path: Path) -> None:
    """JSON is UTF-8; a file edited and saved as "ANSI" (cp1252) has bytes that are not.
    The sentence names the file and the line, not the codec's position."""
    path = tmp_path / "tickets.json"
    good = [json.dumps({"id": i, "created_at": "2024-03-01T09:00:00Z"}) for i in (1, 2)]
    bad = '{"id": 3, "created_at": "2024-03-01T09:00:00Z", "subject": "Cr\xe8me"}'
    path.write_bytes(("\n".join(good) + "\n").encode() + bad.encode("cp1252") + b"\n")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    message = str(info.value)
    assert message.startswith("tickets.json"), message
    assert "UTF-8" in message and "line 3" in message and "codec" not in message, message


def test_map_names_a_nested_field_by_its_dotted_name(tmp_path: Path) -> None:
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps([
        {"id": 1, "created_at": "2024-03-04T09:00:00Z", "custom": {"topic": "Refunds"}},
        {"id": 2, "created_at": "2024-03-05T09:00:00Z", "custom": {"topic": "Login"}}]),
        encoding="utf-8")
    imp = engine.import_export(path, mapping={"category": "custom.topic"})
    assert imp.columns["category"] == "custom.topic"
    assert {r.group for r in metrics.table(imp, by="category")} == {"Refunds", "Login", "all"}
