"""Step 2 — Stages: the ordered phases of the journey, each with the KPI that judges it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Input

from models.rules.kpis import catalogue_names
from models.rules.numbers import fmt_number
from tui.actions import bindings
from tui.dialogs.common import ConfirmScreen, PickScreen
from tui.safe_text import safe, short
from tui.session.workshop import succeeded
from tui.steps.columns import CutRow, cut
from tui.steps.table_form import TableFormView
from tui.widgets.forms import FieldSpec, FormSubmitted
from tui.widgets.new_row import edit_new

if TYPE_CHECKING:
    from models.db.journey import Journey

# The catalogue (name, usual unit, direction) lives in models.rules.kpis; only names here.
KPI_NAMES: tuple[str, ...] = catalogue_names()
UNITS: tuple[str, ...] = ("%", "hours", "days", "minutes", "score 1-7", "score", "ratio")


def _num(value: float | None) -> str:
    return "" if value is None else fmt_number(value)


class StagesView(TableFormView):
    """Add, rename, reorder and delete stages; KPI with baseline, target and unit."""

    STEP = "stages"
    TITLE = "Stages"
    HEADLINE = "Step 2 · Stages — from the moment the problem appears to the follow-up"
    EMPTY = "No stages yet. Press a to add the first one."
    # The numbers stay whole (baseline, target, touchpoint count); the stage and KPI
    # names and the unit share what is left and are cut with an ellipsis, so beside the
    # form at 120 columns the last column is not pushed off the edge.
    # The keys panel (``?``) says in words what a short column name means.
    HELP = "**TPs**: the touchpoints in the stage (step 3 adds them)."
    COLUMNS = (("pos", "#"), ("name", "Stage"), ("kpi", "KPI"), ("base", "Baseline"),
               ("target", "Target"), ("unit", "Unit"), ("tps", "TPs"))
    CUT = {"name": 3, "kpi": 2, "unit": 1}
    SHOWS = frozenset({"Stage", "Touchpoint.stage_id"})  # the stages, touchpoints counted
    FIELDS = (
        FieldSpec("name", "Stage name", "Keep stages simple: discovery, self-service, contact…"),
        FieldSpec("description", "Description"),
        FieldSpec("kpi_name", "KPI", "From the catalogue (type to complete, → accepts; its "
                  "unit is filled in if none is set) or your own: " + ", ".join(KPI_NAMES) + ".",
                  suggestions=KPI_NAMES),
        FieldSpec("kpi_baseline", "KPI baseline", "Today's value; a number."),
        FieldSpec("kpi_target", "KPI target", "Where it should be after the fix; a number."),
        FieldSpec("kpi_unit", "KPI unit", "%, hours, days, score 1-7, ratio…",
                  suggestions=UNITS),
    )
    BINDINGS = [
        *TableFormView.BINDINGS,
        *bindings("stages"),
    ]

    def rows(self, journey: Journey) -> list[tuple[str, tuple[Any, ...]]]:
        out: list[tuple[str, tuple[Any, ...]]] = []
        for i, st in enumerate(journey.stages):
            count = len(journey.touchpoints.get(st.id or 0, []))
            out.append((str(st.id), CutRow(
                (str(i + 1), cut(st.name), cut(st.kpi_name or "— no KPI"),
                 _num(st.kpi_baseline), _num(st.kpi_target), cut(st.kpi_unit), str(count)),
                ("", "", "" if st.kpi_name else "yellow"))))
        return out

    def record(self, key: str | None) -> tuple[type | None, Any]:
        from models.db.tables.workshop import Stage

        for st in self.journey.stages if self.session.journey else []:
            if str(st.id) == key:
                return Stage, st
        return Stage, None

    def on_input_blurred(self, event: Input.Blurred) -> None:
        # bubbles up after the form has committed the field (see RecordForm)
        self._fill_unit(event.input)

    def on_form_submitted(self, event: FormSubmitted) -> None:
        if event.field == "kpi_name":
            self._fill_unit(self.form.field("kpi_name"))

    def _fill_unit(self, widget: object) -> None:
        """A catalogue KPI just picked: propose its usual unit, if the room set none.

        Only an empty unit is filled: a unit someone typed ("searches per ticket")
        is theirs, and is never replaced by the catalogue's.
        """
        from models.db.tables.workshop import Stage
        from models.rules.kpis import unit_for

        spec = getattr(widget, "spec", None)
        if getattr(spec, "name", "") != "kpi_name":
            return
        _model, stage = self.record(str(getattr(widget, "row_id", "")))
        typed = self.form.field("kpi_unit").value
        if stage is None or stage.kpi_unit.strip() or (isinstance(typed, str) and typed.strip()):
            return
        unit = unit_for(stage.kpi_name)
        if unit:
            self.session.save_field(Stage, int(stage.id), "kpi_unit", unit)

    def action_edit(self) -> None:
        self.edit_first()

    def action_add(self) -> None:
        from models.db.tables.workshop import Stage

        wid = self.journey.workshop.id
        store = self.session.store
        assert store is not None and wid is not None
        name = f"Stage {len(self.journey.stages) + 1}"
        row = self.session.mutate(lambda: store.add(Stage(workshop_id=wid, name=name)))
        if row is not None:
            self.select(str(row.id))
            edit_new(self)

    def action_move(self, delta: int) -> None:
        from models.db.tables.workshop import Stage

        key = self.current_key()
        store = self.session.store
        if key is None or store is None:
            return
        self.session.mutate(succeeded(lambda: store.move(Stage, int(key), delta)))
        self.select(key)

    def action_delete(self) -> None:
        from models.db.tables.workshop import Stage

        model, stage = self.record(self.current_key())
        store = self.session.store
        if stage is None or store is None:
            return
        count = len(self.journey.touchpoints.get(stage.id or 0, []))
        question = Text("Delete the stage ")
        question.append(safe(short(stage.name, 60), "bold"))
        question.append("?")
        detail = Text(f"This also deletes its {count} touchpoint{'s' if count != 1 else ''}."
                      if count else "It has no touchpoints.")

        def done(yes: bool | None) -> None:
            if yes:
                self.session.mutate(succeeded(lambda: store.delete(Stage, stage.id)))
                self.notify(f"Stage deleted ({count} touchpoint{'s' if count != 1 else ''}).",
                            markup=False)

        self.app.push_screen(ConfirmScreen(question, detail), done)

    def action_baseline(self) -> None:
        """The highlighted stage's KPI baseline from its mapped ticket categories.

        The same ``baselines.take_baseline`` as ``journeymap tickets apply --stage``: when
        the KPI's name matches no ticket metric the lead picks one (``--metric``), and a
        baseline the room typed is replaced only after a yes.
        """
        from models.rules import measures

        _model, stage = self.record(self.current_key())
        journey = self.session.journey
        if stage is None or journey is None:
            return
        if not journey.ticket_sources:
            self.notify("No ticket data yet: import an export on the Data screen (T, then i).",
                        markup=False)
            return
        if not measures.stage_categories(journey, stage):
            self.notify(f"Stage {short(stage.name, 40)!r} gets no KPI baseline from the "
                        "ticket data: no ticket category is mapped to this stage (map one "
                        "on the Data screen: T, then m).", markup=False, severity="warning")
            return
        if measures.kpi_metric(stage.kpi_name) is not None:
            self._baseline(stage, None)
            return
        from models.tickets.readings import METRICS
        from models.vocab import TICKET_METRIC_WORDS

        options = [(Text(f"{name} — {TICKET_METRIC_WORDS.get(name, name)}"), name)
                   for name in METRICS]
        kpi = short(stage.kpi_name, 40) or "this stage's KPI"
        self.app.push_screen(PickScreen(f"Which ticket metric measures {kpi!r}?", options),
                             lambda metric: self._baseline(stage, metric) if metric else None)

    def _baseline(self, stage: Any, metric: str | None) -> None:
        from models.tickets import baselines

        store, journey = self.session.store, self.session.journey
        if store is None or journey is None or journey.workshop.id is None:
            return
        wid, stage_id = journey.workshop.id, int(stage.id or 0)
        found = baselines.baseline_from_data(journey, stage, metric)
        if isinstance(found, str):
            self.notify(f"Stage {short(stage.name, 40)!r} gets no KPI baseline from the "
                        f"ticket data: {found}.", markup=False, severity="warning")
            return
        value, unit, provenance = found

        def take(yes: bool | None = True) -> None:
            if not yes:
                return
            said = self.session.mutate(lambda: baselines.take_baseline(store, wid, stage_id,
                                                                     metric=metric))
            if said is not None:
                self.notify(short(said, 200), markup=False)
            self.select(str(stage_id))

        if stage.kpi_baseline is None:
            take()
            return
        question = Text("Replace the KPI baseline of ")
        question.append(safe(short(stage.name, 40), "bold"))
        question.append(f" ({_num(stage.kpi_baseline)} {short(stage.kpi_unit, 12)}) with "
                        f"{fmt_number(value)} {unit} from the ticket data?")
        self.app.push_screen(ConfirmScreen(question, safe(provenance)), take)
