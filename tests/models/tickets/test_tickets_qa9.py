"""Defects found by QA session 9 with exports as real products write them, each figure worked
out by hand next to its expectation: a status word the tool does not know, epoch timestamps
(API dumps), "a.m."/"p.m." clocks, a 1 MB cell and a JSON export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from models.tickets import dates, engine, metrics, values, zones
from models.tickets.metrics import GroupMetrics


def _write(tmp_path: Path, name: str, rows: list[list[object]]) -> Path:
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def _all(path: Path) -> GroupMetrics:
    rows = metrics.table(engine.import_export(path), by=None)
    return rows[-1]


# --- a status word it does not know is not guessed "open" -----------------------------------

def test_an_unknown_status_word_is_neither_open_nor_resolved(tmp_path: Path) -> None:
    path = _write(tmp_path, "custom.csv", [
        ["id", "created_at", "resolved_at", "status"],
        [1, "2024-03-01 10:00", "2024-03-01 12:00", "Frobnicated"],  # resolved by its time
        [2, "2024-03-02 10:00", "", "Frobnicated"],  # nothing says open: not backlog
        [3, "2024-03-03 10:00", "", "open"],
        [4, "2024-03-04 10:00", "", "Waiting on us"],
    ])
    imp = engine.import_export(path)
    row = metrics.table(imp, by=None)[-1]
    assert row.backlog_open == 2  # tickets 3 and 4, not ticket 2
    assert row.n["backlog_open"] == 2
    assert row.ttr_median_hours == 2.0  # ticket 1: its resolution time decides
    said = [n for n in imp.notes if "'status'" in n]
    assert said == ["2 unreadable values in 'status', first on line 2"]
    assert any("neither open nor resolved" in n for n in imp.notes)


@pytest.mark.parametrize(("word", "state"), [
    ("archived", "resolved"),  # Front: a conversation done with
    ("Unassigned", "open"),  # Front
    ("To Do", "open"),  # Jira
    ("Under investigation", "open"),  # Jira Service Management (ITSM)
    ("Waiting for approval", "open"),
    ("", None),
    ("N/A", None),
])
def test_status_words_of_more_products(word: str, state: str | None) -> None:
    assert values.status_state(word) == state


def test_a_status_word_it_does_not_know_is_unreadable() -> None:
    with pytest.raises(ValueError, match="Frobnicated"):
        values.status_state("Frobnicated")


def test_front_archived_conversations_are_not_backlog(tmp_path: Path) -> None:
    path = _write(tmp_path, "front.csv", [
        ["Conversation ID", "Status", "Created at", "Archived at"],
        ["cnv_1", "archived", "2024-03-04 09:00", "2024-03-04 10:00"],
        ["cnv_2", "open", "2024-03-05 09:00", ""],
        ["cnv_3", "archived", "2024-03-14 09:00", "2024-03-15 09:00"],
    ])
    row = _all(path)
    assert row.backlog_open == 1  # cnv_2 only


# --- epoch timestamps (API dumps: HubSpot milliseconds, Intercom/Zendesk seconds) --------------

@pytest.mark.parametrize(("text", "want"), [
    ("1709542800", "2024-03-04 09:00:00"),
    ("1709542800000", "2024-03-04 09:00:00"),
    ("1709542800123", "2024-03-04 09:00:00.123000"),
])
def test_epoch_cells_are_read(text: str, want: str) -> None:
    moment = dates.PARSERS["epoch"](text)
    assert moment is not None and str(dates.as_utc(moment).replace(tzinfo=None)) == want


@pytest.mark.parametrize("text", ["12345", "99999999999999", "1709542800.5x"])
def test_an_epoch_cell_of_another_size_is_unreadable(text: str) -> None:
    with pytest.raises(ValueError):
        dates.PARSERS["epoch"](text)


@pytest.mark.parametrize(("scale", "name"), [(1, "seconds.csv"), (1000, "ms.csv")])
def test_an_export_of_epoch_timestamps_imports(tmp_path: Path, scale: int, name: str) -> None:
    start = 1709542800  # 2024-03-04 09:00 UTC
    path = _write(tmp_path, name, [
        ["ticket_id", "created_at", "closed_at", "status"],
        [1, start * scale, (start + 3 * 3600) * scale, "closed"],  # 3 h
        [2, (start + 86400) * scale, "", "open"],
        [3, (start + 2 * 86400) * scale, (start + 3 * 86400) * scale, "closed"],  # 24 h
    ])
    imp = engine.import_export(path)
    row = metrics.table(imp, by=None)[-1]
    assert (row.period, row.tickets, row.ttr_median_hours, row.ttr_p90_hours) == (
        "2024-03", 3, 13.5, 24.0)
    assert row.backlog_open == 1
    assert not imp.bad_cells


# --- 12-hour clocks written a.m./p.m. (English locales of Canada, Australia...) ---------------

@pytest.mark.parametrize(("text", "want"), [
    ("3/14/2024 11:00 p.m.", "2024-03-14 23:00:00"),
    ("3/15/2024 1:00 a.m.", "2024-03-15 01:00:00"),
    ("3/15/2024 12:30 a.m.", "2024-03-15 00:30:00"),
    ("3/15/2024 12:30 P.M.", "2024-03-15 12:30:00"),
])
def test_dotted_am_pm_is_read(text: str, want: str) -> None:
    assert str(dates.parse_month_first(text)) == want


def test_a_column_with_dotted_am_pm_imports(tmp_path: Path) -> None:
    path = _write(tmp_path, "ampm.csv", [
        ["Ticket ID", "Created", "Resolved", "Status"],
        [1, "3/4/2024 9:00 a.m.", "3/4/2024 1:30 p.m.", "Resolved"],  # 4.5 h
        [2, "3/14/2024 11:00 p.m.", "3/15/2024 1:00 a.m.", "Resolved"],  # 2 h
        [3, "3/20/2024 12:15 p.m.", "", "Open"],
    ])
    row = _all(path)
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (3, 3.25, 1)


# --- a 1 MB cell (a long description or comment) is a valid cell ----------------------------

def test_a_one_megabyte_cell_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.csv", [
        ["Id", "Created at", "Solved at", "Status", "Description"],
        [1, "2024-03-01 09:00", "2024-03-01 10:00", "Solved", "x" * 1_000_000],
        [2, "2024-03-02 09:00", "", "Open", "short"],
    ])
    row = _all(path)
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (2, 1.0, 1)


# --- a JSON export (Zendesk's Incremental Ticket Export API) --------------------------------

def test_a_json_export_is_read_not_refused(tmp_path: Path) -> None:
    """Refused in session 9 ("this is JSON ..., not a CSV export"); read since session 10
    (``test_tickets_json.py`` checks every product's figures)."""
    path = tmp_path / "tickets.json"
    path.write_text(json.dumps({"tickets": [{"id": 1, "created_at": "2024-03-04T09:00:00Z",
                                             "status": "solved"}],
                                "end_of_stream": True}), encoding="utf-8")
    imp = engine.import_export(path)
    assert (imp.tickets, imp.columns["created"]) == (1, "created_at")


@pytest.mark.parametrize(("status", "done", "state", "failed"), [
    ("Frobnicated", True, "resolved", [7]),
    ("Frobnicated", False, "unknown", [7]),
    ("", False, "open", []),
    ("", True, "resolved", []),
    ("pending", True, "open", []),
])
def test_the_state_of_one_ticket(status: str, done: bool, state: str, failed: list[int]) -> None:
    from models.tickets.answers import flags_of

    flags, bad = flags_of([("status", values.status_state, 7)], [status], done)
    assert (flags.state, bad) == (state, failed)


def test_without_a_status_column_the_resolution_time_decides() -> None:
    from models.tickets.answers import flags_of

    flags, bad = flags_of([("reopens", values.parse_count, 2)], ["x"], False)
    assert (flags.state, bad) == ("open", [2])


@pytest.mark.parametrize(("head", "json_like"), [
    (b'[{"id": 1}]', True),
    (b'\xef\xbb\xbf  [\n  {\n "id": 1', True),
    (b'{"id": 1}\n{"id": 2}\n', True),  # JSON lines
    (b"{}", True),
    (b"{id},created_at\n1,2024-03-01\n", False),
    (b"[id],created_at\n", False),
    (b"id,created_at\n", False),
    (b"[]", True),
    (b"[ ]\n", True),
])
def test_what_looks_like_json(head: bytes, json_like: bool) -> None:
    from models.tickets import json_export

    assert json_export.looks_like_json(head) is json_like


# --- a zone named in the column's header (Intercom: "Conversation started at (Europe/London)")

def _intercom_summer(tmp_path: Path, zone: str) -> Path:
    return _write(tmp_path, "intercom.csv", [
        ["Conversation ID", f"Conversation started at ({zone})",
         f"Conversation first replied at ({zone})", f"Conversation last closed at ({zone})",
         "Current conversation state", "Team currently assigned"],
        # Monday 1 July 2024, British Summer Time (UTC+1): 16:30 to 17:30 London
        ["1", "2024-07-01 16:30:00", "2024-07-01 16:45:00", "2024-07-01 17:30:00", "closed",
         "Support"],
    ])


def test_times_are_read_in_the_zone_the_header_names(tmp_path: Path) -> None:
    from models.tickets.hours import Schedule

    week = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/London", [])
    imp = engine.import_export(_intercom_summer(tmp_path, "Europe/London"), schedule=week)
    row = metrics.table(imp, by=None)[-1]
    assert row.ttr_median_hours == 1.0  # calendar: unchanged
    assert row.ttr_business_median_hours == 0.5  # 16:30-17:00 London is worked
    assert row.frt_business_median_hours == 0.25
    assert str(imp.as_of) == "2024-07-01 16:30:00+00:00"  # 17:30 London
    assert row.period == "2024-07"
    assert "'Conversation started at (Europe/London)': times read in Europe/London, the " \
           "zone its name gives" in imp.notes


def test_a_header_zone_of_new_york_moves_the_clock_five_hours(tmp_path: Path) -> None:
    from models.tickets.hours import Schedule

    week = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", [])
    imp = engine.import_export(_intercom_summer(tmp_path, "America/New_York"), schedule=week)
    row = metrics.table(imp, by=None)[-1]
    # 16:30-17:30 New York (EDT, UTC-4) is 20:30-21:30 UTC: outside 9-17 UTC
    assert row.ttr_business_median_hours == 0.0
    assert str(imp.as_of) == "2024-07-01 21:30:00+00:00"


@pytest.mark.parametrize(("header", "zone"), [
    ("Conversation started at (Europe/London)", "Europe/London"),
    ("Conversation started at (America/Argentina/Buenos_Aires)",
     "America/Argentina/Buenos_Aires"),
    ("Created (UTC)", "UTC"),
    ("Created at", None),
    ("First response time (in hrs)", None),
    ("Created (Mars/Olympus)", None),
])
def test_the_zone_a_header_names(header: str, zone: str | None) -> None:
    assert zones.header_zone(header) == zone


# --- a long import says it is moving, and can be stopped before anything is stored ---------

def _rows(tmp_path: Path, n: int) -> Path:
    return _write(tmp_path, "many.csv", [["Id", "Created at", "Status"]] + [
        [i, f"2024-03-{1 + i % 28:02d} 09:00", "Open"] for i in range(1, n + 1)])


def test_progress_is_told_the_rows_read_after_each_batch(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    from models.tickets import load

    monkeypatch.setattr(load, "BATCH_ROWS", 4)
    told: list[int] = []
    imp = engine.import_export(_rows(tmp_path, 10), progress=told.append)
    assert told == [4, 8, 10] and imp.tickets == 10


def test_a_progress_that_raises_stops_the_import_before_anything_is_stored(
        tmp_path: Path, store: object) -> None:
    from models.db.store import Store
    from models.tickets import storage

    assert isinstance(store, Store)
    wid = int(store.create_workshop(title="T").id or 0)

    def stop(rows: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        storage.import_file(store, wid, _rows(tmp_path, 10), progress=stop)
    journey = store.load(wid)
    assert journey.ticket_sources == [] and journey.readings == []


# --- dates without a time of day (Zendesk Explore's "Ticket solved - Date", a report's
# "Closed Date") cannot give hours: a same-day solve is not "0 h" -------------------------

def _explore(tmp_path: Path) -> Path:
    return _write(tmp_path, "explore.csv", [
        ["Ticket ID", "Ticket created - Date", "Ticket solved - Date", "Ticket status",
         "First reply time (min)"],
        [1, "2024-03-04", "2024-03-05", "Solved", 30],
        [2, "2024-03-05", "", "Open", 15],
        [3, "2024-03-08", "2024-03-08", "Closed", 5],
    ])


def test_hours_to_resolution_are_not_made_from_dates_without_times(tmp_path: Path) -> None:
    imp = engine.import_export(_explore(tmp_path),
                               mapping={"resolved": "Ticket solved - Date",
                                        "first_response_minutes": "First reply time (min)"})
    row = metrics.table(imp, by=None)[-1]
    reason = ("'Ticket created - Date' holds dates without a time of day, so hours to "
              "resolution cannot be derived from it")
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (None, None)
    assert row.unavailable["ttr_median_hours"] == reason
    assert row.unavailable["ttr_p90_hours"] == reason
    assert row.first_response_median_hours == 0.25  # a duration column: still exact
    assert (row.tickets, row.backlog_open) == (3, 1)
    assert any("holds dates without a time of day" in n for n in imp.notes)


def test_a_resolution_date_without_time_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "closed_date.csv", [
        ["Case Number", "Date/Time Opened", "Closed Date", "Status"],
        ["00001", "3/4/2024 9:00 AM", "3/4/2024", "Closed"],
        ["00002", "3/5/2024 9:00 AM", "3/7/2024", "Closed"],
    ])
    imp = engine.import_export(path, mapping={"resolved": "Closed Date"})
    row = metrics.table(imp, by=None)[-1]
    assert row.ttr_median_hours is None
    assert row.unavailable["ttr_median_hours"].startswith("'Closed Date' holds dates without")


def test_timestamps_at_midnight_are_still_timestamps(tmp_path: Path) -> None:
    path = _write(tmp_path, "midnight.csv", [
        ["id", "created_at", "resolved_at", "status"],
        [1, "2024-03-04 00:00", "2024-03-04 06:00", "solved"],
        [2, "2024-03-05 00:00:00", "2024-03-06 00:00:00", "solved"],
    ])
    row = _all(path)
    assert row.ttr_median_hours == 15.0  # 6 h and 24 h


@pytest.mark.parametrize(("cells", "date_only"), [
    (["2024-03-04", "", "2024-03-05"], True),
    (["4 September 2024", "N/A"], True),
    (["3/4/2024", "3/5/2024"], True),
    (["2024-03-04", "2024-03-05 10:00"], False),  # one time of day is enough
    (["1709542800"], False),  # epoch seconds carry the time
    (["", "-"], False),  # nothing to judge
])
def test_which_columns_hold_dates_only(cells: list[str], date_only: bool) -> None:
    assert dates.without_time(cells) is date_only


def test_first_response_and_business_hours_from_dates_without_times(tmp_path: Path) -> None:
    from models.tickets.hours import Schedule

    path = _write(tmp_path, "days.csv", [
        ["id", "created_at", "first_response_at", "resolved_at", "status"],
        [1, "2024-03-04", "2024-03-04", "2024-03-05", "solved"],
        [2, "2024-03-05", "2024-03-06", "2024-03-05", "solved"],
    ])
    week = Schedule.parse("mon-fri", "09:00", "17:00", "UTC", [])
    row = metrics.table(engine.import_export(path, schedule=week), by=None)[-1]
    said = "'created_at' holds dates without a time of day, so hours to "
    assert row.first_response_median_hours is None
    assert row.unavailable["first_response_median_hours"] == said + (
        "first response cannot be derived from it")
    assert (row.ttr_business_median_hours, row.frt_business_median_hours) == (None, None)
    assert row.unavailable["ttr_business_median_hours"] == said + (
        "resolution cannot be derived from it")
    assert row.unavailable["frt_business_median_hours"] == said + (
        "first response cannot be derived from it")
    assert "ttr_median_hours" not in row.n and row.n["tickets"] == 2


def test_notes_read_as_english(tmp_path: Path) -> None:
    intercom = _intercom_summer(tmp_path, "Europe/London")
    assert "recognised an intercom export (6 known columns)" in \
        engine.import_export(intercom).notes


def test_an_incident_list_of_one_row_per_incident_is_no_event_log_note(tmp_path: Path) -> None:
    path = _write(tmp_path, "incidents.csv", [
        ["number", "opened_at", "state", "category", "assignment_group", "sys_updated_on"],
        ["INC1", "04-03-2024 09:00:00", "Closed", "network", "Desk", "10-03-2024 09:00:00"],
        ["INC2", "05-03-2024 09:00:00", "New", "network", "Desk", "13-03-2024 09:00:00"],
    ])
    imp = engine.import_export(path)
    assert imp.tickets == 2
    assert not [n for n in imp.notes if n.startswith("event log")]
