"""Category links and pain volumes written while another seat works on the same map.

The links live on the latest ticket source: an import carries them to its new source,
and mapping a category rewrites them.  Both read the links before their write, so a
mapping made in between was lost (the import carried the old links; the mapping was
written to a source that was no longer the latest, or over another seat's mapping).
A pain point's volume follows its mapped categories: an import sets it from the data,
replacing a typed one, as it does without any race; the pain point's other fields and
its deletion are another seat's to make.  The other seat's write runs between the read
and the write (``two_writers.then_once``), on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.tickets import links, storage
from tests.models.two_writers import then_once

pytestmark = pytest.mark.both_engines

ZENDESK = Path(__file__).parent / "fixtures" / "zendesk_tickets.csv"


@pytest.fixture
def seats(db_path: Path) -> Iterator[tuple[int, int, Store, Store]]:
    """March imported, a pain point Lea typed a volume for; Ana's and Bo's stores."""
    with Store(db_path, who="Lea") as lea:
        wid = int(lea.create_workshop(title="Billing").id or 0)
        pain = lea.add(PainPoint(workshop_id=wid, description="Charged twice",
                                 ticket_volume=999))
        storage.import_file(lea, wid, ZENDESK, period="2024-03")
    ana, bo = Store(db_path, who="Ana"), Store(db_path, who="Bo")
    yield wid, int(pain.id or 0), ana, bo
    ana.close()
    bo.close()


def latest_links(store: Store, wid: int) -> dict[str, dict[str, int]]:
    return dict(json.loads(store.load(wid).ticket_sources[-1].links))


def test_an_import_carries_a_mapping_made_during_it(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, _, ana, bo = seats
    then_once(monkeypatch, storage, "build_readings",
              lambda: links.set_link(ana, wid, "Incident", stage="Follow-Up"))
    storage.import_file(bo, wid, ZENDESK, period="2024-04")
    assert "Incident" in latest_links(bo, wid)


def test_a_mapping_made_during_an_import_lands_on_the_new_source(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, _, ana, bo = seats
    then_once(monkeypatch, links, "stage_id",
              lambda: storage.import_file(bo, wid, ZENDESK, period="2024-04"))
    links.set_link(ana, wid, "Incident", stage="Follow-Up")
    assert "Incident" in latest_links(bo, wid)


def test_two_seats_mapping_two_categories_at_once_keep_both(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, _, ana, bo = seats
    then_once(monkeypatch, links, "stage_id",
              lambda: links.set_link(bo, wid, "Question", stage="Contact"))
    links.set_link(ana, wid, "Incident", stage="Follow-Up")
    assert {"Incident", "Question"} <= set(latest_links(bo, wid))


def map_pain(store: Store, wid: int, pain_id: int) -> None:
    links.set_link(store, wid, "Incident", pain_id=pain_id)
    store.update(PainPoint, pain_id, ticket_volume=999)


def test_volumes_follow_the_links_and_keep_another_field_edited_meanwhile(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, pain_id, ana, bo = seats
    map_pain(bo, wid, pain_id)

    def ana_edits() -> None:
        ana.update(PainPoint, pain_id, description="Charged twice at checkout", impact=3,
                   ticket_volume=500)

    then_once(monkeypatch, links, "pain_volumes", ana_edits)
    links.refresh_volumes(bo, wid)
    pain = bo.load(wid).pain_point(pain_id)
    assert pain is not None
    assert (pain.description, pain.impact) == ("Charged twice at checkout", 3)
    assert pain.ticket_volume == 2  # March's Incident tickets: the links decide it


def test_a_pain_point_deleted_during_an_import_does_not_fail_it(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, pain_id, ana, bo = seats
    map_pain(bo, wid, pain_id)
    then_once(monkeypatch, links, "pain_volumes", lambda: ana.delete(PainPoint, pain_id))
    result = storage.import_file(bo, wid, ZENDESK, period="2024-04")
    assert result.source_id is not None
    assert bo.load(wid).pain_point(pain_id) is None
