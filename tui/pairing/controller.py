"""Live pairing inside the app: one seat per app, live refresh, follow, facilitation keys.

Why a controller of its own: the app (``tui.app.app``) knows screens and edits;
pairing is a loop around it.  ``Pairing`` takes a seat in the open workshop
(``models.live.presence``), asks ``Watcher.poll()`` every 100 ms whether another
connection committed (``PRAGMA data_version``: a microsecond or two, so idle
seats cost almost nothing), and heart-beats every 3 s.  On a PostgreSQL server
the listener's thread also wakes the loop the moment the workshop changes
(``Watcher.wake_on``), so a seat does not wait for the next poll.

When the database moved it reads a tiny *fingerprint* first (the workshop's
``updated_at``, the newest change-log id, the dot votes).  Only when that
changed is the journey reloaded and the screen refreshed (``reload_journey``,
which keeps cursor, scroll and a field being typed in); a change that is only
presence (heartbeats, steps, follow, done) just redraws the presence bar.  Six
seats heart-beating thus never repaint each other's step views.

Follow and "bring everyone here" are applied after each reload through
``facilitation.step_to_show``.  Only Textual and small ``tui`` helpers are
imported at module level (the app imports this module before the models).
Taking the seat (``tui.pairing.seat``), the step timer's label
(``tui.pairing.step_timer``) and the palette entries (``tui.pairing.commands``)
are jobs of their own.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ScreenStackError, SystemCommand
from textual.screen import Screen
from textual.timer import Timer

from models.db.access import AccessError
from models.live.marks import Marks
from models.vocab import HEARTBEAT_S, POLL_S, STEPS, WINDOW_S
from tui.pairing.commands import palette_commands
from tui.pairing.seat import follow_role, take_seat
from tui.pairing.step_timer import StepTimerWatch
from tui.safe_text import short
from tui.widgets.footer import CalmFooter
from tui.widgets.header import seat_note

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.tables.seats import Participant
    from models.live.presence import Seat


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Pairing:
    """The app's seat in one workshop and the polling loop that keeps it live."""

    def __init__(self, app: Any, *, poll_s: float = POLL_S,
                 heartbeat_s: float | None = None, window_s: float | None = None,
                 now: Callable[[], dt.datetime] = _utcnow) -> None:
        self.app = app
        self.poll_s = poll_s
        self.heartbeat_s = heartbeat_s or HEARTBEAT_S
        self.window_s = window_s or WINDOW_S
        self.now = now  # tests move the clock to watch a seat expire
        self.seat: Seat | None = None
        self.workshop_id: int | None = None
        self.seen_gather_at: dt.datetime | None = None
        self._watcher: Any = None
        self._timers: list[Timer] = []
        self._timer_screen: Screen[Any] | None = None
        self._marks: Marks | None = None
        self._mark: tuple[Any, ...] = ()
        self._presence_mark: tuple[Any, ...] = ()
        self.active_ids: frozenset[int] = frozenset()  # seats heard from within the window
        self._widgets: list[Any] = []  # presence bar and activity panel, once mounted
        self._beat_step = ""
        self._timer = StepTimerWatch()
        self.reloads = 0  # full reloads caused by other seats' edits (tests, bench)
        self.polls = 0  # database polls done (tests wait for polls, not for time)
        self._wake_queued = False
        self.lost = ""  # what the seat last said about its server ("" while connected)

    # -- seat lifecycle -------------------------------------------------------------
    def show(self, journey: Journey) -> None:
        """A workshop screen is shown: take the seat (once) and attach the widgets."""
        wid = journey.workshop.id
        if wid is None or self.app.store is None:
            return
        if self.workshop_id != wid:
            self.stop()
            if not self._join(journey):
                return
        self.app.call_after_refresh(self._attach, 20)

    def _join(self, journey: Journey) -> bool:
        from models.live.watch import Watcher

        app = self.app
        wid = int(journey.workshop.id or 0)
        try:
            self.seat = take_seat(app, wid)
            self._watcher = Watcher(self.seat.store)
        except AccessError as exc:  # the name is someone else's: never edit under it
            self._unseated(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - pairing must never stop the map itself
            app.notify(f"Working alone: could not take a seat ({short(exc, 200)}).",
                       severity="warning", markup=False)
            return False
        participant, store = self.seat.participant, self.seat.store
        app.role = participant.role
        app.sub_title = seat_note(participant.role)
        self.workshop_id = wid
        self.seen_gather_at = journey.workshop.gather_at  # old gathers are not re-obeyed
        self._marks = Marks(store.path, wid)
        self._mark = self._marks.content()
        self._presence_mark, self.active_ids = self._marks.presence(self.now(), self.window_s)
        # The journey was read before this seat joined: a seat that joined in between is
        # already in the presence mark, so no later change would ever bring it in.
        self._reload_participants()
        try:
            self._watcher.wake_on(wid, self._woken)
        except Exception:  # noqa: BLE001,S110 - no push: the poll still sees every change
            pass
        return True

    def _unseated(self, why: str) -> None:
        """The workshop refused this seat (the name belongs to another account): the map
        stays open to read, and every edit is refused by the store, as for an observer."""
        from models.db.store import Store

        app = self.app
        store = app.store
        if store is not None and not store.read_only:
            store.close()
            app.store = Store(store.path, who=store.who, read_only=True)
        app.role = "observer"
        app.sub_title = "not seated (read-only)"
        app.notify(f"Read-only, not seated: {short(why, 200)}", severity="error",
                   markup=False)

    def _woken(self) -> None:
        """Called from the server listener's thread: run the loop now, on the screen's pump.

        One wake is queued at a time; a burst of commits is picked up by that one tick.
        """
        screen = self._timer_screen
        if screen is None or self.seat is None or self._wake_queued:
            return
        self._wake_queued = True
        if not screen.post_message(events.Callback(callback=self._wake_tick)):
            self._wake_queued = False

    def _wake_tick(self) -> None:
        self._wake_queued = False
        self.tick()

    def _start_timers(self, screen: Screen[Any]) -> None:
        """Poll and heartbeat on the workshop screen's clock, never the app's.

        Timers owned by the screen stop when the screen is removed (Home, quit), so
        no tick can run while the app shuts down with an empty screen stack.
        """
        if self._timer_screen is screen and self._timers:
            return
        for timer in self._timers:
            timer.stop()
        self._timer_screen = screen
        self._timers = [screen.set_interval(self.poll_s, self.tick, name="pairing-poll"),
                        screen.set_interval(self.heartbeat_s, self.beat, name="pairing-beat")]

    def _attach(self, tries: int) -> None:
        """Mount the presence bar and activity panel once the workshop screen is up."""
        from tui.pairing.activity_panel import ActivityPanel
        from tui.pairing.presence_bar import PresenceBar

        screen = self.app.screen
        if not screen.query("#stepbar"):
            if tries > 0 and self.seat is not None:  # the screen is still being mounted
                self.app.set_timer(0.05, lambda: self._attach(tries - 1))
            return
        if self.seat is not None:
            self._start_timers(screen)
        if screen.query_one_optional("#presence", PresenceBar) is not None:
            return  # attached already: every edit shows the screen again (found by id)
        self._widgets = [PresenceBar(id="presence"), ActivityPanel(id="activity")]
        screen.mount(self._widgets[0], before="#stepbar")
        # Before the footer: Textual draws docked widgets in the order they were mounted,
        # and mounted last the panel covered the footer's "? Keys" and "^p palette".
        screen.mount(self._widgets[1], before=screen.query_one(CalmFooter))
        self.call_later_refresh()

    def call_later_refresh(self) -> None:
        self.app.call_after_refresh(self.refresh_presence)

    def stop(self) -> None:
        """Leave the workshop (Home, quit): the seat reads as gone at once."""
        for timer in self._timers:
            timer.stop()
        self._timers = []
        self._timer_screen = None
        self._widgets = []
        if self._marks is not None:
            self._marks.close()
            self._marks = None
        seat, self.seat, self.workshop_id = self.seat, None, None
        self.lost = ""  # the next seat's first poll says it again if still away
        if seat is not None:
            try:
                seat.leave()
            except Exception:  # noqa: BLE001,S110 - leaving is best effort; it fades anyway
                pass
            if seat.presence is not seat.store:
                seat.presence.close()

    # -- the loop ---------------------------------------------------------------------
    def tick(self) -> None:
        """Every 100 ms: step moved? anyone committed? timer label changed?"""
        if self.seat is None:
            return
        step = self.screen_step()
        if step and step != self._beat_step:
            self.beat()
        try:
            changed = self._watcher.poll()
        except Exception:  # noqa: BLE001 - a vanished file: keep the screen, try again
            return
        self.polls += 1
        self._server_state()
        if changed:
            self.on_database_changed()
        self._tick_timer()

    def _server_state(self) -> None:
        """Say once that the team server went away, and once that it is back."""
        lost = self._watcher.lost()
        if not lost and self.app.session.waiting:  # kept while away: saved, in order
            self.app.session.save_waiting(by_itself=True)
        if lost == self.lost:
            return
        was, self.lost = self.lost, lost
        self.refresh_presence()  # the bar says "server away" for as long as it is
        if lost:
            self.app.notify(lost, severity="warning", timeout=10, markup=False)
        elif was:
            self.app.notify("Reconnected to the PostgreSQL server; the map shows what changed "
                            "meanwhile.", markup=False)
            # Whatever failed while it was away (a view's own reads: the Tracker's every
            # workshop) is read again, as for any change: this workshop's fingerprint
            # alone would not move when only the reads failed.
            self.app.reload_journey()

    def beat(self) -> None:
        """Heartbeat with the step on screen; also where silent seats fade out."""
        if self.seat is None or self.lost:  # away: the listener tries, in its thread
            return
        step = self.screen_step()
        try:  # a method view is no step: the seat stays on the step it re-opens at
            self.seat.heartbeat(step if step in STEPS else None)
            self._beat_step = step or ""
        except Exception:  # noqa: BLE001 - presence is best effort (busy file, deleted row)
            return
        self._presence_changed()  # also where a silent seat drops out of the bar

    def on_database_changed(self) -> None:
        """Something was committed: reload what changed, then follow the lead."""
        assert self._marks is not None
        try:
            mark = self._marks.content()
        except sqlite3.Error:
            return  # busy or vanished: the next poll tries again
        if mark != self._mark:
            self._mark = mark
            self.reloads += 1
            self.app.reload_journey()
            self._check_role()
            self._presence_changed(force=True)
            self.apply_follow()
        elif self._presence_changed():
            self.apply_follow()

    def own_edit_done(self) -> None:
        """This seat just committed an edit (already on screen): don't reload for it.

        Without this the next poll sees the new fingerprint and reloads the whole
        journey for a change the app has already patched in (on a 2,000-touchpoint
        map, a few hundred ms per key).  The new fingerprint is taken only when
        nothing since the last one came from another seat: no other name in the
        change log and the same dot votes; otherwise the poll reloads as before.
        """
        if self._marks is None or self.seat is None or not self._mark:
            return
        try:
            mark = self._marks.content()
            if mark[2] != self._mark[2] or \
                    self._marks.foreign_edits(self._mark[1], self.seat.store.who):
                return
        except sqlite3.Error:
            return
        self._mark = mark

    def _presence_changed(self, force: bool = False) -> bool:
        """Re-read the seats if what the bar shows changed (not for a bare heartbeat)."""
        if self._marks is None:
            return False
        try:
            mark, active = self._marks.presence(self.now(), self.window_s)
        except sqlite3.Error:
            return False
        if mark == self._presence_mark and not force:
            return False
        self._presence_mark, self.active_ids = mark, active
        if not force:
            self._reload_participants()
        self.refresh_presence()
        return True

    def _reload_participants(self) -> None:
        from models.live import presence

        journey = self.app.journey
        if journey is None or self.app.store is None or self.workshop_id is None:
            return
        try:
            journey.participants = presence.participants(self.app.store, self.workshop_id)
        except Exception:  # noqa: BLE001 - try again on the next change
            return
        self._check_role()

    def _check_role(self) -> None:
        """A lead lowered this open seat to observer (its edits stop) or raised it from
        observer (they start): ``follow_role``."""
        from models.live.watch import Watcher

        me = self.me()
        if me is not None and self.seat is not None and follow_role(self.app, self.seat, me):
            self._watcher = Watcher(self.seat.store)

    def apply_follow(self) -> None:
        """Jump to a fresh gather, or to the lead's step when following."""
        from models.live.facilitation import step_to_show

        journey, me = self.app.journey, self.me()
        step = self.screen_step()
        if journey is None or me is None or not step:
            return
        here = me.model_copy(update={"current_step": step})
        target = step_to_show(journey, here, self.seen_gather_at)
        if journey.workshop.gather_at is not None and journey.workshop.gather_step:
            self.seen_gather_at = max(journey.workshop.gather_at, self.seen_gather_at
                                      or journey.workshop.gather_at)
        if target:
            self.app.screen.show_step(target, save=False)  # type: ignore[attr-defined]
            self.beat()

    # -- what the widgets read ---------------------------------------------------------
    def me(self) -> Participant | None:
        journey, seat = self.app.journey, self.seat
        if journey is None or seat is None:
            return None
        for p in journey.participants:
            if p.id == seat.participant.id:
                return p
        return seat.participant

    def screen_step(self) -> str:
        """The step on screen; "" on a dialog, or once the app has no screen left."""
        try:
            return str(getattr(self.app.screen, "step", "") or "")
        except ScreenStackError:
            return ""

    def refresh_presence(self) -> None:
        """Redraw the presence bar and the activity panel (each only if it changed)."""
        for widget in self._widgets:
            if widget.is_attached:
                widget.update_from(self)

    def _tick_timer(self) -> None:
        self._timer.tick(self.app, self.now(), self.refresh_presence)

    # -- keys --------------------------------------------------------------------------
    def act(self, what: str) -> None:
        from tui.pairing.actions import run_action

        if self.seat is None or self.app.journey is None:
            self.app.notify("Open a workshop first.", markup=False)
            return
        run_action(self, what)

    def commands(self) -> Iterable[SystemCommand]:
        if self.seat is None:
            return
        yield from palette_commands(self.act)
