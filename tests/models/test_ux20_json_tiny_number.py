"""A JSON backup's number too small to hold is refused by key, not stored as 0.

Left by session 16 (num20): the typed path refuses "1e-400" ("too small to store"), but
the JSON reader made the literal a float (0.0) before any field saw its text, so a
backup with ``"cost_per_contact": 1e-400`` imported a free channel without a word.
"""

from __future__ import annotations

import pytest

from models.db.store import Store
from models.export.json_backup import import_json
from models.export.serialize import DataError

HEAD = '{"format": "journeymap", "version": 1, '


@pytest.mark.parametrize(("body", "key", "literal"), [
    ('"stages": [{"name": "Notice", "kpi_baseline": 1e-400}]}', "stages[0].kpi_baseline",
     "1e-400"),
    ('"stages": [{"name": "Notice", "kpi_target": -2.5E-999}]}', "stages[0].kpi_target",
     "-2.5E-999"),
    ('"channel_costs": [{"channel": "phone", "cost_per_contact": 0.0001e-330}]}',
     "channel_costs[0].cost_per_contact", "0.0001e-330"),
])
def test_a_non_zero_number_read_as_zero_is_refused_with_its_key(
        store: Store, body: str, key: str, literal: str) -> None:
    before = len(store.list_workshops())
    with pytest.raises(DataError) as caught:
        import_json(store, HEAD + body, "b.json")
    said = str(caught.value)
    assert said.startswith(f"b.json: {key}: "), said
    assert f"{literal} is too small to store" in said, said
    assert len(store.list_workshops()) == before


@pytest.mark.parametrize("literal", ["0.0", "0e-400", "-0.000", "1e-300", "2.5"])
def test_zero_and_small_numbers_that_hold_are_kept(store: Store, literal: str) -> None:
    wid = import_json(store, HEAD + '"stages": [{"name": "Notice", "kpi_baseline": '
                      + literal + "}]}", "b.json")
    assert store.load(wid).stages[0].kpi_baseline == float(literal)
