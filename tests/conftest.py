"""Shared fixtures: every test gets its own database file and never the user's.

Both engines.  A module marked ``pytestmark = pytest.mark.both_engines`` runs each
test that uses ``db_path`` (or ``store``) twice: on an SQLite file and on a fresh
PostgreSQL database of its own, created on the server named by
``JOURNEYMAP_TEST_PG`` (a URL of a role that may create databases; ``.ci/run``
starts a server and sets it).  There ``db_path`` is the database's URL.  Without
a reachable server the PostgreSQL runs are skipped with the reason, never
silently.  ``@pytest.mark.sqlite_only`` keeps a test about files on SQLite.
"""

from __future__ import annotations

import os
import uuid
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


PG_ENV = "JOURNEYMAP_TEST_PG"
ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("both_engines") is None or \
            metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    metafunc.parametrize("engine", ENGINES, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """``sqlite`` unless the module runs on both engines (``pytest_generate_tests``)."""
    return str(getattr(request, "param", "sqlite"))


def _admin_url() -> str:
    url = os.environ.get(PG_ENV, "")
    if not url:
        pytest.skip(f"PostgreSQL tests skipped: {PG_ENV} is not set (.ci/run starts a "
                    "server and sets it)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test; dropped afterwards."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests skipped: psycopg is not installed (the [server] extra)")
    from sqlalchemy.engine import make_url

    admin = _admin_url()
    try:
        conn = psycopg.connect(admin, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL tests skipped: no server reachable at {PG_ENV} "
                    f"({str(exc).strip().splitlines()[0]})")
    name = f"jm_test_{uuid.uuid4().hex[:12]}"
    try:
        conn.execute(f'CREATE DATABASE "{name}"')
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@pytest.fixture
def db_path(tmp_path: Path, engine: str, request: pytest.FixtureRequest) -> Path:
    """The database under test: a file, or (typed as one) a PostgreSQL URL."""
    if engine == "postgresql":
        return request.getfixturevalue("pg_url")  # type: ignore[no-any-return]
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the mutation profile, every property test runs its few examples, and runs last.

    A test's own ``@settings(max_examples=300)`` outranks any profile, so without the cap the
    mutation run (bench/mutation.sh, one test run per mutant) spends most of its time on a
    few property tests; running the example tests first lets ``-x`` stop a noticed mutant
    after the cheap, specific checks.
    """
    if os.environ.get("JOURNEYMAP_HYPOTHESIS_PROFILE") != "mutation":
        return
    cap = settings.get_profile("mutation").max_examples
    for item in items:
        fn = getattr(item, "obj", None)
        chosen = getattr(fn, "_hypothesis_internal_use_settings", None)
        if chosen is not None and chosen.max_examples > cap:
            fn._hypothesis_internal_use_settings = settings(chosen, max_examples=cap)  # type: ignore[union-attr]
    items.sort(key=lambda item: bool(getattr(getattr(item, "obj", None),
                                              "is_hypothesis_test", False)))
