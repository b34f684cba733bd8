"""Ticket exports as products write them, checked by hand (session 16, tix20).

A ticket belongs to the month of its creation in the team's zone: the zone its times are
read in (``--zone``, the schedule's, or the column header's). Before, only a creation
written ISO without a zone was filed by its local wall time; one written ``01.04.2024
00:30`` (a German Excel) or ``3/31/2024 11:30 PM`` (a US one) was filed by its UTC month,
so the same tickets landed in different months depending on how the file wrote the date,
and a Zendesk API dump (``Z`` times) disagreed with the account's own CSV."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from models.tickets import dates, engine, metrics
from models.tickets.errors import TicketImportError


def _months(path: Path, zone: str) -> dict[str, int]:
    rows = metrics.table(engine.import_export(path, zone=zone), by="period")
    return {r.group: r.tickets for r in rows if r.group != "all"}


def _write(tmp_path: Path, name: str, created: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("Id,Status,Via,Created at\n" + "".join(
        f"{i},Open,Email,{c}\n" for i, c in enumerate(created, 1)), encoding="utf-8")
    return path


def test_a_dotted_date_just_after_midnight_is_filed_in_its_local_month(tmp_path: Path) -> None:
    # 00:30 on 1 April in Berlin is 22:30 UTC on 31 March
    path = _write(tmp_path, "de.csv", ["01.04.2024 00:30", "15.03.2024 10:00",
                                       "10.04.2024 10:00"])
    assert _months(path, "Europe/Berlin") == {"2024-03": 1, "2024-04": 2}


def test_a_us_date_late_in_the_evening_is_filed_in_its_local_month(tmp_path: Path) -> None:
    # 11:30 PM on 31 March in New York is 03:30 UTC on 1 April
    path = _write(tmp_path, "us.csv", ["3/31/2024 11:30 PM", "3/15/2024 10:00 AM",
                                       "4/10/2024 10:00 AM"])
    assert _months(path, "America/New_York") == {"2024-03": 2, "2024-04": 1}


def test_utc_times_fall_in_the_same_months_as_the_local_export(tmp_path: Path) -> None:
    local = _write(tmp_path, "local.csv", ["2024-04-01 00:30:00", "2024-03-15 10:00:00"])
    utc = _write(tmp_path, "utc.csv", ["2024-03-31T22:30:00Z", "2024-03-15T09:00:00Z"])
    assert _months(local, "Europe/Berlin") == _months(utc, "Europe/Berlin") == {
        "2024-03": 1, "2024-04": 1}


FIXTURES = Path(__file__).parent / "fixtures"


def test_gladly_conversation_export() -> None:
    # Gladly's Conversation Export (help.gladly.com/docs/conversation-export): one row per
    # conversation; Status CLOSED, OPEN or MERGED ("no longer exists because it was merged
    # into another Conversation"); First Closed At and Last Closed At.
    imported = engine.import_export(FIXTURES / "gladly_conversations.csv")
    assert imported.product == "gladly"
    assert imported.columns["resolved"] == "Last Closed At"
    assert imported.columns["group"] == "Inbox Name - Current"
    assert imported.bad_cells == {}  # MERGED is a word it knows
    rows = {r.group: r for r in metrics.table(imported, by="group")}
    total = rows["all"]
    assert total.tickets == 5
    # c1 closed at 10:00 and again at 13:00 (reopened): 4 h, not 1; c2 2 h. c5 is OPEN
    # again after its close, c4 MERGED: neither is resolved.
    assert (total.ttr_median_hours, total.ttr_p90_hours) == (3.0, 4.0)
    # open: c3 (since 6 March 08:00) and c5 (7 March 09:00), aged to the export's latest
    # time, 7 March 10:00: 26 h and 1 h. The merged c4 is not in the backlog.
    assert (total.backlog_open, total.backlog_median_age_hours) == (2, 13.5)
    assert (rows["Support"].tickets, rows["Billing"].tickets) == (3, 2)
    assert total.fcr_rate is None and total.csat_mean is None


def test_a_product_export_with_a_ticket_twice_keeps_its_product_as_an_event_log(
        tmp_path: Path) -> None:
    # Two Freshdesk exports joined: ticket 1001 twice. The refusal's way out used to be
    # --source generic, which read 'First response time (in hrs)' (Freshdesk's business
    # hours) as calendar hours (0.625 h for 0.875 h) and dropped 'Survey results'.
    lines = (FIXTURES / "freshdesk_ticket_export.csv").read_text(encoding="utf-8")
    path = tmp_path / "freshdesk-joined.csv"
    path.write_text(lines + lines.splitlines()[1] + "\n", encoding="utf-8")
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    assert "--source generic" not in info.value.hint
    assert "--map updated=COLUMN ('Last update time' here)" in info.value.hint
    imported = engine.import_export(path, mapping={"updated": "Last update time"})
    assert (imported.product, imported.rows, imported.tickets) == ("freshdesk", 6, 5)
    assert "event log: 6 rows for 5 tickets, latest update kept" in imported.notes
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    alone = {r.group: r for r in metrics.table(
        engine.import_export(FIXTURES / "freshdesk_ticket_export.csv"), by=None)}["all"]
    assert row == alone
    assert (row.first_response_median_hours, row.csat_responses) == (0.875, 3)


def test_last_month_s_update_column_does_not_make_this_month_an_event_log(
        tmp_path: Path) -> None:
    # The remembered mapping holds 'Last update time' (found by name last month); only a
    # --map typed for this import reads a repeated id as an update.
    from models.db.store import Store
    from models.tickets import storage

    store = Store(tmp_path / "j.db")
    wid = int(store.create_workshop(title="T").id or 0)
    export = FIXTURES / "freshdesk_ticket_export.csv"
    storage.import_file(store, wid, export)
    joined = tmp_path / "freshdesk-joined.csv"
    text = export.read_text(encoding="utf-8")
    joined.write_text(text + text.splitlines()[1] + "\n", encoding="utf-8")
    with pytest.raises(TicketImportError, match="appears on more than one row"):
        storage.import_file(store, wid, joined, dry_run=True)
    result = storage.import_file(store, wid, joined, dry_run=True,
                                 mapping={"updated": "Last update time"})
    assert (result.imported.product, result.imported.tickets) == ("freshdesk", 5)


def test_iso_dates_with_a_12_hour_clock_are_read() -> None:
    # ServiceNow's date format is yyyy-MM-dd by default and its time format may be set to
    # hh:mm:ss a (its "Global date and time field format" page); such a list was refused
    # whole: every opened_at unreadable.
    assert dates.parse_iso("2024-03-04 12:30:00 AM") == datetime(2024, 3, 4, 0, 30)
    assert dates.parse_iso("2024-03-04 12:00:00 PM") == datetime(2024, 3, 4, 12, 0)
    assert dates.parse_iso("2024-03-04 9:05 p.m.") == datetime(2024, 3, 4, 21, 5)
    assert dates.parse_iso("2024-03-04T01:30 pm") == datetime(2024, 3, 4, 13, 30)


def test_a_servicenow_list_with_a_12_hour_clock(tmp_path: Path) -> None:
    path = tmp_path / "incident.csv"
    path.write_text(
        "number,opened_at,resolved_at,state,reopen_count,reassignment_count,made_sla\n"
        "INC1,2024-03-04 12:30:00 AM,2024-03-04 12:45:00 PM,Resolved,0,0,true\n"
        "INC2,2024-03-04 11:00:00 PM,2024-03-05 01:00:00 AM,Resolved,0,0,true\n"
        "INC3,2024-03-05 12:00:00 PM,2024-03-05 01:30:00 PM,Resolved,0,0,false\n",
        encoding="utf-8")
    imported = engine.import_export(path)
    assert (imported.product, imported.tickets, imported.bad_cells) == ("servicenow", 3, {})
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # 00:30 to 12:45 is 12.25 h, 23:00 to 01:00 the next day 2 h, noon to 13:30 1.5 h
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (2.0, 12.25)
