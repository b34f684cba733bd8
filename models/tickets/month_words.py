"""Month words as exports write them, lower-case, to the month's number.

English names and their three-letter forms (Jira, Salesforce and Excel in English), and the
forms of the languages the products export in (German, French, Spanish, Dutch, Italian,
Portuguese): Jira writes its ``dd/MMM/yy`` dates with the exporting user's month words
(``04/Mär/24``), as its XML export writes German day and month names. Every word maps to one
month in every language that has it (``mar`` is March in English and Spanish), so no file
needs its language said. Kept apart from ``dates`` because it is a vocabulary, not parsing.
"""

from __future__ import annotations

_ENGLISH = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")
# Per month: the full names and the abbreviations (with and without accents, as a sheet
# re-saved in another encoding or typed by hand may drop them) beyond the English ones.
_OTHERS: tuple[tuple[str, ...], ...] = (
    ("januar", "janvier", "janv", "enero", "ene", "januari", "gennaio", "gen", "janeiro"),
    ("februar", "février", "fevrier", "févr", "fevr", "fév", "febrero", "februari",
     "febbraio", "fevereiro", "fev"),
    ("märz", "maerz", "mär", "mrz", "mars", "marzo", "maart", "mrt", "março", "marco"),
    ("avril", "avr", "abril", "abr", "aprile"),
    ("mai", "mayo", "mei", "maggio", "mag", "maio"),
    ("juni", "juin", "junio", "giugno", "giu", "junho"),
    ("juli", "juillet", "juil", "julio", "luglio", "lug", "julho"),
    ("août", "aout", "agosto", "ago", "augustus"),
    ("septembre", "septiembre", "settembre", "set", "setembro", "sept"),
    ("oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"),
    ("novembre", "noviembre", "novembro"),
    ("dezember", "dez", "décembre", "decembre", "déc", "dec", "diciembre", "dic", "dicembre",
     "dezembro"),
)

MONTHS: dict[str, int] = {}
for _number, (_name, _others) in enumerate(zip(_ENGLISH, _OTHERS, strict=True), start=1):
    for _word in (_name, _name[:3], *_others):
        MONTHS[_word] = _number
