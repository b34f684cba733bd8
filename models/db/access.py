"""Who may do what in a workshop: the one place roles are decided and checked.

Why one module: the CLI, the app and the forced-command ``seat`` must agree on
a single rule, so every edit path asks ``require`` (an action for an account)
or ``seat_role`` (the role a seat gets) here rather than comparing strings.

The rules:

* Roles are data.  A workshop's creator is its lead (``Workshop.lead`` with the
  OS account that created it in ``Workshop.lead_account``); a lead grants and
  revokes with ``grant``.  A role given on a command line (``--role``) can only
  *lower* the role a seat would get, never raise it.
* An account is the operating-system login of the process (``pwd`` from the
  real uid, not ``$USER``, which anyone can set).  ``--as`` only chooses a
  display name: a name already held by another account is refused, and the
  creator's name from another account is not the lead.
* A grant names an account.  ``grant`` binds a new seat to the OS account of the
  same login (or the one the lead names with ``--account``), so the role reaches that
  account's command line at once and no other account can join under the name.  A
  lead's seat for a name with no login on the box is refused until the account is
  named; an observer or participant seat for such a name (a guest-to-be) stays
  unbound, and the first account to join gets at most that role, never more than
  any new name gets.
* One rule for every seat (``seat_role``): the name's own seat keeps the role a lead
  gave it, the creator's name from the creator's account is lead, and a new name
  gets at most participant and at most what a lead granted the account.  A
  ``seat`` line (the forced command an administrator writes into
  ``authorized_keys``) cannot be told from the same command typed in a shell (the
  only difference, ``SSH_ORIGINAL_COMMAND``, is the client's to set), so its ROLE
  is a cap like ``--role``; a guest key's seat gets more only when a lead granted
  that name to the guest account (``journeymap role ID NAME ROLE --account LOGIN``).
  A browser invitation whose token the process checked is a lead's grant.
* A binding is a login *and* its uid: a new account that reuses a deleted login is
  refused (``recreated``) until a lead grants it again.  A binding an older file
  holds without a uid is taken as it is and gets the uid of the first seat that
  login takes, or of its first command that changes the workshop (``require``).  A
  server keeps no uid: its clients run on other machines, whose
  uids mean nothing to each other (``Store.uid`` is None there).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.db.dbfile import StoreError
from models.db.os_login import current_account as current_account
from models.db.os_login import current_uid as current_uid
from models.db.os_login import file_owner as file_owner
from models.db.os_login import login_exists as login_exists
from models.db.os_login import login_uid as login_uid
from models.vocab import ROLES

# ``ROLES`` is listed from most to least: observer 0, participant 1, lead 2.
ROLE_RANK: dict[str, int] = {role: rank for rank, role in enumerate(reversed(ROLES))}

# The least role each action needs.
ACTIONS: dict[str, str] = {
    "edit": "participant",  # change the map, tracker status, regenerate the plan
    "export": "participant",  # write an export or a template file
    "import": "participant",  # add a workshop to a portfolio that has some already
    "delete": "lead",  # delete a whole workshop
    "grant": "lead",  # give or take a role
}
# The actions that write the workshop itself, so may also give the account's bindings
# their uid; an export writes a file (often from a read-only store) and binds nothing.
BINDING_ACTIONS = frozenset({"edit", "delete", "grant"})
_VERBS: dict[str, str] = {"edit": "change", "export": "write a file from",
                          "import": "import into", "delete": "delete",
                          "grant": "change roles in"}


class AccessError(StoreError):
    """The person running journeymap may not do this; the message says why in one sentence."""


def lower(first: str, second: str | None) -> str:
    """The lesser of two roles (``None`` = no cap)."""
    return first if second is None else min(first, second, key=ROLE_RANK.__getitem__)


def check_role(role: str) -> str:
    if role not in ROLE_RANK:
        raise AccessError(f"The role must be one of: {', '.join(ROLE_RANK)}; not {role!r}.")
    return role


def bound(stored: str, stored_uid: int | None, account: str, uid: int | None) -> bool | None:
    """Whether a binding (login, uid) is this account's: None when the login is the same
    but the uid is not, i.e. the login was deleted and created again since."""
    if not account or stored != account:
        return False
    return True if stored_uid is None or uid is None or stored_uid == uid else None


def recreated(workshop_id: object, account: str) -> AccessError:
    return AccessError(f"The login {account} was deleted and created again since it was "
                       f"given a role in workshop {workshop_id}, so that role is not its own; "
                       f"ask a lead to grant it again (journeymap role {workshop_id} NAME ROLE "
                       f"--account {account}).")


def account_role(workshop: object, participants: Sequence[object], account: str,
                 key: str = "", uid: int | None = None, *, vouch: bool = False) -> str | None:
    """The highest role an OS account (and, for a ``seat``, its key) holds; None = none.

    Seats bound to a key count only for that key: a shell on the shared guest account
    is not every guest at once.  A binding of a re-created login (uid differs) counts
    for nothing; ``stale`` tells such an account apart from one nobody granted.
    ``vouch`` (a command's check) counts each seat's stored role only up to what a lead
    gave it, as a reopen does (``vouched``, with the ``logged`` grant of ``role_rows``)."""
    best: str | None = None
    if bound(str(getattr(workshop, "lead_account", "")), getattr(workshop, "lead_uid", None),
             account, uid):
        best = "lead"
    for person in participants:
        if getattr(person, "key", "") == key and bound(
                str(getattr(person, "account", "")), getattr(person, "account_uid", None),
                account, uid):
            role = str(getattr(person, "role", "observer"))
            if vouch:
                role = lower(role, vouched(workshop, participants, person, account, uid,
                                           getattr(person, "logged", None), None))
            if best is None or ROLE_RANK[role] > ROLE_RANK[best]:
                best = role
    return best


def stale(workshop: object, participants: Sequence[object], account: str,
          uid: int | None) -> bool:
    """Whether a lead's grant in this workshop names this login with another uid."""
    return any(bound(login, known_uid, account, uid) is None
               for login, known_uid in bindings(workshop, participants))


def bindings(workshop: object, participants: Sequence[object]) -> list[tuple[str, int | None]]:
    """Every (login, uid) binding of a workshop: its creator's and each seat's."""
    found = [(str(getattr(workshop, "lead_account", "")), getattr(workshop, "lead_uid", None))]
    return found + [(str(getattr(p, "account", "")), getattr(p, "account_uid", None))
                    for p in participants]


def allowed(role: str | None, action: str) -> bool:
    return role is not None and ROLE_RANK[role] >= ROLE_RANK[ACTIONS[action]]


def _held(role: str | None) -> str:
    return f"is {'an' if role == 'observer' else 'a'} {role}" if role else "has no role"


def refusal(workshop_id: int, account: str, role: str | None, action: str) -> AccessError:
    held = _held(role)
    need = ACTIONS[action]
    return AccessError(f"Only a {need}{' or lead' if need == 'participant' else ''} can "
                       f"{_VERBS[action]} workshop {workshop_id}; the account {account} "
                       f"{held} there (a lead can grant one with `journeymap role`).")


def check(workshop_id: int, workshop: object, people: Sequence[object], account: str,
          uid: int | None, role: str | None, action: str, key: str | None = "") -> None:
    """Refuse ``action`` unless ``role`` allows it: a re-created login is told so, and so
    is an account whose stored role would allow it but no grant backs (``unbacked``).

    Apart from ``require`` so that a command that read the rows itself, without the
    ORM (``export -o``), decides by the same rule."""
    if not allowed(role, action):
        if stale(workshop, people, account, uid):
            raise recreated(workshop_id, account)
        if key is not None:  # None: the app's seat, whose own role was checked
            unbacked(workshop_id, workshop, people, account, key, uid, role, action)
        raise refusal(workshop_id, account, role, action)


def unbacked(workshop_id: int, workshop: object, people: Sequence[object], account: str,
             key: str, uid: int | None, counted: str | None, action: str) -> None:
    """Refuse, naming the one way back, a seat of this account whose stored role allows
    ``action`` though no logged grant backs it (a map from before grants were logged,
    or a row written by hand): its creator's grant, made again, is logged this time."""
    for person in people:
        role, name = str(getattr(person, "role", "")), str(getattr(person, "name", ""))
        if getattr(person, "key", "") == key and allowed(role, action) and bound(
                str(getattr(person, "account", "")), getattr(person, "account_uid", None),
                account, uid):
            raise AccessError(f"Your {role} role in workshop {workshop_id} (seat {name!r}) "
                              f"is not backed by a grant in its change log, so the account "
                              f"{account} {_held(counted)} there; ask "
                              f"{getattr(workshop, 'lead', '') or 'its creator'} to grant it "
                              f"again (journeymap role {workshop_id} {name} {role}).")


def require(store: object, workshop_id: int, account: str, action: str, key: str = "",
            seat: str | None = None, name: str | None = None) -> str:
    """The account's role in the workshop if it may do ``action``; else raise AccessError.

    ``name`` (a command line) is the name its change is signed with: refused when
    another account holds it in the workshop.

    ``seat`` (the app) checks the role of that seated name instead, provided the seat
    belongs to this account and key: the role shown on a seat is the role it has, even
    when the same OS account created the workshop under another name.
    """
    from sqlmodel import select

    from models.db.bad_cells import DamagedWorkshop
    from models.db.role_rows import role_rows
    from models.db.tables.seats import Participant
    from models.db.tables.workshop import Workshop

    try:
        store.get_workshop(workshop_id)  # type: ignore[attr-defined]  # or NotFound
        damaged = False
    except DamagedWorkshop:  # still its lead's to delete (the role's cells are read
        if action != "delete":  # apart); any other change would meet the damage: said now
            raise
        damaged = True
    found, people = role_rows(store, workshop_id)
    workshop = found[0]
    uid = getattr(store, "uid", None)
    if seat is None:
        role = account_role(workshop, people, account, key, uid, vouch=True)
        if name is not None and allowed(role, action):
            _own_name(workshop, people, name, account, key)
    else:
        row = next((p for p in people if p.name == seat), None)
        mine = row is not None and row.key == key and (
            not row.account or bound(row.account, row.account_uid, account, uid) is True)
        role = row.role if mine else None  # type: ignore[union-attr]
    check(workshop_id, workshop, people, account, uid, role, action, key if seat is None
          else None)
    if action in BINDING_ACTIONS and not damaged and not getattr(store, "read_only", True) \
            and unbound(workshop, people, account, uid):
        with store.write() as s:  # type: ignore[attr-defined]
            workshop = s.get(Workshop, workshop_id)
            people = list(s.exec(select(Participant)
                                 .where(Participant.workshop_id == workshop_id)))
            bind_uid(workshop, people, account, uid)
    return str(role)


def unbound(workshop: object, participants: Sequence[object], account: str,
            uid: int | None) -> bool:
    """Whether this login has a binding in the workshop without a uid (made before
    schema 12) that ``bind_uid`` would complete; never on a server (``uid`` None)."""
    return uid is not None and any(login == account and known is None
                                   for login, known in bindings(workshop, participants))


def bind_uid(workshop: object, participants: Sequence[object], account: str,
             uid: int | None) -> None:
    """Give this login's bindings without a uid its uid, inside the caller's transaction.

    Why: such a binding is taken by whichever account has the login, so until it has a
    uid a re-created login could claim it.  A seat (``presence.join``) and every command
    that changes the workshop (``require``) complete it the same way, from the real uid
    of a process whose login the binding already names.  A server keeps no uid."""
    if uid is None:
        return
    if getattr(workshop, "lead_account", "") == account and \
            getattr(workshop, "lead_uid", None) is None:
        workshop.lead_uid = uid  # type: ignore[attr-defined]
    for person in participants:
        if getattr(person, "account", "") == account and \
                getattr(person, "account_uid", None) is None:
            person.account_uid = uid  # type: ignore[attr-defined]


def _own_name(workshop: object, people: list[object], name: str, account: str,
              key: str) -> None:
    """Refuse a command whose change would be signed with a name another account holds.

    The name comes from ``JOURNEYMAP_USER``/``LOGNAME``, which anyone can set: without
    this, bob's change read as the lead's in the change log and in ``log --who``."""
    row = next((p for p in people if getattr(p, "name", None) == name), None)
    if row is not None:
        owner, owner_key = str(getattr(row, "account", "")), str(getattr(row, "key", ""))
    elif name and name == getattr(workshop, "lead", ""):
        owner, owner_key = str(getattr(workshop, "lead_account", "")), ""
    else:
        return
    if owner and (owner, owner_key) != (account, key):
        raise AccessError(f"The name {name!r} belongs to another account in workshop "
                          f"{getattr(workshop, 'id', '')}; set JOURNEYMAP_USER to your own "
                          "name, or the change log would show this change as theirs.")


def require_portfolio(store: object, account: str, action: str) -> None:
    """For adding a workshop to the file (`new`, `import`, a template's workshop): allowed
    on an empty file, or with the role somewhere in it, so an observer-only or unknown
    account cannot add workshops.  The refusal names what every such command does (adding
    a workshop), not one command's verb."""
    from models.db.role_rows import role_rows

    workshops, people = role_rows(store, None)  # a damaged map's role counts, as it is
    if not workshops:
        return
    for workshop in workshops:
        mine = [p for p in people if p.workshop_id == workshop.id]
        if allowed(account_role(workshop, mine, account, uid=getattr(store, "uid", None),
                                vouch=True), action):
            return
    raise AccessError(f"Only a participant or lead of a workshop in this file can add "
                      f"workshops to it; the account {account} is neither.")


NEW_NAME_ROLE = "participant"  # the most a name nobody granted gets, from any account


def vouched(workshop: object, rows: Sequence[object], existing: object, account: str,
            uid: int | None, logged: str | None, grant: str | None) -> str:
    """The most a returning seat's stored role counts for: what a lead gave it.

    The creator's name from the creator's account is lead; else the role of the seat's
    last logged grant, or the invitation's; else what a new name would get now.  Why not
    the stored role alone: whoever can write that row (an observer's presence connection,
    before session 16) could write ``lead`` into it.  A lowered role stays lowered.
    """
    if getattr(existing, "name", None) == getattr(workshop, "lead", "") and bound(
            str(getattr(workshop, "lead_account", "")), getattr(workshop, "lead_uid", None),
            account, uid):
        return "lead"
    if logged is not None or grant is not None:
        return str(logged or grant)
    others = [row for row in rows if row is not existing]
    return lower(NEW_NAME_ROLE, account_role(workshop, others, account, uid=uid))


def seat_role(workshop: object, rows: Sequence[object], name: str, account: str, *,
              requested: str | None = None, cap: str | None = None,
              grant: str | None = None, uid: int | None = None,
              logged: str | None = None) -> str:
    """The role a seat gets; raises AccessError when the name is not this account's.

    One rule for ``open`` and ``seat``: the name's own seat keeps the role a lead gave
    it (``vouched``; ``logged`` is the role of its last logged grant),
    the creator's name from the creator's account is lead, and a new name gets
    ``NEW_NAME_ROLE`` but never more than what a lead granted this account (an
    account granted observer is an observer under any name).  ``cap`` is a ``seat``
    line's ROLE and ``requested`` is ``--role``: both only lower, since whoever has a
    shell can type either.  ``grant`` is a browser invitation whose token this
    process checked: a lead's grant for that name.  A ``seat`` takes no name
    another account holds: it would re-bind that seat (the lead's, say) to the
    caller and lock its owner out; ``open`` takes no seat bound to a key either.
    """
    for role in (requested, cap, grant):
        if role is not None:
            check_role(role)
    wid = getattr(workshop, "id", "ID")
    existing = next((p for p in rows if getattr(p, "name", None) == name), None)
    if existing is not None:
        owner, owner_uid = str(getattr(existing, "account", "")), \
            getattr(existing, "account_uid", None)
    elif name == getattr(workshop, "lead", ""):
        owner, owner_uid = str(getattr(workshop, "lead_account", "")), \
            getattr(workshop, "lead_uid", None)
    else:
        owner, owner_uid = "", None
    mine = bound(owner, owner_uid, account, uid)
    if mine is None:
        raise recreated(wid, account)
    keyed = grant is not None or cap is not None
    if keyed and owner and not mine:
        raise AccessError(f"The name {name!r} belongs to another account in workshop {wid}; "
                          "this seat command needs a name of its own.")
    if not keyed and ((owner and not mine) or getattr(existing, "key", "")):
        raise AccessError(f"The name {name!r} belongs to another account in this workshop; "
                          "choose your own name with --as.")
    if existing is not None and not owner and getattr(existing, "role", "") == "lead" \
            and account != name and grant is None:
        raise AccessError(f"The lead's seat {name!r} was granted before an account was named, "
                          f"so no account may take it; a lead can name it with `journeymap "
                          f"role {wid} {name} lead --account LOGIN`.")
    if existing is not None:
        base = lower(lower(str(getattr(existing, "role", "")), vouched(
            workshop, rows, existing, account, uid, logged, grant)), grant)
    elif owner:  # the creator's name, from the creator's account
        base = "lead"
    elif grant is not None:
        base = grant
    else:
        held = account_role(workshop, rows, account, uid=uid)
        if held is None and stale(workshop, rows, account, uid):
            raise recreated(wid, account)
        base = lower(NEW_NAME_ROLE, held)
    return lower(lower(base, cap), requested)
