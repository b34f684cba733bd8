"""The cells a role check reads (who created a workshop, who sits in it with which role),
read in plain SQL so that a damaged cell elsewhere in the map does not hide them.

Why apart from the ORM: a hand-written date in a workshop's own row (``updated_at =
'garbage'``) or in a seat's ``last_seen`` made SQLAlchemy's converters refuse the whole
row, so ``delete`` could not tell the lead of the damaged map and ``import`` could not
tell whether the account had a role anywhere in the file.  Only the binding columns are
read here; each is taken only as journeymap writes it:

* a text whose bytes are not UTF-8 binds nobody;
* a uid that is not a whole number is a uid no account has, so the binding is
  refused as a re-created login's would be, never loosened into "any uid";
* a role that is not one of ``models.vocab.ROLES`` grants nothing.

Each seat comes with ``logged``: the role its last logged grant gave it
(``grant_log.granted_role``), which its stored role counts up to (``access.vouched``).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from models.db.grant_log import ENTITY, FIELD, granted_role
from models.vocab import ROLES

if TYPE_CHECKING:  # an export's light read never imports bad_cells (its dataclasses)
    from models.db.bad_cells import Run

_NO_UID = -1  # no account has it: a damaged uid refuses, it does not open


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _uid(value: Any) -> int | None:
    if value is None:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else _NO_UID


def role_rows(store: Any, workshop_id: int | None) -> tuple[list[Any], list[Any]]:
    """(the workshops, their seats) as ``models.db.access`` reads them: ``workshop_id``'s
    (None: every workshop's), objects with the attributes the role rules ask for."""
    from models.db.bad_cells import runner

    with store.read() as s:
        return role_cells(runner(s), store.on_server, workshop_id)


def file_role_rows(path: Path, workshop_id: int) -> tuple[list[Any], list[Any]] | None:
    """``role_rows`` of a current file, read with sqlite3 (an export's light read has no
    store); None when the file is not one to read so (the caller asks the store)."""
    from models.db.dbfile import open_current

    conn = open_current(path, quick_check=False)
    if conn is None:
        return None
    try:
        return role_cells(conn.execute, False, workshop_id)
    finally:
        conn.close()


def role_cells(run: Run, on_server: bool, workshop_id: int | None
               ) -> tuple[list[Any], list[Any]]:
    """``role_rows`` on a connection's ``run(sql, params)``."""
    mark = "%s" if on_server else "?"
    text = (lambda c: f'CAST("{c}" AS BLOB)') if not on_server else (lambda c: f'"{c}"')
    where, params = (f" WHERE id = {mark}", (workshop_id,)) if workshop_id is not None \
        else ("", ())
    workshops = [SimpleNamespace(id=int(r[0]), lead=_decoded(r[1]),
                                 lead_account=_decoded(r[2]), lead_uid=_uid(r[3]))
                 for r in run(f"SELECT id, {text('lead')}, {text('lead_account')}, "
                              f"lead_uid FROM workshop{where} ORDER BY id", params)]
    owner = where.replace(" id ", " workshop_id ")
    lines = {r[0]: (_decoded(r[1]), _decoded(r[2])) for r in run(
        f"SELECT entity_id, {text('who')}, {text('new')} FROM changelog WHERE entity = "
        f"{mark} AND field = {mark}{owner.replace(' WHERE ', ' AND ')} ORDER BY id",
        (ENTITY, FIELD, *params))}  # the last line of each seat wins
    people = [SimpleNamespace(workshop_id=r[0], name=_decoded(r[1]),
                              account=_decoded(r[2]), account_uid=_uid(r[3]),
                              key=_decoded(r[4]), role=_decoded(r[5]), id=r[6],
                              logged=granted_role(*lines.get(r[6], ("", "")),
                                                  _decoded(r[1])))
              for r in run(f"SELECT workshop_id, {text('name')}, {text('account')}, "
                           f"account_uid, {text('key')}, {text('role')}, id "
                           f"FROM participant{owner} ORDER BY id", params)
              if _decoded(r[5]) in ROLES]
    return workshops, people


def _decoded(value: Any) -> str:
    """A text column read as bytes (SQLite) or text (a server): UTF-8 text, or ""."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return ""
    return _text(value)
