"""Fresh-eyes QA (session 12): the change log named rows by their table, not their kind.

Found in the activity panel (L) of the demo at 80x24 and in ``journeymap log 1``:
"added plantask Card 5: automating account unlocks…", "added hypothesiscard …",
"deleted painpoint …".  The stored summary keeps the table name (files written by every
earlier version have it, and the undo reads it back); what a lead reads says "plan task",
"hypothesis card", "pain point", as the rest of the log and the undo notice already do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.history import ChangeLog
from models.live.activity import describe, subject_names


def _said(store: Store, wid: int) -> list[str]:
    names = subject_names(store.load(wid))
    changes = store.changes(wid)
    return [describe(change, names, store.undone(changes)) for change in changes]


def test_adds_and_deletes_read_with_the_kind_of_row(tmp_path: Path) -> None:
    with Store(tmp_path / "w.db", who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", scenario="s").id or 0)
        pid = int(store.add(PainPoint(workshop_id=wid, description="Loops")).id or 0)
        store.add(HypothesisCard(pain_point_id=pid, experiment="Unlock link"))
        tid = int(store.add(PlanTask(workshop_id=wid, title="Fix the link")).id or 0)
        store.delete(PlanTask, tid)
        said = _said(store, wid)
    assert "added pain point Loops" in said
    assert "added hypothesis card Unlock link" in said
    assert "added plan task Fix the link" in said
    assert "deleted plan task Fix the link" in said
    assert not [line for line in said if any(
        table in line for table in ("painpoint", "hypothesiscard", "plantask"))]


@pytest.mark.parametrize(("entity", "summary", "words"), [
    ("channelcost", "added channelcost phone", "added channel cost phone"),
    ("escalationlevel", "deleted escalationlevel Sev-1", "deleted escalation level Sev-1"),
    ("stage", "added stage plantask review", "added stage plantask review"),
    ("painpoint", "painpoint typed by hand", "painpoint typed by hand"),
])
def test_only_the_table_name_after_the_verb_becomes_words(entity: str, summary: str,
                                                          words: str) -> None:
    line = ChangeLog(workshop_id=1, entity=entity, entity_id=2, action="create",
                     summary=summary)
    assert describe(line, {}, {}) == words


def test_a_name_cut_for_the_log_says_it_was_cut() -> None:
    """Seen in ``journeymap log 1``: "card pre-filling agent chat with user-provided form
    data to : owner", the card's name cut without a mark, a space before the colon."""
    names = {("hypothesiscard", 2): "card pre-filling agent chat with user-provided form "
                                     "data to avoid repeated questions"}
    line = ChangeLog(workshop_id=1, entity="hypothesiscard", entity_id=2, action="update",
                     field="owner")
    said = describe(line, names, {})
    assert said == "card pre-filling agent chat with user-provided form data to…: owner"
    assert len(said.split(": ")[0]) <= 60
