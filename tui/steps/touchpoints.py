"""Step 3 — Touchpoints: what the customer does, thinks and feels at each stage.

The sentiment line above the table is redrawn from the snapshot on every
change, so the room sees the curve move while scores are typed (or nudged with
``+``/``-``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult

from models.vocab import ACTORS, OCC_EMOTIONS
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.safe_text import clean, safe, short
from tui.session.workshop import succeeded
from tui.steps.columns import CutRow, cut
from tui.steps.table_form import TableFormView
from tui.widgets.forms import FieldSpec
from tui.widgets.new_row import edit_new
from tui.widgets.step_bar import LEVEL_STYLE, SentimentLine

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.db.tables.workshop import Touchpoint

FACES = {-2: "-2 ☹☹", -1: "-1 ☹", 0: " 0 ·", 1: "+1 ☺", 2: "+2 ☺☺"}
CHANNELS = ("Help center", "Chat", "Email", "Phone", "In-app", "Status page", "Bot",
            "Community", "Web form", "Social")



def _row(n: int, stage_name: str, tp: Touchpoint) -> CutRow:
    """One touchpoint row: number, stage, name, channel, sentiment, lane, actor, moment of truth.

    Feel, lane, actor and the moment-of-truth star are states and stay whole;
    stage, name and channel share the rest of the width (``CUT``), cut with an
    ellipsis only when they do not fit.  Plain text only: the table makes ``Text``
    of the rows it draws (``LazyRow``).
    """
    return CutRow((str(n), cut(stage_name), cut(tp.name), cut(tp.channel),
                    FACES.get(tp.sentiment, str(tp.sentiment)),
                    "back" if tp.lane == "backstage" else "front", clean(tp.actor) or "—",
                    "★" if tp.moment_of_truth else ""),
                   ("", "", "", "", LEVEL_STYLE.get(tp.sentiment, ""), "",
                    "cyan" if tp.actor == "bot" else ""))


class TouchpointsView(TableFormView):
    """All touchpoints in journey order, grouped by stage, with the sentiment line."""

    STEP = "touchpoints"
    TITLE = "Touchpoints"
    HEADLINE = "Step 3 · Touchpoints — what they do, think and feel; sentiment -2..+2"
    EMPTY = "No touchpoints yet. Press a to add one to the first stage, A to choose the stage."
    HELP = ("- **Feel**: how the customer feels there, from -2 to +2.\n"
            "- **Lane**: front, the customer sees it; back, it happens behind the scenes.\n"
            "- **MoT**: ★ marks a moment of truth, where the customer decides whether to "
            "trust you.")
    COLUMNS = (("n", "#"), ("stage", "Stage"), ("name", "Touchpoint"), ("channel", "Channel"),
               ("sent", "Feel"), ("lane", "Lane"), ("actor", "Actor"), ("mot", "MoT"))
    CUT = {"stage": 1, "name": 2, "channel": 1}
    SHOWS = frozenset({"Stage", "Touchpoint"})  # the rows and the sentiment line
    FIELDS = (
        FieldSpec("name", "Touchpoint", "e.g. 'Clicks Forgot password'."),
        FieldSpec("channel", "Channel", "Help center, chat, email, phone, in-app, status page…",
                  suggestions=CHANNELS),
        FieldSpec("does", "Does", "What the customer does."),
        FieldSpec("thinks", "Thinks", "What they wonder: 'Will this reset my settings?'"),
        FieldSpec("feels", "Feels", "Frustrated, anxious, relieved…"),
        FieldSpec("sentiment", "Sentiment", "-2 (awful) .. +2 (great); + and - in the table."),
        FieldSpec("lane", "Lane", "frontstage (the customer sees it) or backstage.",
                  suggestions=("frontstage", "backstage")),
        FieldSpec("moment_of_truth", "Moment of truth", "", kind="bool"),
        FieldSpec("actor", "Actor", "Who handles it: customer (self-service), bot, agent or "
                  "system (backstage automation).", suggestions=ACTORS),
        FieldSpec("emotion", "Emotion (OCC)", "Optional tag beside 'feels': relief, distress, "
                  "fear, anger, satisfaction…", suggestions=OCC_EMOTIONS),
        FieldSpec("bot_intent", "Bot: intent", "Bot touchpoints: the intent it handles, e.g. "
                  "'password reset'."),
        FieldSpec("bot_escalation_rule", "Bot: escalation rule", "When it hands over, e.g. "
                  "'to a human after 2 failed verification attempts'."),
        FieldSpec("bot_context_passed", "Bot: context passed", "What reaches the agent: full "
                  "transcript, data already fetched, steps tried."),
        FieldSpec("bot_deflection_rate", "Bot: deflection rate", "Share of contacts the bot "
                  "contains, e.g. 60 %.", percent=True),
    )
    BINDINGS = [
        *TableFormView.BINDINGS,
        *bindings("touchpoints"),
    ]

    def compose_top(self) -> ComposeResult:
        yield SentimentLine(id="sentiment")

    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        out: list[tuple[str, tuple[Any, ...]]] = []
        n = 0
        for stage in journey.stages:
            stage_name = stage.name
            for tp in journey.touchpoints.get(stage.id or 0, []):
                n += 1
                out.append((str(tp.id), _row(n, stage_name, tp)))
        return out

    def row_for(self, journey: Journey, model: str, row_id: int,
                field: str) -> tuple[str, tuple[Any, ...]] | None:
        """A touchpoint's own field shows in its own row only (its number and stage stay)."""
        if model != "Touchpoint":
            return None
        key = str(row_id)
        order: list[str] = getattr(self.table, "_jm_order", [])
        tp = journey.touchpoint(row_id)
        stage = journey.stage_of(tp)
        if tp is None or stage is None or key not in order:
            return None
        return key, _row(order.index(key) + 1, stage.name, tp)

    def refresh_extra(self, journey: Journey) -> None:
        self.query_one(SentimentLine).set_sections(
            [(st.name, [tp.sentiment for tp in journey.touchpoints.get(st.id or 0, [])])
             for st in journey.stages])

    def record(self, key: str | None) -> tuple[type | None, Any]:
        from models.db.tables.workshop import Touchpoint

        if key is None or self.session.journey is None:
            return Touchpoint, None
        return Touchpoint, self.journey.touchpoint(int(key))

    def _target_stage(self) -> int | None:
        _, tp = self.record(self.current_key())
        if tp is not None:
            return int(tp.stage_id)
        return self.journey.stages[0].id if self.journey.stages else None

    def action_add(self) -> None:
        """Add to the stage of the touchpoint under the cursor (the first stage if none)."""
        self._add(self._target_stage())

    def action_add_to_stage(self) -> None:
        """Ask which stage, the current one highlighted (Enter) and 1-9 choosing directly."""
        stages = self.journey.stages
        if len(stages) < 2:
            self.action_add()
            return
        current = self._target_stage()
        options = [(safe(f"{i + 1}. {st.name}", limit=60), int(st.id or 0))
                   for i, st in enumerate(stages)]
        here = next((i for i, st in enumerate(stages) if st.id == current), 0)
        self.app.push_screen(PickScreen("Add a touchpoint to which stage?", options,
                                        highlight=here, digits=True), self._add)

    def _add(self, stage_id: int | None) -> None:
        from models.db.tables.workshop import Touchpoint

        store = self.session.store
        if stage_id is None or store is None:
            if not self.journey.stages:
                self.notify("Add a stage first (step 2, key 2).", markup=False)
            return
        row = self.session.mutate(lambda: store.add(Touchpoint(stage_id=stage_id,
                                                            name="New touchpoint")))
        if row is not None:
            self.select(str(row.id))
            edit_new(self)

    def action_nudge(self, delta: int) -> None:
        from models.db.tables.workshop import Touchpoint

        _, tp = self.record(self.current_key())
        if tp is None:
            return
        value = max(-2, min(2, tp.sentiment + delta))
        if value != tp.sentiment:
            self.session.save_field(Touchpoint, int(tp.id), "sentiment", value)

    def action_move(self, delta: int) -> None:
        from models.db.tables.workshop import Touchpoint

        key, store = self.current_key(), self.session.store
        if key is None or store is None:
            return
        self.session.mutate(succeeded(lambda: store.move(Touchpoint, int(key), delta)))
        self.select(key)

    def action_move_stage(self) -> None:
        key, store = self.current_key(), self.session.store
        _, tp = self.record(key)
        if tp is None or store is None or key is None:
            return
        stages = self.journey.stages
        if len(stages) < 2:
            self.notify("There is no other stage to move it to.", markup=False)
            return
        # Every stage, numbered as on the step bar and in A's list, so the digit typed is
        # the stage's number; its own stage stays listed (choosing it changes nothing).
        here = next((i for i, st in enumerate(stages) if st.id == tp.stage_id), 0)
        options = [(safe(f"{i + 1}. {st.name}", limit=60), int(st.id or 0))
                   for i, st in enumerate(stages)]
        options[here][0].append(" (here now)", style="dim")

        def done(stage_id: int | None) -> None:
            if stage_id is not None and stage_id != tp.stage_id:
                self.session.mutate(succeeded(lambda: store.move_touchpoint(int(key), stage_id)))
                self.select(key)

        self.app.push_screen(PickScreen("Move the touchpoint to which stage?", options,
                                        highlight=(here + 1) % len(stages), digits=True),
                             done)

    async def action_add_pain(self) -> None:
        from models.db.tables.cards import PainPoint

        _, tp = self.record(self.current_key())
        store = self.session.store
        if tp is None or store is None:
            return
        wid = self.journey.workshop.id
        pain = self.session.mutate(lambda: store.add(PainPoint(
            workshop_id=int(wid or 0), touchpoint_id=tp.id,
            description=f"Pain at {short(tp.name, 60)}")))
        if pain is not None:
            screen = self.screen
            waiter = screen.show_step("pains")  # type: ignore[attr-defined]
            if waiter is not None:
                await waiter
            view = screen.view("pains")  # type: ignore[attr-defined]
            view.select(str(pain.id))
            view.edit_first()

    def action_delete(self) -> None:
        from models.db.tables.workshop import Touchpoint

        _, tp = self.record(self.current_key())
        store = self.session.store
        if tp is None or store is None:
            return
        question = Text("Delete the touchpoint ")
        question.append(safe(short(tp.name, 60), "bold"))
        question.append("?")

        def done(yes: bool | None) -> None:
            if yes:
                self.session.mutate(succeeded(lambda: store.delete(Touchpoint, tp.id)))

        self.app.push_screen(ConfirmScreen(question, "Its pain points stay, unlinked."), done)
