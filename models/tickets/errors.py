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
    ) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        self.column = column
        self.hint = hint
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
        sentence = f"{', '.join(where)}: {problem}"
        if hint:
            sentence += f" ({hint})"
        super().__init__(sentence.rstrip(".") + ".")
