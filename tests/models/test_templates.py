"""Shipped templates load, create complete workshops and round-trip; broken files are named."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.db.store import Store
from models.db.tables import DEFAULT_STAGES
from models.export.serialize import DataError, normalize
from models.export.templates import (
    create_from_template,
    dumps_template,
    list_templates,
    load_template,
    save_template,
    template_dict,
    template_names,
)
from models.vocab import PAIN_KINDS

REQUIRED = {"login-lockout", "billing-dispute", "production-outage", "password-reset-bot",
            "wismo-triage", "return-portal", "onboarding-escalation", "enterprise-escalation",
            "blank"}
FULL = sorted(REQUIRED - {"blank"})
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00"), max_size=30)


def test_required_templates_are_shipped_as_package_data() -> None:
    assert REQUIRED <= set(template_names())
    shipped = {entry.name for entry in resources.files("workshop_templates").iterdir()}
    assert {f"{name}.toml" for name in REQUIRED} <= shipped


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_template_creates_the_workshop_it_describes(store: Store, tmp_path: Path,
                                                    name: str) -> None:
    data = load_template(name)
    wid = create_from_template(store, name)
    journey = store.load(wid)
    meta = data["template"]
    assert journey.workshop.template == name
    # template -> workshop -> template is identical: nothing lost or invented on the way
    again = template_dict(journey, meta["name"], meta["title"], meta.get("description", ""),
                          meta.get("category", ""))
    assert again == data
    # and load(save(x)) == x through a real file
    path = save_template(journey, tmp_path / f"{name}.toml", meta["name"], meta["title"],
                         meta.get("description", ""), meta.get("category", ""))
    assert load_template(path) == again
    assert store.changes(wid)[-1].summary == f"created from template {name}"


@pytest.mark.parametrize("name", FULL)
def test_full_templates_are_complete_maps(name: str) -> None:
    data = load_template(name)
    scope = data["workshop"]
    for key in ("persona", "scenario", "persona_goal", "business_goal",
                "evidence_resolution_time", "evidence_transfer_rate", "evidence_csat"):
        assert scope.get(key), f"{name}: workshop.{key} is empty"
    assert scope["evidence_ticket_volume"] > 0
    assert 5 <= len(data["stages"]) <= 7
    tps = []
    for stage in data["stages"]:
        assert stage.get("kpi_name") and stage.get("kpi_unit"), stage["name"]
        assert "kpi_baseline" in stage and "kpi_target" in stage, stage["name"]
        assert 2 <= len(stage["touchpoints"]) <= 4, stage["name"]
        tps.extend(stage["touchpoints"])
    for tp in tps:
        assert tp.get("channel") and tp.get("does") and tp.get("thinks") and tp.get("feels")
        assert -2 <= tp["sentiment"] <= 2
    pains = [p for tp in tps for p in tp.get("pain_points", [])] + data.get("pain_points", [])
    assert 3 <= len(pains) <= 6
    for pain in pains:
        assert pain["kind"] in PAIN_KINDS and 1 <= pain["impact"] <= 3
        assert all(pain["card"].get(k) for k in ("experiment", "outcome", "signal"))
    assert any(tp.get("moment_of_truth") for tp in tps)
    unowned = [tp["name"] for tp in tps if not tp.get("owner_team")]
    assert 1 <= len(unowned) <= 2, unowned
    assert len({tp["owner_team"] for tp in tps if tp.get("owner_team")}) >= 3
    assert data.get("handoffs"), "a realistic map documents at least one handoff"


def test_blank_template_is_the_six_default_stages() -> None:
    data = load_template("blank")
    assert [(s["name"], s["kpi_name"]) for s in data["stages"]] == list(DEFAULT_STAGES)
    assert all("touchpoints" not in s for s in data["stages"])


def test_list_templates_summarises_each_template() -> None:
    infos = {info.name: info for info in list_templates()}
    assert REQUIRED <= set(infos)
    lockout = infos["login-lockout"]
    data = load_template("login-lockout")
    assert lockout.persona == data["workshop"]["persona"]
    assert lockout.stages == len(data["stages"])
    assert lockout.touchpoints == sum(len(s.get("touchpoints", [])) for s in data["stages"])
    assert lockout.pain_points >= 3 and lockout.title and lockout.description
    assert infos["blank"].touchpoints == 0


def test_scope_overrides_are_applied_and_checked(store: Store) -> None:
    wid = create_from_template(store, "billing-dispute", persona="Controller at Acme [bold]",
                               start_date="2026-03-02")
    workshop = store.get_workshop(wid)
    assert workshop.persona == "Controller at Acme [bold]"
    assert workshop.start_date == dt.date(2026, 3, 2)
    with pytest.raises(DataError, match=r"^billing-dispute\.toml: workshop\.state: must be one"):
        create_from_template(store, "billing-dispute", state="someday")
    with pytest.raises(DataError, match=r"workshop\.colour: unknown key"):
        create_from_template(store, "billing-dispute", colour="red")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_template_files_name_file_and_key_path(tmp_path: Path) -> None:
    good = (tmp_path / "src").with_suffix(".toml")
    good.write_text(dumps_template(load_template("login-lockout")), encoding="utf-8")
    text = good.read_text(encoding="utf-8")
    cases = {
        "sentiment = -1": ("sentiment = -5", "stages[0].touchpoints[0].sentiment: must be "
                           "between -2 and 2"),
        'kpi_unit = "searches per ticket"': ('kpi_units = "x"', "stages[0].kpi_units: unknown "
                                             "key"),
        "impact = 3": ('impact = "high"', "pain_points[0].impact: must be a whole number, not "
                       "text"),
    }
    for old, (new, where) in cases.items():
        path = write(tmp_path, text.replace(old, new, 1))
        with pytest.raises(DataError) as info:
            load_template(path)
        assert str(info.value).startswith(f"{path}: "), str(info.value)
        assert where in str(info.value)


def test_unreadable_template_files_are_one_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, 'format = "journeymap"\nversion = 1\n[workshop\n')
    with pytest.raises(DataError, match=r"broken\.toml: is not valid TOML \(.*line 3"):
        load_template(path)
    path.write_bytes(b'format = "journeymap"\nversion = 1\ntitle = "\xff"\n')
    with pytest.raises(DataError, match="is not UTF-8"):
        load_template(path)
    with pytest.raises(DataError, match="no such template or file; the shipped templates are: "):
        load_template("no-such-journey")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=12, max_size=12),
       numbers=st.tuples(st.integers(-2, 2), st.integers(1, 3), st.integers(0, 10**9),
                         st.floats(allow_nan=False, allow_infinity=False, width=32)))
def test_load_of_save_is_identity_for_any_text(tmp_path_factory: Any, texts: list[str],
                                               numbers: tuple[int, int, int, float]) -> None:
    sentiment, impact, volume, baseline = numbers
    raw = {"format": "journeymap", "version": 1,
           "template": {"name": "gen", "title": texts[0], "description": texts[1]},
           "workshop": {"title": texts[2], "persona": texts[3], "evidence_notes": texts[4]},
           "stages": [{"name": texts[5], "kpi_name": texts[6], "kpi_baseline": baseline,
                       "touchpoints": [{"name": texts[7], "does": texts[8], "feels": texts[9],
                                        "sentiment": sentiment, "owner_team": texts[10],
                                        "pain_points": [{"description": texts[11],
                                                         "impact": impact,
                                                         "ticket_volume": volume}]}]}]}
    x = normalize(raw, source="gen.toml")
    path = tmp_path_factory.mktemp("t") / "gen.toml"
    path.write_text(dumps_template(x), encoding="utf-8")
    assert load_template(path) == x
    assert x["workshop"]["title"] == texts[2]  # text is data: stored exactly as typed
