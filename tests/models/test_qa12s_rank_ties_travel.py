"""Equal-looking pain points keep their rank order through an import or a copy.

Found from outside (session 11): on the 2,000-touchpoint map copied to the team
server and back, pain points with the same quadrant, volume, votes, impact and
effort swapped ranks (106 and 107, 112 to 115 …).  The rank's last tie-break is
the id, and the import gave new ids in the file's order (by touchpoint) rather than
in the order the pain points were made.
"""

from __future__ import annotations

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.export.json_backup import export_workshop, import_json
from models.rules.priority import rank_of
from tests.helpers import build_workshop

pytestmark = pytest.mark.both_engines


def ranked(store: Store, wid: int) -> list[str]:
    ranks = rank_of(store.load(wid))
    return [r.pain.description for r in sorted(ranks.values(), key=lambda r: r.rank)]


def test_tied_pain_points_keep_their_order_in_the_copy(store: Store) -> None:
    wid = build_workshop(store)
    journey = store.load(wid)
    last, first = journey.ordered_touchpoints()[-1], journey.ordered_touchpoints()[0]
    # made later, but on an earlier touchpoint: the file lists it first
    for desc, tp in (("tie made first", last), ("tie made second", first)):
        store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description=desc,
                            kind="loop", impact=1, effort=3, ticket_volume=7))
    before = ranked(store, wid)
    assert before.index("tie made first") < before.index("tie made second")
    copy = import_json(store, export_workshop(store, wid), "backup.json")
    assert ranked(store, copy) == before
