"""The open workshop as the views see it: store, journey, revision and the edits.

Views, screens and dialogs receive a ``WorkshopSession`` instead of reaching
into the concrete Textual app: they read ``journey``, edit through
``save_field`` / ``mutate`` and ask ``reload`` when the data changed elsewhere.
The app owns one session and wires its hooks (notify, "saved" in the header,
redraw the screen, tell live pairing an edit was ours), so this module imports
neither the app nor Textual and nothing here can form an import cycle.
Navigation that only the app can do (open a workshop, go home, a pairing key)
goes up as the Textual messages defined here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message

from tui.safe_text import short
from tui.session.kept import KeptEdits, WaitingEdit
from tui.session.revisions import Revisions

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.store import Store
    from models.rules.handoffs import DerivedHandoff
    from models.rules.priority import RankedPain

R = TypeVar("R")
READ_ONLY_NOTE = ("This is a read-only seat: it can look but not change anything; ask the lead "
                  "if you need to edit.")
GUEST_NOTE = ("This seat opens only this workshop and writes no file on the server; ask the "
              "lead for anything beyond it.")


def _ignore(*_args: Any, **_kwargs: Any) -> None:
    return None


@dataclass
class SessionHooks:
    """What the session asks of its app: a toast, the header, a redraw, pairing."""

    notify: Callable[..., None] = _ignore
    saved: Callable[[dt.datetime], None] = _ignore
    changed: Callable[[], None] = _ignore
    own_edit: Callable[[], None] = _ignore
    waiting: Callable[[], None] = _ignore  # the count of kept edits changed (presence bar)
    # A kept edit whose field another seat changed meanwhile: (edit, the store's
    # ``ChangedMeanwhile``, answer) where answer takes "mine", "theirs" or None (later).
    conflict: Callable[..., None] = _ignore


@dataclass
class WorkshopSession(Revisions, KeptEdits):
    """The store, the journey snapshot on screen and its revision; every edit passes here."""

    hooks: SessionHooks = field(default_factory=SessionHooks)
    store: Store | None = None
    journey: Journey | None = None
    role: str = ""  # "" = decided by the seat (creator lead, others participant)
    saved_at: dt.datetime | None = None
    # A ``seat`` forced command: this seat sees its one workshop and no Home.
    locked: bool = False
    # A browser seat (``journeymap serve``) runs as the server's OS account: a path typed
    # in a browser must not be written with the lead's rights, so its exports go to the
    # browser as downloads and no file is written on the server.
    no_files: bool = False
    # Typed field edits the team server was away for, oldest first: saved in this
    # order once it is back (``save_waiting``), so nothing typed is lost meanwhile.
    waiting: list[WaitingEdit] = field(default_factory=list)
    # The kept edit the lead is being asked about, and one they put off (Esc): the
    # seat by itself does not ask again; the lead's next saved field does.
    asking: WaitingEdit | None = None
    later: WaitingEdit | None = None
    # The path typed at ``x`` last, by workshop id: offered again to this seat only
    # (one process may run many seats, as ``journeymap serve`` does).
    export_paths: dict[int, str] = field(default_factory=dict)
    _ranked: tuple[int, Journey, list[RankedPain]] | None = None
    _handoffs: tuple[int, Journey, list[DerivedHandoff]] | None = None

    @property
    def guest(self) -> bool:
        """A seat run as an account the guest does not own (forced command, browser)."""
        return self.locked or self.no_files

    @property
    def read_only(self) -> bool:
        """An observer's seat: asked for (``--role observer``) or decided by the seat."""
        return self.role == "observer" or (self.store is not None and self.store.read_only)

    def action_allowed(self, action: str) -> bool:
        """Whether a key may run here: observers get no editing action (``tui.actions``),
        a guest seat nothing that reaches another workshop or a file on the server (a
        browser seat's export is a download to the browser instead)."""
        from tui.actions import edits

        if self.locked or self.no_files:  # a guest seat
            from tui.actions import for_guests

            if not for_guests(action) and not (action == "export" and self.no_files):
                return False
        return not (self.read_only and edits(action))

    def refusal(self, action: str, params: tuple[object, ...] = ()) -> str:
        """Why this seat may not run ``action``: one sentence, or "" when the seat is not
        the reason (the key is said to be refused only when it is)."""
        from tui.actions import edits, for_guests, pairing_edits

        if self.guest and not for_guests(action) and not (action == "export" and self.no_files):
            return GUEST_NOTE
        if self.read_only and (edits(action) or (
                action == "pairing" and bool(params) and pairing_edits(str(params[0])))):
            return READ_ONLY_NOTE
        return ""

    def show(self, journey: Journey | None) -> None:
        """Make ``journey`` the snapshot on screen (a new revision).

        What was derived from the snapshot it replaces goes with it: a cache keeps
        its snapshot, and on a 10,000-touchpoint map one kept until a view asks
        again is a second map in memory (+40-60 MB a seat).
        """
        if journey is not self.journey:
            self._ranked = self._handoffs = None
        self.journey = journey
        self.moved()

    # -- edits ------------------------------------------------------------------
    def run_store(self, call: Callable[[], R],
                  keep: type[Exception] | tuple[type[Exception], ...] | None = None
                  ) -> R | None:
        """Run one store call; a rejected value or a store problem is one notification
        (``keep``: an error the caller handles itself, raised on)."""
        from models.db.schema import StoreError

        try:
            return call()
        except (StoreError, ValueError) as exc:
            if keep is not None and isinstance(exc, keep):
                raise
            self.hooks.notify(short(exc, 300), severity="error", markup=False)
        except OSError as exc:
            self.hooks.notify(f"The database could not be written: {short(exc, 200)}",
                              severity="error", markup=False)
        return None

    def save_field(self, model: type, row_id: int, name: str, text: Any) -> bool:
        """Commit one field (autosave); on success patch the snapshot and refresh.

        While the team server is away the edit is kept (``waiting``) rather than
        dropped: the field keeps its text, the presence bar counts it, and it is
        saved after the ones kept before it once the server is back.
        """
        store = self.store
        if store is None:
            return False
        target = self.find(model, row_id)
        edit = WaitingEdit(model, row_id, name, text,
                           None if target is None else {name: getattr(target, name)})
        if self.waiting and not self.save_waiting():
            self._keep(edit, "")  # behind the older ones: saved in the order typed
            return False
        from models.db.server import ServerAway
        from models.db.store_reads import NotFound

        try:
            row = self.run_store(lambda: store.update(model, row_id, **{name: text}),
                                 keep=(ServerAway, NotFound))
        except ServerAway as away:
            self._keep(edit, away.kept)
            return False
        except NotFound as gone:
            self.say_back(gone, text)
            return False
        if row is None:
            return False
        self._patch(model, row_id, name, row)
        return True

    def say_back(self, gone: Exception, text: Any) -> None:
        """A row deleted by another seat while this one typed in it: the words are said
        back, or they would vanish with the row (qa19)."""
        self.hooks.notify(short(f"{gone} What you typed was not saved: “{text}”", 600),
                          severity="error", markup=False)

    def _patch(self, model: type, row_id: int, name: str, row: Any) -> None:
        """A field just saved: into the snapshot on screen, without a reload."""
        self.hooks.own_edit()  # on screen already: the poll need not reload it
        target = self.find(model, row_id)
        if target is None:  # not in the snapshot (e.g. created elsewhere): take a fresh one
            self.reload()
            self.mark_saved()
            return
        setattr(target, name, getattr(row, name))
        self.last_patch = (self.moved(frozenset({f"{model.__name__}.{name}"})),
                           model.__name__, row_id, name)
        self.mark_saved()
        self.hooks.changed()

    def mutate(self, call: Callable[[], R]) -> R | None:
        """A structural edit (add, delete, move): run it, then reload the journey.

        Refused because the team server is away, it is one sentence and no reload:
        the reload's read would fail too and say so a second time.
        """
        from models.db.server import ServerAway

        try:
            result = self.run_store(call, keep=ServerAway)
        except ServerAway as away:
            self.hooks.notify(short(away, 300), severity="error", markup=False)
            return None
        if result is not None:
            self.mark_saved()
            self.hooks.own_edit()  # reloaded just below, not again by the poll
        self.reload()  # also after a failure: the store may know better than we do
        return result

    def undo_last_edit(self) -> None:
        """Take back this seat's own last change, an edit, add, delete or move
        (``Store.undo_last``): saved and reloaded like any edit; what came back, or why
        not, is one notification."""
        store, journey = self.store, self.journey
        if store is None or journey is None or journey.workshop.id is None:
            return
        wid = journey.workshop.id
        entry = self.mutate(lambda: store.undo_last(wid, seat=store.who))
        if entry is not None and self.journey is not None:
            from models.live.activity import subject_names, undone_words

            self.hooks.notify(short(undone_words(entry, subject_names(self.journey)), 300),
                              markup=False)

    def mark_saved(self) -> None:
        self.saved_at = dt.datetime.now()
        self.hooks.saved(self.saved_at)

    def find(self, model: type, row_id: int) -> Any:
        """The row of ``model`` with ``row_id`` in the snapshot, or None."""
        pool = self._pool(model)
        return next((row for row in pool or () if row.id == row_id), None)

    def gone(self, model: type, row_id: int) -> bool:
        """Whether the snapshot on screen holds rows of ``model`` but not ``row_id``: a row
        another seat deleted.  A kind of row not kept here (a handoff's unsaved detail)
        is never said to be gone."""
        pool = self._pool(model)
        return pool is not None and all(row.id != row_id for row in pool)

    def _pool(self, model: type) -> Iterable[Any] | None:
        """The snapshot's rows of ``model``, or None for a kind it does not keep."""
        journey = self.journey
        if journey is None:
            return None
        pools: dict[str, Callable[[], Iterable[Any]]] = {
            "Workshop": lambda: (journey.workshop,), "Stage": lambda: journey.stages,
            "Touchpoint": journey.ordered_touchpoints,
            "PainPoint": lambda: journey.pain_points, "Handoff": lambda: journey.handoffs,
            "HypothesisCard": lambda: journey.cards, "PlanTask": lambda: journey.plan_tasks,
            "Participant": lambda: journey.participants,
            "ChannelCost": lambda: journey.channel_costs,
            "EscalationLevel": lambda: journey.escalation_levels,
        }
        rows = pools.get(model.__name__)
        return None if rows is None else rows()

    def reload(self) -> None:
        """Reload the open workshop from the store and refresh what is on screen.

        Cursor, scroll and focus are kept by the step views, and a field being
        typed in is not touched; pairing calls this when another seat commits.
        From a file, the snapshot on screen is let go once the store found the
        workshop, before the rows are read (``Store.load``): two whole maps at once
        were a big map's seat's peak.  A server may go away in mid-read, when the
        map on screen is all the seat has: that one is kept until the new is read.
        """
        store, journey = self.store, self.journey
        if store is None or journey is None or journey.workshop.id is None:
            return
        wid = journey.workshop.id
        del journey  # the session's reference is the one ``_let_go`` drops
        fresh = self.run_store(lambda: store.load(wid) if store.on_server
                               else store.load(wid, letting_go=self._let_go))
        if fresh is None and self.journey is None:  # let go, then the read failed
            fresh = self.run_store(lambda: store.load(wid))
        if fresh is None:
            return
        self.show(fresh)
        self.hooks.changed()

    def plan_written(self, tasks: list[Any]) -> None:
        """The plan this seat just wrote, put into the snapshot on screen: only its tasks
        changed, and reading the whole map again cost a 10,000-touchpoint seat ~0.2 s and
        a second map's allocations the heap kept.  Another seat's edit meanwhile is the
        poll's to reload (``own_edit`` takes no fingerprint past one)."""
        if self.journey is None:
            return
        self.hooks.own_edit()
        self.journey.plan_tasks = list(tasks)
        self.moved(frozenset({"PlanTask"}))
        self.hooks.changed()

    def _let_go(self) -> None:
        self.journey = None
        self._ranked = self._handoffs = None

    def design_note(self, journey: Journey) -> str:
        """"" for a live map; for a to-be design, the sentence saying its plan and tracker
        are the as-is map's, named (``live_maps.follow_up_elsewhere``, as the exports say)."""
        from models.rules.live_maps import follow_up_elsewhere, is_live

        workshop = journey.workshop
        if is_live(workshop):
            return ""
        source, store, title = workshop.as_is_workshop_id, self.store, ""
        if source is not None and store is not None:
            from models.db.schema import StoreError

            try:
                title = store.get_workshop(source).title.strip()
            except StoreError:  # the as-is was deleted: its number is all there is
                title = ""
        return follow_up_elsewhere(workshop, title)

    # -- derived data, once per revision ------------------------------------------
    def ranked_pains(self, journey: Journey) -> list[RankedPain]:
        """``rank_pain_points(journey)``, reused while the revision and the snapshot hold.

        The Pain points view needs the ranking for the table *and* the matrix; a
        redraw after an unrelated change (a step switch, a presence tick) must
        not pay for it again.  The snapshot is kept so its id cannot be reused.
        """
        from models.rules import priority

        hit = self._ranked
        if hit is not None and hit[0] == self.revision and hit[1] is journey:
            return hit[2]
        ranked = priority.rank_pain_points(journey)
        self._ranked = (self.revision, journey, ranked)
        return ranked

    def handoffs(self, journey: Journey) -> list[DerivedHandoff]:
        """``derive_handoffs(journey)``, reused while the revision and the snapshot hold.

        The Ownership view needs them for the table, the lanes, the flags and the
        handoff form beside the cursor; at 10,000 touchpoints deriving them five
        times was a fifth of a first visit.
        """
        from models.rules import handoffs

        hit = self._handoffs
        if hit is not None and hit[0] == self.revision and hit[1] is journey:
            return hit[2]
        derived = handoffs.derive_handoffs(journey)
        self._handoffs = (self.revision, journey, derived)
        return derived


def succeeded(call: Callable[[], object]) -> Callable[[], bool]:
    """A store call that returns nothing, as one that returns True once it went through.

    ``run_store`` and ``mutate`` report failure as None; a move or a delete has no
    result of its own, so this gives them one.
    """
    def run() -> bool:
        call()
        return True

    return run


class OpenWorkshop(Message):
    """A screen asks the app to open a workshop (at a step)."""

    def __init__(self, workshop_id: int, step: str | None = None) -> None:
        super().__init__()
        self.workshop_id = workshop_id
        self.step = step


class GoHome(Message):
    """A screen asks the app to show the list of workshops."""


class PairingKey(Message):
    """A view asks the app's pairing controller to run one of its actions."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
