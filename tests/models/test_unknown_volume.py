"""A pain point's ticket volume may be unknown (None): never shown, ranked or summed as 0.

Schema 13 made the column nullable; the 0s of older files and older backups became "not
recorded", because before it 0 was what every pain point without a volume held.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from models.db.journey import Journey
from models.db.schema import SCHEMA_VERSION
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.export.json_backup import export_workshop, import_json
from models.rules.business_case import business_case, card_case
from models.rules.cards import draft_card
from models.rules.priority import rank_pain_points, volume_words
from models.rules.review import busiest_step
from tests.models.method_helpers import journey as method_journey
from tests.models.method_helpers import tp
from tests.models.old_files import make_journeymap_file, set_version


def pains_journey(*pains: PainPoint) -> Journey:
    return Journey(workshop=Workshop(id=1, title="t"), pain_points=list(pains))


def test_the_reason_tells_a_real_zero_from_not_recorded() -> None:
    j = pains_journey(PainPoint(id=1, workshop_id=1, ticket_volume=0),
                      PainPoint(id=2, workshop_id=1, ticket_volume=None))
    reasons = {r.pain.id: r.reason for r in rank_pain_points(j)}
    assert "0 tickets/month on this pain point" in reasons[1]
    assert "no ticket volume recorded" in reasons[2]
    assert [r.volume for r in rank_pain_points(j)] == [0, None]


def test_a_recorded_volume_ranks_before_an_unknown_one_in_its_quadrant() -> None:
    j = pains_journey(PainPoint(id=1, workshop_id=1, ticket_volume=None, votes=9),
                      PainPoint(id=2, workshop_id=1, ticket_volume=0),
                      PainPoint(id=3, workshop_id=1, ticket_volume=40))
    assert [r.pain.id for r in rank_pain_points(j)] == [3, 2, 1]


def test_volume_words() -> None:
    assert volume_words(None) == "not recorded"
    assert volume_words(0) == "0 tickets/month"
    assert volume_words(1200) == "1,200 tickets/month"


def test_a_draft_card_does_not_invent_a_volume() -> None:
    for volume in (None, 0):
        draft = draft_card(pains_journey(), PainPoint(id=1, workshop_id=1, description="x",
                                                      ticket_volume=volume))
        assert "fall from" not in draft["signal"]


def test_busiest_step_leaves_unknown_volumes_out_and_says_how_many() -> None:
    stage = Stage(id=1, workshop_id=1, name="Sign in", position=0)
    tps = {1: [Touchpoint(id=5, stage_id=1, name="Login", position=0)]}
    j = Journey(workshop=Workshop(id=1, title="t"), stages=[stage], touchpoints=tps,
                pain_points=[PainPoint(id=1, workshop_id=1, touchpoint_id=5, kind="loop",
                                       ticket_volume=30),
                             PainPoint(id=2, workshop_id=1, touchpoint_id=5, kind="loop",
                                       ticket_volume=None)])
    answer = busiest_step(j)
    assert "30 tickets/month" in answer
    assert "1 pain point has no ticket volume recorded and is not counted" in answer


def test_business_case_zero_is_zero_and_unknown_is_counted_as_unknown() -> None:
    pains = [PainPoint(id=7, workshop_id=1, touchpoint_id=3, ticket_volume=0),
             PainPoint(id=8, workshop_id=1, touchpoint_id=3, ticket_volume=None)]
    cards = [HypothesisCard(id=1, pain_point_id=7, effect_kind="deflection", effect_value=40),
             HypothesisCard(id=2, pain_point_id=8, effect_kind="deflection", effect_value=40)]
    j = method_journey([tp(3, "Call", channel="Phone")], pains=pains, cards=cards)
    assert card_case(j, cards[0]).contacts_before.value == 0
    unknown = card_case(j, cards[1]).contacts_before
    assert unknown.value is None and unknown.reason == "no ticket volume recorded"
    case = business_case(j)
    assert "1 card whose pain point has no ticket volume recorded" in \
        case.contacts_avoided.formula


def _volumes(path: Path) -> dict[str, int | None]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT description, ticket_volume FROM painpoint").fetchall())
    finally:
        conn.close()


def test_upgrading_to_13_turns_the_zeros_into_not_recorded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    wid = make_journeymap_file(path)
    conn = sqlite3.connect(path)
    with conn:
        for description in ("zero", "gone"):
            conn.execute(
                "INSERT INTO painpoint (workshop_id, description, kind, impact, effort, "
                "ticket_volume, votes, five_whys, root_cause, urgent, important, source, "
                "created_at) VALUES (?, ?, 'other', 2, 2, 0, 0, '', '', 0, 0, '', "
                "'2026-01-01 00:00:00')", (wid, description))
        gone = conn.execute("SELECT id FROM painpoint WHERE description = 'gone'").fetchone()[0]
        conn.execute("DELETE FROM painpoint WHERE id = ?", (gone,))
    conn.close()
    set_version(path, 11)
    with Store(path, who="upgrader") as store:
        assert {p.description: p.ticket_volume for p in store.load(wid).pain_points} == {
            "loop": 12, "zero": None}
        added = store.add(PainPoint(workshop_id=wid, description="new", ticket_volume=None))
        assert added.id is not None and added.id > gone  # no id handed out twice
        store.add(PainPoint(workshop_id=wid, description="real zero", ticket_volume=0))
    assert _volumes(path) == {"loop": 12, "zero": None, "new": None, "real zero": 0}
    conn = sqlite3.connect(path)
    version = conn.execute("SELECT value FROM journeymap_meta WHERE key = 'schema_version'")
    assert version.fetchone()[0] == str(SCHEMA_VERSION)
    conn.close()


def test_a_backup_keeps_none_and_zero_apart(store: Store) -> None:
    w = store.create_workshop(title="Backup")
    store.add(PainPoint(workshop_id=w.id, description="unknown", ticket_volume=None))
    store.add(PainPoint(workshop_id=w.id, description="none at all", ticket_volume=0))
    text = export_workshop(store, int(w.id or 0))
    copy = store.load(import_json(store, text, "b.json"))
    assert {p.description: p.ticket_volume for p in copy.pain_points} == {
        "unknown": None, "none at all": 0}


def test_an_older_backups_zero_imports_as_not_recorded(store: Store) -> None:
    w = store.create_workshop(title="Old")
    store.add(PainPoint(workshop_id=w.id, description="old zero", ticket_volume=0))
    store.add(PainPoint(workshop_id=w.id, description="old seven", ticket_volume=7))
    data = json.loads(export_workshop(store, int(w.id or 0)))
    data["version"] = 1
    copy = store.load(import_json(store, json.dumps(data), "old.json"))
    assert {p.description: p.ticket_volume for p in copy.pain_points} == {
        "old zero": None, "old seven": 7}


def test_a_server_database_before_13_gets_the_nullable_volume(pg_url: str) -> None:
    """PostgreSQL runs step 13 too (``SERVER_STEPS``): the NOT NULL goes, the 0s become
    not recorded, a real volume stays."""
    from sqlalchemy import text

    with Store(pg_url, who="lea") as store:
        wid = int(store.create_workshop(title="Server").id or 0)
        with store.engine.begin() as conn:  # as a schema 11 server had it
            conn.execute(text("UPDATE painpoint SET ticket_volume = 0 "
                              "WHERE ticket_volume IS NULL"))
            conn.execute(text("ALTER TABLE painpoint ALTER COLUMN ticket_volume SET NOT NULL"))
            for description, volume in (("zero", 0), ("twelve", 12)):
                conn.execute(text(
                    "INSERT INTO painpoint (workshop_id, description, kind, impact, effort, "
                    "ticket_volume, votes, five_whys, root_cause, urgent, important, source, "
                    "created_at) VALUES (:w, :d, 'other', 2, 2, :v, 0, '', '', false, false, "
                    "'', now())"), {"w": wid, "d": description, "v": volume})
            conn.execute(text("UPDATE journeymap_meta SET value = '11' "
                              "WHERE key = 'schema_version'"))
    with Store(pg_url, who="lea") as store:
        pains = {p.description: p.ticket_volume for p in store.load(wid).pain_points}
        assert pains == {"zero": None, "twelve": 12}
        store.add(PainPoint(workshop_id=wid, description="unknown", ticket_volume=None))
        with store.engine.connect() as conn:
            version = conn.execute(text("SELECT value FROM journeymap_meta "
                                        "WHERE key = 'schema_version'")).scalar()
        assert version == str(SCHEMA_VERSION)
