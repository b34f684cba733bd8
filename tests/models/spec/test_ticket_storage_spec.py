"""What ``tickets show``, ``tickets link``, ``tickets baseline`` and ``tickets tie`` give a
lead, specified on the stored readings themselves (the CLI is a skin over these).

- the table shows one period of the latest import that has it (a span over its months
  when there is one), groups largest first with ties by name, the whole ("all") last;
  an unknown grouping, a workshop without imports, a period never imported as a whole
  and an export without the column asked for are each refused in one sentence;
- the JSON records keep the table's keys, rates as fractions to four decimals, the
  reopened count, why each missing figure is missing and how many tickets each counts;
- a stage is named by its number from 1 or its name in any capitals and spacing;
- a stage KPI's baseline is read in the unit the stage states (percent unless "ratio";
  hours, or days/minutes when it says so; tickets and answers for counts);
- a card is tied to a real metric, to "all" or KIND=VALUE of a real grouping, with a
  target read as a change (-30%) or a value (=0.85).
"""

from __future__ import annotations

import json

import pytest

from models.db.journey import Journey
from models.db.store import NotFound, Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Stage, Workshop
from models.rules.measures import stage_kpi
from models.tickets import baselines, links, readings, show, storage
from models.tickets.output import KEYS


def _reading(period: str, kind: str = "all", value: str = "", tickets: int = 10,
             source: int = 1, **fields: object) -> Reading:
    return Reading(source_id=source, workshop_id=1, period=period, group_kind=kind,
                   group_value=value, tickets=tickets, **fields)


def _source(number: int, name: str = "march.csv", links: str = "{}") -> TicketSource:
    return TicketSource(id=number, workshop_id=1, file_name=name, links=links)


# --- the table of ``tickets show`` ----------------------------------------------------

def _two_months(source: int = 1) -> list[Reading]:
    rows = []
    for period in ("2024-03", "2024-04", "2024-03..2024-04"):
        rows += [_reading(period, "category", "Login", 4, source),
                 _reading(period, "category", "Billing", 4, source),
                 _reading(period, "category", "Refund", 7, source),
                 _reading(period, "all", "", 15, source)]
    return rows


def _shown(rows: list[Reading]) -> list[tuple[str, str, int]]:
    return [(r.period, r.group_value or "all", r.tickets) for r in rows]


def test_the_table_shows_the_span_of_the_latest_import_largest_group_first_all_last() -> None:
    rows = show.table_rows(_two_months(), [_source(1)])
    assert _shown(rows) == [("2024-03..2024-04", "Refund", 7),
                            ("2024-03..2024-04", "Billing", 4),
                            ("2024-03..2024-04", "Login", 4),
                            ("2024-03..2024-04", "all", 15)]


def test_without_a_span_the_table_shows_the_latest_month_of_the_latest_import() -> None:
    older = [_reading("2024-05", "category", "Login", 9, 1), _reading("2024-05", tickets=9)]
    newer = [_reading(p, "category", "Login", n, 2) for p, n in (("2024-02", 1), ("2024-01", 2))]
    newer += [_reading("2024-02", tickets=1, source=2), _reading("2024-01", tickets=2, source=2)]
    rows = show.table_rows(older + newer, [_source(1), _source(2)])
    assert _shown(rows) == [("2024-02", "Login", 1), ("2024-02", "all", 1)]
    assert {r.source_id for r in rows} == {2}


def test_a_period_asked_for_comes_from_the_latest_import_that_has_it() -> None:
    first = _two_months(1)
    again = [_reading("2024-04", "category", "Login", 5, 2), _reading("2024-04", tickets=5,
                                                                      source=2)]
    rows = show.table_rows(first + again, [_source(1), _source(2)], period="2024-04")
    assert _shown(rows) == [("2024-04", "Login", 5), ("2024-04", "all", 5)]
    rows = show.table_rows(first + again, [_source(1), _source(2)], period="2024-03")
    assert _shown(rows)[-1] == ("2024-03", "all", 15)
    span = show.table_rows(first, [_source(1)], period="2024-03..2024-04")
    assert _shown(span)[-1] == ("2024-03..2024-04", "all", 15)


def test_another_grouping_shows_its_own_groups() -> None:
    rows = [*_two_months(), _reading("2024-03..2024-04", "channel", "email", 15)]
    assert _shown(show.table_rows(rows, [_source(1)], by="channel")) == [
        ("2024-03..2024-04", "email", 15), ("2024-03..2024-04", "all", 15)]


def test_what_the_table_cannot_show_is_said_in_one_sentence() -> None:
    with pytest.raises(ValueError) as info:
        show.table_rows(_two_months(), [_source(1)], by="colour")
    assert str(info.value) == "--by must be one of category, channel, priority, group, period."
    with pytest.raises(ValueError) as info:
        show.table_rows([], [])
    assert str(info.value) == ("This workshop has no ticket data yet: run `journeymap "
                               "tickets import FILE --workshop ID` first.")
    with pytest.raises(ValueError) as info:
        show.table_rows(_two_months(), [_source(1)], period="2024-05")
    assert str(info.value) == (
        "No import covers the period 2024-05 as a whole (imported: 2024-03, "
        "2024-03..2024-04, 2024-04); import that file with --period 2024-05.")
    with pytest.raises(ValueError) as info:
        show.table_rows(_two_months(), [_source(2, "other.csv"), _source(1, "march.csv")],
                           by="priority")
    assert str(info.value) == ("The export march.csv has no priority column, so tickets "
                               "cannot be grouped by it.")


# --- the records of ``tickets show --format json`` ------------------------------------

def test_records_keep_the_keys_rates_to_four_decimals_and_why_a_figure_is_missing() -> None:
    row = _reading("2024-03", "category", "Login", 12, fcr_rate=2 / 3, reopened=1,
                   csat_responses=3, unavailable='{"csat_mean": "no survey column"}',
                   counts='{"fcr_rate": 12}')
    total = _reading("2024-03", tickets=12, unavailable="", counts="")
    login, whole = show.records([row, total])
    assert list(login) == [*KEYS, "reopened", "unavailable", "n"]
    assert login["group"] == "Login" and whole["group"] == "all"
    assert login["fcr_rate"] == 0.6667 and login["csat_responses"] == 3
    assert login["period"] == "2024-03" and login["tickets"] == 12
    assert login["csat_mean"] is None and login["reopened"] == 1
    assert login["unavailable"] == {"csat_mean": "no survey column"}
    assert login["n"] == {"fcr_rate": 12}
    assert (whole["unavailable"], whole["n"], whole["reopened"]) == ({}, {}, None)
    assert json.loads(json.dumps(login)) == login


# --- naming a stage ----------------------------------------------------------------------

STAGES = [Stage(id=31, workshop_id=1, name="Sign in"), Stage(id=32, workshop_id=1,
                                                               name=" Pay  ")]


@pytest.mark.parametrize(("wanted", "found"), [
    ("1", 31), ("2", 32), (" 2 ", 32), ("sign in", 31), ("SIGN IN ", 31), ("pay", 32),
])
def test_a_stage_is_named_by_its_number_or_its_name_in_any_capitals(wanted: str,
                                                                     found: int) -> None:
    assert links.stage_id(STAGES, wanted, 1) == found


@pytest.mark.parametrize("wanted", ["0", "3", "Sign", "31"])
def test_no_such_stage_is_refused_with_the_names(wanted: str) -> None:
    with pytest.raises(NotFound) as info:
        links.stage_id(STAGES, wanted, 4)
    assert str(info.value) == (f"Workshop 4 has no stage {wanted!r} (stages: Sign in,  Pay  ).")


# --- a stage KPI baseline from the readings ------------------------------------------

def _kpi_journey(kpi: str, unit: str, **fields: object) -> tuple[Journey, Stage]:
    stage = Stage(id=31, workshop_id=1, name="Sign in", kpi_name=kpi, kpi_unit=unit)
    readings = [_reading(m, "category", "Login", 20, **fields) for m in ("2024-03", "2024-04")]
    readings[1].tickets = 99
    journey = Journey(workshop=Workshop(id=1, title="Login"), stages=[stage],
                      ticket_sources=[_source(1, links='{"Login": {"stage": 31}}')],
                      readings=readings)
    return journey, stage


@pytest.mark.parametrize(("kpi", "unit", "fields", "value", "shown"), [
    ("Reopen rate", "", {"reopen_rate": 0.125}, 12.5, "%"),
    ("Reopen rate", "%", {"reopen_rate": 0.125}, 12.5, "%"),
    ("Reopen rate", " Ratio ", {"reopen_rate": 0.125}, 0.125, " Ratio "),
    ("Resolution time", "", {"ttr_median_hours": 36.0}, 36.0, "hours"),
    ("Resolution time", "%", {"ttr_median_hours": 36.0}, 36.0, "hours"),
    ("Resolution time", "Days", {"ttr_median_hours": 36.0}, 1.5, "Days"),
    ("Resolution time", "day", {"ttr_median_hours": 36.0}, 1.5, "day"),
    ("Resolution time", "minutes", {"ttr_median_hours": 1.5}, 90.0, "minutes"),
    ("Resolution time", "MIN", {"ttr_median_hours": 1.5}, 90.0, "MIN"),
    ("Ticket volume", "%", {}, 20, "tickets"),
    ("Backlog", "%", {"backlog_open": 6}, 6, "tickets"),
    ("CSAT", "points", {"csat_mean": 4.25}, 4.25, "points"),
])
def test_a_baseline_is_the_first_month_in_the_unit_the_stage_states(
        kpi: str, unit: str, fields: dict[str, object], value: float, shown: str) -> None:
    journey, stage = _kpi_journey(kpi, unit, **fields)
    got = baselines.baseline_from_data(journey, stage)
    assert not isinstance(got, str)
    assert got[:2] == (pytest.approx(value), shown)
    assert got[2] == stage_kpi(journey, stage).provenance and "2024-03" in got[2]


def test_a_metric_named_by_the_lead_is_read_whatever_the_kpi_is_called() -> None:
    journey, stage = _kpi_journey("Happy customers", "", reopen_rate=0.25)
    assert baselines.baseline_from_data(journey, stage) == (
        "no ticket metric measures 'Happy customers'")
    got = baselines.baseline_from_data(journey, stage, "reopen_rate")
    assert not isinstance(got, str) and got[:2] == (25.0, "%")
    journey, stage = _kpi_journey("CSAT responses", "%", csat_responses=8)
    got = baselines.baseline_from_data(journey, stage, "csat_responses")
    assert not isinstance(got, str) and got[:2] == (8, "answers")


def test_no_baseline_says_why() -> None:
    journey, stage = _kpi_journey("Reopen rate", "")
    assert baselines.baseline_from_data(journey, stage) == stage_kpi(journey, stage).reason
    journey.ticket_sources[0].links = "{}"
    assert baselines.baseline_from_data(journey, stage) == (
        "no ticket category is mapped to this stage")


# --- tying a card to a metric ---------------------------------------------------------

@pytest.fixture
def card(store: Store) -> tuple[int, int]:
    wid = int(store.create_workshop(title="Login").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="Link expires"))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="Longer link"))
    return wid, int(card.id or 0)


@pytest.mark.parametrize(("group", "target", "number", "relative"), [
    ("category=Login", "-30%", -0.3, True),
    ("all", "=0.85", 0.85, False),
    ("channel=email=web", "85%", 0.85, False),
    ("group=Tier 1", "+5", 5.0, True),
])
def test_a_card_is_tied_to_a_metric_a_group_and_a_target(
        store: Store, card: tuple[int, int], group: str, target: str, number: float,
        relative: bool) -> None:
    wid, card_id = card
    saved = links.link_card(store, wid, card_id, metric="reopen_rate", group=group,
                              target=target)
    stored = next(c for c in store.load(wid).cards if c.id == card_id)
    for tied in (saved, stored):
        assert (tied.signal_metric, tied.signal_group) == ("reopen_rate", group)
        assert tied.signal_target == pytest.approx(number)
        assert tied.signal_relative is relative


def test_a_tie_to_what_does_not_exist_is_refused_and_nothing_saved(
        store: Store, card: tuple[int, int]) -> None:
    wid, card_id = card
    with pytest.raises(ValueError) as info:
        links.link_card(store, wid, card_id, metric="happiness", group="all", target="-1%")
    assert str(info.value) == ("--metric 'happiness' is not a ticket metric; choose one of: "
                               f"{', '.join(readings.METRICS)}.")
    with pytest.raises(NotFound) as missing:
        links.link_card(store, wid, card_id + 1, metric="tickets", group="all", target="-1%")
    assert str(missing.value) == f"Workshop {wid} has no card {card_id + 1}."
    for group in ("category", "category=", "colour=red", "All", ""):
        with pytest.raises(ValueError) as info:
            links.link_card(store, wid, card_id, metric="tickets", group=group,
                              target="-1%")
        assert str(info.value) == (
            f"--group {group!r} must be all or KIND=VALUE with KIND one of category, "
            "channel, priority, group (for example category=Login).")
    stored = next(c for c in store.load(wid).cards if c.id == card_id)
    assert stored.signal_metric in ("", None)


# --- what an import says about partial months and missing figures ----------------------

def _export(tmp_path, days: list[str]):  # type: ignore[no-untyped-def]
    path = tmp_path / "tickets.csv"
    lines = ["Ticket ID,Created at,Status"]
    lines += [f"T{i},{day} 10:00,open" for i, day in enumerate(days)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_import_ending_inside_its_only_month_says_no_evidence_comes_from_it(
        store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wid = int(store.create_workshop(title="Login").id or 0)
    result = storage.import_file(store, wid, _export(tmp_path, ["2024-04-01", "2024-04-10"]))
    assert result.partial == ("2024-04 has data only to 2024-04-10, a partial month: no "
                              "complete month yet, so no evidence is filled from it",)


def test_an_import_ending_inside_a_month_takes_the_evidence_from_the_month_before(
        store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wid = int(store.create_workshop(title="Login").id or 0)
    days = ["2024-03-01", "2024-03-31", "2024-04-02"]
    result = storage.import_file(store, wid, _export(tmp_path, days))
    assert result.partial == ("2024-04 has data only to 2024-04-02, a partial month: the "
                              "evidence comes from 2024-03",)


def test_a_missing_reopen_count_says_why_like_the_reopen_rate_in_name_order(
        store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    wid = int(store.create_workshop(title="Login").id or 0)
    storage.import_file(store, wid, _export(tmp_path, ["2024-03-01", "2024-03-31"]))
    [reading] = [r for r in store.load(wid).readings if r.group_kind == "all"]
    why = json.loads(reading.unavailable)
    assert reading.reopened is None
    assert why["reopened"] == why["reopen_rate"] != ""
    assert list(why) == sorted(why)
