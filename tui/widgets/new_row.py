"""Editing a row that was just added: its placeholder name is selected.

Why: a new stage, touchpoint or pain point is stored at once with a stand-in
name ("Stage 7", "New touchpoint") so nothing is lost if the session drops, and
the cursor lands in that name.  Fields otherwise keep ``select_on_focus=False``
(a stray key must never wipe a committed value), so without this the lead's
first words were appended to the stand-in ("New touchpointCalls support").
Selecting only here, for a row nobody has named yet, makes typing replace it.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input
from textual.widgets.input import Selection

from tui.widgets.typeahead import ANSWER, release


def select_all(widget: Any) -> None:
    """Select the whole text of ``widget`` when it is an input (else do nothing).

    The cursor stays at the start, so a text longer than the field shows its
    beginning (what the lead wrote first), not its last words.
    """
    if isinstance(widget, Input):
        widget.selection = Selection(len(widget.value), 0)


def edit_new(view: Any) -> None:
    """Focus the first field of ``view``'s form with its stand-in text selected.

    ``view`` is a ``TableFormView`` whose current row is the new one.  The
    selection is made again after the next refresh, because the form may be
    rebound (value set, cursor moved to the end) when the reload lands.
    """
    view.edit_first()
    if view.form.row_id is None:
        return
    field = view.form.field(view.FIELDS[0].name)
    stand_in = field.value
    select_all(field)
    release(view.app, ANSWER)  # keys typed after a one-key dialog answer land here

    def again() -> None:
        if field.value == stand_in:  # keys typed meanwhile are never selected away
            select_all(field)

    view.call_after_refresh(again)
