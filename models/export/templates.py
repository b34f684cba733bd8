"""Workshop templates: complete starting maps stored as TOML.

A template is the template form of ``models.export.serialize`` (``journey_to_dict(full=False)``)
plus a ``[template]`` table (name, title, description, category).  Reading goes
through the same ``normalize`` as a JSON import, so a broken file is refused with
the file, the key path and the problem, never half-loaded.

Shipped templates are found with ``importlib.resources`` so they load from an
installed wheel as well as from the checkout.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import tomli_w

from models.db.fields import coerce
from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.export.files import write_file
from models.export.serialize import DataError, dict_to_store, journey_to_dict, normalize
from models.rules.live_maps import AS_IS

PACKAGE = "workshop_templates"


@dataclass(frozen=True)
class TemplateInfo:
    """What the home screen and ``templates list`` show before anything is created."""

    name: str
    title: str
    description: str
    category: str
    persona: str
    scenario: str
    stages: int
    touchpoints: int
    pain_points: int
    # the method's systems the template fills, so a lead can tell one that carries them
    escalation_levels: int = 0
    bots: int = 0
    projected_effects: int = 0


def _shipped() -> dict[str, Any]:
    """Shipped template files by name (file stem), sorted by name."""
    folder = resources.files(PACKAGE)
    found = {entry.name[: -len(".toml")]: entry for entry in folder.iterdir()
             if entry.name.endswith(".toml") and entry.is_file()}
    return dict(sorted(found.items()))


def template_names() -> list[str]:
    return list(_shipped())


def _parse(text: str, source: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(source, "", f"is not valid TOML ({exc})") from exc
    except RecursionError as exc:
        raise DataError(source, "", "is nested too deeply to be a journeymap template") from exc
    return normalize(data, source=source)


def load_template(name_or_path: str | Path) -> dict[str, Any]:
    """A validated template by shipped name or by file path; DataError names the file."""
    shipped = _shipped()
    key = str(name_or_path)
    if key in shipped:
        source = f"{key}.toml"
        raw = shipped[key].read_bytes()
    else:
        path = Path(name_or_path).expanduser()
        source = str(name_or_path)
        if path.exists() and not path.is_file() and not path.is_dir():
            raise DataError(source, "", "is not a regular file (a pipe or a device would "
                            "never end), so it is no template")
        if not path.is_file():
            names = ", ".join(shipped) or "none"
            raise DataError(source, "", f"no such template or file; the shipped templates "
                            f"are: {names}")
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DataError(source, "", f"cannot be read ({exc.strerror or exc})") from exc
    try:  # a byte order mark (Windows Notepad writes one) is read past, as JSON's is
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(source, "", "is not UTF-8 text; save it as UTF-8") from exc
    data = _parse(text, source)
    data.setdefault("template", {})
    data["template"].setdefault("name", Path(source).stem)
    return data


def _info(name: str, data: dict[str, Any]) -> TemplateInfo:
    meta, scope = data["template"], data["workshop"]  # load_template sets both
    tps = [tp for stage in data["stages"] for tp in stage.get("touchpoints", [])]
    pain_list = [p for tp in tps for p in tp.get("pain_points", [])] + data.get("pain_points", [])
    effects = sum(1 for p in pain_list if p.get("card", {}).get("effect_kind"))
    return TemplateInfo(name=name, title=meta.get("title", "") or scope.get("title", name),
                        description=meta.get("description", ""),
                        category=meta.get("category", ""), persona=scope.get("persona", ""),
                        scenario=scope.get("scenario", ""), stages=len(data["stages"]),
                        touchpoints=len(tps), pain_points=len(pain_list),
                        escalation_levels=len(data.get("escalation_levels", [])),
                        bots=sum(1 for tp in tps if tp.get("actor") == "bot"),
                        projected_effects=effects)


def _detached(model: type[Any], values: dict[str, Any], **links: Any) -> Any:
    typed = {k: coerce(model, k, v) for k, v in values.items() if not isinstance(v, list | dict)}
    return model(**typed, **links)


def template_journey(data: dict[str, Any]) -> Journey:
    """A loaded template as a detached ``Journey`` (ids counted from 1, nothing stored).

    Why: ``templates show`` ranks the pain points and lists the handoffs, the
    escalation matrix and the costs with the same rules as a real workshop, so what
    a lead judges before creating one is what the workshop will show, without
    writing a throwaway row to the file.
    """
    workshop = _detached(Workshop, data["workshop"], id=1)
    journey = Journey(workshop=workshop)
    places: dict[tuple[int, int], int] = {}
    loose: list[tuple[dict[str, Any], int | None]] = []
    tp_id = 0
    for si, stage_data in enumerate(data["stages"]):
        stage = _detached(Stage, stage_data, id=si + 1, workshop_id=1, position=si)
        journey.stages.append(stage)
        journey.touchpoints[si + 1] = []
        for ti, tp_data in enumerate(stage_data.get("touchpoints", [])):
            tp_id += 1
            places[si, ti] = tp_id
            journey.touchpoints[si + 1].append(
                _detached(Touchpoint, tp_data, id=tp_id, stage_id=si + 1, position=ti))
            loose.extend((p, tp_id) for p in tp_data.get("pain_points", []))
    loose.extend((p, None) for p in data.get("pain_points", []))
    for pid, (pain_data, where) in enumerate(loose, start=1):
        journey.pain_points.append(_detached(PainPoint, pain_data, id=pid, workshop_id=1,
                                             touchpoint_id=where))
        if "card" in pain_data:
            journey.cards.append(_detached(HypothesisCard, pain_data["card"], id=pid,
                                           pain_point_id=pid))
    for hid, h in enumerate(data.get("handoffs", []), start=1):
        journey.handoffs.append(_detached(Handoff, h, id=hid, workshop_id=1,
                                          from_touchpoint_id=places[tuple(h["from"])],
                                          to_touchpoint_id=places[tuple(h["to"])]))
    for lid, level in enumerate(data.get("escalation_levels", []), start=1):
        journey.escalation_levels.append(_detached(EscalationLevel, level, id=lid,
                                                   workshop_id=1, position=lid - 1))
    for cid, cost in enumerate(data.get("channel_costs", []), start=1):
        journey.channel_costs.append(_detached(ChannelCost, cost, id=cid, workshop_id=1))
    return journey


def list_templates() -> list[TemplateInfo]:
    """Every shipped template, by name; a broken one raises its DataError."""
    return [_info(name, load_template(name)) for name in _shipped()]


def create_from_template(store: Any, name: str, **scope_overrides: Any) -> int:
    """A new workshop from a template (shipped name or path); returns its id.

    ``scope_overrides`` are workshop fields (persona, scenario, facilitator,
    start_date, …) checked like the file's own values.  The workshop is always a
    live map (``rules.live_maps``): a template saved from a to-be copy carries its
    ``state``, and a map started from it would be a design nobody tracks or reviews
    (only an override given here sets another state).
    """
    data = load_template(name)
    source = f"{data['template']['name']}.toml" if str(name) in _shipped() else str(name)
    data["workshop"] = {**data["workshop"], "state": AS_IS,
                        **{k: v for k, v in scope_overrides.items() if v is not None}}
    data["workshop"].setdefault("template", data["template"]["name"])
    return dict_to_store(store, data, source=source,
                         summary=f"created from template {data['template']['name']}")


def template_dict(journey: Journey, name: str, title: str = "", description: str = "",
                  category: str = "") -> dict[str, Any]:
    """A workshop in template form with its ``[template]`` table (no people, log or plan)."""
    meta = {"name": name, "title": title or journey.workshop.title or name,
            "description": description, "category": category}
    data = journey_to_dict(journey, full=False)
    return {"template": {k: v for k, v in meta.items() if v}, **data}


def dumps_template(data: dict[str, Any]) -> str:
    """TOML text of a template dict (tomli-w; strings are escaped, never interpreted)."""
    return tomli_w.dumps(data)


def save_template(journey: Journey, path: str | Path, name: str = "", title: str = "",
                  description: str = "", category: str = "", *,
                  database: Path | None = None) -> Path:
    """Write a workshop as a template file; ``name`` defaults to the file name.

    Written as an export is (``files.write_file``): a template is often saved into the
    team's shared folder, where a colleague can plant a link under the chosen name, and
    writing through it put the template into the lead's ``~/.bash_aliases``.  The new
    file is renamed over the name instead, and never over ``database`` or its side
    files (``files.ProtectedPath``).
    """
    target = Path(path).expanduser()
    # A file name is bytes: one that is not UTF-8 (a Latin-1 folder) is still the file's
    # name, and the name inside shows its odd bytes as U+FFFD rather than fail to encode.
    stem = os.fsencode(target.stem).decode("utf-8", "replace")
    data = template_dict(journey, name or stem, title, description, category)
    try:
        write_file(target, dumps_template(data).encode("utf-8"), database=database)
    except OSError as exc:
        raise DataError(str(target), "", f"cannot be written ({exc.strerror or exc})") from exc
    return target
