"""Two ``journeymap copy`` runs into the same empty destination at once copy it once.

The copy refuses a destination that already holds workshops, "so running it twice
cannot double a portfolio".  The check was a read before the copy's write: two
copies begun together both found the destination empty and both wrote the whole
portfolio.  The check now reads inside the write, after its lock.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.schema import StoreError
from models.db.store import Store
from models.export.portfolio_copy import copy_portfolio
from tests.helpers import build_workshop
from tests.models.two_writers import Meeting, at_once

pytestmark = pytest.mark.both_engines


def test_two_copies_into_one_empty_destination_copy_the_portfolio_once(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source_path = tmp_path / "source.db"
    with Store(source_path, who="Lea") as lea:
        build_workshop(lea)
        build_workshop(lea)
    targets = [Store(db_path, who=name) for name in ("Ana", "Bo")]
    sources = [Store(source_path, who=f"{name} reading") for name in ("Ana", "Bo")]
    meeting = Meeting(db_path, targets)
    load = Store.load

    def meet_then_load(self: Store, workshop_id: int, *args: object, **kw: object) -> object:
        if self in sources:  # the destination was checked: the copy reads what it writes
            meeting.meet(self.who.removesuffix(" reading"))
        return load(self, workshop_id, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "load", meet_then_load)
    results, errors = at_once([lambda s=s, t=t: copy_portfolio(s, t)
                               for s, t in zip(sources, targets, strict=True)],
                              [*sources, *targets])
    assert len(results) == 1
    assert [type(e) for e in errors] == [StoreError]
    assert "already holds 2 workshops" in str(errors[0])
    monkeypatch.undo()
    with Store(db_path) as store:
        assert len(store.list_workshops()) == 2
