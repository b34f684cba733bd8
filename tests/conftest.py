"""Shared fixtures: every test gets its own database file and never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from models.db.store import Store


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point JOURNEYMAP_DB and the data dir at a temp folder so no test touches ~."""
    monkeypatch.setenv("JOURNEYMAP_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("JOURNEYMAP_USER", "tester")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journeymap.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = Store(db_path, who="tester")
    yield s
    s.close()


# Property tests are not timing tests: no Hypothesis deadline anywhere, even for a test
# without its own @settings (a loaded machine must not fail them).
settings.register_profile("journeymap", deadline=None)
# bench/mutation.sh runs the tests once per mutant: the same properties, fewer examples.
settings.register_profile("mutation", deadline=None, max_examples=10)
settings.load_profile(os.environ.get("JOURNEYMAP_HYPOTHESIS_PROFILE", "journeymap"))
