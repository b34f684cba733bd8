"""Seats and roles: ``journeymap seat`` (the SSH forced command) and ``journeymap role``.

``seat`` is what an administrator writes into ``authorized_keys``, one key per
person::

    command="journeymap --db /srv/team.db seat kim --workshop 3 --role observer
    --key SHA256:…",restrict ssh-ed25519 AAAA… kim      (one line in the file)

Why a command of its own rather than ``open --as``: everything about the seat
comes from the administrator's line, nothing from the person connecting.
sshd runs this command whatever the client asked for; the client's request is
only in ``SSH_ORIGINAL_COMMAND``, which is never read, so ``ssh host journeymap
open --role lead`` changes nothing.  The seat is bound to NAME and gets what a lead
granted, at most ROLE: the same command typed in a shell cannot be told from it, so
ROLE is only a cap (``models.db.access.seat_role``; a lead grants a guest's name with
``journeymap role ID NAME ROLE --account LOGIN``),
opens only that workshop (no Home), and keeps the key fingerprint (``--key``)
and the connection's origin (``SSH_CONNECTION``, set by sshd) with the seat and
in the change log.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from models.vocab import ROLES
from tui.cli.common import STATE, WorkshopId, command_group, console, fail, require, user_errors

app = command_group()
ROLE_NAMES = ROLES


def _origin() -> str:
    """Client address and port from ``SSH_CONNECTION`` (set by sshd, not by the client)."""
    parts = os.environ.get("SSH_CONNECTION", "").split()
    return f"{parts[0]}:{parts[1]}" if len(parts) >= 2 else ""


@app.command("seat")
def seat(
    name: Annotated[str, typer.Argument(help="The person this SSH key belongs to.")],
    workshop_id: Annotated[int, typer.Option("--workshop", help="The only workshop opened.")],
    role: Annotated[str, typer.Option(
        "--role", help="The most this key may be (a lead's grant decides): lead, "
        "participant or observer.")]
    = "participant",
    key: Annotated[str, typer.Option(
        "--key", help="The key's fingerprint (ssh-keygen -lf KEY.pub), kept in the log.")] = "",
) -> None:
    """The forced command for authorized_keys: one person, one workshop, at most one role."""
    if role not in ROLE_NAMES:
        raise fail(f"--role must be one of: {', '.join(ROLE_NAMES)}.")
    from tui.cli.workshops import _check_open, _launch

    with user_errors():
        path, _step, link = _check_open(workshop_id, None, role == "observer")
        _launch(path, workshop_id, None, name, role, link, cap=role, key=key.strip(),
                origin=_origin())


@app.command("role")
def role_command(
    workshop_id: WorkshopId,
    name: Annotated[str, typer.Argument(help="The participant's name.")],
    role: Annotated[str, typer.Argument(help="The role to give: lead, participant or observer.")],
    account: Annotated[str | None, typer.Option(
        "--account", help="The OS login the seat belongs to (default: the login named NAME, "
        "if the box has one).")] = None,
) -> None:
    """Give a participant a role (leads only); the seat belongs to an OS account, not to
    whoever joins first under NAME."""
    if role not in ROLE_NAMES:
        raise fail(f"The role must be one of: {', '.join(ROLE_NAMES)}.")
    with user_errors():
        from models.live.presence import grant

        store = STATE.store()
        require(store, workshop_id, "grant")
        row = grant(store, workshop_id, name, role, account=account)
    from tui.safe_text import safe

    whose = f" (account {row.account})" if row.account else \
        " (no account yet: the first to join under this name takes it)"
    console().print(safe(f"{row.name} is now {row.role} in workshop {workshop_id}{whose}."))
