"""Undo of a delete, an add and a move: the seat's own last change of any kind comes back
whole (what a delete took with it included), in one transaction, or not at all when
someone else changed things since."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from models.db.store import ReadOnlyError, Store
from models.db.tables.cards import HypothesisCard, PainPoint, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Handoff, Stage, Touchpoint
from models.db.undo import NothingToUndo, UndoRefused
from models.export.json_backup import export_workshop, import_json
from models.live.activity import subject_names, undone_words
from models.live.facilitation import cast_vote
from tests.helpers import build_workshop, storable

pytestmark = pytest.mark.both_engines  # the restore's inserts and checks, on a server too


def _map(db: Path) -> int:
    """The lockout map, built by Lea: Ana's undo never reaches Lea's adds."""
    with Store(db, who="Lea") as store:
        return build_workshop(store)


def _state(db: Path, wid: int) -> dict[str, list[str]]:
    """Every row of the map, ids, places and links included, as comparable text."""
    with Store(db) as store:
        journey = store.load(wid)
    lists = {"stage": journey.stages, "touchpoint": journey.ordered_touchpoints(),
             "handoff": journey.handoffs, "painpoint": journey.pain_points,
             "card": journey.cards, "vote": journey.dots, "task": journey.plan_tasks}
    return {name: sorted(row.model_dump_json() for row in rows)
            for name, rows in lists.items()}


def _painful_touchpoint(store: Store, wid: int) -> Touchpoint:
    """The touchpoint with a pain point on it, given a card, a vote and a handoff."""
    journey = store.load(wid)
    pain = journey.pain_points[0]
    tp = next(t for t in journey.ordered_touchpoints() if t.id == pain.touchpoint_id)
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="Self-serve unlock"))
    store.add(Handoff(workshop_id=wid, from_touchpoint_id=tp.id,
                      to_touchpoint_id=journey.ordered_touchpoints()[-1].id,
                      from_team="Support", to_team="IT"))
    return tp


def test_undo_of_a_pain_point_delete_brings_back_its_card_and_votes(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        pain = ana.load(wid).pain_points[0]
        ana.add(HypothesisCard(pain_point_id=pain.id, experiment="Unlock link", owner="Kim"))
        cast_vote(ana, int(pain.id or 0), "Ana")
        before = _state(db, wid)
        ana.delete(PainPoint, int(pain.id or 0))
        assert _state(db, wid) != before
        entry = ana.undo_last(wid, seat="Ana")
        assert entry.action == "delete"
    assert _state(db, wid) == before  # same ids, same card, same dot, same place


def test_undo_of_a_touchpoint_delete_brings_back_handoffs_and_pain_links(
        db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        tp = _painful_touchpoint(ana, wid)
        before = _state(db, wid)
        ana.delete(Touchpoint, int(tp.id or 0))
        after = _state(db, wid)
        assert after["handoff"] != before["handoff"]
        assert after["painpoint"] != before["painpoint"]  # its pain point lost the link
        ana.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before


def test_undo_of_a_stage_delete_brings_back_every_touchpoint(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        stage = ana.load(wid).stages[1]
        before = _state(db, wid)
        ana.delete(Stage, int(stage.id or 0))
        ana.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before


def test_the_restored_row_goes_back_to_its_place_among_rows_added_since(
        db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        stages = ana.load(wid).stages
        ana.delete(Stage, int(stages[0].id or 0))
        bo.move(Stage, int(stages[2].id or 0), -1)  # now first; its place was the gap
        ana.undo_last(wid, seat="Ana")
        names = [s.name for s in ana.load(wid).stages]
    assert names[0] == stages[0].name
    assert len(set(names)) == len(stages)


def test_a_delete_undo_refuses_when_the_stage_it_was_on_is_gone(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        stage = ana.load(wid).stages[0]
        tp = next(t for t in ana.load(wid).ordered_touchpoints() if t.stage_id == stage.id)
        ana.delete(Touchpoint, int(tp.id or 0))
        bo.delete(Stage, int(stage.id or 0))
        before = _state(db, wid)
        with pytest.raises(UndoRefused, match="nothing was undone"):
            ana.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before


def test_a_delete_undo_refuses_when_a_link_was_made_elsewhere_since(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        tp = _painful_touchpoint(ana, wid)
        pain = next(p for p in ana.load(wid).pain_points if p.touchpoint_id == tp.id)
        ana.delete(Touchpoint, int(tp.id or 0))
        other = ana.load(wid).ordered_touchpoints()[0]
        bo.update(PainPoint, int(pain.id or 0), touchpoint_id=other.id)
        before = _state(db, wid)
        with pytest.raises(UndoRefused, match="nothing was undone"):
            ana.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before  # not half: the touchpoint did not come back alone


def test_a_card_delete_undo_refuses_when_a_new_card_took_its_place(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        pain = ana.load(wid).pain_points[0]
        card = ana.add(HypothesisCard(pain_point_id=pain.id, experiment="Mine"))
        ana.delete(HypothesisCard, int(card.id or 0))
        bo.add(HypothesisCard(pain_point_id=pain.id, experiment="Bo's"))
        with pytest.raises(UndoRefused, match="nothing was undone"):
            ana.undo_last(wid, seat="Ana")
        assert [c.experiment for c in ana.load(wid).cards] == ["Bo's"]


def test_undo_of_an_add_removes_it(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    before = _state(db, wid)
    with Store(db, who="Ana") as ana:
        ana.add(PainPoint(workshop_id=wid, description="Typed into the wrong map"))
        entry = ana.undo_last(wid, seat="Ana")
        assert entry.action == "create"
    assert _state(db, wid) == before


def test_undo_of_an_add_refuses_once_someone_else_edited_or_built_on_it(
        db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        pain = ana.add(PainPoint(workshop_id=wid, description="Ana's"))
        bo.update(PainPoint, int(pain.id or 0), impact=3)
        with pytest.raises(UndoRefused, match="Bo changed"):
            ana.undo_last(wid, seat="Ana")
        stage = ana.add(Stage(workshop_id=wid, name="Ana's stage"))
        bo.add(Touchpoint(stage_id=stage.id, name="Bo's touchpoint"))
        with pytest.raises(UndoRefused, match="nothing was undone"):
            ana.undo_last(wid, seat="Ana")
        names = [s.name for s in ana.load(wid).stages]
    assert "Ana's stage" in names


def test_undo_of_a_move_puts_it_back(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        stages = ana.load(wid).stages
        before = [s.id for s in stages]
        ana.move(Stage, int(stages[0].id or 0), 2)
        entry = ana.undo_last(wid, seat="Ana")
        assert entry.field == "position"
        assert [s.id for s in ana.load(wid).stages] == before


def test_undo_of_a_move_refuses_when_the_order_changed_since(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana, Store(db, who="Bo") as bo:
        stages = ana.load(wid).stages
        ana.move(Stage, int(stages[0].id or 0), 2)
        bo.move(Stage, int(stages[1].id or 0), 2)
        order = [s.id for s in ana.load(wid).stages]
        with pytest.raises(UndoRefused, match="nothing was undone"):
            ana.undo_last(wid, seat="Ana")
        assert [s.id for s in ana.load(wid).stages] == order


def _moved_from_the_top(ana: Store, wid: int) -> tuple[list[int], int]:
    """Ana moves the first touchpoint of the map's second stage (of two) to the third
    stage: the second stage's touchpoint ids before the move, and the moved one's."""
    journey = ana.load(wid)
    stage, other = journey.stages[1], journey.stages[2]
    tps = [t.id or 0 for t in journey.ordered_touchpoints() if t.stage_id == stage.id]
    assert len(tps) >= 2
    ana.move_touchpoint(tps[0], int(other.id or 0))
    return tps, tps[0]


def _in_second_stage(ana: Store, wid: int) -> list[int]:
    journey = ana.load(wid)
    return [t.id or 0 for t in journey.ordered_touchpoints()
            if t.stage_id == journey.stages[1].id]


def test_undo_of_a_stage_move_puts_the_touchpoint_back_in_its_place(db_path: Path) -> None:
    """Back in the stage it came from and at the place it had there, not at the end."""
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        before, _moved = _moved_from_the_top(ana, wid)
        ana.undo_last(wid, seat="Ana")
        assert _in_second_stage(ana, wid) == before


def test_undo_of_a_stage_move_logged_before_places_were_kept_goes_to_the_end(
        db_path: Path) -> None:
    """A stage move logged by an older version holds the stage's name only: the touchpoint
    goes back to that stage, at its end, as it did then."""
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        before, moved = _moved_from_the_top(ana, wid)
        with ana.write() as s:
            line = s.exec(select(ChangeLog).where(ChangeLog.field == "stage")).one()
            line.summary = ""
            s.add(line)
        ana.undo_last(wid, seat="Ana")
        assert _in_second_stage(ana, wid) == [t for t in before if t != moved] + [moved]


def test_the_undo_notice_of_a_stage_move_names_the_place(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        _moved_from_the_top(ana, wid)
        entry = ana.undo_last(wid, seat="Ana")
        journey = ana.load(wid)
    words = undone_words(entry, subject_names(journey))
    assert words.endswith(f"is back at place 1 in stage “{journey.stages[1].name}”."), words


def test_pressing_again_walks_back_through_add_edit_and_delete(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    before = _state(db, wid)
    with Store(db, who="Ana") as ana:
        pain = ana.add(PainPoint(workshop_id=wid, description="new"))
        ana.update(PainPoint, int(pain.id or 0), description="newer")
        ana.delete(PainPoint, int(pain.id or 0))
        for _ in range(3):
            ana.undo_last(wid, seat="Ana")
        with pytest.raises(NothingToUndo):
            ana.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before


def test_an_observer_cannot_undo_a_delete(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        ana.delete(PainPoint, int(ana.load(wid).pain_points[0].id or 0))
    before = _state(db, wid)
    with Store(db, who="Ana", read_only=True) as watcher, pytest.raises(ReadOnlyError):
        watcher.undo_last(wid, seat="Ana")
    assert _state(db, wid) == before


def test_the_json_backup_leaves_the_delete_snapshot_out(db_path: Path) -> None:
    """The snapshot names this file's ids: a backup carries the log line without it, and
    imports it (an imported log line is never undone)."""
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        ana.delete(Stage, int(ana.load(wid).stages[0].id or 0))
        assert ana.changes(wid)[-1].old  # the snapshot is in this file's log
        text = export_workshop(ana, wid)
        deleted = [e for e in json.loads(text)["changelog"] if e["action"] == "delete"]
        assert deleted and all(e["old"] == "" for e in deleted)
        copy = import_json(ana, text, "backup.json")
        with pytest.raises(NothingToUndo):
            ana.undo_last(copy, seat="Ana")


def test_votes_are_restored_as_they_were(db_path: Path) -> None:
    db = db_path
    wid = _map(db)
    with Store(db, who="Ana") as ana:
        pain = ana.load(wid).pain_points[0]
        cast_vote(ana, int(pain.id or 0), "Ana")
        cast_vote(ana, int(pain.id or 0), "Bo")
        ana.delete(PainPoint, int(pain.id or 0))
        ana.undo_last(wid, seat="Ana")
        dots = sorted(d.participant for d in ana.load(wid).dots if d.pain_point_id == pain.id)
    assert dots == ["Ana", "Bo"]
    assert Vote.__tablename__ == "vote"


@settings(deadline=None, max_examples=30,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1), whys=st.text())
def test_deleted_text_comes_back_byte_exact(db_path: Path, text: str, whys: str) -> None:
    """Whatever was typed survives the trip through the JSON snapshot exactly."""
    assume(storable(text) and storable(whys))
    with Store(db_path, who="Ana") as ana:
        wid = int(ana.create_workshop(title="t", scenario="s").id or 0)
        pain = ana.add(PainPoint(workshop_id=wid, description=text, root_cause=whys))
        ana.add(HypothesisCard(pain_point_id=pain.id, experiment=whys, outcome=text))
        ana.delete(PainPoint, int(pain.id or 0))
        ana.undo_last(wid, seat="Ana")
        journey = ana.load(wid)
    back, card = journey.pain_points[0], journey.cards[0]
    assert (back.description.encode(), back.root_cause.encode()) == (
        text.encode(), whys.encode())
    assert (card.experiment.encode(), card.outcome.encode()) == (whys.encode(), text.encode())
