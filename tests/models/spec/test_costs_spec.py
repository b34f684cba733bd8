"""Channel costs as a lead keeps them: which channels of the map still need a cost, which
defaults wait for confirmation, and one row per channel however it is typed."""

from __future__ import annotations

import pytest

from models.db.fields import FieldError
from models.db.store import Store
from models.db.tables.method import ChannelCost
from models.rules.costs import channels_without_cost, save_channel_cost, unconfirmed_costs
from tests.models.method_helpers import journey, tp


def test_a_channel_without_a_cost_is_listed_once_in_its_first_spelling_in_map_order() -> None:
    j = journey([tp(1, "a", channel=" Chat "), tp(2, "b", channel="Phone"),
                 tp(3, "c", channel="chat"), tp(4, "d", channel="  "), tp(5, "e",
                                                                          channel="Email")],
                costs=[ChannelCost(workshop_id=1, channel="email", cost_per_contact=0.0),
                       ChannelCost(workshop_id=1, channel="Phone", cost_per_contact=None,
                                   handle_minutes=6)])
    assert channels_without_cost(j) == ["Chat", "Phone"]


def test_only_the_defaults_not_yet_confirmed_wait_for_the_lead() -> None:
    rows = [ChannelCost(workshop_id=1, channel="Phone", cost_per_contact=5, confirmed=True),
            ChannelCost(workshop_id=1, channel="Chat", cost_per_contact=2, confirmed=False)]
    assert [c.channel for c in unconfirmed_costs(journey([tp(1, "a")], costs=rows))] == ["Chat"]


def test_a_new_channel_cost_is_saved_trimmed_and_kept_in_the_snapshot(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    j = store.load(wid)
    saved = save_channel_cost(store, j, "  Chat ", cost_per_contact=4.5, handle_minutes=7)
    assert (saved.channel, saved.cost_per_contact, saved.handle_minutes, saved.workshop_id) == (
        "Chat", 4.5, 7.0, wid)
    assert j.channel_costs == [saved]
    again = save_channel_cost(store, j, "chat", handle_minutes=8)
    assert again.id == saved.id and again.handle_minutes == 8.0
    assert [(c.channel, c.handle_minutes) for c in store.load(wid).channel_costs] == [
        ("Chat", 8.0)]


@pytest.mark.parametrize("channel", ["", "   "])
def test_a_blank_channel_is_refused_in_one_sentence(store: Store, channel: str) -> None:
    j = store.load(int(store.create_workshop(title="x").id or 0))
    with pytest.raises(FieldError) as err:
        save_channel_cost(store, j, channel, cost_per_contact=1)
    assert str(err.value) == "channel cannot be empty."
    assert j.channel_costs == []


def test_an_unknown_field_is_named_and_nothing_is_saved(store: Store) -> None:
    wid = int(store.create_workshop(title="x").id or 0)
    j = store.load(wid)
    with pytest.raises(FieldError) as err:
        save_channel_cost(store, j, "Chat", zebra=1, colour="red", cost_per_contact=1)
    assert str(err.value) == "A channel cost has no field 'colour'."
    assert store.load(wid).channel_costs == []
