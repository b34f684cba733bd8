"""An edit kept while the server was away is saved only over the value it was typed on.

Found in session 14's notes: a seat saves the fields typed while the team server was
away once it is back, and saved them over whatever another seat had written to the
same field meanwhile (last write wins, nobody asked).  ``Store.update(..., expect=...)``
is the check: inside the edit's own transaction (under the edit lock, so no third
seat slips in between) the field must still hold the value the typing began from;
if it does not, ``ChangedMeanwhile`` names the value there now and who wrote it, and
nothing is written.
"""

from __future__ import annotations

import pytest

from models.db.store import Store
from models.db.store_edits import ChangedMeanwhile
from models.db.tables.workshop import Touchpoint, Workshop
from tests.helpers import build_workshop

pytestmark = pytest.mark.both_engines


def test_a_field_changed_by_another_seat_is_not_overwritten(db_path: str) -> None:
    with Store(db_path, who="lea") as lea, Store(db_path, who="sam") as sam:
        wid = build_workshop(lea)
        before = lea.get_workshop(wid).persona
        sam.update(Workshop, wid, persona="Sam's persona")
        with pytest.raises(ChangedMeanwhile) as asked:
            lea.update(Workshop, wid, expect={"persona": before}, persona="Lea's persona")
        assert (asked.value.theirs, asked.value.who) == ("Sam's persona", "sam")
        assert "sam" in str(asked.value) and "persona" in str(asked.value)
        assert lea.get_workshop(wid).persona == "Sam's persona"


def test_the_value_typed_on_is_still_there_so_the_edit_is_saved(db_path: str) -> None:
    with Store(db_path, who="lea") as lea:
        wid = build_workshop(lea)
        tp = lea.load(wid).ordered_touchpoints()[0]
        lea.update(Touchpoint, int(tp.id or 0), expect={"name": tp.name}, name="Renamed")
        assert lea.load(wid).ordered_touchpoints()[0].name == "Renamed"


def test_both_seats_typed_the_same_so_nothing_is_asked(db_path: str) -> None:
    with Store(db_path, who="lea") as lea, Store(db_path, who="sam") as sam:
        wid = build_workshop(lea)
        before = lea.get_workshop(wid).scenario
        sam.update(Workshop, wid, scenario="Same words")
        row = lea.update(Workshop, wid, expect={"scenario": before}, scenario="Same words")
        assert row.scenario == "Same words"
