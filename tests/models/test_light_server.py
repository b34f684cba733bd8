"""The light read of a server (plain psycopg, no ORM) is ``Store.load``, column for column.

``models.db.light_server`` gives ``export`` on the team server the file's light path;
it is only worth having if every rule and output sees exactly what the store gives
them, and if everything it does not trust is left to the store.  Each test gets a
fresh database (``pg_url``); without a server they are skipped with the reason.
"""

from __future__ import annotations

from dataclasses import fields

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from models.db import light_target
from models.db.dbfile import StoreError
from models.db.light import WorkshopRow
from models.db.light_server import list_workshops, load_journeys
from models.db.server import libpq
from models.db.server_link import plain_url
from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.export.markdown import to_markdown
from models.export.templates import create_from_template, list_templates
from tests.helpers import storable
from tests.models.light_compare import TODAY, assert_same, full_workshop
from tests.silent_listener import silent_listener


@pytest.mark.parametrize("template", [t.name for t in list_templates()])
def test_a_server_journey_equals_store_load(pg_url: str, template: str) -> None:
    with Store(pg_url, who="tester") as store:
        wid = full_workshop(store, template)
        orm = store.load(wid)
    light = load_journeys(pg_url, [wid])
    assert light is not None
    assert_same(light[0], orm)
    assert to_markdown(light[0], today=TODAY) == to_markdown(orm, today=TODAY)


def test_the_portfolio_comes_first_then_newest_change_first(pg_url: str) -> None:
    with Store(pg_url, who="tester") as store:
        ids = [full_workshop(store, t.name) for t in list_templates()[:3]]
        listed = [int(w.id or 0) for w in store.list_workshops()]
        orm = store.load_many([ids[1], *(i for i in listed if i != ids[1])])
    light = load_journeys(pg_url, None, first=ids[1])
    assert light is not None
    assert [j.workshop.id for j in light] == [j.workshop.id for j in orm]
    for one, other in zip(light, orm, strict=True):
        assert_same(one, other)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text().filter(storable))
def test_user_text_comes_back_exactly_from_a_server(pg_url: str, text: str) -> None:
    with Store(pg_url, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
        stage = store.load(wid).stages[0]
        store.add(Touchpoint(stage_id=stage.id, position=99, name=text, does=text))
        orm = store.load(wid)
    light = load_journeys(pg_url, [wid])
    assert light is not None
    assert_same(light[0], orm)


def _with(url: str, **parts: object) -> str:
    return make_url(url).set(**parts).render_as_string(hide_password=False)


def _execute(url: str, sql: str) -> None:
    with psycopg.connect(libpq(url), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def test_what_it_does_not_trust_is_left_to_the_store(pg_url: str) -> None:
    """None sends ``export`` through the store, which words the refusal."""
    assert load_journeys(pg_url, [1]) is None  # an empty database: no stamp
    with Store(pg_url, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    assert load_journeys(pg_url, [wid]) is not None
    assert load_journeys(pg_url, [wid, wid + 1]) is None  # a workshop that is not there
    for stamp in ("12", "99"):  # older (the store upgrades it), newer (refused)
        _execute(pg_url, f"UPDATE journeymap_meta SET value = '{stamp}' "
                         "WHERE key = 'schema_version'")
        assert load_journeys(pg_url, [wid]) is None
    _execute(pg_url, "DROP TABLE journeymap_meta")  # another application's tables
    assert load_journeys(pg_url, [wid]) is None


@pytest.mark.parametrize(("url", "plain"), [
    ("postgresql://u:p@h:5/db", "postgresql://u:p@h:5/db"),
    ("postgres://u@h/db?sslmode=require", "postgresql://u@h/db?sslmode=require"),
    ("postgresql+psycopg://u@h/db", "postgresql://u@h/db"),
    ("postgresql://u@h", None),  # no database: libpq would pick the user's name
    ("postgresql://u@h/", None),
    ("postgresql://u@h/?host=/tmp", None),
    ("mysql://u@h/db", None),
])
def test_only_a_url_naming_its_database_is_read_lightly(url: str, plain: str | None) -> None:
    assert plain_url(url) == plain


@pytest.mark.parametrize("parts", [
    {"port": 1},  # no server there: refused at once
    {"password": "not-the-password"},
    {"database": "jm_no_such_database"},
    {"username": "jm_no_such_user"},
], ids=["refused", "password", "database", "user"])
def test_a_failed_connect_raises_the_stores_sentence_at_once(pg_url: str, parts: dict) -> None:
    """The store would only connect again (and wait again): the light read says it."""
    with Store(pg_url, who="tester") as store:
        wid = create_from_template(store, "login-lockout")
    url = _with(pg_url, **parts)
    with pytest.raises(StoreError) as light:
        load_journeys(url, [wid])
    with pytest.raises(StoreError) as light_home:
        list_workshops(url)
    with pytest.raises(StoreError) as store_path:
        Store(url, read_only=True)
    assert str(light.value) == str(light_home.value) == str(store_path.value)
    assert "not-the-password" not in str(light.value)


def test_a_server_that_never_answers_is_asked_once() -> None:
    with silent_listener() as silent:
        with pytest.raises(StoreError) as light:
            load_journeys(silent.url(), [1])
        attempts = silent.attempts
    assert str(light.value) == (f"Cannot reach the PostgreSQL server at 127.0.0.1:{silent.port}; "
                                "is it running and is the address right?")
    assert attempts == 1


def test_homes_rows_from_a_server_are_the_stores(pg_url: str) -> None:
    """A server seat's early Home lists what ``Store.list_workshops`` lists, field for field."""
    assert list_workshops(pg_url) is None  # an empty database: the store creates it
    with Store(pg_url, who="tester") as store:
        for template in list_templates()[:3]:
            create_from_template(store, template.name)
        store.create_workshop(title="‮evil‬ 👩‍💻 [b]x[/]")
        listed = store.list_workshops()
    light = list_workshops(pg_url)
    assert light is not None
    names = [f.name for f in fields(WorkshopRow)]
    assert [[getattr(r, n) for n in names] for r in light] == [
        [getattr(w, n) for n in names] for w in listed]
    assert light_target.list_workshops(pg_url) == light
