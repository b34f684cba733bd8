"""The figures a support lead reads per group and period, worked out by hand.

Medians are the middle value or the mean of the two middle ones; p90 is nearest-rank (the
value at rank ceil(0.9 n)); a period range counts only the tickets created in its months;
one-touch is resolved tickets with exactly one agent reply over resolved tickets with a
reply count; the reopen/reassignment proxy is resolved tickets with neither over resolved
tickets with both counts; rates count only the tickets that have a value; the backlog is
the open tickets, aged to the export's latest timestamp.
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.metrics import GroupMetrics


def _imported(tmp_path: Path, text: str) -> engine.TicketImport:
    path = tmp_path / "tickets.csv"
    path.write_text(text, encoding="utf-8")
    return engine.import_export(path)


def _by(rows: list[GroupMetrics]) -> dict[str, GroupMetrics]:
    return {row.group: row for row in rows}


def _resolved(hours: dict[str, list[int]]) -> str:
    lines = ["ticket_id,created_at,resolved_at,status,category"]
    n = 0
    for category, spans in hours.items():
        for h in spans:
            n += 1
            lines.append(f"{n},2024-03-01 00:00,2024-03-{1 + h // 24:02d} {h % 24:02d}:00,"
                         f"Solved,{category}")
    return "\n".join(lines) + "\n"


def test_median_and_p90_of_resolution_times_per_group_and_in_all(tmp_path: Path) -> None:
    text = _resolved({"even": [4, 1, 3, 2], "odd": [9, 1, 5], "one": [7],
                      "eleven": [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]})
    rows = _by(metrics.table(_imported(tmp_path, text), by="category"))
    got = {g: (r.ttr_median_hours, r.ttr_p90_hours, r.n["ttr_median_hours"])
           for g, r in rows.items()}
    assert got == {"even": (2.5, 4.0, 4), "odd": (5.0, 9.0, 3), "one": (7.0, 7.0, 1),
                   "eleven": (6.0, 10.0, 11), "all": (5.0, 10.0, 19)}


def test_a_period_range_counts_only_the_tickets_created_in_its_months(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status,category\n"
            "1,2024-01-10 00:00,2024-01-10 01:00,Solved,a\n"
            "2,2024-02-10 00:00,2024-02-10 02:00,Solved,a\n"
            "3,2024-02-11 00:00,2024-02-11 04:00,Solved,b\n"
            "4,2024-03-10 00:00,2024-03-10 08:00,Solved,b\n"
            "5,2024-03-11 00:00,,Open,a\n")
    imported = _imported(tmp_path, text)

    def figures(period: str | None, by: str | None = "category") -> dict[str, tuple]:
        return {r.group: (r.period, r.tickets, r.ttr_median_hours, r.backlog_open)
                for r in metrics.table(imported, by=by, period=period)}

    assert figures("2024-02..2024-03") == {
        "b": ("2024-02..2024-03", 2, 6.0, 0), "a": ("2024-02..2024-03", 2, 2.0, 1),
        "all": ("2024-02..2024-03", 4, 4.0, 1)}
    assert figures("2024-01..2024-02") == {
        "a": ("2024-01..2024-02", 2, 1.5, 0), "b": ("2024-01..2024-02", 1, 4.0, 0),
        "all": ("2024-01..2024-02", 3, 2.0, 0)}
    assert figures("2024-02") == {"a": ("2024-02", 1, 2.0, 0), "b": ("2024-02", 1, 4.0, 0),
                                  "all": ("2024-02", 2, 3.0, 0)}
    assert figures("2023-12..2024-03", by=None) == {"all": ("2023-12..2024-03", 5, 3.0, 1)}
    assert figures(None, by="period") == {
        "2024-01": ("2024-01", 1, 1.0, 0), "2024-02": ("2024-02", 2, 3.0, 0),
        "2024-03": ("2024-03", 2, 8.0, 1), "all": ("2024-01..2024-03", 5, 3.0, 1)}


def test_one_touch_counts_resolved_tickets_with_exactly_one_reply(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status,replies\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,Solved,1\n"
            "2,2024-03-01 10:00,2024-03-01 11:00,Solved,2\n"
            "3,2024-03-01 10:00,2024-03-01 11:00,Solved,0\n"
            "4,2024-03-01 10:00,2024-03-01 11:00,Solved,\n"
            "5,2024-03-01 10:00,,Open,1\n"
            "6,2024-03-01 10:00,2024-03-01 11:00,Solved,1\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert (total.fcr_rate, total.n["fcr_rate"], total.fcr_is_proxy) == (2 / 4, 4, True)


def test_the_proxy_counts_resolved_tickets_neither_reopened_nor_reassigned(
        tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status,reopens,reassignments\n"
            "1,2024-03-01 10:00,2024-03-01 11:00,Solved,0,0\n"
            "2,2024-03-01 10:00,2024-03-01 11:00,Solved,1,0\n"
            "3,2024-03-01 10:00,2024-03-01 11:00,Solved,0,2\n"
            "4,2024-03-01 10:00,2024-03-01 11:00,Solved,,0\n"
            "5,2024-03-01 10:00,2024-03-01 11:00,Solved,0,\n"
            "6,2024-03-01 10:00,,Open,0,0\n"
            "7,2024-03-01 10:00,2024-03-01 11:00,Solved,0,0\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert (total.fcr_rate, total.n["fcr_rate"]) == (2 / 4, 4)
    assert (total.reopen_rate, total.n["reopen_rate"]) == (1 / 6, 6)
    assert (total.reassigned_rate, total.n["reassigned_rate"]) == (1 / 6, 6)


def test_rates_and_surveys_count_only_the_tickets_with_a_value(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,status,fcr,sla_met,csat,reopens\n"
            "1,2024-03-01 10:00,Open,yes,yes,5,0\n"
            "2,2024-03-01 10:00,Open,no,no,4,3\n"
            "3,2024-03-01 10:00,Open,yes,yes,2,1\n"
            "4,2024-03-01 10:00,Open,,,Offered,\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert (total.fcr_rate, total.n["fcr_rate"]) == (2 / 3, 3)
    assert (total.sla_met_rate, total.n["sla_met_rate"]) == (2 / 3, 3)
    assert (total.reopen_rate, total.n["reopen_rate"]) == (2 / 3, 3)
    assert (total.csat_mean, total.csat_responses, total.csat_satisfied_share) == (
        11 / 3, 3, 2 / 3)
    assert total.n["csat_mean"] == 3


def test_the_backlog_is_the_open_tickets_aged_to_the_latest_timestamp(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status\n"
            "1,2024-03-01 00:00,,Open\n"
            "2,2024-03-02 00:00,,Pending\n"
            "3,2024-03-03 00:00,,New\n"
            "4,2024-03-01 00:00,2024-03-05 00:00,Solved\n"
            "5,2024-03-01 00:00,,Cancelled\n")
    [total] = metrics.table(_imported(tmp_path, text), by=None)
    assert (total.backlog_open, total.backlog_median_age_hours) == (3, 72.0)
    assert total.n["backlog_median_age_hours"] == 3
