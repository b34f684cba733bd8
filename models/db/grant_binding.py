"""Which OS account a lead's grant binds a seat to (``journeymap role``, the dialog).

Apart from ``access`` (the role rules) because only ``presence.grant`` asks it: a grant
names an account, so no account other than the one named can later join under the name.
"""

from __future__ import annotations

from models.db import access
from models.db.access import AccessError


def granted_account(workshop_id: int, name: str, role: str, bound: str,
                    named: str | None) -> str:
    """The OS account a granted seat belongs to ('' = unbound); AccessError when none fits.

    ``bound`` is the account the seat already has, ``named`` the lead's ``--account``.
    """
    if named is not None:
        named = named.strip()
        if not named or any(ch.isspace() or not ch.isprintable() for ch in named):
            raise AccessError(f"--account must be an OS login, not {named!r}.")
        if bound and bound != named:
            raise AccessError(f"The name {name!r} belongs to the account {bound} in workshop "
                              f"{workshop_id}; grant the role under that account's own name.")
        return named
    if bound:
        return bound
    if access.login_exists(name):  # through the module: the one login check there is
        return name
    if role == "lead":
        raise AccessError(f"There is no account {name!r} on this box, and a lead's seat must "
                          f"belong to one: add --account LOGIN (journeymap role {workshop_id} "
                          f"NAME lead --account LOGIN).")
    return ""
