"""The workshop commands: every happy path and its error path.

Most run in-process through Typer's CliRunner; a few error paths run the real
``journeymap`` console script in a subprocess to prove that what a person sees is
one sentence and an exit code, never a traceback.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Handoff, Stage, Touchpoint
from models.export.json_backup import export_workshop
from models.export.templates import save_template, template_names
from models.vocab import ROLES, STEPS
from tests.cli.cli_runs import one_error_line, run, runner
from tests.helpers import journeymap_command
from tui.cli.main import app

# the command module itself (tui.cli.main registers it explicitly)
cli_workshops = importlib.import_module("tui.cli.workshops")

MARKUP = "[bold]Admin[/] :smile: \x1b[31m中文"


@pytest.fixture
def template_file(tmp_path: Path, store: Store) -> Path:
    """A small template written by save_template: two stages, one owner change, one pain."""
    w = store.create_workshop(title="Tmpl title", persona="Tmpl persona", scenario="Tmpl scen",
                              default_stages=False)
    a = store.add(Stage(workshop_id=w.id, name="Contact", kpi_name="FCR"))
    b = store.add(Stage(workshop_id=w.id, name="Resolution", kpi_name="CES"))
    tp = store.add(Touchpoint(stage_id=a.id, name="Chat", owner_team="Tier 1"))
    fix = store.add(Touchpoint(stage_id=b.id, name="Fix", owner_team="Identity"))
    store.add(Handoff(workshop_id=w.id, from_touchpoint_id=tp.id, to_touchpoint_id=fix.id))
    store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, description="Asked twice",
                        kind="loop", impact=3, effort=1, ticket_volume=900))
    path = tmp_path / "small.toml"
    save_template(store.load(int(w.id or 0)), path)
    store.delete_workshop(int(w.id or 0))
    return path


# -- start-up ---------------------------------------------------------------------------
def test_help_imports_neither_textual_nor_sqlmodel() -> None:
    code = ("import sys, runpy; sys.argv = ['journeymap', '--help']\n"
            "from tui.cli.main import app\n"
            "try:\n    app()\nexcept SystemExit:\n    pass\n"
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('textual', 'sqlmodel', 'sqlalchemy'))\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "Commands" in out.stdout and "templates" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY []"


def test_role_and_step_names_match_the_model() -> None:
    assert cli_workshops.ROLE_NAMES == ROLES
    assert "stages" in STEPS


# -- new ------------------------------------------------------------------------------------
def test_new_from_template_prints_only_the_id(db_path: Path, template_file: Path) -> None:
    result = run(db_path, "new", "--template", str(template_file), "--persona", MARKUP,
                 "--scenario", "Locked out", "--title", "My map")
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout.strip())
    assert result.stdout == f"{new_id}\n"
    journey = Store(db_path).load(new_id)
    assert (journey.workshop.persona, journey.workshop.scenario) == (MARKUP, "Locked out")
    assert journey.workshop.title == "My map"
    assert [s.name for s in journey.stages] == ["Contact", "Resolution"]
    assert [p.description for p in journey.pain_points] == ["Asked twice"]


def test_new_blank_has_default_stages_and_scenario_as_title(db_path: Path) -> None:
    result = run(db_path, "new", "-t", "blank", "--persona", "P", "--scenario", "S")
    assert result.exit_code == 0, result.output
    journey = Store(db_path).load(int(result.stdout))
    assert len(journey.stages) == 6 and journey.workshop.title == "S"


@pytest.mark.parametrize(("args", "missing"), [
    (["--persona", "P", "--scenario", "S"], "--template"),
    (["-t", "blank", "--scenario", "S"], "--persona"),
    (["-t", "blank", "--persona", "P"], "--scenario"),
    (["-t", "blank", "--persona", "  ", "--scenario", "S"], "--persona"),
])
def test_new_without_a_terminal_names_the_missing_option(db_path: Path, args: list[str],
                                                         missing: str) -> None:
    one_error_line(run(db_path, "new", *args), missing)
    assert Store(db_path).list_workshops() == []


def test_new_prompts_for_what_is_missing_on_a_terminal(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_workshops, "_interactive", lambda: True)
    result = run(db_path, "new", "--scenario", "Given", input="blank\nTyped persona\n")
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout.strip().splitlines()[-1])
    workshop = Store(db_path).get_workshop(new_id)
    assert (workshop.persona, workshop.scenario) == ("Typed persona", "Given")
    assert "Scenario" not in result.stdout  # only what was missing is asked


def test_new_with_an_unknown_template_is_one_clear_line(db_path: Path) -> None:
    one_error_line(run(db_path, "new", "-t", "no-such", "--persona", "P", "--scenario", "S"),
                   "no-such", "no such template")


def test_new_with_a_bad_value_is_one_clear_line(db_path: Path, template_file: Path) -> None:
    one_error_line(run(db_path, "new", "-t", "blank", "--persona", "P", "--scenario",
                       "x" * 20_001), "longer than")


# -- list / show ------------------------------------------------------------------------
def test_list_when_empty_says_what_to_do(db_path: Path) -> None:
    Store(db_path).close()  # a database with no workshops (a missing one is refused)
    result = run(db_path, "list")
    assert result.exit_code == 0
    assert "No workshops yet" in result.stdout and "journeymap demo" in result.stdout


def test_list_shows_user_text_literally(db_path: Path) -> None:
    Store(db_path).create_workshop(title="[red]T[/]", persona="[bold]P", scenario="S 🙂")
    result = run(db_path, "list")
    assert result.exit_code == 0
    for text in ("[red]T[/]", "[bold]P", "S 🙂", "id", "persona", "scenario", "updated"):
        assert text in result.stdout
    assert "\x1b" not in result.stdout


def test_show_summarises_scope_stages_pains_cards_and_risks(db_path: Path,
                                                            template_file: Path) -> None:
    new_id = int(run(db_path, "new", "-t", str(template_file), "--persona", MARKUP,
                     "--scenario", "S").stdout)
    store = Store(db_path)
    pain = store.load(new_id).pain_points[0]
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="a reset link",
                             outcome="fewer repeats", signal="repeat contacts drop 20%"))
    result = run(db_path, "show", str(new_id))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("[bold]Admin[/] :smile:", "Contact", "FCR", "Resolution", "Pain points: 1",
                 "Asked twice", "quick win", "We believe a reset link will result in",
                 "no owner", "Tier 1 → Identity"):
        assert text in out, text
    assert "\x1b" not in out and "😄" not in out
    assert "␛[31m中文" in out  # the escape is shown, not obeyed


def test_show_names_the_scope_the_method_asks_for_even_when_missing(db_path: Path) -> None:
    """Step 1 is a persona, a scenario, the persona's goal and a business goal; a summary
    that leaves out the missing goals reads as a complete scope."""
    new_id = run(db_path, "new", "-t", "blank", "--persona", "Admin", "--scenario",
                 "Locked out").stdout.strip()
    out = run(db_path, "show", new_id).stdout
    assert "Persona goal: not set" in out and "Business goal: not set" in out


def test_show_an_unknown_workshop_is_one_clear_line(db_path: Path) -> None:
    Store(db_path).close()
    one_error_line(run(db_path, "show", "42"), "There is no workshop 42")


# -- delete -------------------------------------------------------------------------------
def test_delete_with_yes(db_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="Gone [x]").id
    result = run(db_path, "delete", str(wid), "--yes")
    assert result.exit_code == 0 and "Deleted workshop" in result.stdout
    assert "Gone [x]" in result.stdout
    assert Store(db_path).list_workshops() == []


def test_delete_without_a_terminal_needs_yes(db_path: Path) -> None:
    wid = Store(db_path).create_workshop(title="Kept").id
    one_error_line(run(db_path, "delete", str(wid)), "--yes")
    assert len(Store(db_path).list_workshops()) == 1


def test_delete_asks_on_a_terminal(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_workshops, "_interactive", lambda: True)
    wid = Store(db_path).create_workshop(title="Maybe").id
    refused = run(db_path, "delete", str(wid), input="n\n")
    assert refused.exit_code == 1 and "Nothing deleted" in refused.stderr
    assert len(Store(db_path).list_workshops()) == 1
    accepted = run(db_path, "delete", str(wid), input="y\n")
    assert accepted.exit_code == 0
    assert Store(db_path).list_workshops() == []


def test_delete_an_unknown_workshop(db_path: Path) -> None:
    Store(db_path).close()
    one_error_line(run(db_path, "delete", "7", "--yes"), "There is no workshop 7")


# -- templates / import ---------------------------------------------------------------
def test_templates_list_names_every_shipped_template(db_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # piped with no width asked (xdist sets 80)
    result = run(db_path, "templates", "list")
    assert result.exit_code == 0, result.output
    names = template_names()
    assert names
    for name in names:
        assert name in result.stdout
    # one line per template (and a header): piped, whole; at 80 columns, cut to fit
    lines = result.stdout.splitlines()
    assert len(lines) == len(names) + 1 and "…" not in result.stdout
    assert [line.split()[0] for line in lines[1:]] == names
    narrow = runner.invoke(app, ["--db", str(db_path), "templates", "list"],
                           env={"COLUMNS": "80"}).stdout.splitlines()
    assert len(narrow) == len(names) + 1
    assert all(len(line) <= 80 for line in narrow), narrow


def test_templates_show(db_path: Path, template_file: Path) -> None:
    shown = run(db_path, "templates", "show", str(template_file))
    assert shown.exit_code == 0, shown.output
    for text in ("Tmpl persona", "1. Contact", "KPI: FCR", "Chat — Tier 1 · frontstage",
                 "1. Asked twice", "quick win: impact high, effort low"):
        assert text in shown.stdout, text
    name = template_names()[0]
    assert run(db_path, "templates", "show", name).exit_code == 0


def test_templates_show_is_the_whole_map_with_what_is_added_marked(db_path: Path) -> None:
    shown = runner.invoke(app, ["--db", str(db_path), "templates", "show", "login-lockout"],
                          env={"COLUMNS": "80"}).stdout
    flat = " ".join(shown.split())
    for text in ("KPI: Time to resolution 9.5 → 2 hours",
                 "4.2 Manual account unlock — Tier 2 support · backstage",
                 "Documented handoffs (1)",
                 "4.1 Identity verification by an agent (Support) → 4.2 Manual account unlock "
                 "(Tier 2 support)",
                 "customer told: no",
                 "1. Reset emails often fail to arrive or land in spam",
                 "quick win: impact high, effort low",
                 "30% reduction in \"didn’t receive email\" tickets",
                 "Lockout notification email — Product · frontstage [added]"):
        assert text in flat, text
    assert all(len(line) <= 80 for line in shown.splitlines())


def test_templates_show_unknown_lists_the_shipped_ones(db_path: Path) -> None:
    one_error_line(run(db_path, "templates", "show", "nope"), "nope", template_names()[0])


def test_import_a_json_backup(db_path: Path, tmp_path: Path, template_file: Path) -> None:
    wid = int(run(db_path, "new", "-t", str(template_file), "--persona", MARKUP,
                  "--scenario", "S").stdout)
    backup = tmp_path / "backup.json"
    backup.write_text(export_workshop(Store(db_path), wid), encoding="utf-8")
    result = run(db_path, "import", str(backup))
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout)
    assert new_id != wid
    copy = Store(db_path).load(new_id)
    assert copy.workshop.persona == MARKUP and len(copy.stages) == 2


@pytest.mark.parametrize(("content", "needle"), [
    (None, "There is no file"),
    (b"{not json", "bad.json"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (json.dumps({"format": "journeymap", "version": 1, "workshop": {"impact": "x"},
                 "stages": []}).encode(), "bad.json"),
])
def test_import_errors_are_one_line(db_path: Path, tmp_path: Path, content: bytes | None,
                                    needle: str) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_bytes(content)
    one_error_line(run(db_path, "import", str(path)), needle)
    assert Store(db_path).list_workshops() == []


# -- the real console script ------------------------------------------------------------
def journeymap(*args: str, env_db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JOURNEYMAP_DB": str(env_db)}
    return subprocess.run([*journeymap_command(), *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def assert_clean_failure(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and needle in proc.stderr


def test_script_refuses_a_non_sqlite_db_without_touching_it(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n", encoding="utf-8")
    before = hashlib.sha256(notes.read_bytes()).hexdigest()
    proc = journeymap("--db", str(notes), "list", env_db=tmp_path / "unused.db")
    assert_clean_failure(proc, "not a journeymap database")
    assert hashlib.sha256(notes.read_bytes()).hexdigest() == before


def test_script_error_paths(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    assert_clean_failure(journeymap("show", "5", env_db=db), "There is no journeymap database")
    assert_clean_failure(journeymap("new", "--persona", "P", env_db=db), "--template")
    assert_clean_failure(journeymap("import", str(tmp_path / "x.json"), env_db=db),
                         "There is no file")
    ok = journeymap("new", "-t", "blank", "--persona", "P", "--scenario", "S", env_db=db)
    assert ok.returncode == 0 and ok.stdout.strip().isdigit() and ok.stderr == ""
    assert db.exists()  # JOURNEYMAP_DB was honoured


def test_templates_save_then_new_from_the_file(db_path: Path, tmp_path: Path) -> None:
    """A workshop saved as a template starts the next map with the same stages and pains."""
    wid = int(run(db_path, "new", "--template", "billing-dispute", "--persona", "Ops [b]lead[/]",
                  "--scenario", "Refund | chase").stdout.strip())
    target = tmp_path / "ours.toml"
    result = run(db_path, "templates", "save", str(wid), str(target), "--title", "Our disputes")
    assert result.exit_code == 0, result.output
    again = run(db_path, "templates", "save", str(wid), str(target))
    assert again.exit_code == 1 and "--force" in again.output
    new_id = int(run(db_path, "new", "--template", str(target), "--persona", "P",
                     "--scenario", "S").stdout.strip())
    with Store(db_path) as store:
        first, second = store.load(wid), store.load(new_id)
    assert [s.name for s in second.stages] == [s.name for s in first.stages]
    assert sorted(p.description for p in second.pain_points) == sorted(
        p.description for p in first.pain_points)
    missing = run(db_path, "templates", "save", "999", str(tmp_path / "x.toml"))
    assert missing.exit_code == 1 and "no workshop 999" in missing.output
