"""One ticket import started from the Data screen: the thread worker, its outcome, the notes.

Kept next to ``import_progress`` (the dialog it runs under) rather than in the Data screen,
which shows readings and ties them to the map: this is the import's whole life, from the
import dialog's answer to the notification of its figures and every note it made, or the
one sentence why nothing was stored. The screen only starts it and redraws when it ends.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from models.rules.counts import plural
from tui.dialogs.import_progress import ImportProgress, ImportStopped
from tui.dialogs.ticket_import import ImportRequest
from tui.safe_text import short
from tui.session.workshop import WorkshopSession
from tui.store_thread import run_in_thread

if TYPE_CHECKING:
    from models.tickets.errors import TicketImportError
    from models.tickets.storage import ImportResult

_NOTES_SHOWN = 6  # a notification taller than this hides the screen it is about
GROUP = "ticket-import"


class ImportRun:
    """Runs an import in a thread worker of ``screen`` under ``ImportProgress`` (rows read,
    Esc to stop): a long export no longer freezes the screen, and Esc stops it unstored."""

    def __init__(self, screen: Screen[Any], session: WorkshopSession) -> None:
        self.screen = screen
        self.session = session
        self._progress: ImportProgress | None = None
        self._request: ImportRequest | None = None  # the last one started

    def start(self, request: ImportRequest | None) -> None:
        """The import dialog's answer: import that file (nothing when it was cancelled)."""
        store, journey = self.session.store, self.session.journey
        if request is None or store is None or journey is None or journey.workshop.id is None:
            return
        from models.tickets import storage

        wid = journey.workshop.id
        self._request = request

        def begin(progress: ImportProgress) -> None:
            def work() -> ImportResult | Exception:
                # What stopped it is returned, not raised: it is said in one sentence on
                # the interface's thread, and a failed worker is not an app failure.
                try:
                    return storage.import_file(store, wid, request.path, source=request.source,
                                               mapping=request.mapping, progress=progress.told,
                                               zone=request.zone)
                except Exception as exc:  # noqa: BLE001
                    return exc

            self._progress = progress
            run_in_thread(self.screen, store, work, group=GROUP, exit_on_error=False,
                          description=f"import {progress.file_name}")

        self.screen.app.push_screen(ImportProgress(Path(request.path).name, begin))

    def finished(self, event: Worker.StateChanged) -> bool:
        """The import's end: its figures and every note it made, or one sentence why not.
        False when ``event`` is not about an import that has ended."""
        worker = event.worker
        if worker.group != GROUP or not worker.is_finished:
            return False
        progress, self._progress = self._progress, None
        if progress is not None and progress.is_current:
            progress.dismiss()
        outcome = worker.result if event.state == WorkerState.SUCCESS else worker.error
        failed = outcome is None or isinstance(outcome, BaseException)
        imported = None if failed else cast("ImportResult", outcome)
        if imported is not None:
            self.session.mark_saved()
            self.session.hooks.own_edit()  # reloaded just below, not again by the poll
        self.session.reload()  # also after a failure: the store may know better than we do
        if imported is not None:
            self._say_imported(imported)
        elif event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._say_failed(outcome, progress.file_name if progress else "the file")
        return True

    def _say_imported(self, result: ImportResult) -> None:
        """What the CLI prints, as one notification: the figures, then each note (a month
        an earlier file had, a status word not known, the zone read from a header)."""
        notes = [short(note, 200) for note in (*result.imported.notes, *result.partial,
                                                *(f"kept {line}" for line in result.kept))]
        shown = "".join(f"\n• {note}" for note in notes[:_NOTES_SHOWN])
        more = len(notes) - _NOTES_SHOWN
        if more > 0:
            shown += f"\n… and {plural(more, 'more note')}"
        self.session.hooks.notify(
            f"Imported {plural(result.imported.tickets, 'ticket')} ({', '.join(result.periods)})"
            f"{'.' if not notes else ':'}{shown}", markup=False,
            timeout=12 if notes else 5)

    def _say_failed(self, error: BaseException | None, file_name: str) -> None:
        from models.db.schema import StoreError
        from models.tickets.errors import TicketImportError

        if isinstance(error, TicketImportError) and error.ask and self._request is not None:
            self._ask_again(error, self._request)
        elif isinstance(error, ImportStopped):
            said = f"The import of {file_name} was stopped; nothing was stored."
            self.session.hooks.notify(said, severity="warning", markup=False)
        elif isinstance(error, (StoreError, ValueError)):
            self.session.hooks.notify(short(error, 300), severity="error", markup=False)
        else:
            said = f"The import of {file_name} failed, nothing was stored: {short(error, 200)}"
            self.session.hooks.notify(said, severity="error", markup=False)

    def _ask_again(self, error: TicketImportError, request: ImportRequest) -> None:
        """The dialog again, with the refusal and the question that answers it, for what
        the command line answers with an option (``error.ask``)."""
        from tui.dialogs.ticket_import import TicketImportDialog

        self.screen.app.push_screen(
            TicketImportDialog(request.path, source=request.source, zone=request.zone or "",
                               refused=error.said(""), ask=error.ask), self.start)
