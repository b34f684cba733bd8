"""Ticket sources in a JSON backup (models/export/ticket_form.py, through the import): a wrong
value is refused before anything is stored, in one sentence naming the file and the key path,
like every other key of the form; never an error without a place, never a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest

from models.db.store import Store
from models.export.form import DataError
from models.export.json_backup import import_json

GOOD_SOURCE: dict[str, Any] = {
    "file_name": "march.csv", "product": "Zendesk", "rows": 120, "tickets": 118,
    "imported_at": "2026-03-02T14:00:00+00:00", "columns": {"created": "Created at"},
    "links": {"Login": {"stage": 0}},
    "readings": [{"period": "2026-03", "group_kind": "all", "tickets": 118, "fcr_rate": 0.5,
                  "unavailable": {"csat_mean": "no survey column"}}],
}


def _backup(source: dict[str, Any]) -> str:
    return json.dumps({"format": "journeymap", "version": 1, "stages": [{"name": "Notice"}],
                       "ticket_sources": [source]})


def test_a_good_source_is_restored_with_its_readings(store: Store) -> None:
    wid = import_json(store, _backup(GOOD_SOURCE), "b.json")
    journey = store.load(wid)
    (source,) = journey.ticket_sources
    assert (source.file_name, source.rows, source.tickets) == ("march.csv", 120, 118)
    assert json.loads(source.links) == {"Login": {"stage": journey.stages[0].id}}
    (reading,) = journey.readings
    assert (reading.period, reading.tickets, reading.fcr_rate) == ("2026-03", 118, 0.5)
    assert json.loads(reading.unavailable) == {"csat_mean": "no survey column"}


@pytest.mark.parametrize(("change", "where", "problem"), [
    ({"rows": "many"}, "ticket_sources[0].rows", "must be a whole number, not text"),
    ({"tickets": True}, "ticket_sources[0].tickets", "must be a whole number, not true/false"),
    ({"product": 5}, "ticket_sources[0].product", "must be text (in quotes), not a whole number"),
    ({"imported_at": "yesterday"}, "ticket_sources[0].imported_at",
     "must be a date and time like 2026-03-02T14:00"),
    ({"colour": "red"}, "ticket_sources[0].colour",
     "unknown key; the keys here are: file_name, product, rows, tickets, periods, notes, "
     "data_until, data_from, zone, imported_at, imported_by, columns, links, readings"),
    ({"columns": ["Created at"]}, "ticket_sources[0].columns", "must be a table"),
    ({"links": {"Login": 3}}, "ticket_sources[0].links.Login", "must be a table"),
    ({"links": {"Login": {"stage": "first"}}}, "ticket_sources[0].links.Login.stage",
     "must be a whole number"),
    ({"links": {"Login": {"pain": True}}}, "ticket_sources[0].links.Login.pain",
     "must be a whole number"),
    ({"readings": {"period": "2026-03"}}, "ticket_sources[0].readings",
     "must be a list of tables"),
    ({"readings": ["2026-03"]}, "ticket_sources[0].readings[0]", "must be a table of keys"),
    ({"readings": [{"period": 2026}]}, "ticket_sources[0].readings[0].period",
     "must be text (in quotes), not a whole number"),
    ({"readings": [{"fcr_rate": "half"}]}, "ticket_sources[0].readings[0].fcr_rate",
     "must be a number, not text"),
    ({"readings": [{"month": "2026-03"}]}, "ticket_sources[0].readings[0].month",
     "unknown key"),
    ({"readings": [{"counts": 3}]}, "ticket_sources[0].readings[0].counts", "must be a table"),
])
def test_a_wrong_value_of_a_source_is_refused_with_its_key_path(
        store: Store, change: dict[str, Any], where: str, problem: str) -> None:
    before = len(store.list_workshops())
    with pytest.raises(DataError) as caught:
        import_json(store, _backup({**GOOD_SOURCE, **change}), "b.json")
    assert caught.value.source == "b.json"
    assert caught.value.key_path == where
    assert caught.value.problem.startswith(problem)
    assert len(store.list_workshops()) == before


@pytest.mark.parametrize(("value", "problem"), [
    ({"x": 1}, "must be a list of tables"), ([3], "must be a table of keys")])
def test_a_sources_list_that_is_not_a_list_of_tables_is_refused(
        store: Store, value: Any, problem: str) -> None:
    text = json.dumps({"format": "journeymap", "version": 1, "ticket_sources": value})
    with pytest.raises(DataError) as caught:
        import_json(store, text, "b.json")
    assert caught.value.problem == problem


def test_a_source_with_an_unknown_last_date_is_restored(store: Store) -> None:
    wid = import_json(store, _backup({**GOOD_SOURCE, "data_until": None}), "b.json")
    assert store.load(wid).ticket_sources[0].data_until is None
