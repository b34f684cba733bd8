"""A file whose dates all fit both orders (every day 12 or less: the first days of a month,
a weekly export) is read in the order that keeps its dates together. Before session 11 it
took the product's default: a team's day-first export of 1-11 April, imported the month
after a March file that settled the order, was read month-first, spread over January to
November and replaced the March figures; a ServiceNow list re-saved by a US Excel
(``3/4/2024 9:00``) was read day-first (ServiceNow's default) into April to July."""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.tickets import dates, engine, metrics, storage

FIXTURES = Path(__file__).parent / "fixtures"


def test_next_months_first_days_line_up_with_the_month_before(store: Store) -> None:
    wid = int(store.create_workshop(title="Two months").id or 0)
    march = storage.import_file(store, wid, FIXTURES / "dayfirst_march.csv")
    assert march.periods == ("2024-03",)
    april = storage.import_file(store, wid, FIXTURES / "dayfirst_april_first_days.csv")
    assert april.periods == ("2024-04",)
    assert not any("replace" in note for note in april.imported.notes)
    row = {r.group: r for r in metrics.table(april.imported, by=None)}["all"]
    # 1 h, 48 h, 3 h → median 3 h; T404 open.
    assert (row.tickets, row.ttr_median_hours, row.backlog_open) == (4, 3.0, 1)


def test_a_us_excel_copy_of_a_servicenow_list_is_read_month_first() -> None:
    imported = engine.import_export(FIXTURES / "servicenow_labels_us_excel.csv")
    assert imported.product == "servicenow"
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    assert row.period == "2024-03"
    # INC0010001 2 h, INC0010002 48 h (5 to 7 March) → median 25, p90 48.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (25.0, 48.0)


def test_the_order_kept_together_is_said() -> None:
    kinds, notes = dates.decide_orders(
        {"Created": ["01/04/2024", "03/04/2024", "11/04/2024"]}, False, "generic default")
    assert kinds == {"Created": "day-first"}
    assert notes == ["'Created': every date fits both orders; read as day-first, which "
                     "keeps them within 10 days (month-first, the generic default, spreads "
                     "them over 305 days)"]


def test_dates_that_no_order_keeps_together_take_the_default() -> None:
    kinds, notes = dates.decide_orders({"Opened": ["01/02/2024", "03/04/2024"]}, True,
                                       "servicenow default")
    assert kinds == {"Opened": "day-first"} and "servicenow default" in notes[0]


def test_the_default_keeps_its_reason_when_it_keeps_the_dates_together() -> None:
    kinds, notes = dates.decide_orders({"Opened": ["01/04/2024", "11/04/2024"]}, True,
                                       "servicenow default")
    assert kinds == {"Opened": "day-first"}
    assert notes == ["'Opened': every date fits both orders; read as day-first "
                     "(servicenow default)"]
