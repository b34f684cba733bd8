"""The actions table: every key of the workshop screens, what it says, whether it edits.

One declaration per action: the key, the words shown in the footer, the keys
panel and the command palette, and whether it changes the map.  The bindings of
each step view, of Home, of the workshop screen and of live pairing are built
from here, and the observer policy (``check_action``: an observer gets no
editing key, which also hides it from the footer, the keys panel and the
palette) asks ``edits``, so a new key cannot be added without saying whether an
observer may press it.  Keys that only move a cursor inside one widget or
answer a dialog stay with that widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.binding import Binding, BindingType

from models.vocab import ACTION_WORDS, LABELS, METHOD_LABELS, STEPS

# Undo: in a field with typing not saved yet it takes the typing back
# (``tui.widgets.forms``); elsewhere it undoes this seat's last saved change.
UNDO_KEY = "ctrl+z"


@dataclass(frozen=True)
class Action:
    """One key: ``action`` is Textual's action string (``move(-1)``, ``pairing('vote')``)."""

    key: str
    action: str
    description: str
    edits: bool = False
    show: bool = True
    # A guest seat (a ``seat`` forced command, a browser seat) runs as an account the guest
    # does not own and sees one workshop: False for what reaches other workshops or files.
    guest: bool = True
    # Acts on the row under the cursor: offered only while the view has a row.
    row: bool = False

    @property
    def name(self) -> str:
        """The action without its arguments (what ``check_action`` receives)."""
        return self.action.split("(", 1)[0]

    def binding(self) -> Binding:
        return Binding(self.key, self.action, self.description, show=self.show)


def _steps(action: str) -> tuple[Action, ...]:
    """Keys 1-8 and n/p for moving between steps (on the screen, or while loading)."""
    return (*(Action(str(i + 1), f"{action}('{step}')", LABELS[step], show=False)
              for i, step in enumerate(STEPS)),)


TABLE: dict[str, tuple[Action, ...]] = {
    # Textual's own screen keys (same actions), in a lead's words: the keys panel lists
    # them first, and "Focus Next" said nothing to a new lead.
    "screen": (
        Action("tab", "app.focus_next", "Next field or table", show=False),
        Action("shift+tab", "app.focus_previous", "Previous field or table", show=False),
    ),
    "step": (Action("escape", "leave_field", "Leave field", show=False),),
    "stages": (
        # In the order the footer keeps them at 80 columns.
        Action("a", "add", "Add stage", edits=True),
        Action("d,delete", "delete", "Delete stage", edits=True, row=True),
        Action("b", "baseline", "KPI baseline from ticket data", edits=True, row=True),
        Action("shift+up", "move(-1)", "Move up", edits=True, row=True),
        Action("shift+down", "move(1)", "Move down", edits=True, row=True),
        Action("e", "edit", "Edit", edits=True, show=False, row=True),
    ),
    "touchpoints": (
        Action("a", "add", "Add", edits=True),
        Action("A", "add_to_stage", "Add to stage…", edits=True),
        Action("m", "move_stage", "To stage", edits=True, row=True),
        Action("plus,equals_sign", "nudge(1)", "Sentiment +", edits=True, row=True),
        Action("minus", "nudge(-1)", "Sentiment -", edits=True, row=True),
        Action("shift+up", "move(-1)", "Move up", edits=True, row=True),
        Action("shift+down", "move(1)", "Move down", edits=True, row=True),
        Action("x", "add_pain", "Pain point here", edits=True, row=True),
        Action("d,delete", "delete", "Delete", edits=True, row=True),
    ),
    "pains": (
        Action("a", "add", "Add", edits=True),
        Action("v", "toggle_matrix", "Matrix/list"),
        Action("t", "link", "Link touchpoint", edits=True, row=True),
        Action("w", "five_whys", "Five whys", edits=True, row=True),
        Action("d,delete", "delete", "Delete", edits=True, row=True),
        Action("S", "settings", "Facilitation settings (lead)", show=False),
    ),
    # An observer writes nothing but its own presence, files included.
    "output": (Action("x", "export", "Export action plan (Markdown)", edits=True,
                       guest=False),),
    "escalation": (
        Action("a", "add", "Add level", edits=True),
        Action("shift+up", "move(-1)", "Move up", edits=True, row=True),
        Action("shift+down", "move(1)", "Move down", edits=True, row=True),
        Action("d,delete", "delete", "Delete level", edits=True, row=True),
    ),
    "future": (Action("f", "make_future", "To-be copy", edits=True, guest=False),
               Action("c", "set_cost", "Cost per contact…", edits=True)),
    "cards": (
        # In the order the footer keeps them at 80 columns (after ``x`` Export).
        Action("c", "create_top", "Card for top pain", edits=True),
        Action("m", "tie_signal", "Measure: tie signal to ticket data…", edits=True, row=True),
        Action("enter,e", "edit", "Edit", edits=True, row=True),
        Action("s", "cycle_status", "Status", edits=True, row=True),
        Action("a", "create_pick", "Card for…", edits=True),
        Action("d,delete", "delete", "Delete", edits=True, row=True),
    ),
    "tracker": (
        Action("s", "cycle_status", "Status", edits=True, row=True),
        # Each toggle is one key with two bindings, the footer showing the one that says
        # what pressing it gives (``TrackerView.check_action``).
        Action("o", "toggle_overdue(True)", "Overdue only"),
        Action("o", "toggle_overdue(False)", "Every item"),
        # In the order the footer keeps them at 80 columns (before ``x`` Export, which
        # gives way there): ``d`` before ``w``, whose words would otherwise take ``d``'s
        # room once ``s`` leaves an empty list.
        Action("d", "toggle_sort(True)", "By due date"),
        Action("d", "toggle_sort(False)", "By owner"),
        Action("w", "toggle_scope(True)", "All workshops", guest=False),
        Action("w", "toggle_scope(False)", "This workshop", guest=False),
        Action("u", "pick_owner", "Owner…"),
        Action("enter", "open_item", "Open item", show=False, guest=False, row=True),
    ),
    "plan": (
        Action("enter,e", "edit", "Edit task", edits=True, row=True),
        Action("s", "cycle_status", "Status", edits=True, row=True),
        Action("r", "regenerate", "Regenerate", edits=True),
        Action("d", "start_date", "Start date", edits=True),
    ),
    "home": (
        Action("enter", "open", "Open", show=False),
        Action("t", "new_template", "From template", edits=True),
        Action("b", "new_blank", "Blank", edits=True),
        Action("c", "duplicate", "Duplicate", edits=True),
        Action("F", "future", "Future state (to-be copy)", edits=True, show=False),
        Action("d,delete", "delete", "Delete", edits=True),
        Action("q", "app.quit", "Quit"),
    ),
    "workshop": (
        *_steps("goto"),
        Action("n,ctrl+right", "next_step", "Next step"),
        Action("p,ctrl+left", "prev_step", "Prev step"),
        Action("h", "home", "Home", guest=False),
        *(Action(key, f"goto('{view}')", METHOD_LABELS[view], show=False)
          for key, view in (("E", "escalation"), ("U", "future"), ("M", "moments"))),
        Action("T", "data", "Ticket data", show=False),
        Action(UNDO_KEY, "undo", "Undo my last change", edits=True),
    ),
    "data": (
        Action("i", "import", "Import export…", edits=True, guest=False),
        Action("m", "map_category", "Map category…", edits=True),
        Action("a", "fill", "Fill map from data", edits=True),
        Action("escape,h", "close", "Back"),
    ),
    "loading": (
        *_steps("early_step"),
        Action("n,ctrl+right", "early_step('+1')", "Next step", show=False),
        Action("p,ctrl+left", "early_step('-1')", "Prev step", show=False),
    ),
    "pairing": (
        Action("f", "pairing('follow')", "Follow the lead", show=False),
        Action("g", "pairing('gather')", "Bring everyone here", edits=True, show=False),
        Action("t", "pairing('timer')", "Step timer", edits=True, show=False),
        Action("D", "pairing('done')", "Done with this step", edits=True, show=False),
        Action("o", "pairing('vote')", "Put a dot on this pain point", edits=True, show=False),
        Action("O", "pairing('unvote')", "Take a dot back", edits=True, show=False),
        Action("R", "pairing('reveal')", "Reveal or hide the votes", edits=True, show=False),
        Action("L", "pairing('activity')", "Activity (who changed what)", show=False),
        Action("P", "pairing('participants')", "Participants and roles", show=False),
    ),
}

_EDITS = frozenset(a.name for area, actions in TABLE.items() if area != "pairing"
                   for a in actions if a.edits)
_PAIRING_EDITS = frozenset(a.action.split("'")[1] for a in TABLE["pairing"] if a.edits)
_NEEDS_ROW = frozenset(a.name for actions in TABLE.values() for a in actions if a.row)
_NOT_FOR_GUESTS = frozenset(a.name for actions in TABLE.values() for a in actions
                            if not a.guest)


# The workshop's own keys (steps, next/prev, Home, the method views, the Data screen,
# undo): how a lead moves about the method, shown in the footer or not.
_WORKSHOP_KEYS = frozenset(key for a in TABLE["workshop"] for key in a.key.split(","))


def moves_about(key: str) -> bool:
    """Whether ``key`` is one of the workshop's own keys, which keep their meaning even
    where a typed letter would otherwise start a row (an empty table): ``U`` on an empty
    step shows the Future state, it does not name a stage "U"."""
    return key in _WORKSHOP_KEYS


def _toggle_words() -> dict[str, tuple[str, ...]]:
    """Each toggle's action with the words of its key's two bindings."""
    out: dict[str, tuple[str, ...]] = {}
    for actions in TABLE.values():
        for action in actions:
            twins = tuple(a.description for a in actions if a.key == action.key)
            if len(twins) > 1:
                out[action.action] = twins
    return out


_TWINS = _toggle_words()


def widest_words(action: str, words: str, measure: Callable[[str], int] = len) -> str:
    """The words a footer keeps room for: a toggle's longer pair of words, so that
    pressing it ("Overdue" → "Every item") never lets another key in or out.
    ``measure`` is how wide the footer draws words (it shortens some)."""
    return max(_TWINS.get(action, (words,)), key=measure)


def bindings(area: str) -> list[BindingType]:
    """The Textual bindings of one area of the table (a view, a screen, pairing)."""
    return [action.binding() for action in TABLE[area]]


def edits(action: str) -> bool:
    """Whether the action (its name, without arguments) changes the map."""
    return action in _EDITS


def needs_row(action: str) -> bool:
    """Whether the action (its name) acts on the row under the cursor, so a view with no
    row must not offer it: the key would do nothing."""
    return action in _NEEDS_ROW


def pairing_edits(what: str) -> bool:
    """Whether a pairing action (``vote``, ``timer``…) writes more than presence."""
    return what in _PAIRING_EDITS


def for_guests(action: str) -> bool:
    """Whether a guest seat may run the action (its name): not one that reaches another
    workshop or a file on the server."""
    return action not in _NOT_FOR_GUESTS


def palette_help(name: str, key: str = "") -> str:
    """A palette entry's help line: what a lead calls the action (``vocab.ACTION_WORDS``,
    by its name or pairing argument), then its key. The palette searches these words, so
    "calendar" finds the export although no title says it."""
    words = ACTION_WORDS.get(name, "")
    where = f"(key {key})" if key else ""
    return f"{words} {where}".strip()
