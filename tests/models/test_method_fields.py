"""The method's new fields: validated on entry, linked safely, added to older files in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, Table, create_engine
from sqlmodel import SQLModel

from models.db.fields import FieldError, coerce
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from tests.models.schema_columns import columns

NEW_COLUMNS = {
    "workshop": {"as_is_workshop_id", "jtbd_when", "jtbd_want", "jtbd_so_that",
                 "last_reviewed_at"},
    "touchpoint": {"actor", "emotion", "bot_intent", "bot_escalation_rule",
                   "bot_context_passed", "bot_deflection_rate", "as_is_touchpoint_id"},
    "handoff": {"is_escalation", "checklist"},
    "painpoint": {"five_whys", "root_cause", "urgent", "important"},
    "hypothesiscard": {"effect_kind", "effect_value"},
}


@pytest.mark.parametrize(("model", "field", "value", "words"), [
    (ChannelCost, "cost_per_contact", -1, "cost per contact must be 0 or more"),
    (ChannelCost, "handle_minutes", "-3", "handle minutes must be 0 or more"),
    (Touchpoint, "bot_deflection_rate", "135 %", "bot deflection rate must be between 0 and 1"),
    (Touchpoint, "bot_deflection_rate", "35", "bot deflection rate must be between 0 and 1"),
    (Touchpoint, "actor", "robot", "actor must be one of: customer, bot, agent, system"),
    (Touchpoint, "emotion", "meh", "emotion must be one of: joy"),
    (EscalationLevel, "response_sla_minutes", 0, "response sla minutes must be between 1"),
    (EscalationLevel, "update_every_minutes", "-5", "update every minutes must be between 1"),
    (HypothesisCard, "effect_kind", "magic", "effect kind must be one of: deflection"),
    (HypothesisCard, "effect_value", "250", "effect value must be between -100 and 100"),
    (PainPoint, "five_whys", "1\n2\n3\n4\n5\n6", "five whys holds at most 5 answers"),
    (PainPoint, "five_whys", ["a", "b\nc"], "five whys answers must each be one line"),
])
def test_bad_values_are_refused_in_one_sentence_naming_the_field(
        model: type, field: str, value: object, words: str) -> None:
    with pytest.raises(FieldError) as info:
        coerce(model, field, value)
    message = str(info.value)
    assert message.startswith(words) and message.endswith(".") and "\n" not in message


def test_good_values_are_converted() -> None:
    assert coerce(Touchpoint, "bot_deflection_rate", "35 %") == pytest.approx(0.35)
    assert coerce(Touchpoint, "bot_deflection_rate", "0.35") == pytest.approx(0.35)
    assert coerce(Touchpoint, "actor", " Bot ") == "bot"
    assert coerce(Touchpoint, "actor", "") == ""  # not said is allowed
    assert coerce(HypothesisCard, "effect_kind", "") == ""
    assert coerce(ChannelCost, "cost_per_contact", "25") == 25.0
    assert coerce(PainPoint, "five_whys", ["a", "", "c"]) == "a\n\nc"
    assert coerce(PainPoint, "five_whys", "a\r\nb\n\n\n") == "a\nb"  # trailing blanks dropped


def test_a_deflection_above_100_percent_is_refused_and_nothing_is_lost(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="p"))
    card = store.add(HypothesisCard(pain_point_id=int(pain.id or 0), effect_kind="volume",
                                    effect_value=-60))
    with pytest.raises(FieldError, match="deflection must be between 0 and 100"):
        store.update(HypothesisCard, int(card.id or 0), effect_kind="deflection")
    assert store.load(wid).cards[0].effect_kind == "volume"
    with pytest.raises(FieldError, match="deflection"):
        store.add(HypothesisCard(pain_point_id=int(store.add(PainPoint(workshop_id=wid)).id or 0),
                                 effect_kind="deflection", effect_value=-5))


def test_deleting_the_as_is_keeps_the_future_state_unlinked(store: Store) -> None:
    as_is = int(store.create_workshop(title="as-is").id or 0)
    tp = store.add(Touchpoint(stage_id=int(store.load(as_is).stages[0].id or 0), name="Phone"))
    to_be = int(store.create_workshop(title="to-be", state="future",
                                      as_is_workshop_id=as_is).id or 0)
    copy = store.add(Touchpoint(stage_id=int(store.load(to_be).stages[0].id or 0), name="Phone",
                                as_is_touchpoint_id=tp.id))
    store.delete_workshop(as_is)
    journey = store.load(to_be)
    assert journey.workshop.state == "future" and journey.workshop.as_is_workshop_id is None
    assert journey.ordered_touchpoints()[0].id == copy.id
    assert journey.ordered_touchpoints()[0].as_is_touchpoint_id is None


def test_the_journey_carries_costs_and_the_escalation_ladder(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-1"))
    sev3 = store.add(EscalationLevel(workshop_id=wid, severity="Sev-3"))
    store.add(EscalationLevel(workshop_id=wid, severity="Sev-2"))
    store.move(EscalationLevel, int(sev3.id or 0), 1)  # ordered like every ladder
    store.add(ChannelCost(workshop_id=wid, channel="Phone", cost_per_contact=25))
    journey = store.load(wid)
    assert [lvl.severity for lvl in journey.escalation_levels] == ["Sev-1", "Sev-2", "Sev-3"]
    cost = journey.channel_cost(" phone ")
    assert cost is not None and cost.cost_per_contact == 25 and not cost.confirmed
    assert journey.channel_cost("chat") is None


def make_version_2(path: Path) -> int:
    """Schema 2 rebuilt from today's tables minus schema 3's columns and tables.

    SQLite cannot drop a column that a foreign key names, so the old file is made
    from a trimmed copy of the metadata rather than by dropping columns.
    """
    old = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        if table.name in ("channelcost", "escalationlevel"):
            continue
        drop = NEW_COLUMNS.get(table.name, set())
        Table(table.name, old, *[c._copy() for c in table.columns if c.name not in drop])
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        old.create_all(conn)
        conn.execute(old.tables["journeymap_meta"].insert(), [
            {"key": "app", "value": "journeymap"}, {"key": "schema_version", "value": "2"}])
        wid = conn.execute(old.tables["workshop"].insert().values(title="Lockout")).lastrowid
        conn.execute(old.tables["painpoint"].insert().values(workshop_id=wid, description="x"))
    engine.dispose()
    return int(wid)


def test_a_schema_2_file_gains_the_new_columns_with_working_links(db_path: Path) -> None:
    wid = make_version_2(db_path)
    assert "five_whys" not in columns(db_path, "painpoint")
    store = Store(db_path, who="upgrader")
    for table, names in NEW_COLUMNS.items():
        assert names <= columns(db_path, table), table
    old = store.load(wid)
    assert old.workshop.jtbd_want == "" and old.pain_points[0].five_whys == ""
    assert old.pain_points[0].urgent is False
    future = int(store.add(Workshop(title="to-be", state="future", as_is_workshop_id=wid)).id
                 or 0)
    store.add(ChannelCost(workshop_id=future, channel="chat", cost_per_contact=4))
    store.delete_workshop(wid)  # the upgraded column has its ON DELETE SET NULL
    assert store.get_workshop(future).as_is_workshop_id is None
    assert store.load(future).channel_costs[0].cost_per_contact == 4
    store.add(Stage(workshop_id=future, name="s"))


LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00\r\n"), max_size=30)


@settings(deadline=None, max_examples=60)
@given(answers=st.lists(LINE, max_size=5).filter(lambda a: not a or a[-1].strip()))
def test_any_chain_of_one_line_answers_is_stored_exactly(answers: list[str]) -> None:
    from models.db.fields import whys

    assert whys(coerce(PainPoint, "five_whys", answers)) == answers


def test_a_workshop_cannot_be_its_own_as_is(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    with pytest.raises(FieldError, match="as is workshop cannot be the workshop itself"):
        store.update(Workshop, wid, as_is_workshop_id=wid, state="future")
    assert store.get_workshop(wid).as_is_workshop_id is None
