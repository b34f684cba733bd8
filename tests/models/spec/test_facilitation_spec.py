"""Dot voting once the lead has revealed the votes: the count on screen is final, so a
seat can neither add nor take back a dot; each refusal is one sentence that says how
voting reopens (the lead hides the votes), and the dots stay as they were."""

from __future__ import annotations

import pytest

from models.db.store import Store
from models.db.tables import PainPoint, Workshop
from models.live import facilitation as fac

CLOSED = "Voting is closed: the votes are revealed. The lead can hide them to reopen voting."


@pytest.fixture
def pain(store: Store) -> tuple[int, int]:
    wid = int(store.create_workshop(title="Refunds").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="Refund takes weeks"))
    return wid, int(pain.id or 0)


def test_after_the_reveal_no_dot_is_added_or_taken_back(store: Store,
                                                         pain: tuple[int, int]) -> None:
    wid, pain_id = pain
    fac.cast_vote(store, pain_id, "ana")
    store.update(Workshop, wid, votes_revealed=True)
    with pytest.raises(fac.VoteRefused) as cast:
        fac.cast_vote(store, pain_id, "ana")
    with pytest.raises(fac.VoteRefused) as retract:
        fac.retract_vote(store, pain_id, "ana")
    assert str(cast.value) == str(retract.value) == CLOSED
    assert store.load(wid).dot_votes == {pain_id: 1}


def test_once_hidden_again_a_dot_can_be_taken_back(store: Store,
                                                   pain: tuple[int, int]) -> None:
    wid, pain_id = pain
    fac.cast_vote(store, pain_id, "ana")
    store.update(Workshop, wid, votes_revealed=True)
    store.update(Workshop, wid, votes_revealed=False)
    assert fac.retract_vote(store, pain_id, "ana") is True
    assert fac.retract_vote(store, pain_id, "ana") is False
    assert store.load(wid).dot_votes.get(pain_id, 0) == 0
