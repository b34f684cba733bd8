"""Ticket files as real products and spreadsheets write them (session 15, tix19).

A date written with dots (``04.03.2024``) is day-first: every locale that writes dates so
(German, Russian, Polish, Czech, Finnish, Norwegian, Turkish...) puts the day first, and no
locale writes the month first between dots. A German Excel's "Unicode text" (UTF-16, tab)
writes them so; before, a column whose days were all 12 or less and close together in both
orders (one day's tickets) was read month-first, the generic default, and 4 March became
3 April: the month's tickets were filed in the wrong month."""

from __future__ import annotations

import codecs
from pathlib import Path

from models.tickets import dates, engine, metrics


def _excel_text(tmp_path: Path, header: str, rows: list[str]) -> Path:
    path = tmp_path / "export.txt"
    text = header + "\r\n" + "".join(row + "\r\n" for row in rows)
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    return path


def test_dotted_dates_that_fit_both_orders_are_read_day_first() -> None:
    kinds, notes = dates.decide_orders(
        {"Created": ["04.03.2024 09:00"], "Solved": ["04/03/2024 11:00"]}, False, "default")
    assert kinds == {"Created": "day-first", "Solved": "day-first"}
    assert notes == ["'Solved': day and month order taken from the file's other dates"]
    # a day above 12 still decides: dots are only read when nothing else does
    kinds, _ = dates.decide_orders({"Created": ["03.13.2024 09:00"]}, False, "default")
    assert kinds == {"Created": "month-first"}


def test_a_german_excel_unicode_text_of_one_day_is_filed_in_its_month(tmp_path: Path) -> None:
    path = _excel_text(tmp_path, "Id\tStatus\tVia\tCreated at\tSolved at", [
        "1\tSolved\tEmail\t04.03.2024 09:00\t04.03.2024 11:00",
        "2\tSolved\tEmail\t04.03.2024 10:00\t04.03.2024 16:00",
        "3\tOpen\tEmail\t04.03.2024 12:00\t",
    ])
    imp = engine.import_export(path)
    rows = metrics.table(imp, by="period")
    # 4 March 2024, not 3 April: two hours and six, median 4 h
    assert [r.group for r in rows] == ["2024-03", "all"]
    assert rows[-1].ttr_median_hours == 4.0
    assert not any("month-first" in note for note in imp.notes)


def test_a_dotted_column_settles_the_order_of_the_file_s_other_dates(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Id,Status,Created at,Solved at\n"
                    "1,Solved,04.03.2024 09:00,04/03/2024 11:00\n", encoding="utf-8")
    rows = metrics.table(engine.import_export(path), by="period")
    # the slashed resolution is read day-first too: 2 hours, not a month and 2 hours
    assert [r.group for r in rows] == ["2024-03", "all"]
    assert rows[-1].ttr_median_hours == 2.0


# HubSpot's ticket export writes its properties' labels (a public dump of a portal's ticket
# properties: "First agent response date" = hs_first_agent_message_sent_at, "the date of the
# first response from an agent out of all associated conversations"; "First agent email
# response date" = first_agent_reply_date; "First contact resolution" = hs_is_one_touch_ticket,
# "was the ticket closed with just one agent message sent").
HUBSPOT = ("Ticket ID,Ticket name,Pipeline,Ticket status,Create date,Close date,Priority,"
           "Ticket owner,Source,Category,Last activity date,First agent response date,"
           "First agent email response date,First contact resolution\n")


def _hubspot(tmp_path: Path) -> Path:
    path = tmp_path / "hubspot-tickets.csv"
    path.write_text(HUBSPOT + (
        "101,Login,Support Pipeline,Closed,2024-03-04 09:00,2024-03-04 11:00,High,Mia,Email,"
        "Product issue,2024-03-04 11:00,2024-03-04 09:30,2024-03-04 09:30,true\n"
        "102,Bill,Support Pipeline,Closed,2024-03-05 10:00,2024-03-06 14:00,Medium,Raj,Chat,"
        "Billing issue,2024-03-06 14:00,2024-03-05 11:00,,false\n"
        "103,Feat,Support Pipeline,Waiting on contact,2024-03-06 12:00,,Low,Mia,Form,"
        "Feature request,2024-03-07 12:00,2024-03-06 12:15,2024-03-06 12:15,false\n"
        "104,X,Support Pipeline,Waiting on us,2024-03-07 08:00,,,Raj,Phone,,2024-03-08 08:00,"
        ",,false\n"), encoding="utf-8")
    return path


def test_hubspot_first_agent_response_date_is_the_first_response(tmp_path: Path) -> None:
    imp = engine.import_export(_hubspot(tmp_path))
    assert imp.product == "hubspot"
    assert imp.columns["first_response_at"] == "First agent response date"
    total = metrics.table(imp, by=None)[-1]
    # 30, 60 and 15 minutes (104 has no reply yet): median 30 min
    assert total.first_response_median_hours == 0.5
    assert total.ttr_median_hours == 15.0  # 2 h and 28 h


def test_hubspot_one_touch_flag_is_not_read_as_first_contact_resolution(tmp_path: Path) -> None:
    imp = engine.import_export(_hubspot(tmp_path))
    # false on the open tickets too: read as an FCR answer it gave 1 of 4 (25%), the open
    # tickets counted as failures; it is a one-touch flag, not an answer
    assert "fcr" not in imp.columns
    total = metrics.table(imp, by=None)[-1]
    assert total.fcr_rate is None
    assert any("'First contact resolution'" in note and "one agent message" in note
               for note in imp.notes)


def test_hubspot_time_to_close_sla_status_is_the_sla(tmp_path: Path) -> None:
    # hs_time_to_close_sla_status: "SLA completed on time" (3), "SLA completed late" (4),
    # "Overdue" (1), "Due Soon" (2), "Active SLA" (0): the last two have no verdict yet
    path = tmp_path / "hubspot-sla.csv"
    path.write_text(
        "Ticket ID,Ticket name,Pipeline,Ticket status,Create date,Close date,"
        "Time to Close SLA Ticket Status\n"
        "1,a,Support Pipeline,Closed,2024-03-04 09:00,2024-03-04 11:00,SLA completed on time\n"
        "2,b,Support Pipeline,Closed,2024-03-04 09:00,2024-03-06 11:00,SLA completed late\n"
        "3,c,Support Pipeline,Waiting on us,2024-03-01 09:00,,Overdue\n"
        "4,d,Support Pipeline,New,2024-03-04 10:00,,Due Soon\n"
        "5,e,Support Pipeline,New,2024-03-04 10:30,,Active SLA\n", encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.columns["sla_met"] == "Time to Close SLA Ticket Status"
    assert imp.bad_cells == {}
    total = metrics.table(imp, by=None)[-1]
    # met 1 of the 3 with a verdict
    assert total.sla_met_rate == 1 / 3
    assert total.n["sla_met_rate"] == 3


# Jira writes its dates in the exporting user's language: its XML export wrote German day and
# month names ("Di, 1 Nov 2011 10:47:24 +0100", apache/maven-changes-plugin#171), and its
# CSV's default dd/MMM/yy writes the month word the same way, so a German user's file holds
# "04/Mär/24". Before, every such date was unreadable and the import refused.
def test_jira_dates_with_a_german_month_word_are_read(tmp_path: Path) -> None:
    path = tmp_path / "jira-de.csv"
    path.write_text(
        "Summary,Issue key,Issue id,Issue Type,Status,Priority,Created,Updated,Resolved\n"
        "a,SUP-1,10001,Incident,Erledigt,Mittel,04/Mär/24 09:00,04/Mär/24 11:00,"
        "04/Mär/24 11:00\n"
        "b,SUP-2,10002,Incident,Erledigt,Mittel,30/Dez/24 09:00,02/Jan/25 09:00,"
        "02/Jan/25 09:00\n", encoding="utf-8")
    imp = engine.import_export(path)
    rows = metrics.table(imp, by="period")
    assert [r.group for r in rows] == ["2024-03", "2024-12", "all"]
    assert rows[-1].ttr_median_hours == 37.0  # 2 h and 72 h


def test_month_words_of_the_export_languages() -> None:
    assert dates.parse_month_name("04/Mär/24 9:00 AM") == dates.parse_month_name(
        "04/Mar/24 9:00 AM")
    assert dates.parse_month_name("4 févr. 2024 10:00").month == 2  # type: ignore[union-attr]
    assert dates.parse_month_name("12-Okt-2024 17:45").month == 10  # type: ignore[union-attr]
    assert dates.parse_month_name("1 mei 2024").month == 5  # type: ignore[union-attr]
    assert dates.parse_month_name("3/dic/24 09:00").month == 12  # type: ignore[union-attr]


def test_an_excel_re_saved_in_german_keeps_the_sla_verdicts(tmp_path: Path) -> None:
    # A sheet's TRUE/FALSE cells are saved in Excel's language: WAHR/FALSCH (German),
    # VERDADERO/FALSO (Spanish), VERO/FALSO (Italian), VERDADEIRO/FALSO (Portuguese),
    # WAAR/ONWAAR (Dutch); French VRAI/FAUX were read already. Before, every WAHR/FALSCH
    # was unreadable and SLA met was n/a ("no ticket has an SLA value").
    path = tmp_path / "incidents.csv"
    path.write_text(
        "number;opened_at;state;made_sla;resolved_at\n"
        "INC1;04.03.2024 09:00:00;Geschlossen;WAHR;04.03.2024 13:00:00\n"
        "INC2;04.03.2024 10:00:00;Gelöst;FALSCH;05.03.2024 10:00:00\n"
        "INC3;05.03.2024 10:00:00;In Bearbeitung;FALSCH;\n", encoding="utf-8")
    imp = engine.import_export(path)
    assert imp.bad_cells == {}
    assert metrics.table(imp, by=None)[-1].sla_met_rate == 1 / 3


def test_excel_true_false_words_of_the_export_languages() -> None:
    from models.tickets import values

    for yes, no in (("WAHR", "FALSCH"), ("VERDADERO", "FALSO"), ("VERO", "FALSO"),
                    ("VERDADEIRO", "FALSO"), ("WAAR", "ONWAAR"), ("Ja", "Nein")):
        assert values.parse_bool(yes) is True and values.parse_bool(no) is False
