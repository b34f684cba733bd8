"""Set-ups the TUI tests share: a workshop, a server link to cut, a gate on the store's
opening, work counters.

Why here: the early-workshop, key-cost and prebuild tests each built the same
workshop, held ``Store.__init__`` behind the same event and patched the same
Textual methods to count work; one copy each keeps them saying the same thing.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.helpers import build_workshop
from tests.pg_link import Link, link_to
from tests.tui.card_map import build_card_map


@pytest.fixture
def big_map(tmp_path: Path) -> tuple[Path, int]:
    """``tests.tui.card_map``'s map (160 cards, 400 touchpoints) in the test's folder."""
    db = tmp_path / "big.db"
    return db, build_card_map(db)


@pytest.fixture
def wid(store: Store) -> int:
    """The demo-like workshop of ``tests.helpers.build_workshop`` in the test's database."""
    return build_workshop(store)


@pytest.fixture
def server_link(pg_url: str) -> Iterator[tuple[Link, int]]:
    """A workshop on a fresh PostgreSQL database, and a link to it that a test can cut."""
    with Store(pg_url, who="lea") as store:
        wid = build_workshop(store)
    with link_to(pg_url) as forwarder:
        yield forwarder, wid


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Hold the store's opening (``Store.__init__``) until the test opens the gate."""
    opened = threading.Event()
    real = Store.__init__

    def slow_init(self: Store, *args: object, **kwargs: object) -> None:
        opened.wait(30)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "__init__", slow_init)
    yield opened
    opened.set()


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts of the work Textual does from now on: layout passes of the screen on view,
    whole-screen repaints, screen updates (compositor refreshes), repaints per widget class.

    (The app's first screen, under the workshop since start-up, re-lays its few widgets
    out when the header's sub-title changes: not counted, it is not on view.)"""
    from textual.screen import Screen
    from textual.widget import Widget

    seen: Counter[str] = Counter()
    layout = Screen._refresh_layout
    refresh = Widget.refresh
    update = Screen._compositor_refresh

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        if self is self.app.screen:
            seen["layout pass"] += 1
        layout(self, *args, **kwargs)

    def counted_refresh(self: Widget, *regions: Any, **kwargs: Any) -> Any:
        if isinstance(self, Screen) and not regions:
            seen["whole screen"] += 1
        seen[type(self).__name__] += 1
        return refresh(self, *regions, **kwargs)

    def counted_update(self: Screen[Any]) -> None:
        if self is self.app.screen:
            seen["screen update"] += 1
        update(self)

    monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
    monkeypatch.setattr(Widget, "refresh", counted_refresh)
    monkeypatch.setattr(Screen, "_compositor_refresh", counted_update)
    return seen


@pytest.fixture
def mounts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the step views mounted from now on, in order (the prebuild's and keys')."""
    from textual.widgets import ContentSwitcher

    order: list[str] = []
    real = ContentSwitcher.mount

    def counting(self: Any, *widgets: Any, **kwargs: Any) -> Any:
        order.extend(str(w.id) for w in widgets)
        return real(self, *widgets, **kwargs)

    monkeypatch.setattr(ContentSwitcher, "mount", counting)
    return order


@pytest.fixture
def long_tables(store: Store, wid: int) -> int:
    """The demo workshop with 40 more stages, 60 more touchpoints and 60 more pain
    points, so every table step's table is longer than the screen and shows its
    vertical scroll bar; some names are long (cut with an ellipsis) and wide (漢字)."""
    from models.db.tables.cards import PainPoint
    from models.db.tables.workshop import Stage, Touchpoint

    with store.write() as s:
        stages = [Stage(workshop_id=wid, position=10 + i, name=f"Stage {i}", kpi_name="FCR")
                  for i in range(40)]
        s.add_all(stages)
        s.flush()
        extra = [Touchpoint(stage_id=int(stages[i % 40].id or 0), position=i,
                            name=f"Extra {i}" + " reset link loops 漢字" * (i % 3),
                            channel="Chat", owner_team=f"Team {i % 4}")
                 for i in range(60)]
        s.add_all(extra)
        s.flush()
        s.add_all(PainPoint(workshop_id=wid, touchpoint_id=tp.id,
                            description=f"Pain {i}" + " customer never gets in 漢字" * (i % 4),
                            impact=i % 3 + 1, effort=(i // 3) % 3 + 1, ticket_volume=i * 7)
                  for i, tp in enumerate(extra))
    return wid


@pytest.fixture
def rich_cells(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """``["cells"]``: table cells drawn through Rich (``Styled``, how Textual draws a
    cell) from now on; clear it before the key whose cells are counted."""
    from rich.console import Console
    from textual.renderables.styled import Styled

    seen: Counter[str] = Counter()
    real = Console.render_lines

    def counting(self: Console, renderable: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(renderable, Styled):
            seen["cells"] += 1
        return real(self, renderable, *args, **kwargs)

    monkeypatch.setattr(Console, "render_lines", counting)
    return seen



@pytest.fixture
def pinned_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Today is 2026-03-10 and local time is UTC: Home shows local times, Tracker and
    Plan count days from today, and snapshots must not follow the machine's clock."""
    import os
    import time

    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()
