"""Business hours of an import: only the team's working time counts, in the team's zone.

A ticket opened late on Friday and solved on Monday morning took the hour left on Friday
and the hour on Monday; a ticket opened and solved at the weekend took none; an open
ticket has no business resolution time; a first response is counted up to the moment it
was given; a night the clocks go forward has one hour less of work in it, and one they go
back one hour more (as ``Schedule.hours`` counts it; the import counted the wall clock).
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.hours import Schedule

NINE_TO_FIVE = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")


def _rows(tmp_path: Path, text: str, schedule: Schedule) -> dict[str, metrics.GroupMetrics]:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    # the times written here are UTC, whatever the schedule's zone
    imported = engine.import_export(path, schedule=schedule, zone="UTC")
    return {row.group: row for row in metrics.table(imported, by="category")}


def test_resolution_counts_only_working_hours(tmp_path: Path) -> None:
    # 1 March 2024 is a Friday
    text = ("ticket_id,created_at,resolved_at,status,category\n"
            "1,2024-03-01 16:00,2024-03-04 10:00,Solved,over the weekend\n"
            "2,2024-03-02 10:00,2024-03-02 15:00,Solved,at the weekend\n"
            "3,2024-03-04 08:00,2024-03-04 18:00,Solved,longer than the day\n"
            "4,2024-03-04 10:00,2024-03-04 10:00,Solved,at once\n"
            "5,2024-03-04 10:00,,Open,open\n")
    rows = _rows(tmp_path, text, NINE_TO_FIVE)
    got = {g: (r.ttr_business_median_hours, r.n.get("ttr_business_median_hours", 0),
               r.ttr_median_hours) for g, r in rows.items()}
    assert got == {"over the weekend": (2.0, 1, 66.0), "at the weekend": (0.0, 1, 5.0),
                   "longer than the day": (8.0, 1, 10.0), "at once": (0.0, 1, 0.0),
                   "open": (None, 0, None), "all": (1.0, 4, 7.5)}
    assert rows["all"].ttr_business_p90_hours == 8.0


def test_first_response_counts_working_hours_up_to_the_reply(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,first_response_at,category\n"
            "1,2024-03-01 16:30,2024-03-04 09:30,weekend\n"
            "2,2024-03-04 09:00,2024-03-04 09:45,same morning\n"
            "3,2024-03-04 09:00,,no reply\n")
    rows = _rows(tmp_path, text, NINE_TO_FIVE)
    got = {g: (r.frt_business_median_hours, r.first_response_median_hours)
           for g, r in rows.items()}
    assert got == {"weekend": (1.0, 65.0), "same morning": (0.75, 0.75),
                   "no reply": (None, None), "all": (0.875, 32.875)}


def test_a_night_the_clocks_change_has_an_hour_less_or_more(tmp_path: Path) -> None:
    # Berlin, 31 March 2024: 02:00 CET becomes 03:00 CEST (01:00 UTC). The team works
    # every night 00:00-06:00 local: 00:30 CET to 04:30 CEST is three hours of work.
    nights = Schedule.parse("mon-sun", "00:00", "06:00", "Europe/Berlin")
    text = ("ticket_id,created_at,resolved_at,status,category\n"
            "1,2024-03-30 23:30,2024-03-31 02:30,Solved,through the change\n"
            "2,2024-03-29 23:30,2024-03-30 03:30,Solved,an ordinary night\n"
            "3,2024-10-26 22:30,2024-10-27 03:30,Solved,clocks go back\n")
    rows = _rows(tmp_path, text, nights)
    got = {g: (r.ttr_business_median_hours, r.ttr_median_hours) for g, r in rows.items()}
    assert got == {"through the change": (3.0, 3.0), "an ordinary night": (4.0, 4.0),
                   "clocks go back": (5.0, 5.0), "all": (4.0, 4.0)}
