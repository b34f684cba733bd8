"""The workshop screen: header, step bar, the current step's view, footer.

Step views are kept once mounted (switching back keeps cursor and scroll).
Mounting one (its table, its form of a dozen fields) costs Textual 140-460 ms
of compose, styles and layout, so a first visit used to make the room wait:
after the first paint the screen builds the other steps' views hidden, one at
a time and only at idle (no view mounting, no dialog on top), nearest steps
first, and a first visit becomes a switch.  A view built early draws the
journey again when shown if it changed meanwhile (``StepView.draw``).  Moving
to a step stores it as ``workshop.current_step`` so re-opening returns there.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult, SystemCommand
from textual.binding import ActiveBinding, Binding
from textual.css.query import NoMatches
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import AwaitMount, Widget
from textual.widgets import ContentSwitcher

from models.rules.live_maps import is_live
from models.rules.progress import edit_changes_states, step_states
from models.vocab import LABELS, METHOD_LABELS, METHOD_VIEWS, STEP_WORDS, STEPS
from tui.actions import UNDO_KEY, bindings, palette_help
from tui.screens.kept_map import KeptMapCompositor
from tui.screens.warm_views import cool, laid_out, mark_laid_out, room_busy, stop, warm, warming
from tui.session.workshop import GoHome, WorkshopSession
from tui.steps.base import StepView
from tui.steps.registry import VIEWS
from tui.widgets.focus_look import settle
from tui.widgets.footer import CalmFooter
from tui.widgets.header import CalmHeader
from tui.widgets.step_bar import StepBar
from tui.widgets.typeahead import VIEW, held_input, hold

if TYPE_CHECKING:
    from models.db.journey import Journey

# Between two step views built at idle: the keys read meanwhile are handled first.
PREBUILD_IDLE_S = 0.05


class StepSwitcher(ContentSwitcher):
    """The step views, one shown: choosing it lays the screen out and repaints nothing.

    ``ContentSwitcher.current`` repaints the switcher when it changes: every line of
    the content area re-rendered as blank background under the view shown over it.
    Its ``display`` toggle also repaints the two views: every line of their own
    background drawn afresh, though a view shown again at the size it had looks as
    it did when hidden (its children keep their own drawn lines the same way).  The
    layout pass marks the area the views cover for the screen update; a view given
    a new size while hidden repaints on its resize.
    """

    current: Reactive[str | None] = Reactive(None, init=False, repaint=False)
    # A view built at idle is laid out once under the view shown (``warm_views``).
    DEFAULT_CSS = "StepSwitcher { layers: warm default; }"

    def watch_current(self, old: str | None, new: str | None) -> None:
        shown = self.get_child_by_id(new) if new else None  # NoMatches, as Textual's
        hidden = next((view for view in self.children if old and view.id == old), None)
        with self.app.batch_update():
            for view, display in ((hidden, "none"), (shown, "block")):
                if view is not None and view.styles.set_rule("display", display):
                    view._nodes.updated()  # noqa: SLF001 - as Textual's ``display`` does
                    view.refresh(layout=True, repaint=False)
            # The layout pass marks what moved by comparing the screen's map with the
            # one the last pass built (``KeptMapCompositor.reflow``), not with one
            # rebuilt in between: the area of the two views is part of its one update.


class WorkshopScreen(Screen[None]):
    """One open workshop, one step at a time, with the step bar always visible."""

    BINDINGS = [*bindings("screen"), *bindings("workshop")]
    # Textual repaints the whole screen when the focus moves; the widgets losing and
    # taking it repaint themselves (their :focus styles), so a step switch, which
    # moves the focus into the view it shows, composed the screen a second time.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    prebuilt = False  # every step's view exists (visited, or built at idle)
    _input_at = 0.0  # when the last key, paste or click was read (``monotonic``)

    # No auto-focus: Textual would focus the first Input before its form is bound,
    # and a key typed then would land in a field about to be overwritten.  Each
    # step view's ``focus_default`` decides, once its data is drawn.
    AUTO_FOCUS = ""

    def __init__(self, session: WorkshopSession, step: str, *, save: bool = False) -> None:
        super().__init__()
        self._compositor = KeptMapCompositor()  # one arrangement of the screen per layout
        self.session = session
        self.step = step
        self._save_first = save  # opened at a step chosen by a key: remember it

    def compose(self) -> ComposeResult:
        yield CalmHeader()
        yield StepBar(id="stepbar")
        yield StepSwitcher(id="steps")
        yield CalmFooter()

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """Textual's bindings, the step's own first, then the screen's and the app's,
        then those of the widgets in the step (the focused table's or grid's cursor keys).

        The ``?`` panel lists them in this order: Textual puts the focused widget's
        first, so the card grid's ←, →, pgup… came before what the step does ("Card
        for top pain", "Add stage"), which is what a lead opens the panel for.  Which
        binding a key runs is decided by the binding chain, not by this order.  Only
        while the panel is open: the footer reads these on every refresh.
        """
        found = super().active_bindings
        shown = getattr(self.app, "help_shown", None)
        if shown is None or not shown():  # the footer asks often and shows no widget key
            return found

        def rank(bound: ActiveBinding) -> int:
            node = bound.node
            return (0 if isinstance(node, StepView) else 1 if node is self
                    else 2 if node is self.app else 3)

        return dict(sorted(found.items(), key=lambda item: rank(item[1])))

    def on_mount(self) -> None:
        self.title = self._title()
        self.show_step(self.step, save=self._save_first)
        # a key read stops a warm-up under way before the key is handled (``warm_views``)
        held_input(self.app).read.subscribe(self, self._input_read, immediate=True)
        self.call_after_refresh(self.set_timer, PREBUILD_IDLE_S, self._build_next)

    def _input_read(self, _event: object) -> None:
        self._input_at = monotonic()  # idle again only ``PREBUILD_IDLE_S`` after it
        for view in self._views():
            stop(view)

    def _build_next(self) -> None:
        """At the next idle moment, mount one step view not built yet, hidden.

        Waits while the store is still opening (the early scope step), keys are
        held (typed while it opened, or while a step key's own view mounts) or were
        read less than ``PREBUILD_IDLE_S`` ago (the room is typing), a worker runs
        (Tracker's portfolio read: its thread shares the interpreter), a view is
        still composing or being laid out, or another screen (a dialog) is on top.
        Then, after the screen's next refresh (what the key or the worker brought
        is drawn first), the build goes through the app's queue, behind any key
        already read: a step key typed meanwhile is served first and costs one
        first visit (its own), never the whole idle queue.  Once all are built, the
        objects they hold are frozen out of the garbage collector's full passes (a
        pass over them cost 75-90 ms on every third step switch).
        """
        if self.prebuilt or not self.is_attached or self.session.journey is None:
            return
        if not self.is_current or self._keys_first():
            self.set_timer(PREBUILD_IDLE_S, self._build_next)
            return
        self.call_after_refresh(self.app.call_later, self._build_one)

    def _keys_first(self) -> bool:
        """Whether the prebuild must wait: the room's keys, workers and own views come
        first."""
        # The early scope step is drawn from plain sqlite3 while the store opens: the
        # other views bind ORM rows, so they wait for it (and keep start-up lean).
        return (self.session.store is None or room_busy(self.app)
                or monotonic() - self._input_at < PREBUILD_IDLE_S
                or any(not view.ready or warming(view) for view in self._views()))

    def _views(self) -> list[StepView]:
        """The step views built so far, found by id (every key read asks: no CSS query)."""
        try:
            switcher = self.get_child_by_id("steps")
        except NoMatches:  # the screen is closing
            return []
        return [child for child in switcher.children if isinstance(child, StepView)]

    def _build_one(self) -> None:
        """Mount the missing view nearest the current step (keys read before ran first)."""
        if self.prebuilt or not self.is_attached or not self.is_current or self._keys_first():
            self.set_timer(PREBUILD_IDLE_S, self._build_next)
            return
        views = self._views()
        for view in views:
            if view.display:
                mark_laid_out(view)  # laid out on screen
        cold = [view for view in views if not laid_out(view)]
        if cold:  # built (or stopped) earlier: laid out out of sight before the next is built
            warm(self, cold[0])
            self.set_timer(PREBUILD_IDLE_S, self._build_next)
            return
        built = {view.id for view in views}
        here = self._index()
        missing = sorted((s for s in STEPS if f"step-{s}" not in built),
                         key=lambda s: abs(STEPS.index(s) - here))
        if not missing:
            self.prebuilt = True
            gc.freeze()
            return
        view = VIEWS[missing[0]](self.session, id=f"step-{missing[0]}")
        view.display = False
        self.query_one(ContentSwitcher).mount(view)  # attached and current: checked above
        self.set_timer(PREBUILD_IDLE_S, self._build_next)

    def _title(self) -> str:
        from tui.safe_text import short

        journey = self.session.journey
        if journey is None:
            return "journeymap"
        w = journey.workshop
        return short(w.title or w.scenario or f"Workshop {w.id}", 60)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True,
                  from_app_focus: bool = False) -> None:
        """Focus ``widget`` unless it lies in a step view that is not the one shown.

        A view asks for its focus after a refresh (a drafted card, a row added): a
        key read meanwhile may have switched step, and the late focus then went to
        the hidden view, whose keys ran on the step shown (``d`` on the Plan asked to
        delete a card).  Textual focuses a widget under ``display: none``."""
        view = next((node for node in widget.ancestors_with_self
                     if isinstance(node, StepView)), None) if widget is not None else None
        if view is not None and view.id != self.query_one(StepSwitcher).current:
            return
        super().set_focus(widget, scroll_visible, from_app_focus)

    def view(self, step: str | None = None) -> StepView:
        return self.query_one(f"#step-{step or self.step}", StepView)

    def show_step(self, step: str, *, save: bool = True) -> AwaitMount | None:
        """Show ``step``; returns the mount to await when its view is new."""
        journey = self.session.journey
        if journey is None or step not in VIEWS:
            return None
        if step in METHOD_VIEWS:
            save = False  # re-opening returns to the step, not to a method view
        waiter: AwaitMount | None = None
        switcher = self.query_one(ContentSwitcher)
        previous = self.step
        self.step = step
        # The views are the switcher's children: found by id, not by a CSS query over
        # every widget of every built view (half of a switch's own work).
        view_id = f"step-{step}"
        kept = next((child for child in switcher.children if child.id == view_id), None)
        if not isinstance(kept, StepView):
            view = VIEWS[step](self.session, id=view_id)
            waiter = switcher.mount(view)  # draws on mount
            if view.parent is not switcher:
                return None  # the screen is closing (quit): Textual mounts nothing then
            hold(self.app, VIEW)  # the burst's next keys wait for the view (typeahead)
            switcher.current = view_id
        else:
            try:
                switcher.current = view_id
            except NoMatches:
                # its view is still mounting (a burst came back to it under load): show
                # it once mounted, as the key asked
                self.call_after_refresh(self.show_step, step, save=save)
                return None
            view = kept
            cool(view)  # asked for while laid out out of sight: shown, focusable, now
            view.draw(journey)
            if view.ready:  # else its ``on_mount`` (still to come) draws and focuses
                view.shown()
                view.focus_default()  # now, so the first paint of the view is already focused
                settle(self)  # a table hidden focused and shown unfocused: its look, now
            else:  # built at idle and still composing: the burst's next keys wait for it
                hold(self.app, VIEW)
        self._show_bar(journey)
        if save and journey.workshop.id is not None and journey.workshop.current_step != step:
            journey.workshop.current_step = step
            self.call_after_refresh(self._save_step, journey.workshop.id, step)
        if previous != step:
            self.refresh_bindings()
            self.query_one(CalmFooter).show_now()  # laid out with the step, not after it
        return waiter

    def _save_step(self, wid: int, step: str) -> None:
        """Remember the step for re-opening; after the paint, so the switch shows first.

        One UPDATE (``Store.remember_step``), committed before the app is idle again: a
        seat killed right after the switch re-opens at the step it showed."""
        store = self.session.store
        if store is None or store.read_only or self.step != step:
            return  # moved on already: the newer switch saves its own step
        if self.session.run_store(lambda: store.remember_step(wid, step)) is not None:
            self.session.hooks.own_edit()

    def _show_bar(self, journey: Journey) -> None:
        """The step bar; its states are recomputed only for a new revision of the journey."""
        rev = (self.session.revision, id(journey))
        old = getattr(self, "_bar_rev", None)
        if old != rev:
            patch = self.session.last_patch  # one field edited since ``old``: may keep them
            if not (old and patch and patch[0] == rev[0] == old[0] + 1 and old[1] == rev[1]
                    and not edit_changes_states(patch[1], patch[3])):
                self._states = step_states(journey)
            self._bar_rev = rev
        self.query_one(StepBar).show(self.step, self._states)

    def refresh_from(self, journey: Journey) -> None:
        """Refresh the step bar and the visible step view from a new snapshot."""
        self.title = self._title()
        self._show_bar(journey)
        view = self.query_one_optional(f"#step-{self.step}", StepView)  # by id: no CSS query
        if view is not None:
            view.draw(journey)

    def action_goto(self, step: str) -> None:
        self.show_step(step)


    def _index(self) -> int:
        """The step's place in the bar; a method view counts as the last workshop step."""
        return STEPS.index(self.step) if self.step in STEPS else STEPS.index("pains")

    def action_next_step(self) -> None:
        self.show_step(STEPS[min(len(STEPS) - 1, self._index() + 1)])

    def action_prev_step(self) -> None:
        self.show_step(STEPS[max(0, self._index() - 1)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``h`` (Home) is gone on a forced-command seat (it sees one workshop only) and
        ``ctrl+z`` (undo) for an observer: the session's one rule for every key."""
        return self.session.action_allowed(action)

    def action_undo(self) -> None:
        self.session.undo_last_edit()

    def action_home(self) -> None:
        self.post_message(GoHome())

    async def _make_future(self) -> None:
        """Show the Future state view and open (or make) the to-be copy from there."""
        waiter = self.show_step("future")
        if waiter is not None:
            await waiter
        await self.view("future").run_action("make_future")

    def action_data(self) -> None:
        """The Data screen (ticket imports, metrics, KPI trends) over this workshop."""
        from tui.screens.data import DataScreen

        self.app.push_screen(DataScreen(self.session))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """Every step and every action of the current step, for the command palette."""
        for i, step in enumerate(STEPS):
            yield SystemCommand(f"Go to {i + 1 if i < 5 else ''} {LABELS[step]}".replace("  ", " "),
                                f"Show the {LABELS[step]} step: {STEP_WORDS[step]}",
                                _bind(self.show_step, step))
        for view_key in METHOD_VIEWS:
            yield SystemCommand(METHOD_LABELS[view_key], f"Show the {METHOD_LABELS[view_key]} "
                                f"view: {STEP_WORDS[view_key]}", _bind(self.show_step, view_key))
        if self.session.action_allowed("make_future") and self.session.journey is not None \
                and is_live(self.session.journey.workshop):
            yield SystemCommand("Future state: open or make the to-be copy",
                                palette_help("make_future"),
                                _bind(lambda _arg: self._make_future(), None))
        if self.session.action_allowed("home"):
            yield SystemCommand("Home", palette_help("home", "h"), self.action_home)
        yield SystemCommand("Ticket data", palette_help("data", "T"), self.action_data)
        if self.session.action_allowed("undo"):
            yield SystemCommand("Undo my last change", palette_help("undo", UNDO_KEY),
                                self.action_undo)
        if self.query(f"#step-{self.step}"):
            view = self.view()
            label = LABELS.get(self.step) or METHOD_LABELS[self.step]
            for binding in view.BINDINGS:
                if isinstance(binding, Binding) and binding.description \
                        and view.check_action(binding.action.split("(")[0], ()):
                    yield SystemCommand(f"{label}: {binding.description}",
                                        palette_help(binding.action.split("(")[0], binding.key),
                                        _bind(view.run_action, binding.action))


def _bind(func: Any, arg: Any) -> Any:
    def call() -> None:
        result = func(arg)
        if hasattr(result, "__await__"):
            import asyncio

            asyncio.ensure_future(result)

    return call
