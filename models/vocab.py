"""The workshop's vocabulary: steps, roles, statuses, kinds, lanes and timings.

One source for words that the database, the rules, the CLI and the TUI must
agree on.  It imports nothing but the standard library, so the CLI's ``--help``
and the app's first paint can use it without loading SQLModel or Textual; every
other module imports these names instead of keeping a copy that could drift.
"""

from __future__ import annotations

# The five workshop steps and the three output screens, in the order of the step bar.
STEPS: tuple[str, ...] = (
    "scope", "stages", "touchpoints", "ownership", "pains", "cards", "tracker", "plan",
)
WORKSHOP_STEPS: tuple[str, ...] = STEPS[:5]
LABELS: dict[str, str] = {
    "scope": "Scope", "stages": "Stages", "touchpoints": "Touchpoints",
    "ownership": "Ownership", "pains": "Pain points", "cards": "Cards",
    "tracker": "Tracker", "plan": "Plan",
}
SHORT: dict[str, str] = {
    "scope": "Scope", "stages": "Stages", "touchpoints": "Touch", "ownership": "Owners",
    "pains": "Pains", "cards": "Cards", "tracker": "Track", "plan": "Plan",
}
ALIASES: dict[str, str] = {
    **{str(i + 1): step for i, step in enumerate(STEPS)},
    "pain": "pains", "pain points": "pains", "pain point": "pains", "painpoints": "pains",
    "owners": "ownership", "owner": "ownership", "touch": "touchpoints",
    "touchpoint": "touchpoints", "stage": "stages", "card": "cards", "track": "tracker",
}

ROLES: tuple[str, ...] = ("lead", "participant", "observer")
CARD_STATUSES: tuple[str, ...] = ("proposed", "in_progress", "done", "dropped")

# What a lead calls each step and method view: the palette finds one by these words ("review"
# finds Plan, "SLA" Escalation).
STEP_WORDS: dict[str, str] = {
    "scope": "persona, scenario, goals and evidence",
    "stages": "the stages of the journey and their KPIs",
    "touchpoints": "channels, actors and emotions at each stage",
    "ownership": "owners, handoffs and escalations",
    "pains": "pain points, dot voting and priorities",
    "cards": "hypothesis cards: solutions, projected effects, export (Markdown, JSON backup)",
    "tracker": "owners, deadlines, overdue items, SLA commitments, export (tracker CSV for a "
               "spreadsheet)",
    "plan": "the 60-day action plan and the monthly leadership review, export (plan calendar "
            "ICS, Markdown, JSON backup)",
    "escalation": "severity levels, SLAs, response and update times, tiers, on-call",
    "future": "the to-be journey, business case, cost per contact, savings",
    "moments": "moments of truth: the peaks and lows that decide how customers feel",
}

# What a lead calls each key of the app (tui.actions, by action name; pairing by its
# ``pairing('…')`` argument): the palette finds an entry by these words ("calendar" finds
# the export, "who is here" the participants), as it finds a step by STEP_WORDS.
ACTION_WORDS: dict[str, str] = {
    "app.focus_next": "next field, move between the table and the form",
    "app.focus_previous": "previous field, move between the table and the form",
    "leave_field": "stop typing, back to the table",
    "back_to_table": "back to the table, leave the form",
    "add": "add, new, create",
    "delete": "delete, remove",
    "edit": "edit, change, rename",
    "move": "move, reorder up or down",
    "baseline": "KPI baseline from ticket data, measured starting value",
    "add_to_stage": "add a touchpoint to another stage",
    "move_stage": "move to another stage",
    "nudge": "sentiment, emotion, mood up or down",
    "add_pain": "new pain point, problem at this touchpoint",
    "toggle_matrix": "impact and effort matrix or list, priorities",
    "link": "link the pain point to a touchpoint",
    "five_whys": "five whys, root cause",
    "settings": "facilitation settings: votes per person, step minutes, lead",
    "export": "export, save or download: Markdown action plan, JSON backup, tracker CSV "
              "for a spreadsheet, plan calendar (ICS)",
    "make_future": "to-be copy, future state, redesign the journey",
    "future": "to-be copy, future state, redesign the journey",
    "set_cost": "cost per contact, channel cost, business case",
    "create_top": "hypothesis card for the top pain point, solution, experiment",
    "tie_signal": "measure the card: tie its signal to ticket data, success metric",
    "create_pick": "hypothesis card for a chosen pain point, solution, experiment",
    "cycle_status": "status: " + ", ".join(s.replace("_", " ") for s in CARD_STATUSES),
    "toggle_overdue": "overdue only, late, behind schedule",
    "toggle_scope": "all workshops, portfolio, every map",
    "toggle_sort": "sort by due date, deadline first, what is due next",
    "pick_owner": "one owner, whose items, filter by person, my items",
    "open_item": "go to the item's workshop, open its card or plan task",
    "regenerate": "regenerate, rebuild the 60-day plan",
    "start_date": "start date of the plan, calendar, when day 1 is",
    "open": "open the workshop",
    "new_template": "new workshop from a template, start a map",
    "new_blank": "new blank workshop, empty map",
    "duplicate": "duplicate, copy the workshop",
    "app.quit": "quit, exit, close journeymap",
    "next_step": "next step, forward",
    "prev_step": "previous step, back",
    "home": "home: all workshops, open or start another map",
    "data": "ticket data: import a ticket export (CSV, spreadsheet, JSON), metrics, KPI trends",
    "undo": "undo, take back or revert my own last edit, add, delete or move, oops",
    "import": "import a ticket export (CSV, spreadsheet, JSON)",
    "map_category": "map a ticket category to a pain point or stage",
    "fill": "fill the map from ticket data: volumes, KPI baselines",
    "close": "back, close the ticket data",
    "follow": "follow the lead's screen, go where the lead goes",
    "gather": "bring everyone to this step, gather the room",
    "timer": "step timer, timebox, countdown, clock",
    "done": "done with this step, finished, ready",
    "vote": "dot voting: vote for the selected pain point",
    "unvote": "dot voting: take a vote back",
    "reveal": "dot voting: reveal or hide the votes",
    "activity": "activity: who changed what, history, change log",
    "participants": "who is here, people in the room, their roles: " + ", ".join(ROLES),
}

# Views of the method beside the eight steps (palette only, never numbered in the step bar).
METHOD_VIEWS: tuple[str, ...] = ("escalation", "future", "moments")
METHOD_LABELS: dict[str, str] = {"escalation": "Escalation", "future": "Future state",
                                 "moments": "Moments of truth"}

# The key of a browser seat (``journeymap invite``): one per invitation, ``invite:12``.
INVITE_KEY_PREFIX = "invite:"

# The plan phases a card lands in besides the method's weeks and reviews, and the
# short words the timeline's phase column (ten cells) shows for them.
QUEUED_PHASE = "Queued cards"
NEXT_CYCLE_PHASE = "After day 60 — next cycle"
BEFORE_PLAN_PHASE = "Due before day 1"
SHORT_PHASES: dict[str, str] = {QUEUED_PHASE: "Queued", NEXT_CYCLE_PHASE: "Next cycle",
                                BEFORE_PLAN_PHASE: "Before D1"}
TASK_STATUSES: tuple[str, ...] = CARD_STATUSES
CLOSED_STATUSES: frozenset[str] = frozenset({"done", "dropped"})
# The tracker's status of an escalation level's SLA commitment: it is never done, it
# holds for as long as the matrix says so.
STANDING = "standing"
PAIN_KINDS: tuple[str, ...] = ("loop", "branch", "dead_end", "other")
# A table's rows as people call them (the change log stores the table's name).
ROW_KINDS: dict[str, str] = {"painpoint": "pain point", "hypothesiscard": "hypothesis card",
                             "plantask": "plan task", "channelcost": "channel cost",
                             "escalationlevel": "escalation level", "workshop": "workshop",
                             "stage": "stage", "touchpoint": "touchpoint", "vote": "vote",
                             "handoff": "handoff", "participant": "participant",
                             "ticketsource": "ticket source", "reading": "ticket reading",
                             "changelog": "change log entry"}
LANES: tuple[str, ...] = ("frontstage", "backstage")
WORKSHOP_STATES: tuple[str, ...] = ("current", "future")
TO_BE_MARK = " (to-be)"  # after a future state's title: its copy's name, and Home's marker

WINDOW_S = 10.0  # a seat silent for longer than this is shown as gone
HEARTBEAT_S = 3.0  # how often a seat refreshes its row (well inside WINDOW_S)
POLL_S = 0.1  # live refresh: how often a seat asks SQLite whether anyone committed

TODAY_ENV = "JOURNEYMAP_TODAY"  # YYYY-MM-DD: rehearse a review date, or pin snapshots
# The first and last date a workshop can mean, ISO (vocab imports no datetime): before 1970
# or after 2199 is a typo, and a year 9999 would overflow every "deadline + n days".
DATE_SPAN: tuple[str, str] = ("1970-01-01", "2199-12-31")


def resolve_step(name: str | None) -> str | None:
    """Map what a person types for a step to its key, or None if unknown.

    Accepts the key (``pains``), its number (``5``), its label (``Pain points``)
    and the usual spellings (``pain-points``, ``pain_points``), in any case.
    """
    if not name:
        return None
    key = " ".join(name.strip().lower().replace("-", " ").replace("_", " ").split())
    if key in STEPS:
        return key
    for step, label in LABELS.items():
        if key == label.lower():
            return step
    return ALIASES.get(key) or ALIASES.get(key.replace(" ", ""))


def step_number(step: str) -> str:
    """"1".."5" for the workshop steps, "" for the output screens."""
    return str(STEPS.index(step) + 1) if step in WORKSHOP_STEPS else ""


def status_label(status: str) -> str:
    """"in_progress" -> "in progress": how people say it."""
    return status.replace("_", " ")


# -- method vocabulary: actors, emotions, projected effects, review cadence ---------------
# Who performs a touchpoint (service blueprinting): the customer on their own
# (self-service), a bot, a person (agent) or backstage automation (system).
ACTORS: tuple[str, ...] = ("customer", "bot", "agent", "system")
# One letter per actor for swimlanes and diagrams: readable without colour, and in
# a cell only a few characters wide.
ACTOR_LETTERS: dict[str, str] = {"customer": "C", "bot": "B", "agent": "A", "system": "S"}
ACTOR_LABELS: dict[str, str] = {"customer": "self-service", "bot": "bot",
                                "agent": "agent", "system": "system"}
# Actors that take work off a person: a to-be touchpoint done by one of these,
# where the as-is had an agent, counts as automated.
AUTOMATED_ACTORS: tuple[str, ...] = ("customer", "bot", "system")

# The 22 emotion types of the OCC model (Ortony, Clore & Collins), the structured
# tags the method names beside the free "feels" text; "" means not tagged.
OCC_EMOTIONS: tuple[str, ...] = (
    "joy", "distress", "hope", "fear", "satisfaction", "fears_confirmed", "relief",
    "disappointment", "happy_for", "resentment", "gloating", "pity", "pride", "shame",
    "admiration", "reproach", "gratification", "remorse", "gratitude", "anger", "love",
    "hate",
)

# What a hypothesis card is projected to change on its pain point's contacts:
# deflection (percent of contacts that no longer happen), handle time (percent
# change of minutes per contact, negative = faster), volume (percent change).
EFFECT_KINDS: tuple[str, ...] = ("deflection", "handle_time", "volume")

# A living map is reviewed monthly (method 002: "teams map journeys once, then fail
# to maintain them").
REVIEW_EVERY_DAYS = 30

# ``source`` of a stage, touchpoint, handoff, pain point or card: "" when it comes
# from the room or the method's own example, "added" when a template illustrates
# something the method does not say, so a lead can tell evidence from illustration.
SOURCES: tuple[str, ...] = ("", "added")

# The ticket metrics (models.tickets.readings.METRICS) in a lead's words, for choosing one.
TICKET_METRIC_WORDS: dict[str, str] = {
    "tickets": "ticket volume", "reopened": "tickets reopened",
    "fcr_rate": "first contact resolution", "reopen_rate": "share reopened",
    "ttr_median_hours": "time to resolution, median", "ttr_p90_hours":
    "time to resolution, p90", "first_response_median_hours": "first response, median",
    "csat_mean": "CSAT, mean of answers", "csat_responses": "CSAT answers",
    "csat_satisfied_share": "CSAT, share of 4-5", "reassigned_rate": "share reassigned",
    "sla_met_rate": "SLA met", "backlog_open": "open tickets",
    "backlog_median_age_hours": "age of open tickets, median",
    "ttr_business_median_hours": "time to resolution in business hours, median",
    "ttr_business_p90_hours": "time to resolution in business hours, p90",
    "frt_business_median_hours": "first response in business hours, median",
    # the waits of resolved tickets (models.tickets.stats.WAITS), as the export counts them
    **{f"{wait}{within}_{stat}_hours": f"{words}{hours}, {stat}"
       for wait, words in (("requester_wait", "requester wait"), ("agent_wait", "agent wait"),
                           ("on_hold", "on hold"))
       for within, hours in (("", ""), ("_business", " in business hours"))
       for stat in ("median", "p90")},
}

# What ``tickets show``'s table calls a metric (its column heads, and the words the lines
# under it use for a metric the export cannot support); a metric the table has no word for
# is said in TICKET_METRIC_WORDS' words (the waits printed their field names before).
TICKET_TABLE_WORDS: dict[str, str] = {
    "tickets": "tickets", "fcr_rate": "FCR", "reopen_rate": "reopen",
    "reopened": "reopened tickets", "ttr_median_hours": "TTR median",
    "ttr_p90_hours": "TTR p90", "first_response_median_hours": "first response median",
    "csat_mean": "CSAT (1-5 mean)", "csat_responses": "CSAT answers",
    "csat_satisfied_share": "CSAT satisfied share", "reassigned_rate": "reassign",
    "sla_met_rate": "SLA met", "backlog_open": "open backlog",
    "backlog_median_age_hours": "backlog median age",
}

# The KPI rows of the Data screen's history table and of the Markdown's Measured section, in
# this order: (metric, the screen's short label, the document's label). One list, so the
# screen and the document show the same figures: until session 15 the screen had the waits
# and not the business-hours rows, the document the reverse.
KPI_ROWS: tuple[tuple[str, str, str], ...] = (
    ("tickets", "Tickets", "Tickets"),
    ("fcr_rate", "FCR", "First contact resolution"),
    ("reopen_rate", "Reopen rate", "Reopen rate"),
    ("reopened", "Reopened", "Reopened tickets"),
    ("ttr_median_hours", "TTR median", "Time to resolution (median)"),
    ("ttr_p90_hours", "TTR p90", "Time to resolution (p90)"),
    ("first_response_median_hours", "First response", "First response (median)"),
    ("ttr_business_median_hours", "Business TTR", "Time to resolution, business hours (median)"),
    ("ttr_business_p90_hours", "Business TTR p90", "Time to resolution, business hours (p90)"),
    ("frt_business_median_hours", "Business 1st resp", "First response, business hours (median)"),
    ("csat_mean", "CSAT", "CSAT (mean of answered)"),
    ("csat_satisfied_share", "CSAT satisfied", "CSAT satisfied share"),
    ("reassigned_rate", "Reassigned", "Reassignment rate"),
    ("sla_met_rate", "SLA met", "SLA met"),
    ("backlog_open", "Backlog", "Open backlog"),
    # the waits of resolved tickets (models.tickets.stats.WAITS), stored since schema 11
    ("requester_wait_median_hours", "Requester wait", "Requester wait (median)"),
    ("agent_wait_median_hours", "Agent wait", "Agent wait (median)"),
    ("on_hold_median_hours", "On hold", "On hold (median)"),
)

# The first cell of a totals row at the end of a ticket export or a spreadsheet, in the
# languages exports are written in (models.tickets.checks.TOTALS: any case, a word of its own,
# so "Totally" is not one); such a row is left out and named, not taken for a ticket.
TOTALS_WORDS: tuple[str, ...] = (
    "total", "totals", "grand total", "grand totals", "subtotal", "subtotals", "sub-total",
    "sum", "count",
    "gesamt", "gesamtsumme", "gesamtergebnis", "insgesamt", "summe", "zwischensumme",  # de
    "total général", "sous-total", "somme",  # fr
    "total general", "suma",  # es
    "totale", "totale complessivo", "subtotale", "somma",  # it
    "total geral", "soma",  # pt
    "totaal", "eindtotaal", "subtotaal",  # nl
    "totalt", "summa",  # sv, nb
    "yhteensä", "razem", "celkem", "toplam",  # fi, pl, cs, tr
    "итого", "всего",  # ru
    "合計", "総計", "小計", "总计", "合计", "小计", "總計", "합계", "총계",  # ja, zh, ko
)

def row_kind(table: str) -> str:
    """A table as people call its rows: "pain point", "touchpoint"."""
    return ROW_KINDS.get(table, table)
