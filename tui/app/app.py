"""The Textual app: opens the store after the first paint, then Home or a workshop.

Start-up order matters.  Importing SQLModel costs about a third of a second,
so this module imports only Textual and small ``tui`` helpers; the first frame
is Home's list or the scope step read with plain sqlite3 (``tui.app.early``), or
else "loading…", and only once it is painted a worker thread imports the models,
opens the ``Store`` and loads the workshop (``tui.app.opening``).  Every edit then
goes through the session (``save_field`` / ``mutate``, readable here as the app's
own attributes: ``tui.app.session_api``), which talks to the store, reports errors
as one sentence, shows "saved" in the header and refreshes the screen.
``reload_journey`` is the single entry point for "the data changed elsewhere,
show it" (live pairing polls the store and calls it).  This module keeps the
screens, the keys, quitting, notifications and the palette.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, work
from textual.actions import parse as parse_action
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from models.vocab import INVITE_KEY_PREFIX, LABELS, STEPS
from tui.actions import bindings, pairing_edits
from tui.app import idle_gc
from tui.app.early import on_server, read_first, show_first
from tui.app.opening import failed, open_orm, open_store, opened
from tui.app.session_api import SessionAttributes
from tui.app.theme import JOURNEYMAP_THEME
from tui.pairing.controller import Pairing
from tui.session.workshop import GoHome, OpenWorkshop, PairingKey, SessionHooks, WorkshopSession
from tui.widgets.header import CalmHeader, saved_note
from tui.widgets.typeahead import OPENING, HeldInput, hold, pass_on

if TYPE_CHECKING:
    from textual.command import Provider

    from models.db.journey import Journey
    from models.db.store import Store

NOTIFY_REPEAT_S = 2.0  # the same message again within this many seconds is not shown again
EXIT_AFTER_PAINT = "JOURNEYMAP_EXIT_AFTER_PAINT"  # bench: exit once the first frame is drawn
SCREENSHOT = "Screenshot"  # the title of Textual's system command that saves an SVG


def _palette_search() -> type[Provider]:
    """The palette's search, imported when the palette first opens (start-up stays lean)."""
    from tui.app.palette import LeadWords

    return LeadWords


class JourneyApp(SessionAttributes, App[None]):
    """A workshop lead's map: Home, the five steps, then Cards, Tracker and Plan."""

    TITLE = "journeymap"
    # Textual repaints the whole screen when the app's sub-title changes; it is
    # the "saved HH:MM:SS" of every edit, shown only by the header, which
    # watches it and repaints its own title line.
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)
    CSS_PATH = "app.tcss"
    COMMANDS = {_palette_search}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True, show=False),
                # Textual's own keys panel, listing every key of the focused widget and screen.
                Binding("question_mark,f1", "toggle_help", "Keys"),
                Binding("escape", "hide_help", "Close the keys panel", show=False,
                        priority=True),  # only while the panel is open (check_action)
                # Step keys pressed while the workshop is still loading (the store opens
                # in a worker after the first paint); the workshop screen's own keys
                # come first once it is up, and ``check_action`` switches these off.
                *bindings("pairing"), *bindings("loading")]

    def __init__(self, db_path: str | Path | None = None, workshop_id: int | None = None,
                 step: str | None = None, who: str = "", role: str = "",
                 cap: str | None = None, grant: str | None = None, key: str = "",
                 origin: str = "", link: Any = None) -> None:
        super().__init__()
        # Every scroll is a jump.  Textual slides a scroll over up to a second, and each
        # frame of the slide redraws the whole scrolled area: over ssh a held Right in
        # Cards sent a screen of output a frame (100-250 ms a key at 10,000 touchpoints)
        # and End in Moments a second of it.  Where a key lands is the same.
        self.animation_level = "none"
        self.first_link = link  # the server connection ``open``'s check made (early.py)
        # A ``seat`` forced command (its ROLE, a cap) or a browser invitation (a lead's
        # grant), the key and the connection's origin; such a seat sees only its workshop.
        self.cap, self.grant, self.key, self.origin = cap, grant, key, origin
        self.asked_role = role or None  # ``--role``: only lowers, a lead's raise too
        self.locked = cap is not None or grant is not None
        self.db_path = db_path
        self.start_workshop = workshop_id
        self.start_step = step
        self.who = who
        self.pairing = Pairing(self)  # live refresh, presence, facilitation
        self.session = WorkshopSession(SessionHooks(
            notify=self.notify, saved=self._show_saved, changed=self._refresh_screen,
            own_edit=self.pairing.own_edit_done, waiting=self.pairing.refresh_presence,
            conflict=self._ask_kept),
            role=role, locked=self.locked,
            no_files=key.startswith(INVITE_KEY_PREFIX))
        self.loading = True  # until the worker has opened the store (or failed to)
        self.pending_step: str | None = None  # the last step key pressed while loading
        self.early_listed = threading.Event()  # the early Home or workshop is on screen
        # Keys and pastes read while the store opens under the early workshop screen, a
        # step view mounts or a field is on its way: one queue, given back in order.
        self.held_input = HeldInput(self)
        self.clock: Callable[[], float] = time.monotonic  # notifications; tests replace it
        self._quit_asked = float("-inf")  # when ctrl+q last asked about an unsaved field
        self._recent_notes: dict[tuple[str, str, str], float] = {}
        self.register_theme(JOURNEYMAP_THEME)
        self.theme = JOURNEYMAP_THEME.name

    # -- start-up ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield CalmHeader()
        yield Static(Text("Loading the workshop…", style="dim"), id="loading")
        yield Footer()

    async def _on_key(self, event: events.Key) -> None:
        # Before the bindings: a letter typed right after ``a`` is text, not a command.
        if not pass_on(self, event):
            note = self.refused_key(event.key)
            if note:
                self.notify(note, severity="warning", markup=False)

    def refused_key(self, key: str) -> str:
        """Why ``key`` does nothing here, when the seat is why ("" otherwise).

        A key this seat may not run is left out of the footer and the palette, so
        pressed anyway it would look broken; the seat is told why instead.  Only
        when no other binding of the key runs.
        """
        if not (self.read_only or self.session.guest):
            return ""  # every key of the seat is its to run
        note = ""
        for namespace, chain in self.screen._modal_binding_chain:
            for binding in chain.key_to_bindings.get(key, ()):
                _, name, params = parse_action(binding.action)
                if namespace.check_action(name, params):
                    return ""  # another binding of the key runs
                note = note or self.session.refusal(name, params)
        return note

    async def on_event(self, event: events.Event) -> None:
        # Keys and pastes read while something they belong to is on its way wait
        # here, in the order they were read (see ``tui.widgets.typeahead``).
        if self.held_input.take(event):
            return
        trip = self.held_input.depart(event)
        await super().on_event(event)
        if trip is not None:
            self.held_input.follow(trip)

    def on_mount(self) -> None:
        self.sub_title = "loading…"
        if os.environ.get(EXIT_AFTER_PAINT):
            self.call_after_refresh(self.exit)
            return
        server = on_server(self)
        if server:  # the connect may wait its whole timeout: say where, read in a thread
            hold(self, OPENING)  # what is typed meanwhile waits for the first screen
            self.query_one("#loading", Static).update(Text(
                f"Connecting to the PostgreSQL server at {server}…", style="dim"))
            self._read_first_screen()
            return
        self._first_screen(read_first(self))

    def _first_screen(self, read: tuple[str, Any]) -> None:
        """Home or the scope step from light rows (before the ORM), then the store."""
        if show_first(self, read):
            self.call_after_refresh(self.early_listed.set)
        else:
            self.early_listed.set()
        if self.loading:  # False when the first screen already found the server away
            self._open_store()

    @work(thread=True, group="first")
    def _read_first_screen(self) -> None:
        read = read_first(self)
        try:
            self.call_from_thread(self._first_screen, read)
        except RuntimeError:  # the lead quit while it connected: nothing left to show
            return

    @work(thread=True, exclusive=True, group="open")
    def _open_store(self) -> None:
        open_store(self)  # ``tui.app.opening``: SQLModel, the store, the start workshop

    def _open_orm(self) -> tuple[Store, Journey | None]:
        return open_orm(self)

    def _failed(self, message: str) -> None:
        failed(self, message)

    def _opened(self, store: Store, journey: Journey | None) -> None:
        opened(self, store, journey)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "early_step":  # only while a workshop is on its way to the screen
            return self.loading and self.start_workshop is not None
        if action == "hide_help":  # otherwise Esc goes on to leave a field / close a dialog
            return self.help_shown()
        if action == "pairing" and parameters and pairing_edits(str(parameters[0])):
            return not self.read_only
        return True

    # -- keys panel (? / F1) ------------------------------------------------------------
    def help_shown(self) -> bool:
        """Whether the keys panel is open (asked by ``check_action``, even while closing)."""
        try:  # Textual mounts the panel on the screen itself: no need to search the DOM
            return any(type(child).__name__ == "HelpPanel" for child in self.screen.children)
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

    def _show_saved(self, when: dt.datetime) -> None:
        self.sub_title = saved_note(self.role, f"{when:%H:%M:%S}")

    def _refresh_screen(self) -> None:
        refresh = getattr(self.screen, "refresh_from", None)
        if refresh is not None and self.journey is not None:
            refresh(self.journey)

    async def on_unmount(self) -> None:
        idle_gc.release(self)  # held once the store opened (``opening.opened``)
        self.pairing.stop()
        if self.store is not None:  # off the loop: it waits for thread workers still at
            await asyncio.to_thread(self.store.close)  # it, which may call into the app

    # -- navigation -------------------------------------------------------------
    def show_home(self) -> None:
        from tui.screens.home import HomeScreen

        if self.locked:  # a forced-command seat has one workshop and no Home
            return
        left = self.journey.workshop.id if self.journey is not None else None
        self.journey = None
        self.pairing.stop()
        self._switch(HomeScreen(self.session, back_from=left))

    def open_workshop(self, workshop_id: int, step: str | None = None) -> None:
        if self.store is None:  # Enter on the early Home, before the store is open
            self.notify("Still opening the database; press Enter again in a moment.",
                        markup=False)
            return
        journey = self.run_store(lambda: self.store.load(workshop_id))  # type: ignore[union-attr]
        if journey is not None:
            self._show_journey(journey, step)

    def _show_journey(self, journey: Journey, step: str | None, *, save: bool = False) -> None:
        """Show the workshop screen at ``step``; ``save`` remembers it as the current step."""
        from tui.screens.workshop import WorkshopScreen

        self.session.show(journey)
        from models.live.seat_step import own_step
        from tui.identity import default_user

        start = step if step in STEPS else own_step(journey, self.who or default_user())
        self._switch(WorkshopScreen(self.session, start, save=save))
        self.pairing.show(journey)  # may find this seat is an observer: keys follow
        self.refresh_bindings()

    def _switch(self, screen: Screen[Any]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def _ask_kept(self, edit: Any, changed: Any, answer: Callable[[str | None], None]) -> None:
        """A kept edit's field was changed by another seat meanwhile: the live edit's
        keep mine / take theirs dialog asks (``WorkshopSession.save_waiting``)."""
        from tui.dialogs.conflict import ConflictScreen
        from tui.safe_text import display
        from tui.widgets.forms import FieldInput

        # named and shown as the field on screen does ("40 %" for a share), if it is there
        spec = next((w.spec for w in self.screen.query(FieldInput) if w.model is edit.model
                     and w.row_id == edit.row_id and w.spec.name == edit.name), None)
        label = spec.label if spec else edit.name.replace("_", " ").capitalize()
        theirs = spec.shown(changed.theirs) if spec else display(changed.theirs)
        self.push_screen(ConflictScreen(label, display(edit.text), theirs, changed.who,
                                        kept=True), answer)

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
        now, kept = self.clock(), len(self.session.waiting)
        if (pending or kept) and now - self._quit_asked > 5.0:
            self._quit_asked = now
            asked = self.session.later is not None or self.session.asking is not None
            self.notify(f"{kept} typed edit{'s are' if kept > 1 else ' is'} not saved: another "
                        "seat changed its field meanwhile; leave a field to choose, or press "
                        "ctrl+q again within 5 seconds to quit without "
                        f"{'them' if kept > 1 else 'it'}." if kept and asked else
                        f"{kept} typed edit{'s wait' if kept > 1 else ' waits'} for the server "
                        "and would be lost; press ctrl+q again within 5 seconds to quit "
                        "without them." if kept else
                        "A field could not be saved (see the message). Fix it, or press "
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

    # -- command palette ----------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands, the screen's and pairing's.

        Textual's "Screenshot" saves an SVG into ``~/Downloads`` of the account that runs
        the seat (a browser seat's goes to the browser): a file export, so only a seat
        that may export gets it, not an observer nor a forced-command guest.
        """
        for command in super().get_system_commands(screen):
            if command.title != SCREENSHOT or self.action_allowed("export"):
                yield command
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        yield from self.pairing.commands()

    def on_open_workshop(self, message: OpenWorkshop) -> None:
        self.open_workshop(message.workshop_id, message.step)

    def on_go_home(self, _message: GoHome) -> None:
        self.show_home()

    def on_pairing_key(self, message: PairingKey) -> None:
        self.pairing.act(message.what)

    def action_pairing(self, what: str) -> None:
        """Pairing keys (f, g, t, D, o, O, R, L): see ``tui.pairing.controller``."""
        self.pairing.act(what)


def step_label(step: str) -> str:
    return LABELS.get(step, step)
