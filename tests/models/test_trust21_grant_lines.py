"""A change-log line counts as a grant only as journeymap writes one (session 17, trust21).

Why: a reopen (``access.seat_role``) and every command's role check read the seat's last
logged grant.  A line written by hand may name no role at all; it must give nothing,
and the reopen must not end in a traceback (it raised KeyError in the role ranking).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.live import presence

pytestmark = pytest.mark.both_engines


def test_a_grant_line_naming_no_role_gives_nothing_on_reopen(db_path: Path,
                                                             store: Store) -> None:
    wid = int(store.create_workshop(title="Billing").id or 0)
    row = presence.grant(store, wid, "olga", "observer")
    presence.open_seat(db_path, wid, "olga").close()  # binds the seat to this account
    store.update(Participant, row.id or 0, log=False, role="lead")
    with store.write() as s:
        s.add(ChangeLog(workshop_id=wid, who="tester", entity="participant",
                        entity_id=row.id, field="role", old="observer", new="owner"))
    seat = presence.open_seat(db_path, wid, "olga")
    seat.close()
    assert seat.role != "lead"
