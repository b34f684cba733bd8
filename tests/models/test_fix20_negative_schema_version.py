"""A schema version below zero is a damaged file, not an old one.

``int("-3") < SCHEMA_VERSION`` made such a file "older": opening it as a lead ran the
upgrade over a file nothing ever stamped that way, and an observer was told to open it
once as a lead.  Like a version that is not a number, it is refused in one sentence
and left untouched; on a server a version that is not a number was a ValueError.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from models.db import server
from models.db.dbfile import UNREADABLE, StoreError, inspect_file
from models.db.store import Store

pytestmark = pytest.mark.both_engines


def _stamp(db: Path, version: str) -> None:
    """Write ``version`` as the database's schema version, as a damaged copy would hold."""
    url = str(db) if "://" in str(db) else f"sqlite:///{db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text("UPDATE journeymap_meta SET value = :v WHERE key = 'schema_version'"),
                     {"v": version})
    engine.dispose()


def _state(db: Path) -> str:
    """What a refusal must leave as it was: the file's bytes, or the server's meta rows."""
    if "://" not in str(db):
        return hashlib.sha256(db.read_bytes()).hexdigest()
    engine = create_engine(str(db).replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT key, value FROM journeymap_meta ORDER BY key")).all()
    engine.dispose()
    return repr(rows)


@pytest.mark.parametrize("version", ["-1", "-40", "eight"])
@pytest.mark.parametrize("read_only", [False, True])
def test_a_negative_or_unreadable_schema_version_is_refused_untouched(
        db_path: Path, version: str, read_only: bool) -> None:
    with Store(db_path, who="lead") as store:
        store.create_workshop(title="Login lockout")
    _stamp(db_path, version)
    before = _state(db_path)
    with pytest.raises(StoreError) as exc:
        Store(db_path, who="lead", read_only=read_only)
    said = str(exc.value)
    shown = server.shown(str(db_path)) if "://" in str(db_path) else str(db_path)
    assert said.startswith(f"{shown} has an unreadable schema version; "), said
    assert said.count(". ") <= 1 and "Traceback" not in said, said
    assert _state(db_path) == before


@pytest.mark.sqlite_only
def test_the_file_check_says_the_same_sentence(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with Store(path, who="lead") as store:
        store.create_workshop(title="Login lockout")
    _stamp(path, "-2")
    with pytest.raises(StoreError) as exc:
        inspect_file(path)
    assert str(exc.value) == f"{path} has an unreadable schema version; {UNREADABLE}"
