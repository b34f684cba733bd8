"""Exports of more products, in their own layouts and encodings, with metrics checked against
arithmetic done by hand (next to each expectation): Jira Service Management (``04/Mar/24
9:00 AM`` dates), Salesforce case reports (with their report footer), ServiceNow raw state
codes, Excel "Unicode text" (UTF-16, tab-delimited) and UTF-8 with BOM and tabs."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import pytest

from models.tickets import dates, engine, metrics
from models.tickets.errors import TicketImportError
from models.tickets.metrics import GroupMetrics

FIXTURES = Path(__file__).parent / "fixtures"


def table(path: Path, by: str | None = None) -> dict[str, GroupMetrics]:
    return {r.group: r for r in metrics.table(engine.import_export(path), by=by)}


def refuse(path: Path | str) -> str:
    with pytest.raises(TicketImportError) as info:
        engine.import_export(path)
    message = str(info.value)
    assert "\n" not in message and message.count(". ") == 0 and message.endswith(".")
    assert "Errno" not in message
    return message


@pytest.mark.parametrize(("text", "want"), [
    ("04/Mar/24 9:00 AM", datetime(2024, 3, 4, 9, 0)),
    ("12/Mar/24 11:00 PM", datetime(2024, 3, 12, 23, 0)),
    ("13/Mar/24 12:30 AM", datetime(2024, 3, 13, 0, 30)),
    ("20/Mar/24 12:00 PM", datetime(2024, 3, 20, 12, 0)),
    ("4/mar/2024 09:00", datetime(2024, 3, 4, 9, 0)),
    ("04-Sep-2024 17:45:10", datetime(2024, 9, 4, 17, 45, 10)),
    ("4 September 2024", datetime(2024, 9, 4)),
    ("04/Mar/24", datetime(2024, 3, 4)),
    ("Mar 4, 2024 9:00 AM", datetime(2024, 3, 4, 9, 0)),
    ("March 14, 2024, 11:30 PM", datetime(2024, 3, 14, 23, 30)),
    ("Sep 4 2024 17:45", datetime(2024, 9, 4, 17, 45)),
])
def test_month_name_dates(text: str, want: datetime) -> None:
    assert dates.evidence([text])[0] == "named"
    assert dates.parse_month_name(text) == want


def test_a_comma_after_the_date() -> None:
    # Salesforce Lightning and Excel in English write "3/14/2024, 9:00 AM".
    assert dates.parse_month_first("3/14/2024, 9:00 PM") == datetime(2024, 3, 14, 21, 0)
    assert dates.evidence(["3/14/2024, 9:00 PM"]) == ("numeric", False, True)


def test_month_name_placeholders_and_nonsense() -> None:
    assert dates.parse_month_name("?") is None
    assert dates.parse_month_name("01/Jan/1900 12:00 AM") is None  # a "no date" sentinel
    with pytest.raises(ValueError):
        dates.parse_month_name("31/Feb/24 9:00 AM")
    # "Mrz" was the unknown word here until session 15: it is German's March (Java's de
    # short month), which a German user's Jira export writes (models.tickets.month_words)
    with pytest.raises(ValueError):
        dates.parse_month_name("04/Xyz/24 9:00 AM")


def test_jira_service_management_export() -> None:
    imported = engine.import_export(FIXTURES / "jira_service_management.csv")
    assert imported.product == "jira"
    assert imported.columns["id"] == "Issue key"
    assert imported.columns["category"] == "Custom field (Request Type)"
    assert imported.columns["csat"] == "Custom field (Satisfaction)"
    row = table(FIXTURES / "jira_service_management.csv")["all"]
    assert (row.tickets, row.period) == (6, "2024-03..2024-04")
    # Resolved/Closed: ITSM-1 9:00 AM -> 1:00 PM = 4 h, ITSM-2 10:15 -> next day 10:15 = 24 h,
    # ITSM-5 noon 20th -> noon 22nd = 48 h; ITSM-4 is Declined (cancelled), not resolved.
    # Median 24; p90 nearest rank ceil(0.9*3) = 3rd = 48.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (24.0, 48.0)
    # Satisfaction 5, 4, 2 answered (3 blank): mean 11/3, 2 of 3 are 4-5.
    assert row.csat_responses == 3
    assert row.csat_mean == pytest.approx(11 / 3)
    assert row.csat_satisfied_share == pytest.approx(2 / 3)
    # Open: ITSM-3 (Waiting for support) and ITSM-6 (In Progress).
    assert row.backlog_open == 2
    assert row.fcr_rate is None and row.reopen_rate is None


def test_jira_by_request_type_adds_up() -> None:
    by_type = table(FIXTURES / "jira_service_management.csv", by="category")
    # Get IT help: ITSM-1, 3, 6; Reset password: ITSM-2, 4, 5.
    assert {g: r.tickets for g, r in by_type.items()} == {
        "Get IT help": 3, "Reset password": 3, "all": 6}
    # Reset password resolved: ITSM-2 24 h and ITSM-5 48 h -> median 36.
    assert by_type["Reset password"].ttr_median_hours == 36.0


def test_salesforce_case_report_with_its_footer() -> None:
    imported = engine.import_export(FIXTURES / "salesforce_cases.csv")
    assert imported.product == "salesforce"
    assert imported.columns["created"] == "Date/Time Opened"
    assert imported.columns["closed"] == "Date/Time Closed"
    assert imported.columns["channel"] == "Case Origin"
    # The five lines of the report footer (title, copyright, ...) are not cases.
    assert (imported.rows, imported.tickets, imported.skipped_rows) == (5, 5, 0)
    assert any("footer" in note for note in imported.notes)
    row = table(FIXTURES / "salesforce_cases.csv")["all"]
    # Closed: 9:00 -> 11:30 = 2.5 h; 3/5 2 PM -> 3/7 2 PM = 48 h; 3/14 8 AM -> 3/15 8 PM
    # = 36 h (the "Age (Hours)" of the open cases is not a resolution time).
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (36.0, 48.0)
    assert row.backlog_open == 2  # Working, Escalated
    by_origin = table(FIXTURES / "salesforce_cases.csv", by="channel")
    assert {g: r.tickets for g, r in by_origin.items()} == {
        "Phone": 2, "Web": 2, "Email": 1, "all": 5}


def test_servicenow_raw_state_codes(tmp_path: Path) -> None:
    path = tmp_path / "incident.csv"
    path.write_text(
        "number,opened_at,resolved_at,state,reopen_count,reassignment_count,made_sla,"
        "priority,assignment_group,sys_updated_on\n"
        "INC001,01-03-2024 09:00:00,01-03-2024 13:00:00,6,0,0,true,1,Desk,01-03-2024 13:00:00\n"
        "INC002,02-03-2024 09:00:00,03-03-2024 09:00:00,7,1,2,false,3,Desk,04-03-2024 09:00:00\n"
        "INC003,05-03-2024 09:00:00,,2,0,1,true,2,Net,05-03-2024 10:00:00\n"
        "INC004,06-03-2024 09:00:00,,8,0,0,true,4,Net,06-03-2024 10:00:00\n",
        encoding="utf-8")
    row = table(path)["all"]
    # state 6 = Resolved (4 h), 7 = Closed (24 h), 2 = In Progress (open), 8 = Canceled.
    assert row.tickets == 4
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (14.0, 24.0)
    assert row.backlog_open == 1
    # Resolved with no reopen and no reassignment: INC001 only of INC001, INC002 -> 1/2.
    assert row.fcr_rate == 0.5 and row.fcr_is_proxy


@pytest.mark.parametrize("layout", ["raw", "display"])
def test_servicenow_audit_log_is_refused_with_the_export_to_use(
        tmp_path: Path, layout: str) -> None:
    head = ("sys_id,tablename,documentkey,fieldname,oldvalue,newvalue,user,sys_created_on"
            if layout == "raw" else
            "Table name,Document key,Field name,Old value,New value,User,Created")
    rows = ["a1,incident,9d385017c611228701d22104cc95c371,state,,1,admin,2024-03-01 09:00:00",
            "a2,incident,9d385017c611228701d22104cc95c371,state,1,6,admin,2024-03-01 13:00:00",
            "a3,incident,9d385017c611228701d22104cc95c371,assignment_group,,Desk,admin,"
            "2024-03-01 09:00:00"]
    if layout == "display":
        rows = [r.split(",", 1)[1] for r in rows]
    path = tmp_path / "sys_audit.csv"
    path.write_text(head + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    message = refuse(path)
    assert message.startswith("sys_audit.csv")
    assert "one row per field change" in message and "incident list" in message


EXCEL_TEXT = (
    "Ticket ID\tCreated\tResolved\tStatus\tCategory\r\n"
    "101\t3/4/2024 9:00\t3/4/2024 12:00\tSolved\tLogin\r\n"
    "102\t3/5/2024 10:00\t3/6/2024 10:00\tSolved\t\"Billing\tand\r\nrefunds\"\r\n"
    "103\t3/13/2024 8:00\t\tOpen\tLogin\r\n"
    "104\t3/14/2024 9:30\t3/14/2024 11:30\tClosed\tÉté café ✓\r\n"
)


@pytest.mark.parametrize("encoded", [
    codecs.BOM_UTF16_LE + EXCEL_TEXT.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + EXCEL_TEXT.encode("utf-16-be"),
    codecs.BOM_UTF8 + EXCEL_TEXT.encode("utf-8"),
], ids=["utf16-le-bom", "utf16-be-bom", "utf8-bom"])
def test_excel_unicode_text_and_bom_tab_exports(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(encoded)
    imported = engine.import_export(path)
    assert imported.tickets == 4 and imported.skipped_rows == 0
    assert any("tab" in note for note in imported.notes)
    rows = table(path, by="category")
    # Resolved 3 h, 24 h, 2 h -> median 3, p90 24; the quoted cell keeps its tab and newline.
    assert (rows["all"].ttr_median_hours, rows["all"].ttr_p90_hours) == (3.0, 24.0)
    assert set(rows) == {"Login", "Billing\tand\r\nrefunds", "Été café ✓", "all"}


def test_utf16_without_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(EXCEL_TEXT.encode("utf-16-le"))
    imported = engine.import_export(path)
    assert imported.tickets == 4 and any("UTF-16" in n for n in imported.notes)


def test_utf16_note_and_cut_last_line(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + EXCEL_TEXT.encode("utf-16-le"))
    assert any("UTF-16" in n for n in engine.import_export(path).notes)
    cut = EXCEL_TEXT.rstrip("\r\n").rsplit("\t", 2)[0]  # the last row loses two fields
    path.write_bytes(codecs.BOM_UTF16_LE + cut.encode("utf-16-le"))
    assert "cut off" in refuse(path)


# -- a path that is not a readable CSV: one sentence "FILE: problem" ----------------------

def test_missing_file(tmp_path: Path) -> None:
    message = refuse(tmp_path / "nope.csv")
    assert message == f"{tmp_path / 'nope.csv'}: there is no such file."


def test_directory_given_as_file(tmp_path: Path) -> None:
    message = refuse(tmp_path)
    assert message == f"{tmp_path}: this is a folder, not a file."


def test_unreadable_file(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "locked.csv"
    path.write_text("id,created_at\n1,2024-01-01\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert refuse(path) == f"{path}: cannot be read (permission denied)."
    finally:
        path.chmod(0o600)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert refuse(path) == "empty.csv: the file is empty."


@pytest.mark.parametrize(("name", "data", "said"), [
    ("tickets.xlsx", b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....xl/workbook.xml",
     "this looks like an Excel workbook; save it as CSV"),
    ("tickets.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500),
     "this looks like an Excel workbook; save it as CSV"),
    ("tickets.ods", b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
     "this looks like a spreadsheet; save it as CSV"),
    ("tickets.zip", b"PK\x03\x04\x14\x00export/tickets.csv",
     "this is a zip archive, not a CSV export; unzip it first"),
    ("tickets.csv", bytes(range(256)) * 8,
     "this is a binary file, not a CSV export"),
], ids=["xlsx", "xls", "ods", "zip", "binary"])
def test_files_that_are_not_csv(tmp_path: Path, name: str, data: bytes, said: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert refuse(path) == f"{name}: {said}."


def test_a_home_made_file_with_common_names_stays_generic(tmp_path: Path) -> None:
    path = tmp_path / "home.csv"
    path.write_text("ID,Summary,Status,Priority,Assignee,Reporter,Created,Updated,Resolved,"
                    "Origin,Opened Date,Closed Date\n"
                    "1,x,Open,High,a,b,03/04/2024,03/04/2024,,Web,03/04/2024,\n",
                    encoding="utf-8")
    imported = engine.import_export(path)
    assert imported.product == "generic"
    # generic, comma-delimited: an ambiguous 03/04 is month-first (4 March is not assumed)
    assert imported.cube.periods() == ["2024-03"]
