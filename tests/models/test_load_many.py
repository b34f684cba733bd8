"""``Store.load_many`` gives each workshop exactly what ``Store.load`` gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import NotFound, Store
from models.export.templates import create_from_template


def _plain(journey: object) -> object:
    j = journey
    return (j.workshop.model_dump(), [s.model_dump() for s in j.stages],  # type: ignore[attr-defined]
            {k: [t.model_dump() for t in v] for k, v in j.touchpoints.items()},  # type: ignore[attr-defined]
            [h.model_dump() for h in j.handoffs], [p.model_dump() for p in j.pain_points],  # type: ignore[attr-defined]
            [c.model_dump() for c in j.cards], [t.model_dump() for t in j.plan_tasks],  # type: ignore[attr-defined]
            [p.model_dump() for p in j.participants], j.dot_votes,  # type: ignore[attr-defined]
            [d.model_dump() for d in j.dots],  # type: ignore[attr-defined]
            [c.model_dump() for c in j.channel_costs],  # type: ignore[attr-defined]
            [lv.model_dump() for lv in j.escalation_levels],  # type: ignore[attr-defined]
            [t.model_dump() for t in j.ticket_sources],  # type: ignore[attr-defined]
            [r.model_dump() for r in j.readings])  # type: ignore[attr-defined]


def test_load_many_matches_load_per_workshop(db_path: Path) -> None:
    with Store(db_path, who="t") as store:
        ids = [create_from_template(store, "login-lockout") for _ in range(3)]
        ids.append(create_from_template(store, "production-outage"))
        ids.append(int(store.create_workshop(title="empty").id or 0))
        many = store.load_many(list(reversed(ids)))
        assert [_plain(j) for j in many] == [_plain(store.load(i)) for i in reversed(ids)]


def test_load_many_names_a_missing_workshop(db_path: Path) -> None:
    with Store(db_path, who="t") as store:
        with pytest.raises(NotFound, match="no workshop 99"):
            store.load_many([99])
