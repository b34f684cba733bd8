"""Trust on a shared box (issue 10): roles are data, accounts beside names, secrets stay secret."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from models.db import access
from models.db.store import Store
from models.db.tables.cards import PainPoint, Vote
from models.db.tables.history import ChangeLog
from models.db.tables.seats import Participant
from models.export.json_backup import export_workshop, import_json
from models.live import facilitation as fac
from models.live import presence
from models.rules.names import confusable_with, normalize, skeleton
from tests.helpers import as_account


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Trust").id or 0)


# -- roles are data ---------------------------------------------------------------------
def test_creator_is_lead_by_name_and_account(store: Store, wid: int) -> None:
    workshop = store.get_workshop(wid)
    assert (workshop.lead, workshop.lead_account) == ("tester", access.current_account())
    assert access.require(store, wid, access.current_account(), "delete") == "lead"


def test_creator_name_from_another_account_is_not_lead(db_path: Path, store: Store, wid: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    as_account(monkeypatch, "mallory")
    with Store(db_path, who="tester") as other:
        with pytest.raises(access.AccessError, match="another account"):
            presence.join(other, wid, "tester")
        assert not fac.is_lead(other, wid)


def test_a_name_held_by_another_account_is_refused(db_path: Path, store: Store, wid: int,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    presence.join(store, wid, "ana")
    as_account(monkeypatch, "mallory")
    with Store(db_path, who="ana") as other, pytest.raises(access.AccessError,
                                                           match="another account"):
        presence.join(other, wid, "ana")


def test_role_on_the_command_line_only_lowers(store: Store, wid: int) -> None:
    assert presence.join(store, wid, "ana", role="lead").role == "participant"
    assert presence.join(store, wid, "tester", role="observer").role == "observer"


def test_lead_grants_and_revokes_unknown_account_cannot(db_path: Path, store: Store, wid: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    presence.grant(store, wid, "kim", "lead", account="kim")
    presence.grant(store, wid, "kim", "observer")
    with store.read() as s:
        kim = s.exec(select(Participant).where(Participant.name == "kim")).one()
        logged = [c for c in s.exec(select(ChangeLog)) if c.field == "role"]
    assert kim.role == "observer"
    assert [(c.old, c.new) for c in logged] == [("", "lead"), ("lead", "observer")]
    as_account(monkeypatch, "mallory")
    with Store(db_path, who="mallory") as other, pytest.raises(access.AccessError,
                                                               match="Only a lead"):
        presence.grant(other, wid, "mallory", "lead")


def test_a_seat_lines_role_is_capped_by_the_stored_role(store: Store, wid: int) -> None:
    assert presence.join(store, wid, "kim", cap="participant", key="SHA256:k").role == \
        "participant"
    presence.grant(store, wid, "kim", "observer")
    assert presence.join(store, wid, "kim", cap="lead", key="SHA256:k").role == "observer"
    with store.read() as s:
        kim = s.exec(select(Participant).where(Participant.name == "kim")).one()
    assert kim.key == "SHA256:k"


def test_observer_account_is_refused_every_edit_action(db_path: Path, store: Store, wid: int,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    as_account(monkeypatch, "olga")
    with Store(db_path, who="olga") as other:
        presence.join(other, wid, "olga", role="observer")
        for action in access.ACTIONS:
            with pytest.raises(access.AccessError):
                access.require(other, wid, "olga", action)
        with pytest.raises(access.AccessError):
            access.require_portfolio(other, "olga", "import")


# -- attribution --------------------------------------------------------------------------
def test_change_log_keeps_the_account_beside_the_name(store: Store, wid: int) -> None:
    store.key = "SHA256:abc"
    store.update(PainPoint, store.add(PainPoint(workshop_id=wid, description="x")).id or 0,
                 description="y")
    last = store.changes(wid)[-1]
    assert (last.who, last.account) == ("tester", f"{access.current_account()} key SHA256:abc")


def test_workshop_deletion_outlives_the_cascade(store: Store, wid: int) -> None:
    store.delete_workshop(wid)
    assert store.changes(wid) == []
    [entry] = store.audit()
    assert (entry.workshop_id, entry.title, entry.who, entry.account) == (
        wid, "Trust", "tester", access.current_account())


@pytest.mark.parametrize("twin", ["L\u0435a", "LEA", "l\u200bea", "Lеа", "L\u0435\u0430"])
def test_look_alike_names_are_refused_for_a_second_person(store: Store, wid: int,
                                                          twin: str) -> None:
    presence.join(store, wid, "Lea")
    with pytest.raises(access.AccessError, match="looks like"):
        presence.join(store, wid, twin)


def test_names_are_nfkc_normalised(store: Store, wid: int) -> None:
    assert presence.join(store, wid, "Ｋｉｍ").name == "Kim"


@settings(deadline=None, max_examples=60)
@given(st.text(min_size=1, max_size=12))
def test_a_name_is_never_confusable_with_itself(name: str) -> None:
    assert confusable_with(normalize(name), [normalize(name)]) is None
    assert skeleton(name) == skeleton(normalize(name))


# -- imports never bring roles; secrets stay secret --------------------------------------------
def _backup_with_lead(store: Store, wid: int) -> str:
    presence.join(store, wid, "ana")
    presence.grant(store, wid, "ana", "lead")
    data = json.loads(export_workshop(store, wid))
    data["workshop"]["lead"] = "ana"
    data["changelog"].append({"who": "ana", "entity": "workshop", "action": "update",
                              "summary": "forged"})
    return json.dumps(data)


def test_import_brings_no_roles_and_marks_history(db_path: Path, store: Store, wid: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    text = _backup_with_lead(store, wid)
    as_account(monkeypatch, "bo")
    with Store(db_path, who="bo") as other:
        copy = import_json(other, text, "backup.json")
        journey = other.load(copy)
        assert (journey.workshop.lead, journey.workshop.lead_account) == ("bo", "bo")
        assert {p.role for p in journey.participants} == {"participant"}
        log = other.changes(copy)
        assert all(c.imported for c in log[:-1]) and not log[-1].imported
        assert log[-1].account == "bo"
        assert presence.join(other, copy, "bo").role == "lead"


def test_json_export_keeps_the_ballot_secret_until_revealed(store: Store, wid: int) -> None:
    pain = store.add(PainPoint(workshop_id=wid, description="p"))
    store.add(Vote(pain_point_id=pain.id or 0, participant="ana"))
    store.add(Vote(pain_point_id=pain.id or 0, participant="ana"))
    hidden = export_workshop(store, wid)
    assert "ana" not in hidden
    assert json.loads(hidden)["pain_points"][0]["dot_votes"] == [{}, {}]
    fac.reveal_votes(store, wid) if hasattr(fac, "reveal_votes") else store.update(
        type(store.get_workshop(wid)), wid, votes_revealed=True)
    assert "ana" in export_workshop(store, wid)


# -- read-only files ----------------------------------------------------------------------------
def test_read_only_store_lists_a_read_only_folder_without_writing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "team.db"
    with Store(db, who="tester") as store:
        store.create_workshop(title="Shared")
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        side.unlink(missing_ok=True)
    before = sorted(p.name for p in folder.iterdir()), db.read_bytes()
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        if os.access(db, os.W_OK):
            pytest.skip("running as root: permissions do not stop writes")
        with Store(db, who="olga", read_only=True) as ro:
            assert [w.title for w in ro.list_workshops()] == ["Shared"]
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    assert (sorted(p.name for p in folder.iterdir()), db.read_bytes()) == before
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


def test_without_write_access_the_store_opens_immutable_and_leaves_no_side_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above where permissions cannot be taken away (tests running as root)."""
    db = tmp_path / "team.db"
    with Store(db, who="tester") as store:
        store.create_workshop(title="Shared")
    for side in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        side.unlink(missing_ok=True)
    before = sorted(p.name for p in tmp_path.iterdir()), db.read_bytes()
    monkeypatch.setattr("models.db.dbfile.writable", lambda path: False)
    with Store(db, who="olga", read_only=True) as ro:
        assert [w.title for w in ro.list_workshops()] == ["Shared"]
        assert ro.data_version() >= 0
    assert (sorted(p.name for p in tmp_path.iterdir()), db.read_bytes()) == before


def test_a_toml_template_brings_no_roles_and_no_lead(store: Store, tmp_path: Path) -> None:
    from models.export.templates import create_from_template

    path = tmp_path / "forged.toml"
    path.write_text('format = "journeymap"\nversion = 1\n\n[template]\nname = "forged"\n\n'
                    '[workshop]\ntitle = "T"\nlead = "mallory"\n'
                    '\n[[stages]]\nname = "A"\n\n[[participants]]\nname = "mallory"\n'
                    'role = "lead"\n\n[[changelog]]\nwho = "mallory"\nsummary = "forged"\n',
                    encoding="utf-8")
    wid = create_from_template(store, str(path))
    journey = store.load(wid)
    assert (journey.workshop.lead, journey.workshop.lead_account) == (
        "tester", access.current_account())
    assert all(p.role != "lead" for p in journey.participants)
    assert all(c.imported for c in store.changes(wid) if c.who == "mallory")


def test_upgrade_from_schema_2_credits_the_file_owner_as_creator(db_path: Path) -> None:
    import sqlite3

    with Store(db_path, who="lea") as store:
        wid = int(store.create_workshop(title="Old").id or 0)
        presence.join(store, wid, "lea")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DROP TABLE audit")
        conn.execute("ALTER TABLE workshop DROP COLUMN lead_account")
        for column in ("account", "key", "origin"):
            conn.execute(f'ALTER TABLE participant DROP COLUMN "{column}"')
        conn.execute("UPDATE journeymap_meta SET value = '2' WHERE key = 'schema_version'")
    conn.close()
    with Store(db_path, who="lea") as store:
        owner = access.file_owner(db_path)
        assert store.get_workshop(wid).lead_account == owner
        assert [p.account for p in store.load(wid).participants] == [owner]
        assert store.audit() == []
