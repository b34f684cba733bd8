"""The JSON backup carries ticket sources, readings, links and card signals losslessly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from models.export.form import DataError
from models.export.json_backup import export_workshop, import_json
from models.tickets import links, storage

ZENDESK = Path(__file__).parent / "fixtures" / "zendesk_tickets.csv"


def measured_workshop(store: Store) -> int:
    wid = int(store.create_workshop(title="Measured").id or 0)
    stage = store.load(wid).stages[2]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Email"))
    loose = store.add(PainPoint(workshop_id=wid, description="loose"))
    placed = store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description="placed"))
    card = store.add(HypothesisCard(pain_point_id=loose.id, experiment="fix"))
    storage.import_file(store, wid, ZENDESK)
    links.set_link(store, wid, "Incident", stage="Contact", pain_id=loose.id)
    links.set_link(store, wid, "Question", pain_id=placed.id)
    links.link_card(store, wid, int(card.id or 0), metric="reopen_rate",
                      group="category=Incident", target="=0.1")
    return wid


def without_ids(text: str) -> dict:  # type: ignore[type-arg]
    data = json.loads(text)
    data.pop("changelog", None)
    return data


def test_sources_and_readings_round_trip(store: Store) -> None:
    wid = measured_workshop(store)
    first = export_workshop(store, wid)
    data = json.loads(first)
    [source] = data["ticket_sources"]
    # positions, not ids: Contact is the third stage; placed pain points are listed first
    assert source["links"] == {"Incident": {"stage": 2, "pain": 1}, "Question": {"pain": 0}}
    assert any(r.get("csat_mean") is None and "csat_mean" in r["unavailable"]
               for r in source["readings"])
    # where the export ends (partial months) and each metric's n travel too, n as a table
    assert source["data_until"].startswith("2024-04-10")
    total = next(r for r in source["readings"]
                 if r["group_kind"] == "all" and r["period"] == "2024-03..2024-04")
    assert total["counts"]["tickets"] == 12 and total["counts"]["ttr_median_hours"] == 8
    new_id = import_json(store, first, "backup.json")
    assert str(store.load(new_id).ticket_sources[0].data_until).startswith("2024-04-10")
    again = store.load(new_id)
    assert len(again.readings) == len(store.load(wid).readings)
    links = json.loads(again.ticket_sources[0].links)
    contact = next(s for s in again.stages if s.name == "Contact")
    assert links["Incident"]["stage"] == contact.id
    pains = {p.id: p.description for p in again.pain_points}
    assert pains[links["Incident"]["pain"]] == "loose"
    assert pains[links["Question"]["pain"]] == "placed"
    assert again.cards[0].signal_metric == "reopen_rate"
    assert without_ids(export_workshop(store, new_id)) == without_ids(first)


def test_a_bad_reading_is_refused_naming_the_key(store: Store) -> None:
    wid = measured_workshop(store)
    data = json.loads(export_workshop(store, wid))
    data["ticket_sources"][0]["readings"][0]["speed"] = 3
    with pytest.raises(DataError, match=r"ticket_sources\[0\].readings\[0\].speed"):
        import_json(store, json.dumps(data), "bad.json")
