"""Workshop commands: new, list, show, delete, open, demo (placeholder bodies until filled)."""

from __future__ import annotations

import typer

from tui.cli import STATE, app


@app.command("list")
def list_workshops() -> None:
    """List the workshops in the database."""
    store = STATE.store()
    for w in store.list_workshops():
        typer.echo(f"{w.id}\t{w.title or w.scenario}\t{w.persona}")
