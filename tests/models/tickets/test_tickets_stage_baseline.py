"""One stage's KPI baseline taken from its mapped categories (the Stages step's ``b`` and
``tickets apply --stage``): the same rule as ``apply_to_map``, one stage, with the reason
when the data cannot give it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage
from models.tickets import baselines, editing, links, storage

ZENDESK = Path(__file__).parent / "fixtures" / "zendesk_tickets.csv"


@pytest.fixture
def wid(store: Store) -> int:
    wid = int(store.create_workshop(title="Billing").id or 0)
    store.add(Stage(workshop_id=wid, name="Triage", kpi_name="Time to resolution",
                    kpi_baseline=26.0, kpi_unit="hours"))
    store.add(Stage(workshop_id=wid, name="Look", kpi_name="Search-to-ticket ratio"))
    storage.import_file(store, wid, ZENDESK)
    return wid


def named(store: Store, wid: int, name: str) -> Stage:
    return next(s for s in store.load(wid).stages if s.name == name)


def test_a_stage_baseline_replaces_the_typed_one_with_provenance(store: Store,
                                                                  wid: int) -> None:
    links.set_link(store, wid, "Question", stage="Triage")
    triage = named(store, wid, "Triage")
    assert triage.kpi_baseline == 26.0  # apply_to_map keeps what the room typed
    said = baselines.take_baseline(store, wid, int(triage.id or 0))
    triage = named(store, wid, "Triage")
    # Question tickets of 2024-03: #1 solved in 2 h, #3 in 4 h, #6 open -> median 3 h
    assert triage.kpi_baseline == pytest.approx(3.0)
    assert triage.kpi_unit == "hours"
    assert said.startswith("stage Triage: KPI baseline 3 hours (zendesk_tickets.csv, 2024-03")


def test_no_mapped_category_or_no_matching_metric_is_one_sentence(store: Store,
                                                                   wid: int) -> None:
    triage, look = named(store, wid, "Triage"), named(store, wid, "Look")
    with pytest.raises(ValueError, match="no ticket category is mapped to this stage"):
        baselines.take_baseline(store, wid, int(triage.id or 0))
    with pytest.raises(ValueError, match="no ticket metric measures 'Search-to-ticket ratio'"):
        baselines.take_baseline(store, wid, int(look.id or 0))
    assert named(store, wid, "Triage").kpi_baseline == 26.0


def test_an_observer_store_cannot_take_a_baseline(store: Store, wid: int,
                                                  db_path: Path) -> None:
    stage_id = int(named(store, wid, "Triage").id or 0)
    with Store(db_path, read_only=True) as ro, pytest.raises(editing.EditorOnly):
        baselines.take_baseline(ro, wid, stage_id)


def test_a_mapping_can_be_undone_stage_and_pain_separately(store: Store, wid: int) -> None:
    pain = store.add(PainPoint(workshop_id=wid, description="Charged twice"))
    links.set_link(store, wid, "Incident", stage="Triage", pain_id=pain.id)
    said = links.set_link(store, wid, "Incident", unmap_stage=True)
    assert said == f"'Incident' -> pain point {pain.id} (2 tickets/month)"
    assert links.set_link(store, wid, "Incident", unmap_pain=True) == \
        "'Incident' -> nothing (unmapped)"
    assert json.loads(store.load(wid).ticket_sources[-1].links) == {}


def test_the_lead_can_name_the_metric_when_the_kpi_name_matches_none(store: Store,
                                                                     wid: int) -> None:
    links.set_link(store, wid, "Question", stage="Look")
    look = named(store, wid, "Look")
    said = baselines.take_baseline(store, wid, int(look.id or 0), metric="tickets")
    look = named(store, wid, "Look")
    assert (look.kpi_baseline, look.kpi_unit) == (3.0, "tickets")  # 3 Question in 2024-03
    assert said.startswith("stage Look: KPI baseline 3 tickets (zendesk_tickets.csv, 2024-03")
    with pytest.raises(ValueError, match="'hours' is not a ticket metric"):
        baselines.take_baseline(store, wid, int(look.id or 0), metric="hours")
