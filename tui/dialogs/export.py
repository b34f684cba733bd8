"""Export the action plan as Markdown from the TUI: ask for a path, write, say where.

The document is ``models.export.markdown.to_markdown`` — the same one the CLI writes —
with the whole database as the portfolio (so the review can say which journey
to map next).  Loading every workshop and rendering can take a moment on a big
portfolio, so it runs in a thread worker; a path that cannot be written is a
one-sentence notification, never a traceback, and the dialog's typed path is
not lost (press x again and it is offered again).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from models.rules.clock import today as clock_today
from tui.dialogs.held import HeldDialog
from tui.safe_text import short
from tui.store_thread import run_in_thread
from tui.widgets.clean_input import CleanShownInput
from tui.widgets.dates import default_export_path

if TYPE_CHECKING:
    from textual.widget import Widget

    from models.db.journey import Journey
    from models.db.store import Store
    from tui.session.workshop import WorkshopSession


class ExportDialog(HeldDialog["str | None"]):
    """One input with the target path; Enter exports, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = "ExportDialog Input { margin: 1 0; }"

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Export action plan (Markdown)", style="bold"),
                         classes="dialog-title")
            yield Static(Text("Scope, map, ownership, ranked pain points, cards, tracker, "
                              "60-day plan and leadership review in one file."))
            yield CleanShownInput(value=self.default, id="export-path")
            yield Label(Text("Enter = export   Esc = cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        if not path:
            self.notify("Type a path for the Markdown file first.", severity="warning",
                        markup=False)
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_export(view: Widget, session: WorkshopSession) -> None:
    """Ask for the path, then export in a worker (called by key x on the output views)."""
    journey = session.journey
    if journey is None:
        return
    if session.read_only:  # the key is hidden for observers; this is the second lock
        view.notify("Observers cannot export files.", severity="warning", markup=False)
        return
    if session.no_files:  # a browser seat: no path on the server, a download instead
        store = session.store
        if store is not None:
            run_in_thread(view, store, lambda: _deliver(view, store, journey, clock_today()),
                          group="export", description="export to the browser")
        return
    wid = int(journey.workshop.id or 0)
    default = session.export_paths.get(wid) or default_export_path(journey)

    def write(path: str) -> None:
        store, today = session.store, clock_today()
        if store is None:
            return
        run_in_thread(view, store, lambda: _export(view, store, journey, path, today),
                      group="export", description="export Markdown")

    def chosen(path: str | None) -> None:
        from models.export.files import ProtectedPath, check_target
        from tui.dialogs.common import ConfirmScreen

        store = session.store
        if path is None or store is None:
            return
        session.export_paths[wid] = path
        try:
            target = check_target(Path(path), store.path)
        except (ProtectedPath, IsADirectoryError) as exc:
            view.notify(f"Not exported: {short(exc, 200)}.", severity="error", markup=False)
            return
        if target.exists():
            question = Text(f"{short(target, 200)} exists. Replace it?")
            view.app.push_screen(ConfirmScreen(question),
                                 lambda yes: write(path) if yes else None)
            return
        write(path)

    view.app.push_screen(ExportDialog(default), chosen)


ALONE = ("the server is away, so the review's \"map next\" weighs this workshop "
         "alone.")


def render_markdown(store: Store, journey: Journey, today: dt.date, *,
                    others: bool = True) -> tuple[str, bool, list[str]]:
    """(the action plan document, whether the portfolio it is reviewed against was read,
    the sentence of each other map left out of that review because it is damaged).

    ``others`` False: this workshop alone, for a guest who may see no other.  The
    map on screen needs no server; only the other workshops do, so a seat whose
    server is away still exports it, reviewed against itself alone.
    """
    from models.db.schema import StoreError
    from models.export.markdown import to_markdown

    portfolio: list[Any] = []
    refused: list[str] = []
    try:
        if others:  # one damaged map is left out of the review, not the export refused
            portfolio, refused = store.load_readable(skip=journey.workshop.id)
    except StoreError:
        if not (store.on_server and store.server_lost()):
            raise
        portfolio, others = [], False
    portfolio.insert(0, journey)
    return to_markdown(journey, today=today, portfolio=portfolio), others, refused


def write_markdown(store: Store, journey: Journey, path: str,
                   today: dt.date) -> tuple[Path, bool, list[str]]:
    """Render and write the document: (the absolute path, whether the portfolio was read,
    the damaged maps left out of it).  Raises OSError/ValueError."""
    from models.export.files import write_file

    text, whole, refused = render_markdown(store, journey, today)
    return write_file(Path(path), text.encode("utf-8"), database=store.path), whole, refused


def _deliver(view: Widget, store: Store, journey: Journey, today: dt.date) -> None:
    """A browser seat's export: the document goes to the visitor's browser (textual-serve's
    download), never to a file the server's account would write."""
    import io

    from models.db.schema import StoreError

    app = view.app
    name = Path(default_export_path(journey)).name
    try:
        text, _, _ = render_markdown(store, journey, today, others=False)  # a guest's seat
    except (StoreError, ValueError) as exc:
        app.call_from_thread(app.notify, f"Not exported: {short(exc, 200)}",
                             severity="error", markup=False)
        return
    app.call_from_thread(app.deliver_text, io.StringIO(text), save_filename=name,
                         mime_type="text/markdown", encoding="utf-8")
    app.call_from_thread(app.notify, f"Sent {short(name, 120)} to your browser as a download.",
                         markup=False, timeout=8)


def _export(view: Widget, store: Store, journey: Journey, path: str, today: dt.date) -> None:
    from models.db.schema import StoreError

    app = view.app
    try:
        written, whole, refused = write_markdown(store, journey, path, today)
    except IsADirectoryError as exc:
        app.call_from_thread(app.notify, f"Not exported: {short(exc, 200)}.",
                             severity="error", markup=False)
        return
    except OSError as exc:
        reason = exc.strerror or short(exc, 120)
        app.call_from_thread(app.notify, f"Not exported: {short(path, 120)} cannot be written "
                             f"({reason}).", severity="error", markup=False)
        return
    except (StoreError, ValueError) as exc:
        app.call_from_thread(app.notify, f"Not exported: {short(exc, 200)}",
                             severity="error", markup=False)
        return
    alone = "" if whole else f" from the map on screen; {ALONE}"
    for sentence in refused:
        app.call_from_thread(app.notify, f"Left out of the review: {sentence}",
                             severity="warning", markup=False)
    app.call_from_thread(app.notify, f"Exported to {short(written, 200)}{alone}", markup=False,
                         timeout=8)
