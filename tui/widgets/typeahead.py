"""Held input: ONE ordered queue of the keys and pastes read while something is on its way.

Why: Textual hands each key to the widget focused *when the key is read*, not
when it is handled.  A lead who types ``3 a Status page`` in one breath sends
every key before the step view, the new row and its form exist; they reached
the table and ran as commands (``t``: the step timer, ``p``: previous step).
So while anything the keys belong to is on its way, the app *holds* what it
reads: the store opening under the early scope step (``OPENING``), a step view
mounting (``VIEW``), a one-key dialog (``DIALOG``), the field ``a`` leads to
(``FIELD``) or what a dialog's one-key answer leads to (``ANSWER``).

Every hold appends to the same queue, and the queue is given back strictly in
the order the events were read, one event at a time, only while no hold is
active: an event given back that starts a new hold (``3`` mounts a view, ``a``
a form) stops the drain until that hold ends, and events read meanwhile join
the end.  Two queues (the store's and the views') released independently used
to hand the same burst back shuffled (``tSatus page``).

A key is not handled when the app reads it: it travels to the focused widget
and bubbles back up to the app, where its binding runs.  The next key is given
back only once that trip is over (``follow``), and nothing is built at idle
meanwhile (``busy``): on a loaded machine the next key used to overtake the
step key still on its way and land in the old view, or the prebuild mounted a
view nobody asked for first.  A key already on its way when a hold starts, that
comes back to the app unhandled, takes its place by the order it was read.
Every key waits its turn, editing keys and ctrl+ keys too, also when no hold
is on: one read while another key is still on its trip (``Enter`` opening a
field, ``ctrl+u`` on its way to its binding) would otherwise overtake it.
ctrl+q too: ``… Chat Esc ctrl+q`` read together quit with ``Chat`` still
queued, and the text was lost.  A second ctrl+q, read while the first still
waits, quits at once (a hold ends by itself after ``SAFETY_S`` anyway).
"""

from __future__ import annotations

from bisect import insort
from itertools import count
from time import monotonic
from typing import Any

from textual import events
from textual.keys import _character_to_key
from textual.signal import Signal
from textual.widgets import Input

from tui.safe_text import typed_text
from tui.widgets.still_typing import TypingSign

_PASSED = "_jm_passed_on"
_REPLAYED = "_jm_replayed"
_READ = "_jm_read"  # the order the app read a key in
_TRIP = "_jm_trip"  # a key given back: the trip it makes
# Keys a form field handles itself the moment it reads them (Tab, Esc): one that
# reaches the app while such a field has the focus was typed before it had it.
LEAVING_KEYS = ("tab", "shift+tab", "escape")
SAFETY_S = 3.0
OPENING = "opening"  # the store opens under the early scope step
VIEW = "view"  # a step view mounts
DIALOG = "dialog"  # a one-key dialog is on its way to the screen
FIELD = "field"  # the field ``a`` leads to is on its way (its form just enabled)
ANSWER = "answer"  # a one-key dialog was answered: the keys behind are for what it leads to


class HeldInput:
    """The app's held keys and pastes, in the order read, the holds now active and the
    keys still on their trip from the app to a widget and back."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.queue: list[events.Event] = []
        self.holds: dict[str, object] = {}  # reason -> token of its latest hold
        self._draining = False
        self._read = count()  # the order keys are read in (their place in the queue)
        self._ids = count()
        self._trips: dict[int, float] = {}  # keys on their way through the widgets: since
        self._replay: int | None = None  # the trip of the key given back, while it lasts
        self._watch = False  # a safety timer looks at trips that never ended
        self.typing = TypingSign(app)  # "typing…" while held keys wait (a raw paste)
        # Published the moment a key, a paste or a click is read, before it is handled
        # or held: idle work under way yields to it (``tui.screens.warm_views``).
        self.read: Signal[events.Event] = Signal(app, "input-read")

    def hold(self, reason: str) -> None:
        """Hold what is read from now on until ``release(reason)``.

        A hold nobody released would leave the app deaf: the keys come back after
        a few seconds whatever happened (a view that failed to mount; a loaded
        machine can take over a second to mount one).  The store's opening has
        its own end (opened or failed)."""
        token = object()
        self.holds[reason] = token
        if reason != OPENING:
            def safety() -> None:
                if self.holds.get(reason) is token:
                    self.release(reason)

            self.app.set_timer(SAFETY_S, safety)

    def release(self, reason: str) -> None:
        """End the hold ``reason``; the queue is given back once no hold is left."""
        self.holds.pop(reason, None)
        self._drain_soon()

    def drop(self) -> None:
        """Forget every hold and held event (the store failed: nothing can be saved)."""
        self.holds.clear()
        self.queue.clear()
        self._trips.clear()
        self._replay = None
        self.typing.typed()

    @property
    def busy(self) -> bool:
        """Whether a hold is active, held events are still being given back or a key is
        still on its way to the binding or widget it asks for: keys come before idle
        work."""
        return bool(self.holds or self.queue or self._draining or self._trips)

    def take(self, event: events.Event) -> bool:
        """Keep ``event`` (just read by the app) when it must wait; True when kept.

        A key read while another key is still on its trip waits too, whatever
        the key: that key may start a hold (``3`` mounts a view) or move the
        focus (Tab, Enter on a table opens the row's field), and the keys read
        behind it belong where it leads.  A paste waits for holds and held
        keys only: it goes to the widget it was read for."""
        if isinstance(event, events.Key) and not hasattr(event, _READ):
            setattr(event, _READ, next(self._read))
            self.read.publish(event)
        elif isinstance(event, (events.Paste, events.MouseDown)) and not event.is_forwarded:
            self.read.publish(event)
        if isinstance(event, events.Key) and not self.app.is_running:
            return True  # the app is closing: its screens are being taken apart
        if getattr(event, _REPLAYED, False) or event.is_forwarded:
            return False
        if isinstance(event, events.Key):
            # Every key waits, editing keys and ctrl+ keys too: the focus a key's
            # binding finds is the one when it gets back to the app.
            if not (self.holds or self.queue or self._trips):
                return False
            if event.key == "ctrl+q" and any(getattr(held, "key", "") == "ctrl+q"
                                             for held in self.queue):
                return False  # a second ctrl+q quits at once, whatever is still queued
        elif not (isinstance(event, events.Paste)
                  and (self.holds or self.queue or self._replay is not None)):
            return False
        self.queue.append(event)
        self.typing.held(lambda: bool(self.queue))
        return True

    def take_back(self, event: events.Key) -> bool:
        """Keep a key that came back to the app unhandled while a hold is active, in
        its place by the order it was read."""
        if not self.holds or event.key == "ctrl+q":
            return False
        insort(self.queue, event, key=lambda e: getattr(e, _READ, -1))
        return True

    def depart(self, event: events.Event) -> int | None:
        """A key the app is about to hand on (to the focused widget, or to its
        binding): the id of its trip, which lasts until ``follow`` sees it end."""
        if not isinstance(event, events.Key) or event.is_forwarded:
            return None
        trip = getattr(event, _TRIP, None)
        if trip is None:
            trip = next(self._ids)
            self._trips[trip] = monotonic()
        return trip

    def follow(self, trip: int) -> None:
        """Walk behind the key of ``trip`` (just handed on by the app) up to the app.

        Textual gives a key to the widget focused when the app reads it; the
        key then bubbles, one message queue at a time, back to the app, where
        its binding runs (``3`` shows a view and starts a hold, Tab moves the
        focus).  A callback posted to each of those queues right behind the key
        runs once the key has left it: when the one posted to the app runs, the
        key's trip is over and the next key may be given back.  A queue that
        closed meanwhile (its widget removed) drops the key: the trip ends there.

        A binding runs when its key reaches the app, and what it does often
        comes later: Enter on a table posts ``RowSelected`` to the table, whose
        view opens the row's field when the message has bubbled up to it.  So
        the walk is made twice: the second one, started once the first is back,
        follows the messages the binding posted up the same widgets, and the
        trip ends when it is back too (the field has the focus, or its hold
        is on).
        """
        app = self.app
        try:
            start: Any = app.focused or app.screen
        except Exception:  # noqa: BLE001 - no screen (closing): the trip ends here
            start = app

        def step(node: Any, echo: bool) -> None:
            parent = None if node is app else getattr(node, "parent", None)
            if parent is not None and parent.call_later(step, parent, echo):
                return
            if not (echo and start is not app and start.call_later(step, start, False)):
                self._landed(trip)

        if start is app or not start.call_later(step, start, True):
            self._landed(trip)
        self._watch_trips()

    def _landed(self, trip: int) -> None:
        self._trips.pop(trip, None)
        if self._replay == trip:
            self._replay = None
        if not (self.queue or self._trips):
            self.typing.typed()
        self._drain_soon(landed=True)

    def _watch_trips(self) -> None:
        """A trip whose follower never came back (a bug, a pump gone without closing)
        would leave the keys behind it waiting: it ends after ``SAFETY_S``."""
        if self._watch:
            return
        self._watch = True

        def check() -> None:
            self._watch = False
            now = monotonic()
            for trip, since in list(self._trips.items()):
                if now - since > SAFETY_S:
                    self._landed(trip)
            if self._trips:
                self._watch_trips()

        self.app.set_timer(SAFETY_S, check)

    def _drain_soon(self, *, landed: bool = False) -> None:
        """Give the next event back soon: after the next refresh once a hold ends (what it
        waited for is on screen), at once when a key's trip has just ended (a frame
        per key made a 60-key burst take a second)."""
        if not (self._draining or self.holds or self._trips) and self.queue:
            self._draining = True
            if landed:
                self.app.call_later(self._drain_one)
            else:
                self.app.call_after_refresh(self._drain_one)

    def _drain_one(self) -> None:
        """Give back the oldest event; the next once its trip has ended (``follow``).

        One at a time: a key given back may start a hold (a step key mounts its
        view) that the keys behind it must wait for, and a Tab must move the
        focus before the text behind it is typed.  A paste comes back as the
        keys of its first line (what a one-line field keeps of it)."""
        self._draining = False
        if self.holds or self._trips or not self.queue:
            return
        event = self.queue.pop(0)
        if isinstance(event, events.Paste):
            line = event.text.splitlines()[0] if event.text else ""
            read = next(self._read)
            keys = [events.Key(_character_to_key(c), c) for c in line if typed_text(c)]
            for key in keys:
                setattr(key, _READ, read)
            self.queue[:0] = keys
            self._drain_soon()
            return
        assert isinstance(event, events.Key)
        trip = self._replay = next(self._ids)
        self._trips[trip] = monotonic()
        field, text = self._text_run(event)
        for key in text:
            again = events.Key(key.key, key.character)
            setattr(again, _READ, getattr(key, _READ, -1))
            setattr(again, _REPLAYED, True)
            field._forward_event(again)  # noqa: SLF001 - what the app does with a key
        if text:
            self.follow(trip)
            return
        again = events.Key(event.key, event.character)
        setattr(again, _READ, getattr(event, _READ, -1))
        setattr(again, _REPLAYED, True)
        setattr(again, _TRIP, trip)
        # A message stops bubbling at the pump that made it: the app must see
        # it, where the bindings are checked.
        again.set_sender(self.app)
        if not self.app.post_message(again):
            self._landed(trip)

    def _text_run(self, first: events.Key) -> tuple[Any, list[events.Key]]:
        """The focused field and the keys, ``first`` and those queued behind it, that it
        takes as text: given to it at once, in order ([] when ``first`` is not text).

        A key a focused ``Input`` takes as text stops there (nothing listens to
        its changes): it runs no binding and moves no focus, so the text keys
        read behind it can follow it at once, and only the last one's trip is
        followed.  A trip per key, through the app and twice up the widget
        chain, made a raw burst (a paste without bracketed paste) type about ten
        times slower than a plain ``Input``, and an Enter read behind it waited
        for every one.  The run ends at the first key that is not text for the
        field or that a priority binding claims: that one goes to the app once
        the text before it is in, as every key does."""
        app = self.app
        try:
            field = app.focused
            chain = app.screen._binding_chain  # noqa: SLF001 - Textual's own lookup order
        except Exception:  # noqa: BLE001 - no screen (closing): one key at a time
            return None, []
        if not isinstance(field, Input):
            return field, []
        claimed = {key for _, bindings in chain for key, found in bindings.key_to_bindings.items()
                   if any(binding.priority for binding in found)}

        def text(event: events.Event) -> bool:
            return (isinstance(event, events.Key) and event.key not in claimed
                    and field.check_consume_key(event.key, event.character))

        if not text(first):
            return field, []
        run = 0
        while run < len(self.queue) and text(self.queue[run]):
            run += 1
        keys = self.queue[:run]
        del self.queue[:run]
        return field, [first, *(key for key in keys if isinstance(key, events.Key))]


def was_read(event: events.Event) -> bool:
    """Whether the app has read ``event`` (a key it was posted), held or handed on."""
    return hasattr(event, _READ)


def held_input(app: Any) -> HeldInput:
    """``app``'s held input (made on first use for an app that has none yet)."""
    queue: HeldInput | None = getattr(app, "held_input", None)
    if queue is None:
        queue = HeldInput(app)
        app.held_input = queue
    return queue


def hold(app: Any, reason: str) -> None:
    """Hold every key and paste read by ``app`` until ``release(app, reason)``."""
    held_input(app).hold(reason)


def release(app: Any, reason: str) -> None:
    """End ``app``'s hold ``reason``; held events come back in order once none is left."""
    held_input(app).release(reason)


def is_holding(app: Any, reason: str | None = None) -> bool:
    """Whether ``app`` holds input (for ``reason``, or for any reason)."""
    holds = held_input(app).holds
    return bool(holds) if reason is None else reason in holds


def pass_on(app: Any, event: events.Key) -> bool:
    """Handle a key no widget took, before its binding runs; True when it did.

    Called by the app for keys that bubbled all the way up.  While a hold is
    active the key joins the held input, in its place by the order it was
    read, whatever the key (``ctrl+u`` or an arrow runs its binding on what has
    the focus when it arrives: the field the hold brings must have it first).
    A text field takes every printable key it is given (and a form field Tab
    and Esc too), so such a key reaching the app while a field has the focus
    was sent before the field had it: it is passed on to the field.  Observers'
    fields are read-only and pass keys on: those are left to the bindings.
    """
    if not app.is_running:  # closing: no binding may run on a screen taken apart
        event.prevent_default()
        event.stop()
        return True
    if held_input(app).take_back(event):
        event.prevent_default()
        event.stop()
        return True
    if getattr(app, "read_only", False):
        return False
    leaving = event.key in LEAVING_KEYS
    if not (typed_text(event.character) or leaving):
        return False
    try:
        screen = app.screen
    except Exception:  # noqa: BLE001 - no screen yet: nothing to pass on to
        return False
    focused = screen.focused
    if isinstance(focused, Input) and not getattr(event, _PASSED, False) and (
            not leaving or getattr(focused, "handles_leaving_keys", False)):
        again = events.Key(event.key, event.character)
        setattr(again, _PASSED, True)  # passed on once, never twice
        focused.post_message(again)
    else:
        return False
    event.prevent_default()
    event.stop()
    return True
