"""A seat or owner name is an identity, not terminal input (QA session 17, left item 1).

``journeymap role 1 $'\\x1b[31mkim' observer`` stored the escape sequence: the screens
show it as ``␛`` since qa21, but the name is matched, granted and printed in the change
log and exports.  Every way a name enters (grant, join, invite, the app's store name,
an imported map, a card or task owner) now refuses a control character (C0, DEL, C1)
in one sentence naming the key, and writes nothing; ordinary Unicode stays a name.
A file that already holds such a name still opens.
"""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from models.db.fields import FieldError, check_name, coerce
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PlanTask
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.export.serialize import dict_to_store, journey_to_dict
from models.live import presence

CONTROLS = st.characters(categories=["Cc"])
NAME_COLUMNS = [(Participant, "name"), (HypothesisCard, "owner"), (PlanTask, "owner")]


def test_the_name_rule_refuses_exactly_unicode_category_cc() -> None:
    """The rule spells Cc as code point ranges (no ``unicodedata`` on the export path):
    checked against every code point, every other one stays allowed in a name."""
    every = [chr(cp) for cp in range(sys.maxunicode + 1)]
    controls = [ch for ch in every if unicodedata.category(ch) == "Cc"]
    assert check_name("seat name", "".join(
        ch for ch in every if unicodedata.category(ch) != "Cc"))
    for ch in controls:
        with pytest.raises(FieldError, match=f"U\\+{ord(ch):04X}"):
            check_name("seat name", f"kim{ch}")


@settings(deadline=None)
@given(before=st.text(st.characters(categories=["L"]), max_size=5), control=CONTROLS,
       after=st.text(st.characters(categories=["L"]), max_size=5))
def test_every_control_character_is_refused_in_a_name_column(
        before: str, control: str, after: str) -> None:
    for model, field in NAME_COLUMNS:
        with pytest.raises(FieldError) as exc:
            coerce(model, field, before + control + after)
        assert f"control character (U+{ord(control):04X})" in str(exc.value)


@pytest.mark.parametrize("name", ["Zoë", "שרה", "Kim 👩‍👩‍👧", "Jose\u0301", "李雷", "O'Hara"])
def test_ordinary_unicode_stays_a_name(name: str) -> None:
    for model, field in NAME_COLUMNS:
        assert coerce(model, field, name) == name


def test_other_text_keeps_its_tabs_and_newlines() -> None:
    assert coerce(HypothesisCard, "experiment", "a\tb\nc") == "a\tb\nc"


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Login lockout").id or 0)


def _count(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return len(list(s.exec(select(Participant)))), len(list(s.exec(select(ChangeLog))))


@pytest.mark.parametrize("name", ["\x1b[31mkim", "kim\x9b31m", "kim\x7f", "kim\nx", "\x00kim"])
def test_a_grant_or_a_join_with_a_control_character_writes_nothing(
        store: Store, wid: int, name: str) -> None:
    before = _count(store)
    with pytest.raises(FieldError) as exc:
        presence.grant(store, wid, name, "observer")
    assert str(exc.value).startswith(f"the seat name {name!r} contains a control character")
    with pytest.raises(FieldError):
        presence.join(store, wid, name)
    assert _count(store) == before


def test_a_store_for_a_name_with_a_control_character_is_refused(db_path: Path) -> None:
    with pytest.raises(FieldError) as exc:
        Store(db_path, who="\x1b]52;c;aGk=\x07kim")
    assert "control character (U+001B)" in str(exc.value)


def test_an_imported_map_with_such_a_name_writes_nothing(store: Store, wid: int) -> None:
    data = journey_to_dict(store.load(wid))
    data["participants"] = [{"name": "\x1b[31mkim", "role": "participant"}]
    workshops = len(store.list_workshops())
    with pytest.raises(ValueError) as exc:  # the import's DataError, the path named
        dict_to_store(store, data, source="map.json")
    assert "participants[0].name: the seat name" in str(exc.value)
    assert len(store.list_workshops()) == workshops


def test_a_file_that_already_holds_such_a_name_still_opens(db_path: Path, store: Store,
                                                          wid: int) -> None:
    presence.grant(store, wid, "kim", "observer")
    store.close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE participant SET name = ?", ("\x1b[31mkim",))
    with Store(db_path, who="tester") as again:
        journey = again.load(wid)
        assert [p.name for p in journey.participants] == ["\x1b[31mkim"]
        assert journey_to_dict(journey)["participants"][0]["name"] == "\x1b[31mkim"
