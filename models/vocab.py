"""The words the domain stores and checks against, in one place (stdlib only).

A vocabulary lives here so that a table, a validator, a rule and a screen can
never disagree about which values exist.  Nothing here imports the database.
"""

from __future__ import annotations

# -- method vocabulary: actors, emotions, projected effects, review cadence ---------------
# Who performs a touchpoint (service blueprinting): the customer on their own
# (self-service), a bot, a person (agent) or backstage automation (system).
ACTORS: tuple[str, ...] = ("customer", "bot", "agent", "system")
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
