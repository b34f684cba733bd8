"""Numbers as spreadsheets write them (QA session 12, real exports): a Google-Sheets CSV
writes a duration of 1,440 minutes with a thousands comma, a German Excel's ';' CSV writes
1.250,5 hours. Before, the comma was always read as a decimal mark (1,440 min = 1.44 min,
an invented first-response median with no note) and the German number was unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.tickets import engine, metrics, values
from models.tickets.hours import Schedule

FIXTURES = Path(__file__).parent / "fixtures"


def _total(name: str) -> metrics.GroupMetrics:
    imported = engine.import_export(FIXTURES / name)
    return metrics.table(imported, by=None)[-1]


def test_a_google_sheets_export_keeps_its_thousands() -> None:
    # First response minutes 30, 1,440, 2,880 and 90: sorted 30, 90, 1440, 2880, median
    # (90 + 1440) / 2 = 765 min = 12.75 h (read as decimals it was 0.274 h).
    row = _total("google_sheets_thousands.csv")
    assert row.first_response_median_hours == pytest.approx(12.75)


def test_a_german_excel_export_reads_its_grouped_decimal_numbers() -> None:
    row = _total("excel_de_thousands.csv")
    # 0,5, 1.250,5, 1,25 and 2 hours: sorted 0.5, 1.25, 2, 1250.5, median 1.625 (the
    # "Summe" row is not a ticket).
    assert row.tickets == 4
    assert row.first_response_median_hours == pytest.approx(1.625)


@pytest.mark.parametrize(("text", "decimal_comma", "number"), [
    ("1,440", False, 1440.0), ("1,234.5", False, 1234.5), ("12,345,678", False, 12345678.0),
    ("1,5", False, 1.5), ("0,500", False, 0.5), ("1.5", False, 1.5),
    ("1.250,5", True, 1250.5), ("1.250", True, 1250.0), ("1,5", True, 1.5),
    ("1.5", True, 1.5), ("0.500", True, 0.5), ("12,5", True, 12.5),
])
def test_a_number_is_read_in_its_file_s_convention(text: str, decimal_comma: bool,
                                                    number: float) -> None:
    assert values.parse_number(text, decimal_comma) == number


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_any_grouped_number_reads_back(whole: int, cents: int) -> None:
    us = f"{whole:,}.{cents:02d}"
    german = us.replace(",", " ").replace(".", ",").replace(" ", ".")
    assert values.parse_number(us) == pytest.approx(whole + cents / 100)
    assert values.parse_number(german, decimal_comma=True) == pytest.approx(whole + cents / 100)


def test_a_grouped_salesforce_report_resaved_as_csv_imports_its_cases() -> None:
    """A Salesforce summary report exported as a Formatted Report (.xlsx) and saved as CSV
    in Excel: a group heading row per owner, a Subtotal row per group and "Grand Totals".
    Before, those 7 rows counted as unreadable tickets and the import was refused ("7 of
    12 rows have no readable id or creation date")."""
    imported = engine.import_export(FIXTURES / "salesforce_summary_resaved.csv")
    assert imported.product == "salesforce"
    assert (imported.rows, imported.tickets, imported.skipped_rows) == (5, 5, 0)
    assert imported.bad_cells == {}
    assert any(note.startswith("7 rows with neither 'Case Number' nor 'Date/Time Opened'") and
               "first on line 4" in note for note in imported.notes), imported.notes
    row = metrics.table(imported, by=None)[-1]
    # Closed 1001 (2.5 h), 1002 (48 h), 1005 (4 h); Working 1003 and Escalated 1004 open.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (4.0, 48.0)
    assert row.backlog_open == 2


def test_a_zoho_desk_export_in_german_reads_its_status_words() -> None:
    """Zoho Desk (like Zendesk and Freshdesk) exports the status in the agent's language.
    Before, "Offen" and "In Bearbeitung" were unknown words and the open backlog was 0."""
    imported = engine.import_export(FIXTURES / "zoho_desk_de.csv")
    assert imported.product == "zoho" and imported.bad_cells == {}
    row = metrics.table(imported, by=None)[-1]
    # Geschlossen 101 (2 h), 102 (48 h), Gelöst 105 (4 h); Offen 103 and In Bearbeitung
    # 104 open; Storniert 106 cancelled: a ticket, neither open nor resolved.
    assert row.tickets == 6
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (4.0, 48.0)
    assert row.backlog_open == 2
    # Open since 06.03 08:00 and 13.03 12:00 (median 09.03 22:00), aged to the latest
    # timestamp, 106's Modified Time 15.03 08:30: 5 days 10.5 hours.
    assert row.backlog_median_age_hours == pytest.approx(130.5)


@pytest.mark.parametrize(("word", "state"), [
    ("Offen", "open"), ("Neu", "open"), ("Wartend", "open"), ("Angehalten", "open"),
    ("In Bearbeitung", "open"), ("Gelöst", "resolved"), ("Geschlossen", "resolved"),
    ("Ouvert", "open"), ("En attente", "open"), ("Résolu", "resolved"), ("Clos", "resolved"),
    ("Abierto", "open"), ("Pendiente", "open"), ("Resuelto", "resolved"),
    ("Cerrado", "resolved"), ("Opgelost", "resolved"), ("Gesloten", "resolved"),
    ("Aberto", "open"), ("Resolvido", "resolved"), ("Fechado", "resolved"),
    ("Aperto", "open"), ("Risolto", "resolved"), ("Chiuso", "resolved"),
    ("Storniert", "cancelled"), ("Annulé", "cancelled"), ("Cancelado", "cancelled"),
])
def test_status_words_of_localised_exports(word: str, state: str) -> None:
    assert values.status_state(word) == state


def test_no_open_backlog_is_claimed_when_no_status_word_was_understood(
        tmp_path: Path) -> None:
    """A language it has no words for: the statuses are unknown, so a backlog of 0 would
    be invented; it is not available, with the reason."""
    path = tmp_path / "pl.csv"
    path.write_text("id,created_at,resolved_at,status\n"
                    "1,2024-03-01 10:00,2024-03-01 12:00,Zamknięte\n"
                    "2,2024-03-02 10:00,,Otwarte\n", encoding="utf-8")
    row = metrics.table(engine.import_export(path), by=None)[-1]
    assert row.backlog_open is None
    assert "status word it does not know" in row.unavailable["backlog_open"]
    assert row.ttr_median_hours == 2.0


SERVICENOW_LOCAL = ("number,opened_at,state,resolved_at,sys_updated_on\n"
                    "INC0020001,2024-03-05 16:30:00,Resolved,2024-03-06 09:30:00,"
                    "2024-03-06 09:30:00\n"
                    "INC0020002,2024-03-06 08:00:00,Resolved,2024-03-06 10:00:00,"
                    "2024-03-06 10:00:00\n")


def test_business_hours_from_times_without_a_zone_are_read_in_the_schedule_zone(
        tmp_path: Path) -> None:
    """ServiceNow writes its list in the exporting user's zone, with no suffix. Read as
    UTC under a Berlin 9-17 week, 16:30-09:30 local (1 business hour) counted 1.5, and
    08:00-10:00 local (1) counted 2 (session 12). Since session 12's tickets13 they are read
    in the schedule's zone, and the note says so and how to give another."""
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    week = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin", [])
    imported = engine.import_export(path, schedule=week)
    said = [n for n in imported.notes if "give no time zone" in n]
    assert len(said) == 1
    assert said[0].startswith("'opened_at', 'resolved_at', 'sys_updated_on' give no time "
                              "zone: read in Europe/Berlin, the business hours' zone")
    row = metrics.table(imported, by=None)[-1]
    assert (row.ttr_business_median_hours, row.ttr_business_p90_hours) == (1.0, 1.0)


def test_times_with_a_zone_need_no_such_note(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL.replace(":00,", ":00Z,").replace(":00\n", ":00Z\n"),
                    encoding="utf-8")
    week = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin", [])
    imported = engine.import_export(path, schedule=week)
    assert not [n for n in imported.notes if "give no time zone" in n]


def test_help_scout_ratings_are_answers() -> None:
    """Help Scout rates a reply Great, Okay or Not Good. Before, "Great" was unreadable:
    the one Not Good left made the satisfied share 0% of 1 instead of 1 of 2."""
    imported = engine.import_export(FIXTURES / "helpscout_conversations.csv")
    assert "Rating" not in imported.bad_cells
    row = metrics.table(imported, by=None)[-1]
    assert (row.csat_responses, row.csat_satisfied_share) == (2, 0.5)
    assert values.parse_csat("Okay") == (None, False)
