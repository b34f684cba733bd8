"""Step 5 — Pain points: ranked with the reason for each rank, and the matrix.

The order and the reasons come from ``models.rules.priority`` so the screen, the
exports and the cards agree; ``v`` switches between the ranked list and the
impact/effort matrix (where each pain point sits, by rank number).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult

from models.rules.priority import quadrant_rule
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.safe_text import clean, safe, short
from tui.session.workshop import PairingKey, succeeded
from tui.steps.columns import CutRow, cut
from tui.steps.table_form import TableFormView
from tui.widgets.drawings import ImpactMatrix
from tui.widgets.forms import FieldSpec
from tui.widgets.new_row import edit_new

if TYPE_CHECKING:
    from models.db.journey import Journey
    from models.rules.priority import RankedPain

KIND_LABEL = {"loop": "loop", "branch": "branch", "dead_end": "dead end", "other": "other"}


def _row(ranked: RankedPain, at: str) -> CutRow:
    """One ranked pain point as plain text (user text cleaned and cut).

    Rank, touchpoint, kind, impact/effort, tickets and votes stay whole; the
    description and the reason share the rest of the width (``CUT``).  The reason starts
    with the quadrant (a state), so it has no column of its own, and without
    its "ranked N:" (the # column says it).
    """
    pain = ranked.pain
    why = ranked.reason.split(": ", 1)[-1]
    return CutRow((str(ranked.rank), cut(pain.description), at,
                    clean(KIND_LABEL.get(pain.kind, pain.kind)), f"{pain.impact}/{pain.effort}",
                   "—" if ranked.volume is None else f"{ranked.volume:,}", str(ranked.votes),
                   cut(why)),
                  ("", "", "", "", "", "", "", "green" if ranked.quadrant == "quick_win" else ""))


class PainsView(TableFormView):
    """Ranked pain points; add, edit, link to a touchpoint, delete; matrix view."""

    STEP = "pains"
    TITLE = "Pain points"
    HEADLINE = "Step 5 · Pain points — loops, branches, dead ends; ranked by impact/effort"
    EMPTY = "No pain points yet. Press a to add one (or x on a touchpoint in step 3)."
    LETTERS_START_ROW = False  # ``a`` asks at which touchpoint first: a letter is no name
    HELP = ("- **At**: the touchpoint where it happens.\n"
            "- **I/E**: impact / effort, each 1 low, 2 medium, 3 high.")
    COLUMNS = (("rank", "#"), ("desc", "Pain point"), ("tp", "At"),
               ("kind", "Kind"), ("ie", "I/E"), ("vol", "Tickets"), ("votes", "Votes"),
               ("why", "Why this rank"))
    CUT = {"desc": 3, "why": 2}
    # The rank reads the pains, their touchpoints' order (the At column's number) and
    # the workshop's revealed votes: no touchpoint's text, so a sentiment typed on step 3
    # is not ranked again here.
    SHOWS = frozenset({"PainPoint", "Touchpoint.stage_id", "Touchpoint.position",
                       "Stage.position", "Workshop.votes_revealed"})
    FIELDS = (
        FieldSpec("description", "Pain point", "Where does the customer loop, branch or stop?"),
        FieldSpec("kind", "Kind", "loop, branch, dead end or other.",
                  suggestions=("loop", "branch", "dead end", "other")),
        FieldSpec("impact", "Impact", "1 low · 2 medium · 3 high."),
        FieldSpec("effort", "Effort", "1 low · 2 medium · 3 high. " + quadrant_rule()),
        FieldSpec("ticket_volume", "Tickets per month", "From the ticket data; breaks ties."),
        FieldSpec("votes", "Votes", "Recorded votes (dot voting adds to these when revealed)."),
        # a box's label does not wrap: one word, its meaning in the hint under it
        FieldSpec("urgent", "Urgent", "Must be handled now.", kind="bool"),
        FieldSpec("important", "Important", "Hurts the customer or the business.", kind="bool"),
    )
    BINDINGS = [
        *TableFormView.BINDINGS,
        *bindings("pains"),
        # lead-only; the palette lists it as "Pain points: Facilitation settings (lead)"
    ]

    def compose_top(self) -> ComposeResult:
        yield ImpactMatrix(id="matrix")

    def on_mount(self) -> None:
        if self._closing or self._closed or self._pruning:
            return  # built at idle as the app closed (see ``StepView.on_mount``)
        matrix = self.query_one(ImpactMatrix)
        matrix.display = False
        # The matrix takes focus while it is shown: the table is hidden then, and
        # with nothing focused in this view its keys ('v' back to the list) were dead.
        matrix.can_focus = True

    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        numbers = {tp.id: i + 1 for i, tp in enumerate(journey.ordered_touchpoints())}
        out: list[tuple[str, tuple[Any, ...]]] = []
        for ranked in self.session.ranked_pains(journey):
            touchpoint = ranked.pain.touchpoint_id
            at = f"#{numbers[touchpoint]}" if touchpoint in numbers else "—"
            out.append((str(ranked.pain.id), _row(ranked, at)))
        return out

    def refresh_extra(self, journey: Journey) -> None:
        from models.rules.priority import quadrant

        items = [(r.rank, r.pain.impact, r.pain.effort) for r in self.session.ranked_pains(journey)]
        self.query_one(ImpactMatrix).set_items(
            items, {(i, e): quadrant(i, e) for i in (1, 2, 3) for e in (1, 2, 3)})

    def record(self, key: str | None) -> tuple[type | None, Any]:
        from models.db.tables.cards import PainPoint

        if key is None or self.session.journey is None:
            return PainPoint, None
        return PainPoint, self.journey.pain_point(int(key))

    def action_toggle_matrix(self) -> None:
        matrix = self.query_one(ImpactMatrix)
        matrix.display = not matrix.display
        self.query_one(".split").display = not matrix.display
        if matrix.display:
            matrix.focus()
        else:
            self.table.focus()

    def action_settings(self) -> None:
        """Votes per participant (and minutes per step): where dot voting happens."""
        self.post_message(PairingKey("settings"))

    def _touchpoint_options(self) -> list[tuple[Text, int]]:
        """Touchpoints in journey order; the value 0 stands for "no touchpoint"."""
        options: list[tuple[Text, int]] = [(Text("(no touchpoint)"), 0)]
        for i, tp in enumerate(self.journey.ordered_touchpoints()):
            stage = self.journey.stage_of(tp)
            options.append((safe(f"#{i + 1} {tp.name} — {stage.name if stage else ''}",
                                 limit=70), int(tp.id or 0)))
        return options

    def action_add(self) -> None:
        from models.db.tables.cards import PainPoint

        store, wid = self.session.store, self.journey.workshop.id

        def done(tp_id: int | None) -> None:
            if tp_id is None or store is None:  # cancelled
                return
            pain = self.session.mutate(lambda: store.add(PainPoint(
                workshop_id=int(wid or 0), touchpoint_id=tp_id or None,
                description="New pain point")))
            if pain is not None:
                self.select(str(pain.id))
                edit_new(self)

        options = self._touchpoint_options()
        if len(options) == 1:
            done(0)
            return
        self.app.push_screen(PickScreen("At which touchpoint does it hurt?", options), done)

    def action_link(self) -> None:
        from models.db.tables.cards import PainPoint

        _, pain = self.record(self.current_key())
        if pain is None:
            return

        def done(tp_id: int | None) -> None:
            store = self.session.store
            if tp_id is not None and store is not None:
                self.session.mutate(lambda: store.update(PainPoint, pain.id,
                                                      touchpoint_id=tp_id or None))

        # Opened at its own touchpoint: Enter at once keeps the link as it is.
        options = self._touchpoint_options()
        here = next((i for i, (_, tp_id) in enumerate(options)
                     if tp_id == (pain.touchpoint_id or 0)), 0)
        self.app.push_screen(PickScreen("Link it to which touchpoint?", options,
                                        highlight=here), done)

    def action_five_whys(self) -> None:
        """Ask why up to five times and name the root cause the card will fix."""
        from models.db.fields import whys
        from models.db.tables.cards import PainPoint
        from tui.dialogs.five_whys import FiveWhysScreen, WhysAnswer

        _, pain = self.record(self.current_key())
        store = self.session.store
        if pain is None or store is None:
            return

        def done(answer: WhysAnswer | None) -> None:
            if answer is None:
                return
            answers, root = answer
            saved = self.session.mutate(lambda: store.update(
                PainPoint, pain.id, five_whys=answers, root_cause=root))
            if saved is not None:
                from models.rules.five_whys import check_chain

                problems = check_chain(saved).problems
                if problems:
                    self.notify(problems[0], markup=False)

        self.app.push_screen(FiveWhysScreen(pain.description, whys(pain.five_whys),
                                            pain.root_cause), done)

    def action_delete(self) -> None:
        from models.db.tables.cards import PainPoint

        _, pain = self.record(self.current_key())
        store = self.session.store
        if pain is None or store is None:
            return
        question = Text("Delete the pain point ")
        question.append(safe(short(pain.description, 60), "bold"))
        question.append("?")
        card = self.journey.card_for(pain.id)

        def done(yes: bool | None) -> None:
            if yes:
                self.session.mutate(succeeded(lambda: store.delete(PainPoint, pain.id)))

        self.app.push_screen(ConfirmScreen(
            question, "Its hypothesis card goes too." if card else ""), done)
