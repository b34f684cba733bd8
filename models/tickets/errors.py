"""The one error an import raises: a sentence naming the file, the line and the column.

Callers (CLI, TUI) print ``str(error)`` as it is; the attributes let a dialog point at the
column to re-map without parsing the message.
"""

from __future__ import annotations

from pathlib import Path


class TicketImportError(ValueError):
    """A ticket export that cannot be imported; nothing was kept from it."""

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        line: int | None = None,
        column: str | None = None,
        hint: str = "",
        as_given: bool = False,
        place: str | None = None,
        ask: str = "",
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.hint = hint
        # The field a dialog can offer a choice of columns for, in place of ``hint``
        # (which names the command line's option): "updated", one row per update.
        self.ask = ask
        # A path that cannot be opened is named as typed: its folder may be the mistake.
        where = [str(path) if as_given else self.path.name]
        # ``place`` instead of a line: where in a JSON export ("record 4"), a line of its CSV
        # copy meaning nothing to the person
        if place is not None:
            where.append(place)
        elif line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column!r}")
        self.where = ", ".join(where)
        super().__init__(self.said(hint))

    def said(self, hint: str) -> str:
        """The sentence with ``hint`` as its way out: a dialog gives its own words."""
        sentence = f"{self.where}: {self.problem}"
        if hint:
            sentence += f" ({hint})"
        return sentence.rstrip(".") + "."
