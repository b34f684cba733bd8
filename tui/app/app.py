"""The Textual app: opens the store after the first paint, then Home or a workshop.

Start-up order matters.  Importing SQLModel costs about a third of a second,
so this module imports only Textual and small ``tui`` helpers; the first frame
(header, "loading…", footer) is painted, and only then a worker thread imports
the models, opens the ``Store`` and loads the workshop.  Every edit then goes
through ``save_field`` / ``mutate`` here, which talk to the store, report
errors as one sentence, show "saved" in the header and refresh the screen.
``reload_journey`` is the single entry point for "the data changed elsewhere,
show it" (live pairing polls the store and calls it).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.app.theme import JOURNEYMAP_THEME
from tui.pairing.controller import PAIRING_BINDINGS, Pairing
from tui.safe_text import short
from tui.steps.progress import LABELS, STEPS

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.store import Store

R = TypeVar("R")
# Actions that change the map; an observer's app disables them, which also takes
# them out of the footer, the keys panel and the palette.  The store refuses an
# observer's write anyway (read-only connection): this only spares them dead keys.
EDIT_ACTIONS = frozenset({
    "add", "delete", "move", "nudge", "move_stage", "add_pain", "link", "edit",
    "cycle_status", "regenerate", "create_top", "create_pick",  # step views
    "new_blank", "new_template", "duplicate",  # Home
    "export",  # an observer writes nothing but its own presence, files included
})
EDIT_PAIRING = frozenset({"vote", "unvote", "done", "timer", "gather", "reveal"})
NOTIFY_REPEAT_S = 2.0  # the same message again within this many seconds is not shown again
EXIT_AFTER_PAINT = "JOURNEYMAP_EXIT_AFTER_PAINT"  # bench: exit once the first frame is drawn

# Step keys pressed while the workshop is still loading (the store opens in a worker
# after the first paint).  Without these a fast typist's "2" went nowhere: the
# loading screen had no bindings.  Once the workshop screen is up its own bindings
# (same keys) come first in the chain, and ``check_action`` switches these off.
EARLY_STEP_BINDINGS = [
    *[Binding(str(i + 1), f"early_step('{step}')", LABELS[step], show=False)
      for i, step in enumerate(STEPS)],
    Binding("n,ctrl+right", "early_step('+1')", "Next step", show=False),
    Binding("p,ctrl+left", "early_step('-1')", "Prev step", show=False),
]


def pending_target(start: str, pending: str | None) -> str:
    """The step to open at: ``start`` moved by the last step key pressed while loading."""
    if pending in STEPS:
        return pending
    index = STEPS.index(start) if start in STEPS else 0
    if pending == "+1":
        return STEPS[min(len(STEPS) - 1, index + 1)]
    if pending == "-1":
        return STEPS[max(0, index - 1)]
    return start


class JourneyApp(App[None]):
    """A workshop lead's map: Home, the five steps, then Cards, Tracker and Plan."""

    TITLE = "journeymap"
    CSS_PATH = "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
                # Textual's own keys panel, listing every key of the focused widget and screen.
                Binding("question_mark,f1", "toggle_help", "Keys"),
                Binding("escape", "hide_help", "Close the keys panel", show=False,
                        priority=True),  # only while the panel is open (check_action)
                *PAIRING_BINDINGS, *EARLY_STEP_BINDINGS]

    def __init__(self, db_path: str | Path | None = None, workshop_id: int | None = None,
                 step: str | None = None, who: str = "", role: str = "",
                 grant: str | None = None, key: str = "", origin: str = "") -> None:
        super().__init__()
        # A ``seat`` forced command: the administrator's grant for this SSH key, the key's
        # fingerprint and the connection's origin; such a seat sees only its workshop.
        self.grant, self.key, self.origin = grant, key, origin
        self.locked = grant is not None
        self.db_path = db_path
        self.start_workshop = workshop_id
        self.start_step = step
        self.who = who
        self.role = role  # "" = decided by the seat (creator lead, others participant)
        self.pairing = Pairing(self)  # live refresh, presence, facilitation (tui.pairing.controller)
        self.store: Store | None = None
        self.journey: Journey | None = None
        # Bumped whenever ``journey`` is replaced or patched: a kept step view that
        # drew this revision needs no redraw when it is shown again.
        self.journey_rev = 0
        self.saved_at: dt.datetime | None = None
        self.loading = True  # until the worker has opened the store (or failed to)
        self.pending_step: str | None = None  # the last step key pressed while loading
        self.clock: Callable[[], float] = time.monotonic  # notifications; tests replace it
        self._quit_asked = float("-inf")  # when ctrl+q last asked about an unsaved field
        self._recent_notes: dict[tuple[str, str, str], float] = {}
        self.register_theme(JOURNEYMAP_THEME)
        self.theme = JOURNEYMAP_THEME.name

    # -- start-up ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Loading the workshop…", style="dim"), id="loading")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "loading…"
        if os.environ.get(EXIT_AFTER_PAINT):
            self.call_after_refresh(self.exit)
            return
        self._open_store()

    @work(thread=True, exclusive=True, group="open")
    def _open_store(self) -> None:
        """Import the models and open the database off the UI thread."""
        try:
            from models.db.schema import StoreError
        except Exception as exc:  # noqa: BLE001 - broken install: say so, don't crash
            self.call_from_thread(self._failed, f"journeymap cannot start: {exc}")
            return
        try:
            from models.db.store import Store

            store = Store(self.db_path, who=self.who, read_only=self.role == "observer")
            store.key = self.key
            journey = store.load(self.start_workshop) if self.start_workshop else None
            import tui.screens.home  # noqa: F401 - warm the screen modules off the UI thread
            import tui.screens.workshop  # noqa: F401
            # The imports and the first load leave ~250k long-lived objects; without
            # freezing them a full GC pass (~150 ms on a big map) lands on some keypress.
            gc.collect()
            gc.freeze()
        except (StoreError, OSError, ValueError) as exc:
            self.call_from_thread(self._failed, str(exc))
            return
        self.call_from_thread(self._opened, store, journey)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "early_step":  # only while a workshop is on its way to the screen
            return self.loading and self.start_workshop is not None
        if action == "hide_help":  # otherwise Esc goes on to leave a field / close a dialog
            return self.help_shown()
        if action == "pairing" and parameters and parameters[0] in EDIT_PAIRING:
            return not self.read_only
        return True

    @property
    def read_only(self) -> bool:
        """An observer's seat: asked for (``--role observer``) or decided by the seat."""
        return self.role == "observer" or (self.store is not None and self.store.read_only)

    def action_allowed(self, action: str) -> bool:
        """Whether a view's or screen's key may run here (``check_action`` of those nodes)."""
        if action == "home" and self.locked:
            return False
        return not (self.read_only and action in EDIT_ACTIONS)

    # -- keys panel (? / F1) ------------------------------------------------------------
    def help_shown(self) -> bool:
        """Whether the keys panel is open (asked by ``check_action``, even while closing)."""
        try:
            return bool(self.screen.query("HelpPanel"))
        except ScreenStackError:  # the app is shutting down: no screen, no panel
            return False

    def action_toggle_help(self) -> None:
        """``?`` and F1 open Textual's keys panel; the same key (or Esc) closes it."""
        if self.help_shown():
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()
        self.refresh_bindings()

    def action_hide_help(self) -> None:
        self.action_hide_help_panel()
        self.refresh_bindings()

    def action_early_step(self, step: str) -> None:
        """Remember a step key pressed before the workshop is shown (the last one wins)."""
        self.pending_step = step

    def _failed(self, message: str) -> None:
        self.loading = False
        self.pending_step = None
        self.sub_title = "not opened"
        self.query_one("#loading", Static).update(
            Text(f"{short(message, 300)}\n\nPress ctrl+q to quit.", style="bold"))

    def _opened(self, store: Store, journey: Journey | None) -> None:
        self.store = store
        self.loading = False
        self.sub_title = self.role if self.role not in ("", "lead") else ""
        if journey is None:
            self.show_home()
            return
        pending, self.pending_step = self.pending_step, None
        if pending is None:
            self._show_journey(journey, self.start_step)
        else:  # a step key was pressed while loading: open there, as if pressed now
            start = self.start_step or journey.workshop.current_step or "scope"
            self._show_journey(journey, pending_target(start, pending), save=True)

    def on_unmount(self) -> None:
        self.pairing.stop()
        if self.store is not None:
            self.store.close()

    # -- navigation -------------------------------------------------------------
    def show_home(self) -> None:
        from tui.screens.home import HomeScreen

        if self.locked:  # a forced-command seat has one workshop and no Home
            return
        self.journey = None
        self.pairing.stop()
        self._switch(HomeScreen())

    def open_workshop(self, workshop_id: int, step: str | None = None) -> None:
        assert self.store is not None
        journey = self.run_store(lambda: self.store.load(workshop_id))  # type: ignore[union-attr]
        if journey is not None:
            self._show_journey(journey, step)

    def _show_journey(self, journey: Journey, step: str | None, *, save: bool = False) -> None:
        """Show the workshop screen at ``step``; ``save`` remembers it as the current step."""
        from tui.screens.workshop import WorkshopScreen

        self.journey = journey
        self.journey_rev += 1
        start = step if step in STEPS else (journey.workshop.current_step or "scope")
        self._switch(WorkshopScreen(start if start in STEPS else "scope", save=save))
        self.pairing.show(journey)  # may find this seat is an observer: keys follow
        self.refresh_bindings()

    def _switch(self, screen: Screen[Any]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- quitting -----------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save the field being typed in, then quit; ask once if it cannot be saved.

        ctrl+q is a deliberate "we're done": the text in the focused field is part
        of the work and must not be dropped the way a dead connection drops it.
        """
        from tui.widgets.forms import RecordForm

        pending = []
        if not self.read_only:
            for form in self.screen.query(RecordForm):
                form.commit_pending()
                pending += [w for w in form.query("FieldInput") if getattr(w, "dirty", False)]
        now = self.clock()
        if pending and now - self._quit_asked > 5.0:
            self._quit_asked = now
            self.notify("A field could not be saved (see the message). Fix it, or press "
                        "ctrl+q again within 5 seconds to quit without it.",
                        severity="warning", markup=False)
            return
        self.exit()

    # -- notifications ------------------------------------------------------------
    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every toast of the app passes here (widgets' ``notify`` calls the app's).

        The same message with the same severity within ``NOTIFY_REPEAT_S`` is
        shown once: a failing save reported on blur and again on Enter, or one
        error from two code paths, used to stack identical toasts.
        """
        key = (str(message), title, str(severity))
        now = self.clock()
        last = self._recent_notes.get(key)
        if last is not None and now - last < NOTIFY_REPEAT_S:
            return
        self._recent_notes = {k: t for k, t in self._recent_notes.items()
                              if now - t < NOTIFY_REPEAT_S}
        self._recent_notes[key] = now
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # -- edits ------------------------------------------------------------------
    def run_store(self, call: Callable[[], R]) -> R | None:
        """Run one store call; a rejected value or a store problem is one notification."""
        from models.db.schema import StoreError

        try:
            return call()
        except (StoreError, ValueError) as exc:
            self.notify(short(exc, 300), severity="error", markup=False)
        except OSError as exc:
            self.notify(f"The database could not be written: {short(exc, 200)}",
                        severity="error", markup=False)
        return None

    def save_field(self, model: type, row_id: int, field: str, text: Any) -> bool:
        """Commit one field (autosave); on success patch the snapshot and refresh."""
        if self.store is None:
            return False
        row = self.run_store(lambda: self.store.update(model, row_id,  # type: ignore[union-attr]
                                                       **{field: text}))
        if row is None:
            return False
        self.pairing.own_edit_done()  # on screen already: the poll need not reload it
        target = self._find(model, row_id)
        if target is not None:
            setattr(target, field, getattr(row, field))
            self.journey_rev += 1
        else:  # not in the snapshot (e.g. created elsewhere): take a fresh one
            self.reload_journey()
            self.mark_saved()
            return True
        self.mark_saved()
        self._refresh_screen()
        return True

    def mutate(self, call: Callable[[], R]) -> R | None:
        """A structural edit (add, delete, move): run it, then reload the journey."""
        result = self.run_store(call)
        if result is not None:
            self.mark_saved()
            self.pairing.own_edit_done()  # reloaded just below, not again by the poll
        self.reload_journey()  # also after a failure: the store may know better than we do
        return result

    def mark_saved(self) -> None:
        self.saved_at = dt.datetime.now()
        self.sub_title = f"saved {self.saved_at:%H:%M:%S}"

    def _find(self, model: type, row_id: int) -> Any:
        journey = self.journey
        if journey is None:
            return None
        name = model.__name__
        if name == "Workshop":
            return journey.workshop if journey.workshop.id == row_id else None
        pools: dict[str, Iterable[Any]] = {
            "Stage": journey.stages, "Touchpoint": journey.ordered_touchpoints(),
            "PainPoint": journey.pain_points, "Handoff": journey.handoffs,
            "HypothesisCard": journey.cards, "PlanTask": journey.plan_tasks,
            "Participant": journey.participants,
        }
        return next((row for row in pools.get(name, ()) if row.id == row_id), None)

    def reload_journey(self) -> None:
        """Reload the open workshop from the store and refresh what is on screen.

        Cursor, scroll and focus are kept by the step views, and a field being
        typed in is not touched; pairing calls this when another seat commits.
        """
        if self.store is None or self.journey is None or self.journey.workshop.id is None:
            return
        wid = self.journey.workshop.id
        journey = self.run_store(lambda: self.store.load(wid))  # type: ignore[union-attr]
        if journey is None:
            return
        self.journey = journey
        self.journey_rev += 1
        self._refresh_screen()

    def _refresh_screen(self) -> None:
        refresh = getattr(self.screen, "refresh_from", None)
        if refresh is not None and self.journey is not None:
            refresh(self.journey)

    # -- command palette ----------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield from self.pairing.commands()

    def action_pairing(self, what: str) -> None:
        """Pairing keys (f, g, t, D, o, O, R, L): see ``tui.pairing.controller``."""
        self.pairing.act(what)


def step_label(step: str) -> str:
    return LABELS.get(step, step)
