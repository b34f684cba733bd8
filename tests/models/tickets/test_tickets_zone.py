"""Times written without a zone, read in the zone the export was written in (``zone``).

ServiceNow's list writes the exporting user's zone with no suffix, Zendesk's CSV the
account's; read as UTC under a Berlin week, QA measured a 1.75 h median for 1.0 h. The
hour a clock change makes odd follows one rule, ``fold=0``: a skipped spring time is read
with the offset before the change, a repeated autumn time is the first one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics
from models.tickets.errors import TicketImportError
from models.tickets.hours import Schedule

SERVICENOW_LOCAL = ("number,opened_at,state,resolved_at,sys_updated_on\n"
                    "INC0020001,2024-03-05 16:30:00,Resolved,2024-03-06 09:30:00,"
                    "2024-03-06 09:30:00\n"
                    "INC0020002,2024-03-06 08:00:00,Resolved,2024-03-06 10:00:00,"
                    "2024-03-06 10:00:00\n")
BERLIN = Schedule.parse("mon-fri", "09:00", "17:00", "Europe/Berlin", [])


def _servicenow(tmp_path: Path) -> Path:
    path = tmp_path / "incidents.csv"
    path.write_text(SERVICENOW_LOCAL, encoding="utf-8")
    return path


def test_the_berlin_servicenow_list_gives_one_hour_with_its_zone(tmp_path: Path) -> None:
    imported = engine.import_export(_servicenow(tmp_path), schedule=BERLIN,
                                    zone="Europe/Berlin")
    row = metrics.table(imported, by=None)[-1]
    assert (row.ttr_business_median_hours, row.ttr_business_p90_hours) == (1.0, 1.0)
    assert imported.zone == "Europe/Berlin"
    assert ("'opened_at', 'resolved_at', 'sys_updated_on' give no time zone: read in "
            "Europe/Berlin, the zone given for the import") in imported.notes


def test_without_a_zone_the_schedule_zone_is_taken_and_said(tmp_path: Path) -> None:
    imported = engine.import_export(_servicenow(tmp_path), schedule=BERLIN)
    row = metrics.table(imported, by=None)[-1]
    assert (row.ttr_business_median_hours, row.ttr_business_p90_hours) == (1.0, 1.0)
    assert imported.zone == "Europe/Berlin"
    said = [n for n in imported.notes if "give no time zone" in n]
    assert len(said) == 1 and "the business hours' zone" in said[0] and "--zone" in said[0]


def test_a_zone_of_utc_reads_the_times_as_written(tmp_path: Path) -> None:
    imported = engine.import_export(_servicenow(tmp_path), schedule=BERLIN, zone="UTC")
    row = metrics.table(imported, by=None)[-1]
    assert (row.ttr_business_median_hours, row.ttr_business_p90_hours) == (1.75, 2.0)


def test_without_schedule_or_zone_times_stay_utc(tmp_path: Path) -> None:
    imported = engine.import_export(_servicenow(tmp_path))
    assert imported.zone == "UTC"
    assert not [n for n in imported.notes if "time zone" in n]


def test_a_bad_zone_name_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"^time zone 'Europe/Berln' is not an IANA name"):
        engine.import_export(_servicenow(tmp_path), zone="Europe/Berln")


def _hours(tmp_path: Path, opened: str, resolved: str, zone: str | None) -> float | None:
    path = tmp_path / "one.csv"
    path.write_text(f"id,created,resolved,status\n1,{opened},{resolved},solved\n",
                    encoding="utf-8")
    row = metrics.table(engine.import_export(path, zone=zone), by=None)[-1]
    return row.ttr_median_hours


# (opened, resolved, hours in Berlin): ISO cells (polars' parser) and month-first ones with
# AM/PM (the Python parser) must follow the same rule.
CLOCK_CHANGES = [
    # a ticket spanning the last Sunday of March: 48 h on the wall clock, 47 h elapsed
    ("2024-03-30 12:00:00", "2024-04-01 12:00:00", 47.0),
    ("3/30/2024 12:00 PM", "4/1/2024 12:00 PM", 47.0),
    # and of October: 49 h elapsed
    ("2024-10-26 12:00:00", "2024-10-28 12:00:00", 49.0),
    ("10/26/2024 12:00 PM", "10/28/2024 12:00 PM", 49.0),
    # 02:30 on 31 March never happens in Berlin: read with the winter offset (01:30 UTC);
    # 04:30 summer time is 02:30 UTC
    ("2024-03-31 02:30:00", "2024-03-31 04:30:00", 1.0),
    ("3/31/2024 2:30 AM", "3/31/2024 4:30 AM", 1.0),
    # 02:30 on 27 October happens twice: the first, summer time (00:30 UTC); 04:30 winter
    # time is 03:30 UTC
    ("2024-10-27 02:30:00", "2024-10-27 04:30:00", 3.0),
    ("10/27/2024 2:30 AM", "10/27/2024 4:30 AM", 3.0),
    # a time with its own offset keeps it
    ("2024-10-27T02:30:00+01:00", "2024-10-27 04:30:00", 2.0),
    ("2024-03-30T11:00:00Z", "2024-04-01 12:00:00", 47.0),
]


@pytest.mark.parametrize(("opened", "resolved", "hours"), CLOCK_CHANGES)
def test_clock_changes_follow_one_rule(tmp_path: Path, opened: str, resolved: str,
                                       hours: float) -> None:
    assert _hours(tmp_path, opened, resolved, "Europe/Berlin") == hours


def test_the_same_file_without_a_zone_counts_the_wall_clock(tmp_path: Path) -> None:
    assert _hours(tmp_path, "2024-03-30 12:00:00", "2024-04-01 12:00:00", None) == 48.0


def test_epoch_times_are_utc_whatever_the_zone(tmp_path: Path) -> None:
    # 2024-03-04 09:00:00 UTC and 11:00:00 UTC
    assert _hours(tmp_path, "1709542800", "1709550000", "Europe/Berlin") == 2.0


def test_a_refused_file_is_still_refused_with_a_zone(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("id,created\n", encoding="utf-8")
    with pytest.raises(TicketImportError):
        engine.import_export(path, zone="Europe/Berlin")
