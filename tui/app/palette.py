"""The command palette's search: an entry's title first, then the words of its help text.

Why: Textual's system commands are matched on the title only, so "review" found nothing
although the monthly leadership review is on the Plan step.  Each entry's help text says
what a lead would call it (``models.vocab.STEP_WORDS`` for the steps and method views,
``ACTION_WORDS`` for every key, through ``tui.actions.palette_help``); a query whose every
word starts a word of that text finds the entry, ranked below the title matches.
"""

from __future__ import annotations

import re

from textual.command import DiscoveryHit, Hit, Hits
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.system_commands import SystemCommandsProvider

HELP_SCORE = 0.2  # below a title match, which Textual's matcher scores from about 0.3


def says(help_text: str, query: str) -> bool:
    """Whether every word of the query starts a word of the help text ("lead" finds
    "leadership"; "view" does not find "review")."""
    words = query.lower().split()
    text = help_text.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", text) for w in words)


def literal(matcher: Matcher, title: str) -> Content:
    """``Matcher.highlight`` without reading the title as markup: an entry may be named by
    user text (Home's workshops), and Textual's highlight parses its candidate as markup
    ("[bold]boss[/bold]" came out bold; a stray "[/]" raised)."""
    content = Content(title)
    for offset in matcher.fuzzy_search.match(matcher.query, title)[1]:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class LeadWords(SystemCommandsProvider):
    """The app's palette commands, found by their title or by the words of their help.

    Titles and help are shown literally (the palette reads both as markup)."""

    async def discover(self) -> Hits:
        """The entries listed before anything is typed (``discover``), in title order."""
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: c[0])
        for title, help_text, callback, discover in commands:
            if discover:
                yield DiscoveryHit(Content(title), callback, text=title,
                                   help=escape(help_text) if help_text else help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            shown = escape(help_text) if help_text else help_text
            if (score := matcher.match(title)) > 0:
                yield Hit(score, literal(matcher, title), callback, text=title, help=shown)
            elif says(help_text or "", query):
                yield Hit(HELP_SCORE, Content(title), callback, text=title, help=shown)
