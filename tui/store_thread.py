"""Store work in a thread worker, which the store's close waits for.

Why: every thread worker of the app that touches the store (a ticket import, an export,
the Tracker's and the Plan's reads of every workshop, Home's retry) may still run when the
lead quits, and the app's unmount closes the store.  Started here, the work runs inside
``Store.work.running()``, so the close waits for it (``models.db.store_work``) instead of
closing the connection under it; work not yet begun when the close starts is not begun.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.worker import Worker

    from models.db.store import Store

R = TypeVar("R")


def run_in_thread(node: DOMNode, store: Store, work: Callable[[], R],
                  **options: Any) -> Worker[R | None]:
    """``node.run_worker(work, thread=True, **options)``, held open against the store's
    close; the worker's result is None when the store was closing before it began."""
    def guarded() -> R | None:
        with store.work.running() as begun:
            return work() if begun else None

    return node.run_worker(guarded, thread=True, **options)
