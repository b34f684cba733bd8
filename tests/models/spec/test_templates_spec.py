"""What a lead gets from a template file (models/export/templates.py): the summary shown before
anything is created, the preview journey ``templates show`` ranks, a file written back that
loads to the same template, and one sentence naming the file when it cannot be used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.form import DataError
from models.export.templates import (
    create_from_template,
    dumps_template,
    list_templates,
    load_template,
    save_template,
    template_dict,
    template_journey,
)


def _template() -> dict[str, Any]:
    return {
        "format": "journeymap", "version": 1,
        "template": {"name": "lockout", "title": "Lockout map", "description": "Locked out",
                     "category": "account"},
        "workshop": {"title": "Login lockout", "persona": "Admin", "scenario": "cannot log in"},
        "stages": [
            {"name": "Notice", "touchpoints": [
                {"name": "Login page", "sentiment": -2,
                 "pain_points": [{"description": "Locked out", "impact": 3, "effort": 1,
                                  "card": {"experiment": "Unlock by mail"}}]},
                {"name": "Reset mail", "pain_points": [{"description": "Mail is late"}]}]},
            {"name": "Wait"},
            {"name": "Resolve", "touchpoints": [{"name": "Chat", "owner_team": "L2"}]},
        ],
        "pain_points": [{"description": "Nobody owns it", "impact": 2}],
        "handoffs": [{"from": [0, 1], "to": [2, 0], "from_team": "L1", "to_team": "L2"}],
    }


def _file(tmp_path: Path, data: dict[str, Any], name: str = "my-map.toml") -> Path:
    path = tmp_path / name
    path.write_text(dumps_template(data), encoding="utf-8")
    return path


def test_a_template_written_and_read_back_is_the_same_template(tmp_path: Path) -> None:
    data = _template()
    assert load_template(_file(tmp_path, data)) == data


def test_a_template_without_a_name_is_named_after_its_file(tmp_path: Path) -> None:
    data = _template()
    del data["template"]
    loaded = load_template(_file(tmp_path, data, "night-shift.toml"))
    assert loaded["template"] == {"name": "night-shift"}
    data["template"] = {"title": "Nights"}
    assert load_template(_file(tmp_path, data, "nights.toml"))["template"] == {
        "title": "Nights", "name": "nights"}


def test_the_preview_journey_numbers_rows_from_one_and_keeps_every_place() -> None:
    journey = template_journey(_template())
    assert journey.workshop.id == 1 and journey.workshop.title == "Login lockout"
    assert [(s.id, s.name, s.position, s.workshop_id) for s in journey.stages] == [
        (1, "Notice", 0, 1), (2, "Wait", 1, 1), (3, "Resolve", 2, 1)]
    assert {sid: [(t.id, t.name, t.position, t.stage_id) for t in tps]
            for sid, tps in journey.touchpoints.items()} == {
        1: [(1, "Login page", 0, 1), (2, "Reset mail", 1, 1)], 2: [], 3: [(3, "Chat", 0, 3)]}
    assert journey.touchpoints[1][0].sentiment == -2
    assert [(p.id, p.description, p.touchpoint_id, p.workshop_id, p.impact)
            for p in journey.pain_points] == [
        (1, "Locked out", 1, 1, 3), (2, "Mail is late", 2, 1, 2), (3, "Nobody owns it", None, 1, 2)]
    assert [(c.id, c.pain_point_id, c.experiment) for c in journey.cards] == [
        (1, 1, "Unlock by mail")]
    assert [(h.id, h.workshop_id, h.from_touchpoint_id, h.to_touchpoint_id, h.from_team)
            for h in journey.handoffs] == [(1, 1, 2, 3, "L1")]


def test_the_preview_of_a_shipped_template_holds_all_its_rows() -> None:
    data = load_template("login-lockout")
    journey = template_journey(data)
    assert len(journey.stages) == len(data["stages"])
    assert sum(len(t) for t in journey.touchpoints.values()) == sum(
        len(s.get("touchpoints", [])) for s in data["stages"])
    assert len(journey.handoffs) == len(data.get("handoffs", []))


def test_the_summary_counts_loose_pain_points_and_falls_back_for_the_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _template()
    (info,) = _listed(tmp_path, monkeypatch, data)
    assert (info.name, info.title, info.description, info.category) == (
        "lockout", "Lockout map", "Locked out", "account")
    assert (info.persona, info.scenario) == ("Admin", "cannot log in")
    assert (info.stages, info.touchpoints, info.pain_points) == (3, 3, 3)
    del data["template"]["title"]
    assert _listed(tmp_path, monkeypatch, data)[0].title == "Login lockout"
    del data["workshop"]["title"]
    data["template"] = {}
    (bare,) = _listed(tmp_path, monkeypatch, data)
    assert (bare.title, bare.description, bare.category) == ("lockout", "", "")


def _listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: dict[str, Any]) -> list[Any]:
    from models.export import templates

    path = _file(tmp_path, data, "lockout.toml")
    monkeypatch.setattr(templates, "_shipped", lambda: {"lockout": path})
    return list_templates()


def test_a_template_file_keeps_only_what_was_said(store: Store) -> None:
    journey = store.load(store.create_workshop(title="Login lockout").id or 0)
    meta = template_dict(journey, "lockout")["template"]
    assert meta == {"name": "lockout", "title": "Login lockout"}
    assert template_dict(journey, "lockout", "Map", "About", "account")["template"] == {
        "name": "lockout", "title": "Map", "description": "About", "category": "account"}
    journey.workshop.title = ""
    assert template_dict(journey, "lockout")["template"] == {"name": "lockout", "title": "lockout"}


def test_saving_names_the_template_after_the_file_unless_told(store: Store,
                                                               tmp_path: Path) -> None:
    journey = store.load(store.create_workshop(title="Login lockout").id or 0)
    path = save_template(journey, tmp_path / "night-shift.toml")
    assert path == tmp_path / "night-shift.toml"
    assert load_template(path)["template"] == {"name": "night-shift", "title": "Login lockout"}
    other = save_template(journey, tmp_path / "b.toml", "nights", "Nights", "At night", "ops")
    assert load_template(other)["template"] == {
        "name": "nights", "title": "Nights", "description": "At night", "category": "ops"}


def test_a_template_that_cannot_be_written_is_one_sentence_naming_the_file(
        store: Store, tmp_path: Path) -> None:
    journey = store.load(store.create_workshop(title="Login lockout").id or 0)
    target = tmp_path / "missing" / "x.toml"
    with pytest.raises(DataError) as caught:
        save_template(journey, target)
    assert str(caught.value) == f"{target}: cannot be written (No such file or directory)"


def test_a_folder_or_missing_file_lists_the_shipped_templates(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_template(tmp_path)
    assert str(caught.value).startswith(
        f"{tmp_path}: no such template or file; the shipped templates are: billing-dispute, "
        "blank, ")


def test_a_file_nested_too_deeply_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_template(path)
    assert str(caught.value) in (
        f"{path}: is nested too deeply to be a journeymap template",
        f"{path}: is not valid TOML (maximum nesting depth exceeded)")


def test_a_template_not_in_utf8_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('format = "journeymap"\nversion = 1\n[workshop]\ntitle = "Café"\n'
                     .encode("latin-1"))
    with pytest.raises(DataError) as caught:
        load_template(path)
    assert str(caught.value) == f"{path}: is not UTF-8 text; save it as UTF-8"


def test_a_workshop_from_a_template_remembers_it_and_takes_the_given_scope(
        store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path, _template(), "my-map.toml")
    wid = create_from_template(store, str(path), persona="Owner", scenario=None)
    workshop = store.get_workshop(wid)
    assert (workshop.template, workshop.persona, workshop.scenario) == (
        "lockout", "Owner", "cannot log in")
    assert store.changes(wid)[-1].summary == "created from template lockout"
    with pytest.raises(DataError) as caught:
        create_from_template(store, str(path), sentiment=3)
    assert str(caught.value).startswith(f"{path}: workshop.sentiment: unknown key")
    with pytest.raises(DataError) as shipped:
        create_from_template(store, "blank", state="someday")
    assert str(shipped.value).startswith("blank.toml: workshop.state: ")


def test_a_scope_override_of_the_template_name_is_kept(store: Store, tmp_path: Path) -> None:
    path = _file(tmp_path, _template(), "my-map.toml")
    wid = create_from_template(store, str(path), template="custom")
    assert store.get_workshop(wid).template == "custom"
