"""Browser seats: ``journeymap serve`` (textual-serve) and ``journeymap invite``.

textual-serve starts one app process per browser tab but runs the same command for
everyone, so the command itself cannot say who is sitting down.  The lead creates a
per-person link (``invite``: a secret token, only its hash stored); the server checks
the token before any process starts and hands it to the process in its environment
(never on the command line, where ``ps`` shows it to every account on the box); the
process (``browser-seat``, hidden) checks it again and takes the invited seat, with
the name and role from the invite and the invite as its key, as the ``seat`` forced
command does for an SSH key.  textual-serve is imported only by ``serve``.
"""

from __future__ import annotations

import ipaddress
import os
from typing import TYPE_CHECKING, Annotated

import typer

from models.vocab import ROLES
from tui.cli.common import (
    STATE,
    WorkshopId,
    command_group,
    console,
    fail,
    require,
    say,
    user_errors,
)
from tui.identity import SEAT_ORIGIN_ENV, SEAT_TOKEN_ENV
from tui.safe_text import clean

if TYPE_CHECKING:
    from models.db.invites import Listed

app = command_group()
TOKEN_ENV, ORIGIN_ENV = SEAT_TOKEN_ENV, SEAT_ORIGIN_ENV
PUBLIC_URL_ENV = "JOURNEYMAP_PUBLIC_URL"
DEFAULT_URL = "http://127.0.0.1:8000"


def host_warning(host: str) -> str | None:
    """A warning when the server listens beyond this machine; None for loopback."""
    from models.db.server_link import url_host

    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return None
    except ValueError:
        pass
    return (f"serving on {url_host(host)} lets other machines reach the server without encryption; "
            "prefer --host 127.0.0.1 behind an SSH tunnel (ssh -L 8000:127.0.0.1:8000 box) "
            "or a reverse proxy with TLS (see README, Team server).")


def invite_url(base: str, token: str) -> str:
    return f"{base.rstrip('/')}/?token={token}"


@app.command("invite")
def invite(
    workshop_id: WorkshopId,
    name: Annotated[str | None, typer.Argument(
        help="The person's name in the room (their seat).")] = None,
    role: Annotated[str, typer.Option(
        "--role", metavar="[" + "|".join(ROLES) + "]",
        help="The seat's role.")] = "participant",
    days: Annotated[int | None, typer.Option(
        "--days", metavar="N", help="Valid for this many days (default: until revoked).")] = None,
    url: Annotated[str, typer.Option(
        "--url", envvar=PUBLIC_URL_ENV,
        help="The address people open: the server, the SSH tunnel's end or the proxy.")]
    = DEFAULT_URL,
    revoke: Annotated[bool, typer.Option(
        "--revoke", help="Revoke every open invitation of NAME instead.")] = False,
    listing: Annotated[bool, typer.Option(
        "--list", help="List the workshop's invitations (never their links).")] = False,
) -> None:
    """Invite someone to a browser seat (leads only): prints their personal link."""
    with user_errors():
        from models.db import invites
        from models.db.access import AccessError

        store = STATE.store()
        require(store, workshop_id, "grant")
        if listing:
            _print_list(invites.listed(store, workshop_id), workshop_id)
            return
        if name is None:
            raise AccessError("An invite needs the person's name.")
        if revoke:
            count = invites.revoke(store, workshop_id, name)
            if not count:
                raise AccessError(
                    f"There is no open invitation for {name!r} in workshop {workshop_id}.")
            plural = "" if count == 1 else "s"
            say(f"Revoked {count} invitation{plural} of {name}; open browser seats "
                       "with it close within seconds.", err=True)
            return
        row, token = invites.create(store, workshop_id, name, role, days=days)
    until = f"until {row.expires_at:%Y-%m-%d %H:%M} UTC" if row.expires_at else "until revoked"
    say(f"Invitation for {row.name} ({row.role}) in workshop {workshop_id}, valid "
               f"{until}; send it to {row.name} only, the link is the seat.", err=True)
    typer.echo(invite_url(url, token))


def _print_list(rows: list[Listed], workshop_id: int) -> None:
    out = console()
    if not rows:
        out.print(f"No invitations in workshop {workshop_id}.")
        return
    for row in rows:
        state = "revoked" if row.revoked else (
            f"until {row.expires_at:%Y-%m-%d}" if row.expires_at else "until revoked")
        out.print(clean(f"{row.id:>4}  {row.name}  {row.role}  {state}  "
                        f"(by {row.created_by}, {row.created_at:%Y-%m-%d})"))


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    db: Annotated[str | None, typer.Option(
        "--db", help="Database file or postgresql:// URL (as journeymap --db).")] = None,
) -> None:
    """Serve browser seats with textual-serve; each visitor needs their own invite link."""
    from models.db.dbfile import db_target

    if db is not None:
        STATE.db = db_target(db)
    warning = host_warning(host)
    if warning:
        say(f"journeymap: warning: {warning}", err=True)
    try:
        from tui.web.server import SeatServer
    except ImportError:
        raise fail("journeymap serve needs textual-serve: "
                   "pip install 'journeymap[serve]'.") from None
    with user_errors():
        from models.db import invites

        store = STATE.store()
        invites.ensure_table(store)
        where = str(store.path)
        server = SeatServer(store, where, host=host, port=port)
        server.serve()


@app.command("browser-seat", hidden=True)
def browser_seat() -> None:
    """The process textual-serve starts for one browser tab (not for people to type)."""
    token = os.environ.pop(TOKEN_ENV, "")
    origin = os.environ.pop(ORIGIN_ENV, "")
    from tui.cli.workshops import _check_open, _launch

    with user_errors():
        from models.db import invites

        with STATE.store() as store:
            seat = invites.verify(store, token)
        path, _step, link = _check_open(seat.workshop_id, None, seat.role == "observer")
        _launch(path, seat.workshop_id, None, seat.name, seat.role, link, grant=seat.role,
                key=seat.key, origin=f"browser {origin}".strip())
